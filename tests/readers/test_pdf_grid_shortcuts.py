"""The grid code's shortcuts give what the plain definitions give.

`merge_collinear` keeps a run's furthest end as it goes, `_covered` picks the overlap's ends
without the builtins, `_covered_spans` sums only the spans holding a lone rule's ends, and
`_regions` returns a grid none of whose slots joined another
without the bounding-box pass: each is checked here against the plain definition on random
rules, equal positions, signed zeros and NaNs included."""

from __future__ import annotations

import itertools
import math
import random

from parsers.readers.pdf_tables import (
    EDGE_COVERAGE,
    SNAP_PT,
    Region,
    Segment,
    _covered,
    _covered_spans,
    _rectangles,
    _regions,
    merge_collinear,
)

_VALUES = [0.0, -0.0, 1.0, 2.5, 10.0, 10.0, 99.5, 100.0, math.nan, math.inf]


def _value(rng: random.Random) -> float:
    return rng.choice(_VALUES) if rng.random() < 0.3 else round(rng.uniform(-5, 120), rng.choice((0, 1, 3)))


def _covered_plainly(rules: list[tuple[float, float]], a: float, b: float) -> bool:
    total = 0.0
    for ra, rb in rules:
        if rb > a and ra < b:
            total += min(rb, b) - max(ra, a)
    return total >= EDGE_COVERAGE * (b - a)


def test_covered_is_the_sum_of_the_overlaps_the_builtins_give() -> None:
    rng = random.Random(15)
    for _ in range(5000):
        rules = [(_value(rng), _value(rng)) for _ in range(rng.randint(0, 4))]
        a, b = _value(rng), _value(rng)
        assert _covered(rules, a, b) == _covered_plainly(rules, a, b), (rules, a, b)


def test_covered_spans_are_each_span_covered_in_turn() -> None:
    rng = random.Random(17)
    for _ in range(5000):
        rules = [(_value(rng), _value(rng)) for _ in range(rng.choice((0, 1, 1, 1, 2)))]
        if rng.random() < 0.5:  # cuts going up, as a grid's are
            cuts = sorted({round(rng.uniform(-5, 120), rng.choice((0, 1))) for _ in range(rng.randint(1, 8))})
        else:
            cuts = [_value(rng) for _ in range(rng.randint(1, 8))]
        want = [_covered(rules, a, b) for a, b in itertools.pairwise(cuts)]
        assert _covered_spans(rules, cuts) == want, (rules, cuts)


def _merged_plainly(segs: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for horizontal in (True, False):
        lines: list[list[Segment]] = []
        for seg in sorted((s for s in segs if s.horizontal == horizontal), key=lambda s: s.pos):
            if lines and seg.pos - lines[-1][-1].pos <= SNAP_PT:
                lines[-1].append(seg)
            else:
                lines.append([seg])
        for line in lines:
            runs: list[list[Segment]] = []
            for seg in sorted(line, key=lambda s: s.a):
                if runs and seg.a <= max(s.b for s in runs[-1]) + SNAP_PT:
                    runs[-1].append(seg)
                else:
                    runs.append([seg])
            for run in runs:
                longest = max(run, key=lambda s: s.b - s.a)
                out.append(Segment(horizontal, longest.pos, run[0].a, max(s.b for s in run)))
    return out


def _same(a: list[Segment], b: list[Segment]) -> bool:
    def key(s: Segment) -> tuple[object, ...]:
        return (s.horizontal, *(repr(v) for v in (s.pos, s.a, s.b)))  # NaN and -0.0 compared by their spelling
    return [key(s) for s in a] == [key(s) for s in b]


def test_merged_rules_are_those_of_taking_each_runs_end_again() -> None:
    rng = random.Random(16)
    for _ in range(2000):
        segs = [Segment(rng.random() < 0.5, rng.choice((10.0, 11.0, 50.0, _value(rng))), _value(rng), _value(rng))
                for _ in range(rng.randint(0, 12))]
        assert _same(merge_collinear(segs), _merged_plainly(segs)), segs


def test_a_grid_of_separate_slots_is_what_the_bounding_box_pass_gives() -> None:
    xs, ys = [0.0, 10.0, 20.0, 30.0], [0.0, 5.0, 10.0]
    hor = [Segment(True, y, 0.0, 30.0) for y in ys]
    ver = [Segment(False, x, 0.0, 10.0) for x in xs]
    regions, slot = _regions(xs, ys, hor, ver)
    assert (regions, slot) == _rectangles(2, 3, list(range(6)))
    assert len(regions) == 6
    # a rule missing along one edge joins two slots: the full pass runs, and they are one cell
    regions, slot = _regions(xs, ys, hor, [v for v in ver if v.pos != 10.0] + [Segment(False, 10.0, 5.0, 10.0)])
    assert slot[0][0] == slot[0][1] and len(regions) == 5


def _regions_slot_by_slot(xs: list[float], ys: list[float], hor: list[Segment], ver: list[Segment]) -> object:
    """Every slot joined to its right and lower neighbour where the edge between them is not
    covered by the rules lying at it, a slot at a time."""
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def at(rules: list[Segment], pos: float) -> list[tuple[float, float]]:
        return [(s.a, s.b) for s in rules if abs(s.pos - pos) <= SNAP_PT]

    for r in range(n_rows):
        for c in range(n_cols):
            i = r * n_cols + c
            if c + 1 < n_cols and not _covered(at(ver, xs[c + 1]), ys[r], ys[r + 1]):
                parent[find(i)] = find(i + 1)
            if r + 1 < n_rows and not _covered(at(hor, ys[r + 1]), xs[c], xs[c + 1]):
                parent[find(i)] = find(i + n_cols)
    return _rectangles(n_rows, n_cols, [find(i) for i in range(n_rows * n_cols)])


def test_regions_are_the_slots_joined_edge_by_edge() -> None:
    rng = random.Random(18)
    for _ in range(500):
        xs = [0.0, 10.0, 20.0, 30.0, 40.0][: rng.randint(2, 5)]
        ys = [0.0, 5.0, 10.0, 15.0][: rng.randint(2, 4)]
        hor = [Segment(True, y, rng.choice((xs[0], xs[1], 5.0)), rng.choice((xs[-1], xs[-2], 25.0)))
               for y in ys for _ in range(rng.choice((0, 1, 1, 1, 2)))]
        ver = [Segment(False, x, rng.choice((ys[0], ys[1], 2.5)), rng.choice((ys[-1], ys[-2], 7.5)))
               for x in xs for _ in range(rng.choice((0, 1, 1, 1, 2)))]
        assert _regions(xs, ys, hor, ver) == _regions_slot_by_slot(xs, ys, hor, ver), (xs, ys, hor, ver)


def _rectangles_slot_by_slot(n_rows: int, n_cols: int, label: list[int]) -> object:
    """Each group of slots widened to its bounding box, the boxes taken top-left first, a
    box overlapping an earlier one swallowed, and every slot no box took a cell of its own."""
    boxes: dict[int, list[int]] = {}
    for i, lab in enumerate(label):
        r, c = divmod(i, n_cols)
        box = boxes.setdefault(lab, [r, c, r + 1, c + 1])
        box[1], box[2], box[3] = min(box[1], c), r + 1, max(box[3], c + 1)
    slot = [[-1] * n_cols for _ in range(n_rows)]
    regions: list[Region] = []
    for r0, c0, r1, c1 in sorted(boxes.values()):
        if slot[r0][c0] == -1:
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if slot[r][c] == -1:
                        slot[r][c] = len(regions)
            regions.append(Region(r0, c0, r1, c1))
    for r in range(n_rows):
        for c in range(n_cols):
            if slot[r][c] == -1:
                slot[r][c] = len(regions)
                regions.append(Region(r, c, r + 1, c + 1))
    return regions, slot


def test_rectangles_are_the_groups_bounding_boxes() -> None:
    rng = random.Random(19)
    for _ in range(2000):
        n_rows, n_cols = rng.randint(1, 5), rng.randint(1, 5)
        label = [rng.randint(0, n_rows * n_cols // 2) for _ in range(n_rows * n_cols)]
        assert _rectangles(n_rows, n_cols, label) == _rectangles_slot_by_slot(n_rows, n_cols, label), label
