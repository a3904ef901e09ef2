"""Collinear rule pieces merged into one rule whatever their order and small offsets: the
pieces of a sloped scan rule (or of a PDF's rule drawn in parts) sit up to SNAP_PT apart."""

from __future__ import annotations

import pytest

from parsers.readers.pdf_tables import SNAP_PT, Segment, find_grids, merge_collinear

pytestmark = pytest.mark.parametrize("offset", [0.0, 0.3, 0.9, -0.9])


def _v(pos: float, a: float, b: float) -> Segment:
    return Segment(False, pos, a, b)


def _h(pos: float, a: float, b: float) -> Segment:
    return Segment(True, pos, a, b)


def test_a_rule_in_pieces_at_slightly_different_positions_is_one_rule(offset: float) -> None:
    # A lower piece drawn first and an upper piece a fraction of a point across from it
    # (490.9 and 491.04 fall either side of a 2-pt bucket).
    pieces = [_v(490.9, 243.4, 449.9), _v(491.04 + offset, 140.3, 195.6), _v(490.95, 195.0, 243.0)]
    (merged,) = merge_collinear(pieces)
    assert (merged.a, merged.b) == (140.3, 449.9)
    assert abs(merged.pos - 490.9) < SNAP_PT


def test_pieces_apart_along_the_line_stay_apart(offset: float) -> None:
    merged = merge_collinear([_v(100.0, 300.0, 400.0), _v(100.5 + offset / 2, 10.0, 90.0)])
    assert sorted((m.a, m.b) for m in merged) == [(10.0, 90.0), (300.0, 400.0)]


def test_a_sloped_separator_still_splits_its_rows(offset: float) -> None:
    """A table of three rows, the middle column's separator drawn in two pieces (the lower
    one first) across a bucket boundary: every row keeps its two cells."""
    ys = (140.7, 158.8, 177.0, 195.1)
    segs = [_h(y, 362.0, 555.4) for y in ys]
    segs += [_v(362.0, 140.7, 195.1), _v(555.4, 140.7, 195.1)]
    segs += [_v(490.9, 170.0, 195.1), _v(491.04 + offset, 140.3, 171.0)]
    (grid,) = find_grids(segs)
    assert len(grid.xs) == 3 and len(grid.ys) == 4
    assert sorted((r.r0, r.c0, r.r1, r.c1) for r in grid.regions) == [
        (r, c, r + 1, c + 1) for r in range(3) for c in range(2)]
