"""One scanned page image -> the PDF reader's `PageLayout` (tables from rulings, boxes from pixels).

Owns the order of the work on a page: grey from the red channel, a quarter turn, deskew,
recognition (and the half turn when the upright reading is poor), rulings and boxes from
the pixels, lines cut where a vertical ruling crosses them (each part re-read on its own, so
a label and the value in the next cell never share a line), glyphs placed, and the layout
done by the PDF reader's own page code, so a scan gives the same blocks a text layer does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from parsers.ocr import engine, glyphs, marks, prep
from parsers.readers.pdf_page import PageLayout, layout_page
from parsers.readers.pdf_primitives import Char, PagePrimitives, Shape

# A page read with a mean score under this is read again turned half round.
UPRIGHT_MIN_SCORE = 0.85
# A cut needs this much of the line (pixels) on either side of the ruling.
CUT_MARGIN_PX = 6


@dataclass
class PageScan:
    """A page read by OCR: its layout, the mean reading score, what was corrected."""

    layout: PageLayout
    score: float
    turns: int = 0
    skew: float = 0.0
    low: list[tuple[str, float]] = field(default_factory=list)


def _mean_score(lines: list[engine.OcrLine]) -> float:
    weight = sum(len(line.text) for line in lines)
    return sum(line.score * len(line.text) for line in lines) / weight if weight else 0.0


def _read_upright(grey: Any) -> tuple[Any, list[engine.OcrLine], int, float]:
    turns = 1 if prep.quarter_turned(grey) else 0
    grey = prep.quarter(grey, turns) if turns else grey
    grey, skew = prep.deskewed(grey)
    lines = engine.recognize(grey)
    score = _mean_score(lines)
    if score < UPRIGHT_MIN_SCORE:
        flipped = prep.quarter(grey, 2)
        other = engine.recognize(flipped)
        if _mean_score(other) > score:
            return flipped, other, (turns + 2) % 4, skew
    return grey, lines, turns, skew


def read_page(image: Any, dpi: float, number: int) -> PageScan:
    """Read one page image (RGB or grey array) scanned at `dpi`."""
    grey = prep.seal_free_grey(image)
    grey, lines, turns, skew = _read_upright(grey)
    ink = prep.ink_mask(grey).astype("uint8") * 255
    rules = marks.rulings(ink, dpi)
    found = marks.boxes(ink, dpi)
    scale = 72.0 / dpi
    pieces = [p for line in lines for p in _cut(line, rules, grey, dpi)]
    chars: list[Char] = []
    claimed: set[int] = set()
    for piece in pieces:
        inside = glyphs.boxes_in(piece, found)
        claimed.update(i for i, b in enumerate(found) if b in inside)
        chars += glyphs.piece_chars(piece, found, scale)
    chars += glyphs.loose_box_chars(found, claimed, scale)
    raw = PagePrimitives(number=number, height=grey.shape[0] * scale, chars=chars, lines=rules)
    layout = layout_page(raw)
    low = [(p.text, round(p.score, 3)) for p in pieces if p.score < LOW_SCORE]
    return PageScan(layout=layout, score=_mean_score(lines), turns=turns, skew=skew, low=low)


# A piece read with a score under this is marked for the reviewer.
LOW_SCORE = 0.8


def _cut(line: engine.OcrLine, rules: list[Shape], grey: Any, dpi: float) -> list[glyphs.Piece]:
    """The line as pieces, cut at the vertical rulings crossing it (re-read when cut)."""
    x0, top, x1, bottom = line.box
    px = dpi / 72.0
    mid = (top + bottom) / 2
    cuts = sorted(
        (r.x0 + r.x1) / 2 * px for r in rules
        if r.height > r.width and r.top * px <= mid <= r.bottom * px
        and x0 + CUT_MARGIN_PX < (r.x0 + r.x1) / 2 * px < x1 - CUT_MARGIN_PX
    )
    if not cuts:
        return [glyphs.Piece(line.text, x0, top, x1, bottom, line.score)]
    out = []
    edges = [x0, *cuts, x1]
    for a, b in pairwise(edges):
        left, right = int(a) + (3 if a != x0 else 0), int(b) - (3 if b != x1 else 0)
        crop = grey[int(top):int(bottom) + 1, max(0, left):max(left + 1, right)]
        span = _ink_span(crop)
        if span is None:
            continue
        crop = crop[:, span[0]:span[1]]
        text, score = engine.recognize_crop(crop)
        if text.strip():
            out.append(glyphs.Piece(text.strip(), left + span[0], top, left + span[1], bottom, score))
    return out


def _ink_span(crop: Any) -> tuple[int, int] | None:
    import numpy as np

    if crop.size == 0:
        return None
    columns = np.flatnonzero((crop < 128).sum(axis=0) > 0)
    if columns.size == 0:
        return None
    pad = 2
    return max(0, int(columns[0]) - pad), min(crop.shape[1], int(columns[-1]) + 1 + pad)
