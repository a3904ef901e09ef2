"""Text the line detector missed inside a ruled cell: ink no piece, ruling, box or tick explains.

Owns: finding the lines of ink inside the table's cells that no recognised piece covers (the
detector skips short lines of a narrow header cell: `年度` was read and `指标` / `值` under it
were not, so the column `年度指标值` lost its name and its values; the likelihood header
`有可能` went the same way), as pixel boxes to read like any other piece. The ink left
over once the rulings, the pieces, the boxes and the tick marks are taken out is closed
along its lines, cut at every vertical ruling, and each line of it that is shaped like
type (as tall as the page's characters, a character wide at least, enough ink) and lies
between rulings on all four sides is one box. What lies outside the grid (a signature, a
seal's remnant in the margin) is left alone, and the caller keeps only what the recognizer
reads as words with a good score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parsers.ocr.glyphs import Piece
from parsers.ocr.marks import Box
from parsers.ocr.prep import INK_GREY
from parsers.readers.pdf_primitives import Shape

# A piece's box is widened by this share of its height on each side before it explains the
# ink around it (the detector's box is tight at a line's ends; a character's last stroke can
# stick out), and heightened by PIECE_PAD_Y.
PIECE_PAD_X = 0.35
PIECE_PAD_Y = 0.1
# A ruling explains the ink this many pixels either side of its line (its blur and skew).
RULE_PAD_PX = 3
# Boxes and tick marks explain their ink and a side's width around it (a hand tick over a
# box runs past it by about that much).
MARK_PAD = 1.0
# The leftover ink is closed along its lines over this share of a piece's height (the gaps
# between the characters of a word) and this share up and down.
CLOSE_X = 0.45
CLOSE_Y = 0.08
# A line of type: its ink this share of a piece's height tall at least and at most, and this
# share of it wide at least, with ink over MIN_INK_SHARE of its box.
MIN_HEIGHT = 0.3
MAX_HEIGHT = 1.0
MIN_WIDTH = 0.3
MIN_INK_SHARE = 0.08
# The box read is the line's ink and this many pixels around it.
READ_PAD_PX = 4


def lines(grey: Any, pieces: Sequence[Piece], rules: Sequence[Shape], boxes: Sequence[Box],
          ticks: Sequence[tuple[int, int, int, int]], dpi: float) -> list[tuple[int, int, int, int]]:
    """Pixel boxes (x0, top, x1, bottom) of the lines of ink inside ruled cells that nothing
    read so far explains."""
    import cv2
    import numpy as np

    if not pieces:
        return []
    heights = sorted(p.bottom - p.top for p in pieces)
    line = float(heights[len(heights) // 2])
    px = dpi / 72.0
    ink = (grey < INK_GREY).astype("uint8")
    explained = np.zeros_like(ink)
    for p in pieces:
        dx, dy = PIECE_PAD_X * (p.bottom - p.top), PIECE_PAD_Y * (p.bottom - p.top)
        _fill(explained, p.x0 - dx, p.top - dy, p.x1 + dx, p.bottom + dy)
    for b in boxes:
        pad = MARK_PAD * (b.x1 - b.x0)
        _fill(explained, b.x0 - pad, b.top - pad, b.x1 + pad, b.bottom + pad)
    for x0, top, x1, bottom in ticks:
        pad = MARK_PAD * max(x1 - x0, bottom - top)
        _fill(explained, x0 - pad, top - pad, x1 + pad, bottom + pad)
    walls = np.zeros_like(ink)
    for r in rules:
        _fill(walls, r.x0 * px - RULE_PAD_PX, r.top * px - RULE_PAD_PX, r.x1 * px + RULE_PAD_PX,
              r.bottom * px + RULE_PAD_PX)
    left = ink & (1 - explained) & (1 - walls)
    if not left.any():
        return []
    kernel = np.ones((max(1, round(CLOSE_Y * line)), max(1, round(CLOSE_X * line))), "uint8")
    joined = cv2.dilate(left, kernel) & (1 - walls)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    vertical = [r for r in rules if r.height > r.width]
    horizontal = [r for r in rules if r.width >= r.height]
    out = []
    for label in range(1, count):
        x, y, w, h = (int(v) for v in stats[label, :4])
        part = left[y:y + h, x:x + w] & (labels[y:y + h, x:x + w] == label)
        rows, columns = np.flatnonzero(part.any(axis=1)), np.flatnonzero(part.any(axis=0))
        if rows.size == 0:
            continue
        x0, x1 = x + int(columns[0]), x + int(columns[-1]) + 1
        top, bottom = y + int(rows[0]), y + int(rows[-1]) + 1
        tall, wide = bottom - top, x1 - x0
        if not MIN_HEIGHT * line <= tall <= MAX_HEIGHT * line or wide < MIN_WIDTH * line:
            continue
        if int(part.sum()) < MIN_INK_SHARE * tall * wide:
            continue
        if not walled((x0 / px, top / px, x1 / px, bottom / px), vertical, horizontal):
            continue
        out.append((max(0, x0 - READ_PAD_PX), max(0, top - READ_PAD_PX),
                    min(grey.shape[1], x1 + READ_PAD_PX), min(grey.shape[0], bottom + READ_PAD_PX)))
    return out


def _fill(mask: Any, x0: float, top: float, x1: float, bottom: float) -> None:
    height, width = mask.shape
    a, b = max(0, int(x0)), min(width, int(x1) + 1)
    c, d = max(0, int(top)), min(height, int(bottom) + 1)
    if a < b and c < d:
        mask[c:d, a:b] = 1


def in_cell(box: tuple[int, int, int, int], rules: Sequence[Shape], dpi: float) -> bool:
    """True when the pixel box lies in a cell of the ruled grid (see `walled`)."""
    px = dpi / 72.0
    return walled((box[0] / px, box[1] / px, box[2] / px, box[3] / px),
                  [r for r in rules if r.height > r.width], [r for r in rules if r.width >= r.height])


def walled(box: tuple[float, float, float, float], vertical: Sequence[Shape],
           horizontal: Sequence[Shape]) -> bool:
    """True when rulings stand left, right, above and below the box (points), each running
    past its middle: the box lies in a cell of the grid."""
    x0, top, x1, bottom = box
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    spans_y = [r for r in vertical if r.top <= cy <= r.bottom]
    spans_x = [r for r in horizontal if r.x0 <= cx <= r.x1]
    return (any(r.x1 <= x0 + 1 for r in spans_y) and any(r.x0 >= x1 - 1 for r in spans_y)
            and any(r.bottom <= top + 1 for r in spans_x) and any(r.top >= bottom - 1 for r in spans_x))
