"""A line's text found from its glyphs' columns equals the text made a glyph at a time.

`pdf_text.make_line` finds a line's spaces by comparing every gap in C and goes a glyph at
a time only where a character repeats the one before and may be fake bold; the reference
here is `_spaced_loop`, the plain loop. The lines drawn below mix sizes, gaps on both sides
of the threshold, drawn spaces, repeated characters side by side and fake bold (the same
character drawn again over itself)."""

from __future__ import annotations

import itertools
import random

from parsers.readers.pdf_text import SPACE_GAP_EM, Glyph, _spaced, _spaced_loop, make_line


def _line(rng: random.Random) -> list[Glyph]:
    glyphs: list[Glyph] = []
    x = 50.0
    size = rng.choice((9.0, 10.0, 10.5))
    for _ in range(rng.randint(1, 40)):
        if rng.random() < 0.1:
            size = rng.choice((6.0, 9.0, 10.0, 10.5, 14.0))
        text = rng.choice("aab1 1..中文")
        width = size * rng.choice((0.5, 0.6, 1.0))
        glyph = Glyph(text, x, x + width, 100.0, 100.0 + size, size)
        glyphs.append(glyph)
        if rng.random() < 0.05:  # fake bold: drawn again a little to the right
            glyphs.append(glyph._replace(x0=x + 0.3, x1=x + width + 0.3))
        gap = rng.choice((0.0, 0.0, 0.5, SPACE_GAP_EM * size, SPACE_GAP_EM * size + 0.01, 4.0, -0.2))
        x += width + gap
    return glyphs


def test_spaces_found_by_columns_equal_the_glyph_at_a_time_loop() -> None:
    rng = random.Random(41)
    fake_bold = repeats = 0
    for _ in range(3000):
        glyphs = _line(rng)
        texts, x0s, x1s, tops, _, sizes, _, _ = zip(*glyphs, strict=True)


        assert _spaced(glyphs, "".join(texts), texts, x0s, x1s, tops, sizes) == _spaced_loop(glyphs)
        repeats += any(a.text == b.text for a, b in itertools.pairwise(glyphs))
        fake_bold += any(a.text == b.text and b.x0 - a.x0 < 0.5 for a, b in itertools.pairwise(glyphs))
    assert repeats > 1000 and fake_bold > 100  # both paths were taken


def test_fake_bold_is_read_once_and_a_wide_gap_is_a_space() -> None:
    a = Glyph("a", 10.0, 15.0, 100.0, 110.0, 10.0)
    b = Glyph("b", 19.0, 24.0, 100.0, 110.0, 10.0)  # 4 pt after a: a space
    line = make_line([a, a._replace(x0=10.4, x1=15.4), b, b._replace(x0=24.0, x1=29.0)])
    assert line is not None and line.text == "a bb"
    assert (line.x0, line.x1) == (10.0, 29.0)


def test_a_line_box_is_its_inked_glyphs_box() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        glyphs = _line(rng)
        if rng.random() < 0.3:  # a space glyph reaching past the ink at either end
            space = Glyph(" ", glyphs[0].x0 - 3.0, glyphs[-1].x1 + 3.0, 99.0, 111.0, 12.0)
            glyphs = [space, *glyphs] if rng.random() < 0.5 else [*glyphs, space]
        line = make_line(glyphs)
        inked = [g for g in glyphs if not g.text.isspace()]
        if line is None:
            assert not inked
            continue
        assert (line.x0, line.x1, line.top, line.bottom, line.size, line.score) == (
            min(g.x0 for g in inked), max(g.x1 for g in inked), min(g.top for g in inked),
            max(g.bottom for g in inked), max(g.size for g in inked), None)


def test_a_line_of_one_top_bottom_and_size_has_them_as_its_box() -> None:
    """Each column's one value is taken without min or max; zeros and differing values as
    min and max give them."""
    rng = random.Random(6)
    for _ in range(2000):
        n = rng.randint(1, 6)
        tops = [rng.choice((99.0, 0.0, -0.0))] * n if rng.random() < 0.7 else [rng.choice((98.0, 99.0, -0.0)) for _ in range(n)]
        bottoms = [rng.choice((111.0, 0.0, -0.0))] * n if rng.random() < 0.7 else [rng.choice((110.0, 111.0, 0.0)) for _ in range(n)]
        sizes = [rng.choice((12.0, 0.0))] * n if rng.random() < 0.7 else [rng.choice((11.0, 12.0, -0.0)) for _ in range(n)]
        glyphs = [Glyph(chr(0x4E00 + k), 10.0 * k, 10.0 * k + 9, tops[k], bottoms[k], sizes[k]) for k in range(n)]
        line = make_line(glyphs)
        assert line is not None
        got = (line.top, line.bottom, line.size)
        want = (min(tops), max(bottoms), max(sizes))
        assert [repr(v) for v in got] == [repr(v) for v in want], glyphs  # signed zeros as min and max give them


def _text_reference(glyphs: list[Glyph]) -> str | None:
    """The line's text the plain way: the loop's text, CJK gaps closed, runs of spaces
    squeezed, the ends stripped (None when nothing is left)."""
    from parsers.readers.pdf_text import _CJK_GAP, _SPACES

    text = _SPACES.sub(" ", _CJK_GAP.sub("", _spaced_loop(glyphs))).strip()
    return text or None


def test_a_line_text_with_white_space_and_gaps_not_numbers_equals_the_plain_way() -> None:
    """Lines of one size whose gaps may not be numbers (a NaN first gap hides the others from
    max), and characters of white space other than the space (a tab, an ideographic space,
    a line holding only white space): the text is the plain way's."""
    rng = random.Random(17)
    nan = float("nan")
    for _ in range(3000):
        x = 10.0
        glyphs = []
        for _ in range(rng.randint(1, 8)):
            text = rng.choice("中文ab\t\u3000 ")
            x0 = nan if rng.random() < 0.1 else x
            glyphs.append(Glyph(text, x0, x + 9.0, 100.0, 110.0, 10.0))
            x += 9.0 + rng.choice((0.0, 0.5, 3.5))
        line = make_line(glyphs)
        assert (None if line is None else line.text) == _text_reference(glyphs), glyphs


def test_the_lines_of_one_run_are_the_grouped_lines() -> None:
    """`run_lines` of one run (its glyphs in any order, white space only, a centre not a
    number) is `group_runs`' lines made into text lines."""
    from parsers.readers.pdf_text import group_runs, run_lines

    rng = random.Random(23)
    for _ in range(2000):
        top = rng.choice((100.0, 100.0, float("nan")))
        run = [Glyph(rng.choice("中文a1 "), x, x + 9.0, top, 110.0, 10.0) for x in rng.sample((10.0, 20.0, 30.0, 39.0, 50.0), rng.randint(1, 5))]
        want = [line for line in map(make_line, group_runs([run])) if line is not None]
        assert [repr(line) for line in run_lines([run])] == [repr(line) for line in want], run
