"""Detected text boxes that span two or more lines of type, split into one box per line.

Owns: telling a detector's box that took in several lines (in a narrow header cell it
joined `有可` and `能` under it into one box, which the recognizer, reading one line, read
as `有可`) from one of large type, by the bands of ink rows inside it, and the box of each
band, as tall as the page's usual box; a line the detector also boxed on its own is not
given twice.
"""

from __future__ import annotations

from typing import Any

from parsers.ocr.prep import INK_GREY

# A detected box this many times as tall as the page's usual one may hold several lines.
TALL_BOX_LINES = 1.6
# Rows of ink (pixels darker than INK_GREY) closer than this share of a line are one line;
# a band of rows shorter than MIN_BAND_LINES of a line is no line (a speck, a stroke's tail);
# a row (or column) inked over RULE_ROW_SHARE of its width (height) is a ruling, not text.
ROW_GAP_LINES = 0.08
MIN_BAND_LINES = 0.25
RULE_ROW_SHARE = 0.8
ROW_MIN_INK_SHARE = 0.03


def one_per_line(grey: Any, lines: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The detected boxes, one that spans two or more lines of type (the detector joined
    `有可` and `能` under it in a narrow header cell into one box, read as `有可`) split
    into one box per line, each as tall as the page's usual box, about its band of ink; a
    line the detector also found in a box of its own (`年度` over `指标` / `值`) is not
    read twice."""
    import numpy as np

    if not lines:
        return lines
    heights = sorted(b[3] - b[1] for b in lines)
    usual = heights[len(heights) // 2]
    out: list[tuple[float, float, float, float]] = []
    for box in lines:
        x0, top, x1, bottom = box
        if bottom - top < TALL_BOX_LINES * usual:
            out.append(box)
            continue
        crop = grey[max(0, int(top)):int(bottom) + 1, max(0, int(x0)):int(x1) + 1] < INK_GREY
        if crop.size:  # a vertical ruling the box takes in is no text
            crop = crop[:, crop.sum(axis=0) < RULE_ROW_SHARE * crop.shape[0]]
        counts = crop.sum(axis=1) if crop.size else np.empty(0)
        width = max(1, crop.shape[1]) if crop.size else 1
        # A row holds type when more than a few pixels of it are ink: a skewed ruling's edge
        # leaves one in each row.
        inked = (counts > max(2, ROW_MIN_INK_SHARE * width)) & (counts < RULE_ROW_SHARE * width)
        bands = _bands(np.flatnonzero(inked), ROW_GAP_LINES * usual, MIN_BAND_LINES * usual)
        if len(bands) < 2:
            out.append(box)
            continue
        others = [b for b in lines if b is not box]
        for first, last in bands:
            middle = max(0, int(top)) + (first + last) / 2
            part = (x0, max(top, middle - usual / 2), x1, min(bottom, middle + usual / 2))
            if not any(_same_line(part, other) for other in others):  # detected on its own too
                out.append(part)
    return out


def _same_line(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """True when two boxes overlap over half the height and half the width of the smaller."""
    wide = min(a[2], b[2]) - max(a[0], b[0])
    tall = min(a[3], b[3]) - max(a[1], b[1])
    return (wide > 0.5 * min(a[2] - a[0], b[2] - b[0]) and tall > 0.5 * min(a[3] - a[1], b[3] - b[1]))


def _bands(rows: Any, gap: float, least: float) -> list[tuple[int, int]]:
    """Runs of the (sorted) row indexes whose gaps are under `gap`, `least` rows tall or more."""
    bands: list[tuple[int, int]] = []
    for row in (int(r) for r in rows):
        if bands and row - bands[-1][1] <= gap + 1:
            bands[-1] = (bands[-1][0], row)
        else:
            bands.append((row, row))
    return [(a, b) for a, b in bands if b - a + 1 >= least]
