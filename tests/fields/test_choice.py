"""Ticked boxes beside option labels, in every rendering readers and OCR produce."""

import pytest

from parsers.fields.choice import chosen, group_states, option_states
from schemas.document import Checkbox

YES_NO = ("是", "否")
OUTLOOK = ("确定能完成", "有可能完成", "确定不能完成")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("是☐ 否☑", "否"),
        ("是 ☐ 否 ☑", "否"),
        ("☑是 ☐否", "是"),
        ("■是 □否", "是"),
        ("√是 □否", "是"),
        ("☒是☐否", "是"),
        ("是 口 否 √", "否"),
        ("是[ ] 否[√]", "否"),
        ("[√]是 [ ]否", "是"),
        ("是 否√", "否"),
        ("否", "否"),
    ],
)
def test_yes_no(text, answer):
    assert chosen(option_states(text, YES_NO)) == answer


@pytest.mark.parametrize(("text", "answer"), [("是 □ √ 否 □", "是"), ("是 □ 否 □ √", "否"), ("是□√ 否□", "是"),
                                              ("1、是 □ √ 2、否 □", "是")])
def test_a_tick_typed_after_an_empty_box_ticks_it(text, answer):
    assert chosen(option_states(text, YES_NO)) == answer


@pytest.mark.parametrize(("text", "answer"), [("□是 √□否", "否"), ("√□是 □否", "是"), ("1、是 √□ 2、否 □", "是"),
                                              ("□是 √ □否", "否")])
def test_a_tick_typed_before_an_empty_box_ticks_it(text, answer):
    # Read before as one ticked box and one empty one: `□是 √□否` had 否's empty box answer,
    # nothing ticked.
    assert chosen(option_states(text, YES_NO)) == answer


def test_a_tick_written_against_the_next_label_is_not_the_box_before():
    assert chosen(option_states("是□ √否□", YES_NO)) is None


def test_outlook_across_cells():
    states = option_states("确定能完成 ☑\t有可能完成 ☐\t确定不能完成 ☐", OUTLOOK)
    assert states == {"确定能完成": True, "有可能完成": False, "确定不能完成": False}


def test_longest_option_wins():
    assert chosen(option_states("确定能完成口 有可能完成口 确定不能完成√", OUTLOOK)) == "确定不能完成"


@pytest.mark.parametrize("text", ["是☑ 否☑", "是☐ 否☐", "是 否"])
def test_none_or_several_ticked_is_none(text):
    assert chosen(option_states(text, YES_NO)) is None


def test_no_options_at_all():
    assert option_states("见附件", YES_NO) is None


def _box(state, label):
    return (Checkbox(state=state, source="glyph", offset=0, label=label), None)


def test_group_elements_answer_over_text():
    boxes = [_box("unchecked", "是"), _box("checked", "否")]
    assert chosen(group_states(boxes, "是☐ 否☑", YES_NO)) == "否"


def test_group_elements_naming_no_option_leave_the_text_to_answer():
    # The reader made elements of the boxes, but their labels name no option (a label that
    # swallowed other text): the cell's text still reads.
    boxes = [_box("checked", "其他说明"), _box("unchecked", "备注")]
    assert chosen(group_states(boxes, "是☑ 否☐", YES_NO)) == "是"


def test_group_unknown_box_is_undecided_whatever_the_text_shows():
    boxes = [_box("checked", "是"), _box("unknown", "否")]
    assert group_states(boxes, "是☑ 否☐", YES_NO) is None


def test_group_lookalikes_in_text_answer_over_the_elements():
    # ■ is a box only beside a label: the element's label swallowed it, the text reads it.
    boxes = [_box("unchecked", "确定能完成 ■有可能完成")]
    assert chosen(group_states(boxes, "☐确定能完成 ■有可能完成", OUTLOOK)) == "有可能完成"


def test_scanned_items_are_a_fresh_list_each_time():
    # the items of a text are kept (a pure cache): a caller changing its list changes no other's
    from parsers.fields.choice import has_lookalikes, scan

    first = scan("是 ☐ 否 ☑", YES_NO)
    first.clear()
    assert [item.kind for item in scan("是 ☐ 否 ☑", YES_NO)] == ["label", "box", "label", "box"]
    assert has_lookalikes("是 口 否 √") and has_lookalikes("[ ]否") and not has_lookalikes("是 ☐ 否 ☑")
