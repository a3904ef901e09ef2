"""adjustment-flag: 是否需要预算调整 against 调减/调增."""

from __future__ import annotations

from .factory import findings


def test_no_with_a_decrease_fires():
    found = findings("adjustment-flag", adjustment_needed=False)
    assert len(found) == 1
    assert "勾选“否”" in found[0].message and "调减金额20.00万元" in found[0].message


def test_yes_with_both_zero_fires():
    narrative = ("本项目2024年初预算安排为80万元。", "截至跟踪期实际支出64万元，预算执行率80%。")
    found = findings("adjustment-flag", annual_budget="80.00", decrease="0", increase="0", narrative=narrative)
    assert len(found) == 1
    assert "均为0" in found[0].message


def test_consistent_answers_are_silent():
    assert findings("adjustment-flag") == []
    narrative = ("本项目2024年初预算安排为80万元。", "截至跟踪期实际支出64万元，预算执行率80%。")
    assert findings("adjustment-flag", adjustment_needed=False, annual_budget="80.00", decrease="0",
                    narrative=narrative) == []


def test_unanswered_question_skips():
    assert findings("adjustment-flag", adjustment_needed=None) == []
