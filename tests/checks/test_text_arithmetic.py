"""text-arithmetic: expressions and stated rates in the narrative must compute."""

from __future__ import annotations

from .factory import findings

BUDGET = "本项目2024年初预算安排为100万元，调减预算20万元，调整后预算80万元，预算调整率20%。"


def test_wrong_expression_fires():
    found = findings("text-arithmetic", narrative=(BUDGET, "截至跟踪期实际支出64万元，预算执行率80%。即2.45*50%=1.5万元。"))
    assert len(found) == 1
    assert "2.45*50%=1.5万元" in found[0].message and "1.225" in found[0].message


def test_wrong_adjustment_rate_fires():
    narrative = (BUDGET.replace("预算调整率20%", "预算调整率25%"), "截至跟踪期实际支出64万元，预算执行率80%。")
    found = findings("text-arithmetic", narrative=narrative)
    assert len(found) == 1 and "预算调整率25%" in found[0].message and "20.00%" in found[0].message


def test_wrong_execution_rate_fires_on_the_narratives_own_figures():
    narrative = (BUDGET, "截至跟踪期实际支出64万元，预算执行率90%。")
    found = findings("text-arithmetic", narrative=narrative)
    assert any("预算执行率90%" in d.message and "80.00%" in d.message for d in found)


def test_rate_agreeing_with_the_table_leaves_its_wrong_input_to_narrative_mismatch():
    # 90% is the table's rate (72 ÷ 80); the text's 64万元 is the wrong figure.
    from .factory import make_case

    narrative = (BUDGET, "截至跟踪期实际支出64万元，预算执行率90%。")
    record = make_case(narrative=narrative, execution_progress_pct="90", executed="72.00").check()
    assert [(d.rule, d.fields) for d in record.discrepancies] == [("narrative-mismatch", ["executed"])]


def test_seed_figures_compute():
    narrative = ("本项目2024年初预算安排为58.1万元，调整预算1.225万元，预算调整数56.875万元，预算调整率97.89%。",
                 "截至跟踪期实际支出1.225万元，预算执行率100%。上述1.225万元为监理费、即2.45*50%=1.225万元。")
    assert findings("text-arithmetic", narrative=narrative) == []


def test_rounded_results_and_clean_text_are_silent():
    assert findings("text-arithmetic") == []
    assert findings("text-arithmetic", narrative=("合计为10/3=3.33万元。",)) == []


def test_full_width_asterisk_is_an_operator():
    wrong = (BUDGET, "截至跟踪期实际支出64万元，预算执行率80%。即2.45＊50%=1.5万元。")
    found = findings("text-arithmetic", narrative=wrong)
    assert len(found) == 1 and "1.225" in found[0].message
    right = (BUDGET, "截至跟踪期实际支出64万元，预算执行率80%。即2.45＊50%=1.225万元。")
    assert findings("text-arithmetic", narrative=right) == []
