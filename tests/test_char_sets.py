"""`char_sets.any_of` finds exactly its characters, and the texts asked with it read as before.

Every code point is checked against the set each pattern stands for (the box glyphs and source
marks, symbol-font box code points, the characters every form title holds); `read_boxes`, which
finds its boxes with one, is compared with the character-by-character reading it replaced."""

from __future__ import annotations

import sys

import pytest

from parsers import box_elements, normalize
from parsers.char_sets import any_of
from parsers.forms import all_templates, title_words
from parsers.normalize import label_key
from parsers.readers import checkbox_glyphs
from parsers.readers.checkbox_glyphs import BOX_CHARS, GLYPHS, MARKS, mark
from schemas.document import Checkbox

_EVERY = [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000]


def _found(pattern) -> set[str]:
    return {ch for ch in _EVERY if pattern.search(ch)}


def test_a_class_of_characters_re_treats_specially_finds_them_and_nothing_else() -> None:
    chars = "]^-\\[.*+?(){}|$/ab☑"
    assert _found(any_of(chars)) == set(chars)
    assert _found(any_of("")) == set()
    assert any_of("口☐").search("预算口径") and not any_of("口☐").search("预算")
    with pytest.raises(ValueError):
        any_of(["ab"])


def test_the_box_patterns_find_exactly_the_box_characters() -> None:
    assert _found(box_elements._ANY_BOX) == set(BOX_CHARS)
    assert _found(normalize._ANY_BOX) == set(BOX_CHARS)
    assert _found(checkbox_glyphs._GLYPH_CHARS) == {chr(code) for code in checkbox_glyphs._GLYPH_TABLE}


def test_the_title_pattern_finds_the_characters_every_title_holds() -> None:
    keys = [label_key(word) for template in all_templates() for word in template.title.match]
    common = set.intersection(*(set(key) for key in keys))
    _, finder = title_words()
    assert finder is not None
    assert _found(finder) == {ch for ch in common if not ch.isascii()}


def _reference(text: str, *, per_line: bool = False) -> tuple[str, tuple[Checkbox, ...]]:
    """The reading before `any_of`: every character looked at in Python."""
    found: list[tuple[int, bool | None, str]] = []
    chars = list(text)
    for offset, char in enumerate(chars):
        if char in box_elements._PLAIN:
            found.append((offset, box_elements._PLAIN[char], "glyph"))
        elif char in MARKS:
            state, source = MARKS[char]
            chars[offset] = GLYPHS[state]
            found.append((offset, state, source))
    if not found:
        return text, ()
    view = "".join(chars)
    spans = box_elements._line_spans(view) if per_line else [(0, len(view))]
    boxes: list[Checkbox] = []
    for start, end in spans:
        boxes += box_elements._labelled(view, start, end, [box for box in found if start <= box[0] < end])
    return view, tuple(boxes)


@pytest.mark.parametrize("text", [
    "",
    "项目名称",
    "☑是 ☐否",
    "是☐ 否☑ ⍰不确定",
    f"{mark(True, 'w14')}确定能完成 {mark(False, 'w14')}有可能完成 {mark(None, 'pixels')}不能",
    f"是{mark(True, 'drawn')}\n否{mark(False, 'acroform')} ☑其他\n\n  ☐空行后",
    f"{mark(False, 'picture')}{mark(True, 'ocr')}☑☐",
    "𠀀☑扩展区汉字☐" + mark(True, "formfield"),
])
@pytest.mark.parametrize("per_line", [False, True])
def test_boxes_read_as_character_by_character(text: str, per_line: bool) -> None:
    assert box_elements.read_boxes(text, per_line=per_line) == _reference(text, per_line=per_line)
