"""Option labels the text detector missed beside a check box, read from the strip beside it.

Owns: finding the boxes read from the pixels that stand in no recognised text while ink
lies beside them in their row (the detector, thrown by a hand tick drawn over the line or
by a box's dense ink, skipped the whole `☑有可能完成`), and the strip to read for each:
the box's row between the rulings or recognised text on either side, as tall as the line.
The strip holds the box, so the recognizer's text and the box go through `glyphs.claim`
like any other line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parsers.ocr.glyphs import Piece, boxes_in
from parsers.ocr.marks import Box
from parsers.ocr.prep import INK_GREY
from parsers.readers.pdf_primitives import Shape

# The strip runs at most this many box sides past the box.
STRIP_MAX_SIDES = 16.0
# The strip is the box's rows and this share of its side above and below (a line's type is
# about 1.6 box sides tall: 48 px for a 27 px box at 300 dpi).
STRIP_MARGIN = 0.45
# Ink beside the box: the row's ink runs at least this many box sides past it.
MIN_INK_SIDES = 0.8
# The strip keeps this many pixels off a ruling (its blur).
RULE_CLEAR_PX = 3


def strips(grey: Any, found: Sequence[Box], pieces: Sequence[Piece], rules: Sequence[Shape],
           dpi: float) -> list[tuple[int, int, int, int]]:
    """Pixel boxes (x0, top, x1, bottom) of the strips to read: for each outlined box in no
    piece, its row from the ruling, recognised text or page edge on its left to the same on
    its right, trimmed to the row's ink, when ink other than the box's lies in it. Both
    sides: a label stands after its box (`☑是 □否`) or before it (`是☑ 否□`), and the
    other boxes of the row are read with it, so `glyphs.claim` places them all."""
    import numpy as np

    out: list[tuple[int, int, int, int]] = []
    for box in found:
        if box.small or box.solid or box.barred or any(boxes_in(piece, [box]) for piece in pieces):
            continue
        if any(_covers(strip, box) for strip in out):
            continue
        side = box.x1 - box.x0
        top = max(0, round(box.top - STRIP_MARGIN * side))
        bottom = min(grey.shape[0], round(box.bottom + STRIP_MARGIN * side))
        left, right = _row_ends(box, top, bottom, pieces, rules, dpi, grey.shape[1])
        columns = np.flatnonzero((grey[top:bottom, left:right] < INK_GREY).any(axis=0))
        if columns.size == 0:
            continue
        x0, x1 = left + int(columns[0]), left + int(columns[-1]) + 1
        beside = max(0, box.x0 - x0) + max(0, x1 - box.x1)
        if beside >= MIN_INK_SIDES * side:
            pad = max(2, side // 8)
            out.append((max(left, x0 - pad), top, min(right, x1 + pad), bottom))
    return out


def _row_ends(box: Box, top: int, bottom: int, pieces: Sequence[Piece], rules: Sequence[Shape],
              dpi: float, width: int) -> tuple[int, int]:
    """The columns the strip of `box` may span: to the nearest vertical ruling or recognised
    text in its rows on either side, at most STRIP_MAX_SIDES box sides away."""
    side = box.x1 - box.x0
    px = dpi / 72.0
    reach = round(STRIP_MAX_SIDES * side)
    lefts, rights = [max(0, box.x0 - reach)], [min(width, box.x1 + reach)]
    for r in rules:
        if r.height > r.width and r.top * px < bottom and r.bottom * px > top:
            if r.x1 * px <= box.x0:
                lefts.append(round(r.x1 * px) + RULE_CLEAR_PX)
            elif r.x0 * px >= box.x1:
                rights.append(round(r.x0 * px) - RULE_CLEAR_PX)
    for p in pieces:
        if p.top < bottom and p.bottom > top:
            if p.x1 <= box.x0:
                lefts.append(round(p.x1))
            elif p.x0 >= box.x1:
                rights.append(round(p.x0))
    return min(box.x0, max(lefts)), max(box.x1, min(rights))


def _covers(strip: tuple[int, int, int, int], box: Box) -> bool:
    return strip[0] <= box.x0 and box.x1 <= strip[2] and strip[1] <= box.top and box.bottom <= strip[3]
