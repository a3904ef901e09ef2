"""narrative-mismatch: the narrative states another value for a quantity of the table."""

from __future__ import annotations

from .factory import findings

BASE = "本项目2024年初预算安排为100万元，调减预算20万元，调整后预算80万元，预算调整率20%。"


def test_executed_differs_from_narrative():
    found = findings("narrative-mismatch", narrative=(BASE, "截至跟踪期实际支出60万元，预算执行率80%。"))
    assert len(found) == 1
    assert found[0].fields == ["executed"]
    assert "实际支出60万元" in found[0].message and "预算执行数64.00万元" in found[0].message
    assert [e.text for e in found[0].evidence] == ["预算执行数 (万元)\t64.00", "实际支出60万元"]


def test_rate_differs_from_table():
    found = findings("narrative-mismatch", narrative=(BASE, "截至跟踪期预算执行率85%。"))
    assert [d.fields for d in found] == [["execution_progress_pct"]]
    assert "预算执行率85%" in found[0].message and "80%" in found[0].message


def test_adjustment_total_is_decrease_plus_increase():
    narrative = ("本项目2024年初预算安排为100万元，预算调整数25万元，调整后预算80万元。", "截至跟踪期实际支出64万元。")
    found = findings("narrative-mismatch", narrative=narrative)
    assert [d.fields for d in found] == [["decrease", "increase"]]


def test_rounded_narrative_figure_matches():
    # 80.04万元 in the table, 80万元 in the text: the text rounds to whole 万元.
    narrative = (BASE.replace("调整后预算80万元", "调整后预算80万元"), "截至跟踪期实际支出64万元，预算执行率80%。")
    assert findings("narrative-mismatch", narrative=narrative, adjusted_budget="80.04", decrease="19.96",
                    executed="64.03") == []


def test_consistent_narrative_is_silent():
    assert findings("narrative-mismatch") == []


def test_bounds_and_unlabelled_figures_are_not_statements():
    narrative = (BASE, "截至跟踪期实际支出64万元，执行率在75%以上，其中1.5万元为监理费。")
    assert findings("narrative-mismatch", narrative=narrative) == []


def test_wrong_table_figure_is_reported_once_by_the_relation_it_breaks():
    # 执行数 60 in the table, 64 in the text; 64 ÷ 80 = 80% matches the table's rate.
    from .factory import make_case

    record = make_case(executed="60.00").check()
    assert [d.rule for d in record.discrepancies] == ["execution-rate"]
    assert "实际支出64万元" in record.discrepancies[0].message


def test_narrative_rate_against_table_and_its_own_figures_is_reported_by_both():
    # 64% contradicts the table's 80% (narrative-mismatch) and 64 ÷ 80 (text-arithmetic).
    from .factory import make_case

    narrative = (BASE, "截至跟踪期实际支出64万元，预算执行率64%。")
    record = make_case(narrative=narrative).check()
    assert [d.rule for d in record.discrepancies] == ["narrative-mismatch", "text-arithmetic"]
