"""A box a scan leaves undecided (⍰) makes its group undecided; it never shifts the pairing."""

from __future__ import annotations

from parsers.fields.choice import chosen, option_states
from parsers.readers.checkbox_glyphs import UNKNOWN

OUTLOOK = ("确定能完成", "有可能完成", "确定不能完成")


def test_unknown_box_leaves_the_group_undecided() -> None:
    assert option_states(f"{UNKNOWN}确定能完成☐有可能完成☑确定不能完成", OUTLOOK) is None
    assert option_states(f"是{UNKNOWN} 否☑", ("是", "否")) is None
    assert chosen(option_states(f"{UNKNOWN}是 ☐否", ("是", "否"))) is None


def test_decided_boxes_read_as_before() -> None:
    assert option_states("☐确定能完成☐有可能完成☑确定不能完成", OUTLOOK) == {
        "确定能完成": False, "有可能完成": False, "确定不能完成": True}
    assert chosen(option_states("是☐ 否☑", ("是", "否"))) == "否"
