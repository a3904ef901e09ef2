"""budget-identity: 调整后预算数 = 当年预算数 − 调减金额 + 调增金额."""

from __future__ import annotations

from decimal import Decimal

from extract.settings import CheckSettings

from .factory import findings, make_case, of_rule


def test_identity_failure_is_an_error():
    narrative = ("截至跟踪期实际支出56万元，预算执行率80%。",)
    found = findings("budget-identity", adjusted_budget="70.00", executed="56.00", narrative=narrative)
    assert len(found) == 1
    assert found[0].severity == "error"
    assert "调整后预算数70.00万元" in found[0].message and "= 80万元" in found[0].message
    assert len(found[0].evidence) == 4


def test_narrative_adjusted_figure_is_named_when_it_repairs_the_identity():
    found = findings("budget-identity", adjusted_budget="70.00", executed="56.00")
    assert len(found) == 1
    assert "调整后预算80万元" in found[0].message
    assert found[0].evidence[-1].text == "调整后预算80万元"


def test_consistent_identity_is_silent():
    assert findings("budget-identity") == []


def test_tolerance_is_a_setting():
    # 80.00005万元 is 0.5 yuan off.
    assert findings("budget-identity", adjusted_budget="80.00005") == []
    strict = CheckSettings(amount_tolerance_yuan=Decimal("0.1"))
    assert len(findings("budget-identity", settings=strict, adjusted_budget="80.00005")) == 1


def test_missing_term_skips():
    assert findings("budget-identity", increase=None) == []


def test_narrative_figure_that_repairs_the_identity_is_named_once():
    # The table's 当年预算数 holds the adjusted 80; the narrative's 年初预算100万元 satisfies the identity.
    record = make_case(annual_budget="80.00").check()
    identity = of_rule(record, "budget-identity")
    assert len(identity) == 1
    assert "年初预算安排为100万元" in identity[0].message
    assert any(e.text == "年初预算安排为100万元" for e in identity[0].evidence)
    assert not any("annual_budget" in d.fields for d in of_rule(record, "narrative-mismatch"))
