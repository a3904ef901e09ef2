"""A report with none of the faults comes out with no error and no warning, whatever its scale."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from .factory import make_case


def test_clean_report_has_no_discrepancy(clean_case):
    assert clean_case.check().discrepancies == []


def test_clean_report_in_yuan_has_no_discrepancy():
    narrative = ("本项目2024年初预算安排为100万元，调减预算20万元，调整后预算80万元，预算调整率20%。",
                 "截至跟踪期实际支出64万元，预算执行率80%。")
    case = make_case(unit="元", narrative=narrative, annual_budget="1,000,000.00", executed="640,000.00",
                     adjusted_budget="800,000.00", decrease="200,000.00", ex_ante_review_budget="20,000.00")
    assert case.check().discrepancies == []


@settings(max_examples=60, deadline=None)
@given(
    annual=st.integers(min_value=1_000, max_value=5_000_000),
    decrease_share=st.integers(min_value=0, max_value=60),
    increase_share=st.integers(min_value=0, max_value=30),
    executed_share=st.integers(min_value=80, max_value=100),
    unit=st.sampled_from(["元", "万元"]),
)
def test_consistent_reports_raise_nothing(annual, decrease_share, increase_share, executed_share, unit):
    wan = Decimal(annual) / 100  # 10万元 .. 50000万元, two decimals
    decrease = (wan * decrease_share / 100).quantize(Decimal("0.01"))
    increase = (wan * increase_share / 100).quantize(Decimal("0.01"))
    adjusted = wan - decrease + increase
    executed = (adjusted * executed_share / 100).quantize(Decimal("0.01"))
    pct = (executed / adjusted * 100).quantize(Decimal("0.01"))
    adj_rate = ((decrease + increase) / wan * 100).quantize(Decimal("0.01"))
    narrative = (
        f"本项目2024年初预算安排为{wan}万元，调减{decrease}万元，调增{increase}万元，调整后预算{adjusted}万元，预算调整率{adj_rate}%。",
        f"截至跟踪期实际支出{executed}万元，预算执行率{pct}%。",
    )
    factor = Decimal(10_000) if unit == "元" else Decimal(1)

    def shown(value: Decimal) -> str:
        return f"{(value * factor).quantize(Decimal('0.01')):,}" if unit == "元" else str(value)

    case = make_case(
        unit=unit, narrative=narrative, annual_budget=shown(wan), decrease=shown(decrease), increase=shown(increase),
        adjusted_budget=shown(adjusted), executed=shown(executed), execution_progress_pct=str(pct),
        adjustment_needed=bool(decrease or increase),
    )
    serious = [d for d in case.check().discrepancies if d.severity != "info"]
    assert serious == [], [d.message for d in serious]
