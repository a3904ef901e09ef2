"""Ticked boxes beside option labels, in every rendering readers and OCR produce."""

import pytest

from parsers.fields.choice import chosen, option_states

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
