"""Lines grouped from runs of glyphs equal lines grouped a glyph at a time.

`pdf_text.group_lines` sorts the runs of glyphs that share top, bottom and size (what one
text object draws) instead of every glyph; the reference here is the plain algorithm: a
stable sort of every glyph by its vertical centre, then glyphs of one centre and size taken
a group at a time."""

from __future__ import annotations

import itertools
import math
import random

from parsers.readers.pdf_text import SAME_LINE_EM, Glyph, group_lines


def _reference(glyphs: list[Glyph]) -> list[list[Glyph]]:
    ordered = sorted(glyphs, key=lambda g: g.top + g.bottom)
    lines: list[list[Glyph]] = []
    centre = size = 0.0
    for (mid2, glyph_size), group in itertools.groupby(ordered, key=lambda g: (g.top + g.bottom, g.size)):
        mid = mid2 / 2
        if lines and abs(mid - centre) <= SAME_LINE_EM * max(1.0, max(size, glyph_size)):
            lines[-1].extend(group)
            continue
        lines.append(list(group))
        centre, size = mid, glyph_size
    for line in lines:
        line.sort(key=lambda g: g.x0)
    return lines


def _page(rng: random.Random) -> list[Glyph]:
    """Runs of glyphs (one baseline, one size) in a shuffled order, some lines drawn in
    several runs, raised or lowered pieces, sizes that differ, glyphs on their own."""
    glyphs: list[Glyph] = []
    runs = []
    for line in range(30):
        top = 50.0 + line * 14 + rng.choice((0.0, 0.0, 0.25, -0.5))
        x = 50.0
        for _ in range(rng.randint(1, 4)):
            size = rng.choice((9.0, 10.0, 10.5))
            raise_by = rng.choice((0.0, 0.0, 0.0, 3.0, -2.0))
            run = []
            for k in range(rng.randint(1, 12)):
                run.append(Glyph(chr(0x61 + k % 26), x, x + 5, top - raise_by, top - raise_by + size, size))
                x += rng.choice((5.0, 5.0, 9.0))
            runs.append(run)
    rng.shuffle(runs)
    for run in runs:
        glyphs += run
    return glyphs


def test_runs_group_into_the_same_lines_as_single_glyphs() -> None:
    rng = random.Random(15)
    for _ in range(40):
        glyphs = _page(rng)
        assert group_lines(glyphs) == _reference(glyphs)


def test_equal_centres_keep_the_order_they_came_in() -> None:
    # two runs on one centre, far apart in the list: the stable sort keeps the first first
    a = [Glyph("a", 10.0, 15.0, 100.0, 110.0, 10.0), Glyph("b", 15.0, 20.0, 100.0, 110.0, 10.0)]
    other = [Glyph("z", 10.0, 15.0, 200.0, 210.0, 10.0)]
    c = [Glyph("c", 10.0, 15.0, 100.0, 110.0, 10.0)]  # same x0 as "a": the sort by x0 keeps "a" first
    glyphs = a + other + c
    lines = group_lines(glyphs)
    assert lines == _reference(glyphs)
    assert [g.text for g in lines[0]] == ["a", "c", "b"]


def test_a_centre_that_is_not_a_number_is_grouped_as_before() -> None:
    glyphs = [Glyph("a", 10.0, 15.0, 100.0, 110.0, 10.0), Glyph("n", 20.0, 25.0, math.nan, 110.0, 10.0),
              Glyph("b", 30.0, 35.0, 100.0, 110.0, 10.0), Glyph("c", 40.0, 45.0, 300.0, 310.0, 10.0)]
    lines = group_lines(glyphs)
    assert [[g.text for g in line] for line in lines] == [[g.text for g in line] for line in _reference(glyphs)]


def test_one_run_is_one_line_as_a_glyph_at_a_time() -> None:
    """A cell's glyphs are often one run (one top, bottom and size): taken as one group."""
    rng = random.Random(16)
    for _ in range(300):
        top = rng.choice((100.0, 0.0, -0.0, math.nan, math.inf))
        size = rng.choice((10.0, 0.0, 12.5))
        xs = [rng.choice((10.0, 20.0, 20.0, 35.5, -0.0, math.nan)) for _ in range(rng.randint(1, 9))]
        bottom = top + size  # one object for the run, as a reader's run shares it (a NaN too)
        glyphs = [Glyph(chr(0x61 + k), x, x + 5, top, bottom, size) for k, x in enumerate(xs)]
        assert [[g.text for g in line] for line in group_lines(glyphs)] == [
            [g.text for g in line] for line in _reference(glyphs)]


def test_runs_are_the_stretches_of_equal_top_bottom_and_size() -> None:
    from parsers.readers.pdf_text import glyph_runs

    rng = random.Random(17)
    for _ in range(300):
        glyphs = [Glyph("a", 1.0, 2.0, rng.choice((10.0, 10.0, 0.0, -0.0, math.nan)), rng.choice((20.0, 20.0, 21.0)),
                        rng.choice((9.0, 9.0, 10.0))) for _ in range(rng.randint(0, 20))]
        runs = glyph_runs(glyphs)
        assert [g for run in runs for g in run] == glyphs and all(runs)
        for run in runs:  # each run's glyphs equal its first's (so no NaN in a run of two or more)
            assert all((g.top, g.bottom, g.size) == (run[0].top, run[0].bottom, run[0].size) for g in run[1:])
            assert len(run) == 1 or not math.isnan(run[0].top)
        for a, b in itertools.pairwise(runs):  # and each is as long as it can be
            last, first = a[-1], b[0]
            assert not (last.top == first.top and last.bottom == first.bottom and last.size == first.size)
