"""Box groups inside table rows answer from the cell's box elements, not from glyphs found
again in the text; the text is read only where a reader made no element."""

from __future__ import annotations

from parsers.row_boxes import box_cell, box_state, group_of, value_of
from schemas.document import Checkbox
from schemas.template import ColumnSpec

LIKELIHOOD = ColumnSpec(labels=("完成目标可能性",), type="option", options=("确定能", "有可能", "完全不可能"))
CAUSES = ColumnSpec(labels=("偏差原因",), type="boxes", options=("经费保障", "制度保障", "其他"))


def _box(state: str, label: str, offset: int) -> Checkbox:
    return Checkbox(state=state, source="acroform", offset=offset, label=label, label_side="after")


def test_elements_answer_although_the_text_shows_another_tick():
    # The text view says 有可能 is ticked; the reader's elements (a form widget) say 确定能.
    text = "☐确定能 ☑有可能 ☐完全不可能"
    boxes = (_box("checked", "确定能", 0), _box("unchecked", "有可能", 4), _box("unchecked", "完全不可能", 8))
    read = box_cell(text, LIKELIHOOD, "完成目标可能性", boxes)
    assert read is not None and read.boxed
    assert value_of(read, "option") == "确定能"
    assert value_of(box_cell(text, LIKELIHOOD, "完成目标可能性"), "option") == "有可能"


def test_several_ticked_causes_from_elements():
    text = "☐经费保障 ☐制度保障 ☐其他"
    boxes = (_box("checked", "经费保障", 0), _box("unchecked", "制度保障", 5), _box("checked", "其他", 10))
    assert value_of(box_cell(text, CAUSES, "偏差原因", boxes), "boxes") == ["经费保障", "其他"]


def test_an_unknown_element_leaves_the_group_undecided():
    text = "☑确定能 ☐有可能 ☐完全不可能"
    boxes = (_box("checked", "确定能", 0), _box("unknown", "有可能", 4), _box("unchecked", "完全不可能", 8))
    read = box_cell(text, LIKELIHOOD, "完成目标可能性", boxes)
    assert read is not None and read.states is None
    assert value_of(read, "option") is None


def test_sub_column_cell_state_from_its_element():
    assert box_state("☐", (_box("checked", "", 0),)) is True
    assert box_state("☑", (_box("unchecked", "", 0),)) is False
    assert box_state("☑", (_box("unknown", "", 0),)) is None
    assert box_state("√") is True


def test_a_solid_square_beside_empty_box_glyphs_is_read_from_the_text():
    # A PDF prints ticked options as ■ and empty ones as ☐: the reader makes elements of the
    # ☐ only (■ is a bullet as often as a box), so the elements' labels swallow the ■ option.
    text = "☐确定能 ■有可能 ☐ 完全不可能"
    glyph = dict(source="glyph", label_side="after")
    boxes = (Checkbox(state="unchecked", offset=0, label="确定能 ■有可能", **glyph),
             Checkbox(state="unchecked", offset=9, label="完全不可能", **glyph))
    assert value_of(box_cell(text, LIKELIHOOD, "完成目标可能性", boxes), "option") == "有可能"
    causes = "■经费保障 ■制度保障 ☐其他"
    boxes = (Checkbox(state="unchecked", offset=12, label="其他", **glyph),)
    assert value_of(box_cell(causes, CAUSES, "偏差原因", boxes), "boxes") == ["经费保障", "制度保障"]


def test_a_cell_naming_every_option_and_marking_none_chooses_nothing():
    # A scan whose printed boxes did not come through (only a hand tick marks a choice): the
    # cell lists every option and nothing marks one, so it is the group with none ticked;
    # one option written alone, or two of three, are the answer as written (no group).
    listed = box_cell("经费保障 制度保障\n其他", CAUSES, "偏差原因")
    assert listed is not None and value_of(listed, "boxes") == []
    group = group_of(listed, "indicators.0.deviation_causes")
    assert group is not None and [(o.label, o.checked) for o in group.options] == [
        ("经费保障", False), ("制度保障", False), ("其他", False)]
    assert value_of(box_cell("确定能 有可能 完全不可能", LIKELIHOOD, "完成目标可能性"), "option") is None
    assert value_of(box_cell("经费保障、其他", CAUSES, "偏差原因"), "boxes") == ["经费保障", "其他"]
    assert value_of(box_cell("有可能", LIKELIHOOD, "完成目标可能性"), "option") == "有可能"


def test_hand_ticks_alone_between_labels_belong_to_the_label_they_are_written_against():
    # 31, 300 dpi, the printed boxes gone and hand ticks where the chosen ones stood, in a
    # narrow wrapped cell: each tick is spaced off the label before it and written against
    # the one after (the elements, cut by the group's first item, gave each the label before).
    from parsers.box_elements import read_boxes
    from parsers.readers.checkbox_glyphs import mark

    causes = ColumnSpec(labels=("偏差原因",), type="boxes",
                        options=("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"))
    tick = mark(True, "pixels")
    text, boxes = read_boxes(f"经费保障制度保障 {tick}人员保障 {tick} 硬件条件保障其他")
    assert value_of(box_cell(text, causes, "偏差原因", boxes), "boxes") == ["人员保障", "硬件条件保障"]
    text, boxes = read_boxes(f"经费保障{tick} 制度保障{tick} 人员保障硬件条件保障其他")
    assert value_of(box_cell(text, causes, "偏差原因", boxes), "boxes") == ["经费保障", "制度保障"]
    # Printed empty boxes beside them: the group's first item decides, as before.
    empty = mark(False, "pixels")
    text, boxes = read_boxes(f"{empty}经费保障 {tick}制度保障 {empty}人员保障")
    assert value_of(box_cell(text, causes, "偏差原因", boxes), "boxes") == ["制度保障"]


def test_a_lone_tick_whose_spacing_says_no_side_leaves_the_group_undecided():
    # 13579, 300 dpi, the printed boxes gone: a narrow cell wrapped between a tick and its
    # label (`经费保障 ■` / `制度保障`), joined with a space either side. Box-first forms
    # mean 制度保障, label-first ones (`是 □ 否 ☑`) 经费保障: the text does not say which.
    from parsers.box_elements import read_boxes
    from parsers.fields.choice import undecided
    from parsers.readers.checkbox_glyphs import mark

    options = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")
    causes = ColumnSpec(labels=("偏差原因",), type="boxes", options=options)
    text, boxes = read_boxes(f"经费保障 {mark(True, 'pixels')} 制度保障人员保障硬件条件保障其他")
    read = box_cell(text, causes, "偏差原因分析", boxes)
    assert read is not None and read.states is None and value_of(read, "boxes") == []
    group = group_of(read, "indicators.0.deviation_causes")
    assert group is not None and group.undecided and group.ticked == []
    assert "undecided" in group.model_dump() and undecided(text, options)
    # A mark written against both labels is one written after its option (a hand √ where no
    # box is printed, red team d13: `确定能完成√有可能完成确定不能完成`).
    likelihood = ColumnSpec(labels=("完成目标可能性",), type="option", options=("确定能完成", "有可能完成", "确定不能完成"))
    written = box_cell("确定能完成√有可能完成确定不能完成", likelihood, "年度项目预算完成可能性")
    assert written is not None and value_of(written, "option") == "确定能完成"
    # One tick written against a label tells the side of the others.
    text, boxes = read_boxes("经费保障 ☑制度保障 ☑ 人员保障硬件条件保障其他")
    assert value_of(box_cell(text, causes, "偏差原因", boxes), "boxes") == ["制度保障", "人员保障"]
    decided = group_of(box_cell(text, causes, "偏差原因", boxes), "indicators.0.deviation_causes")
    assert decided is not None and "undecided" not in decided.model_dump() and not undecided(text, options)
