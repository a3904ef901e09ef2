"""Glyphs placed in grid cells by `pdf_page._place` are where asking each grid gives.

`_place` takes the glyphs in runs of one top, bottom and size and puts a run whose centres
all lie in one grid slot into its region whole, a run above or below every grid outside at
once, and the glyphs of any other run one at a time, remembering the slot the last glyph
fell in; the reference here is the plain rule: each glyph's centre asked of the grids in
order (`Grid.slot_at`), the first that holds it wins, the rest are outside. Grids beside,
above and touching one another, points on rules, runs going back to the left, and
coordinates that are not numbers are drawn at random."""

from __future__ import annotations

import math
import random

from parsers.readers.pdf_page import _place
from parsers.readers.pdf_tables import Grid, Region
from parsers.readers.pdf_text import Glyph, glyph_runs


def _grid(x0: float, y0: float, cols: int, rows: int, step: float) -> Grid:
    xs = [x0 + step * c for c in range(cols + 1)]
    ys = [y0 + step * r for r in range(rows + 1)]
    regions = [Region(r, c, r + 1, c + 1) for r in range(rows) for c in range(cols)]
    slot = [[r * cols + c for c in range(cols)] for r in range(rows)]
    return Grid(xs=xs, ys=ys, regions=regions, slot=slot)


def _reference(glyphs: list[Glyph], grids: list[Grid]) -> tuple[list[list[list[str]]], list[str]]:
    buckets: list[list[list[str]]] = [[[] for _ in grid.regions] for grid in grids]
    outside: list[str] = []
    for glyph in glyphs:
        cx, cy = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        for k, grid in enumerate(grids):
            at = grid.slot_at(cx, cy)
            if at is not None:
                buckets[k][grid.slot[at[0]][at[1]]].append(glyph.text)
                break
        else:
            outside.append(glyph.text)
    return buckets, outside


def test_glyphs_land_where_asking_each_grid_in_turn_puts_them() -> None:
    rng = random.Random(15)
    for _ in range(1500):
        grids = [_grid(rng.choice((0.0, 50.0, 100.0)), rng.choice((0.0, 40.0, 100.0, 200.0, math.nan)),
                       rng.randint(1, 4), rng.randint(1, 4), rng.choice((10.0, 20.0)))
                 for _ in range(rng.randint(1, 3))]
        glyphs = []
        x = y = 0.0
        for n in range(rng.randint(0, 60)):
            if rng.random() < 0.3:  # a new line somewhere; else the next character on this one
                # (a centre on a rule, the grids' right borders included, now and then)
                x = rng.choice((rng.uniform(-10, 200), float(rng.randrange(-10, 200, 5))))
                y = rng.choice((rng.uniform(-20, 300), 40.0, 100.0, 120.0))
            x += rng.choice((2.0, 5.0, 10.0, 10.0, 25.0, -3.0))  # (a step over a whole slot, or back)
            x0 = rng.choice((math.nan, math.inf)) if rng.random() < 0.02 else x - 2.0
            top = math.nan if rng.random() < 0.02 else y - 2.0
            glyphs.append(Glyph(f"g{n}", x0, x + 2.0, top, y + 2.0, 4.0))
        runs = glyph_runs(glyphs)
        buckets: list[list[list[list[Glyph]]]] = [[[] for _ in grid.regions] for grid in grids]
        outside = _place(runs, grids, buckets)
        want_buckets, want_outside = _reference(glyphs, grids)
        assert [[[g.text for piece in cell for g in piece] for cell in grid] for grid in buckets] == want_buckets
        assert [g.text for piece in outside for g in piece] == want_outside
        # every piece is a stretch of one run's glyphs, none empty, and the runs are left as they are
        assert all(piece for grid in buckets for cell in grid for piece in cell) and all(outside)
        assert runs == glyph_runs(glyphs)
