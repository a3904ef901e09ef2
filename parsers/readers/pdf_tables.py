"""Table grids rebuilt from a PDF page's ruling lines, merged cells included.

Owns: ruling segments from lines, thin rects, stroked rects and axis-aligned polylines
(small squares, which are checkboxes, are left out by the caller); collinear segments merged;
tables as connected groups of crossing segments; the grid of each table (distinct x of its
vertical rules, distinct y of its horizontal rules); merged cells as slots of the grid not
separated by a drawn rule (a rule covering at least `EDGE_COVERAGE` of the shared edge
separates them); and which cell a point falls in.

Plain Python on purpose, on the neutral `pdf_primitives`: pdfplumber's `find_tables()` recomputes edges and intersections
with several passes per page, which alone costs more than reading the page.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, lt, not_

from parsers.frozen_init import frozen_init
from parsers.readers.pdf_primitives import Shape

# Rules closer than this (points) are one rule.
SNAP_PT = 2.0
# A rect thinner than this (points) is a rule, not a box.
RULE_THICKNESS_PT = 2.5
# Share of a slot edge a rule must cover to separate the two slots.
EDGE_COVERAGE = 0.5
# A table smaller than this (points) in either direction is decoration.
MIN_TABLE_PT = 12.0


@dataclass
class Segment:
    """An axis-aligned rule: `pos` across, from `a` to `b` along (top-down coordinates)."""

    horizontal: bool
    pos: float
    a: float
    b: float


@frozen_init
@dataclass(frozen=True)
class Region:
    """A cell of a grid: rows r0..r1 and columns c0..c1, end-exclusive."""

    r0: int
    c0: int
    r1: int
    c1: int


@dataclass
class Grid:
    """A table's grid on one page and its cells."""

    xs: list[float]
    ys: list[float]
    regions: list[Region]
    slot: list[list[int]] = field(default_factory=list)  # [row][col] -> region index

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def region_at(self, x: float, y: float) -> int | None:
        """Index of the region holding the point, None outside the table."""
        at = self.slot_at(x, y)
        return None if at is None else self.slot[at[0]][at[1]]

    def slot_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the grid slot holding the point, None outside the table. A point
        on an inner rule belongs to the slot right of / below it, one on the outer border to
        the slot inside."""
        xs, ys = self.xs, self.ys
        if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
            return None
        # the last slot for a point on the far border; min() calls cost more (the test above
        # keeps both from going below 0)
        col = bisect_right(xs, x) - 1
        if col > len(xs) - 2:  # noqa: PLR1730
            col = len(xs) - 2
        row = bisect_right(ys, y) - 1
        if row > len(ys) - 2:  # noqa: PLR1730
            row = len(ys) - 2
        return row, col


def segments(lines: Iterable[Shape], rects: Iterable[Shape], curves: Iterable[Shape], skip: set[int]) -> list[Segment]:
    """Every rule on the page, from any kind of drawing object not in `skip`."""
    out: list[Segment] = []
    for obj in lines:
        if id(obj) not in skip:
            out.extend(_from_box(obj.x0, obj.top, obj.x1, obj.bottom))
    for obj in rects:
        if id(obj) in skip:
            continue
        x0, top, x1, bottom = obj.x0, obj.top, obj.x1, obj.bottom
        if min(x1 - x0, bottom - top) <= RULE_THICKNESS_PT:
            out.extend(_from_box(x0, top, x1, bottom))
        elif obj.stroke:
            out += [Segment(True, top, x0, x1), Segment(True, bottom, x0, x1),
                    Segment(False, x0, top, bottom), Segment(False, x1, top, bottom)]
    for obj in curves:
        if id(obj) not in skip:
            out.extend(_from_polyline(obj.pts))
    return out


def _from_box(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    if bottom - top <= RULE_THICKNESS_PT and x1 - x0 > bottom - top:
        return [Segment(True, (top + bottom) / 2, x0, x1)]
    if x1 - x0 <= RULE_THICKNESS_PT and bottom - top > x1 - x0:
        return [Segment(False, (x0 + x1) / 2, top, bottom)]
    return []


def _from_polyline(pts: Sequence[tuple[float, float]]) -> list[Segment]:
    out = []
    for (xa, ya), (xb, yb) in itertools.pairwise(pts):
        if abs(ya - yb) < 0.5 and abs(xa - xb) >= 1:
            out.append(Segment(True, ya, min(xa, xb), max(xa, xb)))
        elif abs(xa - xb) < 0.5 and abs(ya - yb) >= 1:
            out.append(Segment(False, xa, min(ya, yb), max(ya, yb)))
    return out


def merge_collinear(segs: Iterable[Segment]) -> list[Segment]:
    """Collinear rules that touch or overlap merged into one (per orientation). Rules are one
    line when their positions chain within SNAP_PT (the pieces of a slightly sloped rule on a
    scan sit a little apart), and the pieces of a line are merged in their order along it; a
    merged rule lies at the position of its longest piece."""
    out: list[Segment] = []
    for horizontal in (True, False):
        lines: list[list[Segment]] = []
        for seg in sorted((s for s in segs if s.horizontal == horizontal), key=_POS):
            if lines and seg.pos - lines[-1][-1].pos <= SNAP_PT:
                lines[-1].append(seg)
            else:
                lines.append([seg])
        for line in lines:
            run: list[Segment] = []
            reach = 0.0  # the run's furthest end: the max of its pieces' ends, in their order
            for seg in sorted(line, key=_A):
                if run and seg.a <= reach + SNAP_PT:
                    run.append(seg)
                    if seg.b > reach:  # noqa: PLR1730 (a max() call a rule costs more)
                        reach = seg.b
                    continue
                if run:
                    out.append(_merged(horizontal, run, reach))
                run, reach = [seg], seg.b
            if run:
                out.append(_merged(horizontal, run, reach))
    return out


def _merged(horizontal: bool, run: list[Segment], reach: float) -> Segment:
    longest = max(run, key=_length)
    return Segment(horizontal, longest.pos, run[0].a, reach)


_POS, _A = attrgetter("pos"), attrgetter("a")


def _length(seg: Segment) -> float:
    return seg.b - seg.a


def find_grids(segs: Sequence[Segment]) -> list[Grid]:
    """The grids of the page's tables, top to bottom."""
    merged = merge_collinear(segs)
    groups = _connected(merged)
    grids = [g for g in (_grid(group) for group in groups) if g is not None]
    grids = [g for g in grids if not _is_frame_around(g, grids)]
    return sorted(grids, key=lambda g: g.ys[0])


def _connected(segs: list[Segment]) -> list[list[Segment]]:
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hor = [i for i, s in enumerate(segs) if s.horizontal]
    ver = [i for i, s in enumerate(segs) if not s.horizontal]
    tol = SNAP_PT
    for i in hor:
        h = segs[i]
        for j in ver:
            v = segs[j]
            if h.a - tol <= v.pos <= h.b + tol and v.a - tol <= h.pos <= v.b + tol:
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, seg in enumerate(segs):
        groups.setdefault(find(i), []).append(seg)
    return list(groups.values())


def _cluster(values: Iterable[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP_PT:
            continue
        out.append(v)
    return out


def _grid(group: list[Segment]) -> Grid | None:
    hor = [s for s in group if s.horizontal]
    ver = [s for s in group if not s.horizontal]
    if len(hor) < 2 or len(ver) < 2:
        return None
    xs, ys = _cluster(s.pos for s in ver), _cluster(s.pos for s in hor)
    if len(xs) < 2 or len(ys) < 2 or xs[-1] - xs[0] < MIN_TABLE_PT or ys[-1] - ys[0] < MIN_TABLE_PT:
        return None
    regions, slot = _regions(xs, ys, hor, ver)
    return Grid(xs=xs, ys=ys, regions=regions, slot=slot)


def _covered(rules: list[tuple[float, float]], a: float, b: float) -> bool:
    """True when the rules (their spans a..b, all at the edge's position) cover at least
    EDGE_COVERAGE of the span a..b."""
    total = 0.0
    for ra, rb in rules:
        if rb > a and ra < b:
            # min(rb, b) - max(ra, a) without the two calls (about 2,000 edges a page)
            total += (b if b < rb else rb) - (a if a > ra else ra)  # noqa: FURB136
    return total >= EDGE_COVERAGE * (b - a)


def _rules_at(positions: list[float], rules: list[Segment]) -> list[list[tuple[float, float]]]:
    """For each grid position, the spans of the rules lying at it (within SNAP_PT), in the
    rules' order: each rule is looked at once per position it can reach, not once per edge."""
    found: list[list[tuple[float, float]]] = [[] for _ in positions]
    for rule in rules:
        k = bisect_left(positions, rule.pos - 2 * SNAP_PT)  # a window wider than the test
        while k < len(positions) and positions[k] <= rule.pos + 2 * SNAP_PT:
            if abs(rule.pos - positions[k]) <= SNAP_PT:
                found[k].append((rule.a, rule.b))
            k += 1
    return found


def _covered_spans(rules: list[tuple[float, float]], cuts: list[float]) -> list[bool]:
    """`_covered(rules, a, b)` for each span a..b between two cuts one after another. Where
    one rule lies at the position (the usual) and the cuts go strictly up, the spans between
    the first cut at or past the rule's start and the last at or before its end are covered
    whole, those clear of it not at all: only the two spans holding its ends are summed."""
    if len(rules) == 1 and all(map(lt, cuts, itertools.islice(cuts, 1, None))):
        ra, rb = rules[0]
        lo, hi = bisect_left(cuts, ra), bisect_right(cuts, rb) - 1
        if ra <= rb and lo < hi:  # (a rule's end that is not a number fails the test)
            n = len(cuts) - 1
            out = [False] * lo + [True] * (hi - lo) + [False] * (n - hi)
            if lo > 0:
                out[lo - 1] = _covered(rules, cuts[lo - 1], cuts[lo])
            if hi < n:
                out[hi] = _covered(rules, cuts[hi], cuts[hi + 1])
            return out
    return [_covered(rules, a, b) for a, b in itertools.pairwise(cuts)]


def _regions(xs: list[float], ys: list[float], hor: list[Segment], ver: list[Segment]) -> tuple[list[Region], list[list[int]]]:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    at_x, at_y = _rules_at(xs, ver), _rules_at(ys, hor)
    joined = False  # some slot joined another (the order slots join in makes the same cells)
    for c in range(n_cols - 1):  # the edges along the rule right of column c, row by row
        covered = _covered_spans(at_x[c + 1], ys)
        if all(covered):
            continue
        for r in itertools.compress(range(n_rows), map(not_, covered)):
            i = r * n_cols + c
            parent[find(i)] = find(i + 1)
            joined = True
    for r in range(n_rows - 1):  # the edges along the rule under row r, column by column
        covered = _covered_spans(at_y[r + 1], xs)
        if all(covered):
            continue
        for c in itertools.compress(range(n_cols), map(not_, covered)):
            i = r * n_cols + c
            parent[find(i)] = find(i + n_cols)
            joined = True
    if not joined:  # no slot joined another: every slot a cell
        return [Region(r, c, r + 1, c + 1) for r in range(n_rows) for c in range(n_cols)], [
            list(range(r * n_cols, (r + 1) * n_cols)) for r in range(n_rows)]
    return _rectangles(n_rows, n_cols, [find(i) for i in range(n_rows * n_cols)])


def _rectangles(n_rows: int, n_cols: int, label: list[int]) -> tuple[list[Region], list[list[int]]]:
    """Regions as rectangles: an L-shaped group of slots is widened to its bounding box."""
    boxes: dict[int, list[int]] = {}
    for r in range(n_rows):  # row by row: a group's first slot is in its top row, its last in its bottom one
        for c, lab in enumerate(label[r * n_cols : (r + 1) * n_cols]):
            if lab not in boxes:
                boxes[lab] = [r, c, r + 1, c + 1]
            else:
                box = boxes[lab]
                if c < box[1]:  # noqa: PLR1730 (min/max calls a slot cost more)
                    box[1] = c
                box[2] = r + 1
                if c + 1 > box[3]:  # noqa: PLR1730
                    box[3] = c + 1
    slot = [[-1] * n_cols for _ in range(n_rows)]
    regions: list[Region] = []
    for r0, c0, r1, c1 in sorted(boxes.values()):
        if slot[r0][c0] != -1:
            continue  # swallowed by an earlier, overlapping bounding box
        index = len(regions)
        regions.append(Region(r0, c0, r1, c1))
        for r in range(r0, r1):
            row = slot[r]
            for c in range(c0, c1):
                if row[c] == -1:
                    row[c] = index
    for r in range(n_rows):
        row = slot[r]
        if -1 not in row:  # (most rows: every slot taken)
            continue
        for c in range(n_cols):
            if row[c] == -1:  # left over by a swallowed box: a cell of its own
                row[c] = len(regions)
                regions.append(Region(r, c, r + 1, c + 1))
    return regions, slot


def _is_frame_around(grid: Grid, grids: list[Grid]) -> bool:
    """A one-cell frame (a page border) drawn around another table is not a table."""
    if len(grid.regions) != 1:
        return False
    x0, y0, x1, y1 = grid.bbox
    return any(
        other is not grid and x0 <= other.xs[0] and other.xs[-1] <= x1 and y0 <= other.ys[0] and other.ys[-1] <= y1
        for other in grids
    )
