"""Check boxes as elements of their cell or paragraph, and the field parser reading them."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.box_elements import read_boxes
from parsers.form_parser import parse_document
from parsers.lines import build_document
from parsers.readers import read_bytes, read_document
from parsers.readers.checkbox_glyphs import mark
from parsers.tokens import tokens_of
from schemas.document import Cell, Paragraph, Table
from schemas.limits import Limits
from schemas.record import Source

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _boxes(text, **kw):
    view, boxes = read_boxes(text, **kw)
    return view, [(b.state, b.source, b.label, b.label_side, b.offset) for b in boxes]


def test_a_box_after_its_label_and_one_before_it():
    assert _boxes("是☐ 否☑") == ("是☐ 否☑", [("unchecked", "glyph", "是", "before", 1),
                                             ("checked", "glyph", "否", "before", 4)])
    assert _boxes("☑确定能完成 ☐有可能完成")[1] == [("checked", "glyph", "确定能完成", "after", 0),
                                                  ("unchecked", "glyph", "有可能完成", "after", 7)]


def test_a_source_mark_reads_as_its_glyph_and_keeps_its_source():
    view, boxes = _boxes(f"{mark(True, 'w14')}是 {mark(False, 'acroform')}否 {mark(None, 'pixels')}不详")
    assert view == "☑是 ☐否 ⍰不详"
    assert [(s, src) for s, src, *_ in boxes] == [("checked", "w14"), ("unchecked", "acroform"), ("unknown", "pixels")]


def test_paragraph_labels_never_reach_over_a_line_break():
    assert [b[2:4] for b in _boxes("是否调整：是☐\n☑否", per_line=True)[1]] == [("是否调整：是", "before"), ("否", "after")]


def test_tokens_carry_a_paragraph_lines_boxes_with_offsets_into_the_line():
    document = build_document(Source(path="x.txt"), [Paragraph(text="标题\n是☐ 否☑")])
    (_, second) = tokens_of(document)
    assert second.text == "是☐ 否☑"
    assert [(b.offset, second.text[b.offset]) for b in second.boxes] == [(1, "☐"), (4, "☑")]


@pytest.mark.parametrize(("path", "source"), [
    ("docx/key_mixed_boxes.docx", {"w14", "formfield", "glyph"}),
    ("docx/general_formfield_after_table.docx", {"formfield"}),
    ("pdf/general_widgets_multipage.pdf", {"acroform"}),
    ("pdf/key_drawn_narrative_outside.pdf", {"drawn"}),
])
def test_readers_say_what_each_box_was_read_from(path, source):
    file = CORPUS / path
    document = read_document(file, read_bytes(file, Limits()), Limits())
    items = [i for b in document.blocks for i in (b.cells if isinstance(b, Table) else [b])]
    assert {box.source for item in items for box in item.boxes} == source
    for item in items:  # the text view shows every box as ☑/☐/⍰ where its element says
        assert all(item.text[box.offset] == {"checked": "☑", "unchecked": "☐", "unknown": "⍰"}[box.state]
                   for box in item.boxes)
        assert not any(ord(char) >= 0xF0000 for char in item.text)


def _adjustment_document(text: str, flip: bool = False):
    cells = (Cell(row=0, col=0, text="是否需要预算调整"), Cell(row=0, col=1, text=text))
    document = build_document(Source(path="x.txt"), [Table(cells=cells)])
    if not flip:
        return document
    table = document.blocks[0]
    value = table.cells[1]
    flipped = tuple(b.model_copy(update={"state": "unchecked" if b.state == "checked" else "checked"})
                    for b in value.boxes)
    cells = (table.cells[0], value.model_copy(update={"boxes": flipped}))
    return document.model_copy(update={"blocks": (table.model_copy(update={"cells": cells}),)})


def test_the_field_parser_answers_from_the_box_elements_not_the_glyphs_in_the_text():
    assert parse_document(_adjustment_document("是☐ 否☑")).fields.adjustment_needed is False
    # the same text view with its elements ticked the other way: the elements decide
    assert parse_document(_adjustment_document("是☐ 否☑", flip=True)).fields.adjustment_needed is True


def test_look_alikes_no_reader_makes_boxes_are_still_read_beside_their_labels():
    assert parse_document(_adjustment_document("是√ 否口")).fields.adjustment_needed is True
