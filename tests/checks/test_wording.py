"""Unseen wordings of the budget paragraph: each behaviour once firing, once silent.

The clean factory report: 年初100万元, 调减20万元, 调整后80万元, 执行64万元 (80%).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.narrative import scan_text

from .factory import findings, make_case

BUDGET = "本项目2024年初预算安排为100万元，调减预算20万元，调整后预算80万元。"


def rules(**overrides) -> list[str]:
    """Rule ids at error/warning level."""
    return [d.rule for d in make_case(**overrides).check().discrepancies if d.severity != "info"]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("已支付49.5万元", "executed"),
        ("已完成支付49.5万元", "executed"),
        ("预算执行金额49.5万元", "executed"),
        ("本项目预算总额58.1万元", "annual_budget"),
        ("调整后预算总额56.1万元", "adjusted_budget"),
        ("调减2万元后为56.1万元", "adjusted_budget"),
        ("下半年预算调整减少2万元", "decrease"),
        ("资金使用率88%", "execution_rate"),
        ("调整比例3.44%", "adjustment_rate"),
        ("1-8月共支付款项49.5万元", "executed"),
        ("经预算调整核减2万元，现预算为56.1万元", "adjusted_budget"),
        ("监理费执行率50%", None),
    ],
)
def test_more_keywords_tie_figures(text, quantity):
    facts, _ = scan_text(text)
    assert facts[-1].quantity == quantity


def test_wan_without_yuan_is_an_amount_but_not_wan_square_metres():
    facts, _ = scan_text("已支付49.5万，修补道路1.2万平方米")
    assert [(f.value, f.unit) for f in facts] == [(Decimal("49.5"), "万元")]


def test_share_of_budget_is_the_rate_of_the_clauses_subject():
    facts, _ = scan_text("项目资金已使用49.5万元，占年初预算58.1万元的85.2%，占调整后预算的88.24%。调减2万元，占年初预算的3.44%")
    assert [f.quantity for f in facts if f.kind == "rate"] == ["execution_share_of_annual", "execution_rate", "adjustment_rate"]


def test_aside_words_are_marked():
    facts, _ = scan_text("2023年度预算为60万元，执行率92%。上年同期执行率70%，预计全年执行率100%，其中设备费10万元。本年度执行率88%")
    assert [f.aside for f in facts] == ["2023", "2023", "prior", "plan", "part", None]


def test_figure_of_another_year_or_a_plan_is_not_compared():
    narrative = ("2023年度预算为60万元，实际支出55万元，执行率91.67%。" + BUDGET, "截至跟踪期实际支出64万元，预算执行率80%，预计全年执行率100%。")
    assert rules(narrative=narrative) == []


def test_every_statement_is_compared_not_only_the_first():
    narrative = ("全年预算安排100万元。", "本项目年初预算110万元，调减预算20万元，调整后预算80万元。", "实际支出64万元。")
    found = findings("narrative-mismatch", narrative=narrative)
    assert [d.fields for d in found] == [["annual_budget"]] and "年初预算110万元" in found[0].message


def test_paid_amount_in_yuan_with_separators():
    assert rules(narrative=(BUDGET, "累计支付640,000.00元，占调整后预算的80%。")) == []
    found = findings("narrative-mismatch", narrative=(BUDGET, "累计支付600,000.00元。"))
    assert [d.fields for d in found] == [["executed"]]


def test_share_of_adjusted_budget_is_compared_with_the_table():
    assert rules(narrative=(BUDGET, "已支付64万元，占调整后预算的80%。")) == []
    assert "narrative-mismatch" in rules(narrative=(BUDGET, "已支付64万元，占调整后预算的70%。"))


def test_right_narrative_rate_against_wrong_table_rate_is_execution_rate_only():
    narrative = (BUDGET, "截至跟踪期实际支出64万元，预算执行率80%。")
    assert rules(narrative=narrative, execution_progress_pct="82.5") == ["execution-rate"]


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("其中设计费3*20%=0.7万元。", True),
        ("其中设计费3*20%=0.6万元。", False),
        ("路灯单价350元×120=4.2万元。", False),
        ("路灯单价350元×120=4.5万元。", True),
        ("已支付64万元，占年初预算的64%。", False),
        ("已支付64万元，占年初预算的70%。", True),
    ],
)
def test_expressions_and_shares_compute(sentence, fires):
    found = findings("text-arithmetic", narrative=(BUDGET, "截至跟踪期实际支出64万元。" + sentence))
    assert bool(found) is fires


def test_adjustment_ratio_wording():
    assert findings("text-arithmetic", narrative=(BUDGET + "调整比例20%。",)) == []
    assert len(findings("text-arithmetic", narrative=(BUDGET + "调整比例25%。",))) == 1


LOW = dict(executed="32.00", execution_progress_pct="40", narrative=(BUDGET, "截至跟踪期实际支出32万元，预算执行率40%。"))


@pytest.mark.parametrize(
    ("conclusion", "fires"),
    [
        ("运行基本正常（执行率或目标完成度在60%-75%之间）", True),
        ("运行基本正常", True),
        ("运行基本正常（执行率或目标完成度在60%（含）至75%之间）", True),
        ("运行偏差较大（执行率或目标完成度低于60%）", False),
    ],
)
def test_basic_category_needs_its_lower_bound(conclusion, fires):
    found = findings("conclusion-rate", stage_conclusion=conclusion[:6], conclusion=conclusion, **LOW)
    assert bool(found) is fires


def test_basic_category_above_its_range_is_possible_with_either():
    assert findings("conclusion-rate", stage_conclusion="运行基本正常", conclusion="运行基本正常（执行率或目标完成度在60%-75%之间）") == []


def test_bound_on_the_goals_clause_is_not_the_rates():
    assert findings("conclusion-rate", conclusion="运行正常（执行率80%，目标完成度达到95%以上）") == []
    found = findings("conclusion-rate", conclusion="运行正常（执行率≥85%，目标完成度≥75%）")
    assert len(found) == 1 and "不低于85%" in found[0].message


def test_missing_field_quotes_the_label_line():
    found = findings("missing-field", project_name=None)
    assert found and found[0].evidence and found[0].evidence[0].text.startswith("项目名称")
