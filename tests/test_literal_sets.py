"""Patterns that look for a set of literal characters find exactly that set.

`schemas.figures.to_ascii` asks whether a text holds a character it translates,
`pdf_boxes.reads_as_decoded` whether a page's text holds one `char_text` would change, and
`pdf_text.make_line` whether a line's characters hold white space (`str.isspace`); all scan
with the standard `re` (faster than `regex` at a plain set): every code point is checked
against the set the pattern stands for."""

from __future__ import annotations

import sys

from parsers.readers.checkbox_glyphs import CHECKED_GLYPHS, UNCHECKED_GLYPHS
from parsers.readers.pdf_boxes import CHANGED_TEXT, char_text, reads_as_decoded
from parsers.readers.pdf_text import _WHITE_SPACE
from schemas.figures import _FULLWIDTH, _NEEDS_ASCII, to_ascii

_EVERY = [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000]


def test_to_ascii_looks_for_exactly_the_characters_it_translates() -> None:
    found = {ch for ch in _EVERY if _NEEDS_ASCII.search(ch)}
    assert found == {chr(code) for code in _FULLWIDTH}
    assert to_ascii("预算１２．５％，执行率\u3000９０％") == "预算12.5%，执行率 90%"


def test_a_page_is_mapped_when_it_holds_a_box_glyph_a_private_use_code_or_an_unmapped_code() -> None:
    boxes = CHECKED_GLYPHS | UNCHECKED_GLYPHS
    found = {ch for ch in _EVERY if CHANGED_TEXT.search(ch)}
    assert found == set(boxes) | {chr(code) for code in range(0xE000, 0xF900)}
    assert not any(ch.isascii() for ch in found)  # an ASCII page needs no search for them
    assert not reads_as_decoded(["是", "(cid:12)", "否"], ["SimSun"] * 3)
    assert not reads_as_decoded(["a", "(cid:12)"], ["Helvetica"] * 2)
    assert reads_as_decoded(list("是(cid否"), ["SimSun"] * 7) and reads_as_decoded(list("plain"), [None] * 5)
    assert all(char_text(ch, "SimSun") == ch for ch in "项目名称ABC123" if not CHANGED_TEXT.search(ch))


def test_a_line_holds_white_space_where_a_character_of_it_is_space() -> None:
    assert {ch for ch in _EVERY if _WHITE_SPACE.search(ch)} == {ch for ch in _EVERY if ch.isspace()}
