"""Ruling lines and check boxes found in a page's pixels.

Owns: the table rulings (ink runs that survive a morphological opening by a long
horizontal or vertical bar, and short vertical runs from rule to rule, repaired by
`rule_join`) as the PDF reader's line objects, in points, but never a row of characters
whose strokes blur together (`_stands_alone`); small squares
(four straight edges `BOX_MIN_PT`..`BOX_MAX_PT` long, found after an opening by a short bar,
so a tick drawn across a box does not hide its edges; small ones of a small font's □ apart,
with a shorter bar; solid squares ■, ticked); and each box's state from the ink
inside it (past its edges' own ink and their blur): little ink is empty, much ink is ticked (a printed ☑/☒, a hand-drawn √ or ✗
over the box), anything between is unknown — never guessed, and never taken from the text
the recognizer prints for the glyph.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from parsers.ocr import rule_join
from parsers.readers.pdf_primitives import Shape

BOX_MIN_PT = 5.5
BOX_MAX_PT = 16.0
# A box glyph of a small font (□ at 8 pt is 3.5 pt wide): a square this small is a box only
# where the recognizer printed a box for it (`glyphs.claim`), since the parts of many
# characters (the three 口 of 品) are such squares too.
SMALL_BOX_MIN_PT = 3.0
# A solid square (■) covers at least this share of its bbox (a dense character blurred
# covers up to about 0.83).
SOLID_MIN_FILL = 0.9
# Blur and skew round a small ■'s corners (0.89 of its bbox measured on a 3.5 pt ■ at 250
# dpi): it is solid down to SOLID_ROUNDED_MIN_FILL when its core, the bbox trimmed by
# SOLID_CORE_TRIM of its side, is inked all over (measured: squares 1.0, dense characters
# filling 0.70-0.83 of their bbox 0.55-0.73, their strokes leave white inside).
SOLID_ROUNDED_MIN_FILL = 0.8
SOLID_MIN_CORE = 0.97
SOLID_CORE_TRIM = 0.15
# A solid square's core (its bbox trimmed by SOLID_GREY_TRIM of its side) is this dark on
# average at most, in the page's grey.
SOLID_GREY_TRIM = 0.2
SOLID_MAX_GREY = 60.0
# A ruling is at least this long (points); shorter strokes are characters or boxes, or
# (from `SHORT_RULE_MIN_PT`) a vertical rule of a low row when it runs from rule to rule.
RULE_MIN_PT = 24.0
SHORT_RULE_MIN_PT = 9.0
# A ruling stands alone: beside it (beyond a pixel of blur, within STROKE_REACH_PT) less than
# this share of its length has ink that is no ruling. Measured at 200 dpi, blur 1.2: rulings
# 0.00-0.02, runs of blurred text (`网格化综合`: the bars of neighbouring characters closed
# into one run) 0.6-0.94, their characters' strokes going on above and below. A short
# vertical rule of a low row: 0.10-0.14 beside the text it runs between; the upright of a
# character one line tall (浦, 建 at 200 dpi, blur 0.5), taken for one: 0.52-0.88.
RULE_MAX_TOUCH = 0.4
STROKE_REACH_PT = 1.0
# Share of a box's inner area (edges trimmed) covered by ink.
EMPTY_MAX_INK = 0.025
TICKED_MIN_INK = 0.06
# A tick or cross runs across the box: its ink spans at least this share of the inner square.
MARK_MIN_SPAN = 0.55
# Rows of ink straight across this share of a square's core, in BARS_MIN runs apart, are a
# character's strokes (the bars of 基 run across it). A tick's or a cross's slanted strokes
# cross a row in a stroke's width, but a heavy ✔ blurred at 200 dpi fills the whole core of
# a box in the rows where its strokes meet: one run of rows, never two.
BAR_MIN_SPAN = 0.9
BARS_MIN = 2


@dataclass(frozen=True)
class Box:
    """A check box on the page: pixel bbox and its state (True, False, None = unknown)."""

    x0: int
    top: int
    x1: int
    bottom: int
    state: bool | None
    # Share of the square inked inside (trimmed by CORE_TRIM of its side): how dense it is.
    ink: float
    # The outline is a component of its own (no character's stroke runs into it).
    isolated: bool = True
    # Not isolated, but what joins the outline leaves it only above and to the right (a hand
    # √ running past the box's corner), never left or below as a character's strokes do.
    ticked_past: bool = False
    # Smaller than BOX_MIN_PT: a box only where the recognizer printed one.
    small: bool = False
    # A solid square (■): ticked, and a box only beside text (`glyphs`).
    solid: bool = False
    # Straight strokes run across its core (`BAR_MIN_SPAN`, `BARS_MIN`): the square of a
    # character (基 目 且), never a tick or a cross, whose strokes are slanted.
    barred: bool = False
    # Barred in the page's ink mask only: no bar as dark as the square's print crosses it
    # (`_printed`). The blur's halo around a ✗ over a box at 200 dpi closes the rows where its
    # arms spread across the core; such a square is a box only where the text leaves it room.
    halo_bars: bool = False


def _components(mask: Any) -> list[tuple[int, int, int, int]]:
    """(x0, top, x1, bottom) of each 8-connected component of a uint8 mask, in the order of
    their first pixel (row by row): the bounding boxes of the outer contours, which cost far
    less than labelling every pixel."""
    import cv2
    import numpy as np

    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    outer = [contours[i] for i in np.flatnonzero(hierarchy[0][:, 3] < 0)]  # not a hole's
    points = np.concatenate(outer).reshape(-1, 2).astype(np.int64)
    starts = np.cumsum([0] + [len(c) for c in outer[:-1]])
    xs, ys = points[:, 0], points[:, 1]
    first = np.minimum.reduceat(ys * (mask.shape[1] + 1) + xs, starts)
    boxes = np.stack([np.minimum.reduceat(xs, starts), np.minimum.reduceat(ys, starts),
                      np.maximum.reduceat(xs, starts) + 1, np.maximum.reduceat(ys, starts) + 1], axis=1)
    return [(int(a), int(b), int(c), int(d)) for a, b, c, d in boxes[np.argsort(first, kind="stable")].tolist()]


def _opened(ink: Any, length: int, horizontal: bool) -> Any:
    import cv2

    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)


def rulings(ink: Any, dpi: float) -> list[Shape]:
    """The page's rulings as the PDF layout's line shapes (points, top-down): the long ink runs,
    and the short vertical ones between two of them, made whole by `rule_join`."""
    import cv2

    px = dpi / 72.0
    length = max(8, round(RULE_MIN_PT * px))
    # Blur and JPEG leave gaps of a pixel or two in a rule: closed before the opening.
    pieces: list[rule_join.Rule] = []
    short: list[rule_join.Rule] = []
    for horizontal in (True, False):
        bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1) if horizontal else (1, 5))
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, bridge)
        runs = _opened(closed, length, horizontal)
        strokes = (ink > 0) & (runs == 0)
        for x0, top, x1, bottom in _components(runs):
            thick = (bottom - top) if horizontal else (x1 - x0)
            if thick > 3 * px:  # a solid block, not a rule
                continue
            if not _stands_alone(strokes, (x0, top, x1, bottom), horizontal, px):
                continue
            pieces.append(rule_join.from_box(x0 / px, top / px, x1 / px, bottom / px, horizontal))
        if horizontal:
            continue
        for x0, top, x1, bottom in _components(_opened(closed, max(6, round(SHORT_RULE_MIN_PT * px)), False)):
            if bottom - top < length and x1 - x0 <= 3 * px and _stands_alone(strokes, (x0, top, x1, bottom), False, px):
                short.append(rule_join.from_box(x0 / px, top / px, x1 / px, bottom / px, False))
    return rule_join.join(pieces, short)


def _stands_alone(strokes: Any, run: tuple[int, int, int, int], horizontal: bool, px: float) -> bool:
    """True when a long run of ink is a ruling, not a row of characters: beside it, on
    either side, ink that is no long run (`strokes`) lies along less than RULE_MAX_TOUCH of
    its length (the row next to it skipped: a blurred rule's halo)."""
    x0, top, x1, bottom = run
    reach = max(2, round(STROKE_REACH_PT * px))
    if not horizontal:  # the same test on the page's columns
        strokes, (x0, top, x1, bottom) = strokes.T, (top, x0, bottom, x1)
    above = strokes[max(0, top - reach - 1):max(0, top - 1), x0:x1].any(axis=0)
    below = strokes[bottom + 1:bottom + reach + 1, x0:x1].any(axis=0)
    beside = above | below if above.size and below.size else (above if above.size else below)
    return not beside.size or float(beside.mean()) < RULE_MAX_TOUCH


def boxes(ink: Any, dpi: float, grey: Any = None) -> list[Box]:
    """Check boxes on the page with their states from the pixels: outlined squares of a
    box's size, small ones (`SMALL_BOX_MIN_PT`.., found apart with a shorter bar, so the
    strokes of a tick inside a big box are never taken for a small box's edges), solid ones
    (with the page's `grey`, only those black in their core: `dark_solids`)."""
    import cv2

    px = dpi / 72.0
    lo, small, hi = BOX_MIN_PT * px, SMALL_BOX_MIN_PT * px, BOX_MAX_PT * px
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    found = _squares(ink, labels, stats, px, lo, hi, max(3, round(0.6 * BOX_MIN_PT * px)), grey)
    for box in _squares(ink, labels, stats, px, small, lo, max(3, round(0.6 * SMALL_BOX_MIN_PT * px)), grey):
        if box.x1 - box.x0 < lo and not any(_overlap(box, other) for other in found):
            found.append(replace(box, small=True))
    solids = [box for box in _solid(labels, stats, small, hi, lo) if not any(_overlap(box, other) for other in found)]
    return found + (solids if grey is None else dark_solids(grey, solids))


def _overlap(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def _squares(ink: Any, labels: Any, stats: Any, px: float, lo: float, hi: float, edge: int,
             grey: Any = None) -> list[Box]:
    """Squares of `lo`..`hi` pixels a side drawn by four straight edges, each with the ink
    inside it (`_core`) read for its state."""
    import numpy as np

    hor = _edges(_opened(ink, edge, True), lo, hi, True)
    ver = _edges(_opened(ink, edge, False), lo, hi, False)
    vers = np.array(ver, dtype=np.int64).reshape(-1, 4)
    found: list[Box] = []
    tol = max(2, round(1.5 * px))
    hor.sort()
    for i, upper in enumerate(hor):
        for lower in hor[i + 1 :]:
            if lower[0] - upper[0] > tol:
                break
            if abs(upper[2] - lower[2]) > tol:
                continue
            top, bottom = min(upper[1], lower[1]), max(upper[3], lower[3])
            # The tighter edge: a tick crossing one edge lengthens that edge only.
            x0, x1 = max(upper[0], lower[0]), min(upper[2], lower[2])
            width, height = x1 - x0, bottom - top
            if not (lo <= width <= hi and lo <= height <= hi and abs(width - height) <= 0.2 * width):
                continue
            sides = ((np.abs(vers[:, 1] - top) <= tol) & (np.abs(vers[:, 3] - bottom) <= tol)
                     & ((np.abs(vers[:, 0] - x0) <= tol) | (np.abs(vers[:, 2] - x1) <= tol)))
            if np.count_nonzero(sides) < 2:
                continue
            if any(abs(b.x0 - x0) <= tol and abs(b.top - top) <= tol for b in found):
                continue
            square = (x0, top, x1, bottom)
            inside, trimmed = _core(ink, square)
            share = float(np.count_nonzero(inside)) / max(1, inside.size)
            dense = float(np.count_nonzero(trimmed)) / max(1, trimmed.size)
            barred = _barred(trimmed)
            found.append(Box(x0, top, x1, bottom, _state(share, inside), dense, _isolated(labels, stats, square),
                             ticked_past=_isolated(labels, stats, square, up_right=True), barred=barred,
                             halo_bars=barred and grey is not None and not _barred(_printed(grey, square, trimmed))))
    return found


# The inside of a box is its square trimmed by CORE_TRIM of its side, or past the ink of its
# edges where that reaches further (a 3.5 pt □ at 200 dpi blurred: edges 4-5 px of 18, whose
# inner halo a fixed trim counted as ink inside, 0.06-0.14: a tick's share), never by more
# than CORE_MAX_TRIM of its side.
CORE_TRIM = 0.22
CORE_MAX_TRIM = 0.35


def _core(ink: Any, square: tuple[int, int, int, int]) -> tuple[Any, Any]:
    """The ink inside a square: trimmed past its edges' ink (`CORE_TRIM`, `_edge_reach`), for
    its state; and trimmed by CORE_TRIM alone, for how densely it is inked and whether bars
    cross it (`DENSE_MIN_INK` and `BAR_MIN_SPAN` were measured so: a character's square is
    inked inside out to its edges)."""
    x0, top, x1, bottom = square
    inner = ink[top:bottom, x0:x1]
    height, width = inner.shape
    least, most = max(2, round(CORE_TRIM * width)), max(2, int(CORE_MAX_TRIM * min(width, height)))
    rows, cols = slice(height // 4, height - height // 4), slice(width // 4, width - width // 4)
    inked = inner > 0
    left = _edge_reach(inked[rows, :])
    right = _edge_reach(inked[rows, ::-1])
    upper = _edge_reach(inked[:, cols].T)
    lower = _edge_reach(inked[::-1, cols].T)
    a, b, c, d = (min(most, max(least, reach + 1)) for reach in (left, right, upper, lower))
    return inner[c:height - d, a:width - b], inner[least:-least, least:-least]


def _edge_reach(lines: Any) -> int:
    """How far into a square its edge's ink reaches from the side at column 0 (white margin
    first included), the median over the rows of `lines` (a tick meeting the edge in a few
    rows does not count)."""
    import numpy as np

    if lines.size == 0:
        return 0
    reach = []
    for line in lines:
        inked = np.flatnonzero(line)
        if inked.size == 0:
            continue
        start = int(inked[0])
        white = np.flatnonzero(~line[start:])
        reach.append(start + (int(white[0]) if white.size else line.size - start))
    return int(np.median(reach)) if reach else 0


# A square's print is the grey of its darkest pixels (this percentile of its square), its
# paper the grey of its lightest (around it); a stroke of the print is darker than
# PRINT_SHARE of the way from its print to its paper along its middle, a blur's halo is not.
PRINT_PERCENTILE = 5
PAPER_PERCENTILE = 95
PRINT_SHARE = 1 / 3


def _printed(grey: Any, square: tuple[int, int, int, int], trimmed: Any) -> Any:
    """The ink of `trimmed` (the square's core, `_core`) darker than PRINT_SHARE of the way
    from the square's print to the paper around it."""
    import numpy as np

    x0, top, x1, bottom = square
    pad = max(2, (x1 - x0) // 4)
    around = grey[max(0, top - pad):bottom + pad, max(0, x0 - pad):x1 + pad]
    inside = grey[top:bottom, x0:x1]
    paper, printed = float(np.percentile(around, PAPER_PERCENTILE)), float(np.percentile(inside, PRINT_PERCENTILE))
    least = (inside.shape[0] - trimmed.shape[0]) // 2, (inside.shape[1] - trimmed.shape[1]) // 2
    core = inside[least[0]:least[0] + trimmed.shape[0], least[1]:least[1] + trimmed.shape[1]]
    return ((core < printed + PRINT_SHARE * (paper - printed)) & (trimmed > 0)).astype(np.uint8) * 255


# An edge of a box is at most this thick for its length, along EDGE_THIN_SHARE of it at
# least: a tick blurred into an edge at 200 dpi thickens a part of it (to 10 px over 11 px
# of a 21 px edge), not the whole.
EDGE_MAX_THICK = 0.3
EDGE_THIN_SHARE = 1 / 3
EDGE_FULL_SHARE = 0.85


def _edges(opened: Any, lo: float, hi: float, horizontal: bool) -> list[tuple[int, int, int, int]]:
    """The straight runs of a box edge's length in an opened mask that are thin
    (EDGE_MAX_THICK of their length) along EDGE_THIN_SHARE of it or more, or whose rows
    inked all along form a thin band (`_thin_band`)."""
    import numpy as np

    out = []
    for c in _components(opened):
        length, thick = (c[2] - c[0], c[3] - c[1]) if horizontal else (c[3] - c[1], c[2] - c[0])
        if not lo * 0.8 <= length <= hi * 1.1:
            continue
        if thick > EDGE_MAX_THICK * length:
            run = opened[c[1]:c[3], c[0]:c[2]] > 0
            thin = np.count_nonzero(run, axis=0 if horizontal else 1) <= EDGE_MAX_THICK * length
            if float(thin.mean()) < EDGE_THIN_SHARE and not _thin_band(run if horizontal else run.T, length):
                continue
        out.append(c)
    return out


def _thin_band(run: Any, length: int) -> bool:
    """True when the rows of a horizontal run of ink inked along EDGE_FULL_SHARE of it or more
    (the edge proper) form a band at its top or bottom at most EDGE_MAX_THICK of its length
    thick. A ✗ over a box blurred at 200 dpi joins the cross's strokes to the edge beside
    them, so most columns hold more ink than the edge (the bottom edge of a 23 px box: 7-9 px
    of 23, a side edge merged with the whole cross), while the rows the edge fills stay 4-5."""
    full = (run.mean(axis=1) >= EDGE_FULL_SHARE).tolist()
    limit = EDGE_MAX_THICK * length
    for rows in (full, full[::-1]):
        band = next((i for i, row in enumerate(rows) if not row), len(rows))
        if 0 < band <= limit:
            return True
    return False


def _solid(labels: Any, stats: Any, small: float, hi: float, lo: float) -> list[Box]:
    """Solid squares (■) of a box's size: components that fill their square bbox, or nearly
    fill it with a core inked all over (a blurred ■ with rounded corners)."""
    import numpy as np

    rows = stats[1:].astype(np.int64)
    w, h, area = rows[:, 2], rows[:, 3], rows[:, 4]
    keep = ((small <= w) & (w <= hi) & (small <= h) & (h <= hi) & (np.abs(w - h) <= 0.2 * np.maximum(w, h))
            & (area >= SOLID_ROUNDED_MIN_FILL * w * h))
    out = []
    for index in np.flatnonzero(keep):
        x, y, w, h, area = (int(v) for v in rows[index])
        fill = area / (w * h)
        if fill < SOLID_MIN_FILL and _core_fill(labels, int(index) + 1, x, y, w, h) < SOLID_MIN_CORE:
            continue
        out.append(Box(x, y, x + w, y + h, True, fill, True, small=max(w, h) < lo, solid=True))
    return out


def dark_solids(grey: Any, found: list[Box]) -> list[Box]:
    """The boxes without the solid squares whose core is not dark all over in the grey: a
    printed ■ stays black inside however blurred (mean grey 0-3 at 300 dpi, blur and JPEG),
    while a dense character the blur closed into a filled square (重, 择 at 300 dpi with
    JPEG at 60) is grey inside where its strokes' white was (mean 96-97)."""
    out = []
    for box in found:
        if box.solid:
            trim = max(1, round(SOLID_GREY_TRIM * min(box.x1 - box.x0, box.bottom - box.top)))
            core = grey[box.top + trim:box.bottom - trim, box.x0 + trim:box.x1 - trim]
            if core.size and float(core.mean()) > SOLID_MAX_GREY:
                continue
        out.append(box)
    return out


def _core_fill(labels: Any, label: int, x: int, y: int, w: int, h: int) -> float:
    """Share of a component's bbox core (trimmed by `SOLID_CORE_TRIM` of its side) that is
    the component's own ink."""
    trim = max(1, round(SOLID_CORE_TRIM * min(w, h)))
    core = labels[y + trim : y + h - trim, x + trim : x + w - trim]
    return float((core == label).mean()) if core.size else 0.0


def _barred(core: Any) -> bool:
    """True when two or more bars, each a run of rows inked straight across `BAR_MIN_SPAN`
    of the core's width, lie apart in it."""
    import cv2
    import numpy as np

    if min(core.shape) < 3:
        return False
    bar = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, round(BAR_MIN_SPAN * core.shape[1])), 1))
    rows = np.asarray(cv2.morphologyEx(core, cv2.MORPH_OPEN, bar).any(axis=1), dtype=np.int8).reshape(-1)
    starts = np.count_nonzero(np.diff(rows) == 1) + int(rows[0])
    return bool(starts >= BARS_MIN)


def _state(share: float, core: Any) -> bool | None:
    """Empty with (almost) no ink; ticked when the ink is a mark across the box (it spans at
    least `MARK_MIN_SPAN` of the box); a speck, or ink neither little nor much, is unknown."""
    import numpy as np

    if share <= EMPTY_MAX_INK:
        return False
    rows = np.flatnonzero(core.any(axis=1))
    cols = np.flatnonzero(core.any(axis=0))
    span = max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) / max(1, max(core.shape))
    if share >= TICKED_MIN_INK and span >= MARK_MIN_SPAN:
        return True
    return None


def _isolated(labels: Any, stats: Any, square: tuple[int, int, int, int], up_right: bool = False) -> bool:
    """True when the component drawing the square's left edge stays inside the square
    (`up_right`: leaves it only above and to the right, as a √ running past its corner)."""
    import numpy as np

    x0, top, x1, bottom = square
    side = x1 - x0
    column = labels[top:bottom, x0:x0 + max(2, side // 6)]
    ids = np.unique(column[column > 0])
    if ids.size == 0:
        return False
    margin = max(2, side // 8)
    for label in ids:
        x, y, w, h = (int(v) for v in stats[label][:4])
        if x < x0 - margin or y + h > bottom + margin:
            return False
        if not up_right and (y < top - margin or x + w > x1 + margin):
            return False
    return True
