"""Vertical rulings that are strokes of a text line, told from the borders of its cell.

Owns one decision about a scan's rulings, made with the text lines the detector found: where
a detected text line runs across a vertical ruling, the ruling leaves gaps in that row (a
cell's border runs from the rule above to the rule below, `ROW_INK_SHARE`) and the line's
ink touches it (`TOUCH_PT`) or stands close on both sides (`CLOSE_LINES`), the ruling there
is the upright of a character (棠 in `池州市贵池区棠溪镇`, 申 in `申遗经费`, the 忄 of 情), not
a border. It is taken out of the ruling over that row, between the horizontal rules about
the line: a ruling of the rows below that a character's stroke lengthened into the row
keeps its part below. The line is then not cut there (the character is read whole and the
cell's text is one piece), and the grid gets no column there (one value cell, not three).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from parsers.readers.pdf_primitives import Shape

# The line's ink this near (points) one side of the ruling touches it: a character's upright
# carries its other strokes (the bars across 申, the hook of 门); a cell's text is padded.
TOUCH_PT = 0.5
# The line's ink this near both sides of a ruling (a share of the detected line's height)
# is one line of type running past an upright (the side strokes of 小 a point away).
CLOSE_LINES = 0.12
# A ruling inked along less than this share of a row's height (from the horizontal rule
# above to the one below) leaves a gap in the row: a cell's border runs from rule to rule
# (measured: 1.0 on every border a text line crossed; 0.56-0.87 on the uprights of
# characters in rows 10-20 pt high, 200-300 dpi, blurred, compressed, skewed).
ROW_INK_SHARE = 0.9
# The rows searched for the line's ink keep this far (points) from every ruling (a
# horizontal rule the upright meets is no text beside it).
CLEAR_PT = 1.0
# A horizontal rule bounds the row of an upright when it passes this near (points) across it.
MEET_PT = 3.0
# What is left of a ruling once an upright is taken out is kept when this long (points).
MIN_LEFT_PT = 2.0


def without_strokes(rules: list[Shape], lines: list[tuple[float, float, float, float]], ink: Any,
                    dpi: float) -> list[Shape]:
    """`rules` (points) with the uprights of the detected text lines (`lines`: pixel boxes)
    taken out, by the page's ink mask `ink` (pixels, non-zero is ink)."""
    px = dpi / 72.0
    if not lines or not any(r.height > r.width for r in rules):
        return rules
    horizontal = [r for r in rules if r.height <= r.width]
    clear = _without_rules(ink, rules, px)
    out: list[Shape] = []
    changed = False
    for rule in rules:
        pieces = [rule]
        if rule.height > rule.width:
            for box in lines:
                pieces = [part for piece in pieces for part in _minus_stroke(piece, box, ink, clear, px, horizontal)]
        changed = changed or pieces != [rule]
        out += pieces
    return out if changed else rules


def _minus_stroke(rule: Shape, box: tuple[float, float, float, float], ink: Any, clear: Any, px: float,
                  horizontal: list[Shape]) -> list[Shape]:
    """`rule`, or what is left of it once the row is taken out where the line in `box` runs
    across it and it is an upright of the line's type (`_is_upright`)."""
    band = _band(rule, box, px)
    if band is None:
        return [rule]
    middle = (band[0] + band[1]) / 2 / px
    centre = (rule.x0 + rule.x1) / 2
    across = [(h.top + h.bottom) / 2 for h in horizontal if h.x0 - MEET_PT <= centre <= h.x1 + MEET_PT]
    above = max((y for y in across if y <= middle), default=None)
    below = min((y for y in across if y >= middle), default=None)
    if above is None or below is None or not _is_upright(rule, box, band, (above, below), ink, clear, px):
        return [rule]
    left = []
    if above - rule.top >= MIN_LEFT_PT:
        left.append(replace(rule, bottom=above))
    if rule.bottom - below >= MIN_LEFT_PT:
        left.append(replace(rule, top=below))
    return left


def _band(rule: Shape, box: tuple[float, float, float, float], px: float) -> tuple[float, float] | None:
    """The pixel rows where the line in `box` runs across `rule`: the middle half of the
    line's box (its ends may take in the lines above and below), when the ruling passes
    through them and the line goes on past it on both sides; None when it does not cross."""
    x0, top, x1, bottom = box
    centre = (rule.x0 + rule.x1) / 2 * px
    if not x0 < centre < x1:
        return None
    quarter = (bottom - top) / 4
    first, last = top + quarter, bottom - quarter
    if not (rule.top * px <= first and last <= rule.bottom * px):
        return None
    return first, last


def _is_upright(rule: Shape, box: tuple[float, float, float, float], band: tuple[float, float],
                row: tuple[float, float], ink: Any, clear: Any, px: float) -> bool:
    """True when the ruling is an upright of the line's type in the row between the
    horizontal rules `row` (points): its ink leaves gaps in the row (`ROW_INK_SHARE`), and
    the line's ink in `band` touches it on one side or stands close on both (`clear`: the
    ink mask without the rulings)."""
    columns = slice(max(0, int(rule.x0 * px)), int(rule.x1 * px) + 1)
    strip = ink[max(0, int(row[0] * px)):int(row[1] * px) + 1, columns] > 0
    if strip.size == 0 or float(strip.any(axis=1).mean()) >= ROW_INK_SHARE:
        return False  # a ruling drawn from rule to rule: the cell's border
    rows = clear[max(0, int(band[0])):int(band[1]) + 1]
    if rows.size == 0:
        return False
    inked = rows.any(axis=0)
    first_column, end_column = _columns(rule, px)
    left = _gap(inked, first_column - 1, -1, int(box[0]))
    right = _gap(inked, end_column, 1, int(box[2]))
    return min(left, right) <= max(1.0, TOUCH_PT * px) or max(left, right) <= CLOSE_LINES * (box[3] - box[1])


def _without_rules(ink: Any, rules: list[Shape], px: float) -> Any:
    """The ink mask (boolean) with every ruling's pixels cleared, CLEAR_PT about each (an
    upright over its own width and a pixel beside, `_columns`)."""
    mask = ink > 0
    pad = CLEAR_PT * px
    height, width = mask.shape
    for r in rules:
        if r.height > r.width:
            left, right = _columns(r, px)
        else:
            left, right = max(0, int(r.x0 * px - pad)), int(r.x1 * px + pad) + 1
        mask[max(0, int(r.top * px - pad)):min(height, int(r.bottom * px + pad) + 1), left:min(width, right)] = False
    return mask


def _columns(upright: Shape, px: float) -> tuple[int, int]:
    """The pixel columns an upright ruling covers, a pixel beside it included (end-exclusive)."""
    return max(0, int(upright.x0 * px) - 1), int(upright.x1 * px) + 2


def _gap(inked: Any, start: int, step: int, end: int) -> float:
    """Columns from `start` (going by `step`, up to `end`) before the first inked one;
    infinite when none is inked."""
    x = start
    while 0 <= x < inked.size and (x - end) * step <= 0:
        if inked[x]:
            return float(abs(x - start))
        x += step
    return float("inf")
