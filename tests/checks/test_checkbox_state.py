"""checkbox-state: a single-choice group needs exactly one ticked box."""

from __future__ import annotations

from .factory import choice, findings, make_case, of_rule, yes_no
from schemas.checkbox import CheckboxGroup, CheckboxOption


def _boxes(**replace):
    groups = {
        "recurring": yes_no("是否为经常性项目", "recurring", False),
        "adjustment_needed": yes_no("是否需要预算调整", "adjustment_needed", True),
        "budget_outlook": choice("年度项目预算完成可能性", "budget_outlook", "确定能完成"),
        "goal_outlook": choice("年度绩效目标完成可能性", "goal_outlook", "确定能完成"),
    }
    return list((groups | replace).values())


def test_no_box_ticked_fires_and_missing_field_stays_quiet():
    case = make_case(recurring=None, checkboxes=_boxes(recurring=yes_no("是否为经常性项目", "recurring", None)))
    record = case.check()
    found = of_rule(record, "checkbox-state")
    assert len(found) == 1
    assert "未勾选任何选项" in found[0].message and found[0].fields == ["recurring"]
    assert not any("recurring" in d.fields for d in of_rule(record, "missing-field"))


def test_two_boxes_ticked_fires():
    both = CheckboxGroup(question="年度绩效目标完成可能性", field="goal_outlook", options=[
        CheckboxOption(label="确定能完成", checked=True), CheckboxOption(label="有可能完成", checked=True),
        CheckboxOption(label="确定不能完成", checked=False)])
    found = findings("checkbox-state", goal_outlook=None, checkboxes=_boxes(goal_outlook=both))
    assert len(found) == 1
    assert "同时勾选了“确定能完成”和“有可能完成”" in found[0].message


def test_one_box_each_is_silent():
    assert findings("checkbox-state") == []
