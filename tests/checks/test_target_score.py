"""target-score: an indicator that meets its target keeps full points; one that misses it does not."""

from __future__ import annotations

from extract.checks.indicators import TargetOptions, meets
from schemas.forms.common import Target

from .family_factory import of_rule, target

OPTIONS = TargetOptions()


def t(raw: str, op: str | None = None, value: str | None = None, unit: str | None = None) -> Target:
    return Target(**target(raw, op, value, unit))


def test_operators_and_directions():
    assert meets(t("≥95%", ">=", "95", "%"), t("95%", None, "95", "%"), OPTIONS) is True
    assert meets(t("≥95%", ">=", "95", "%"), t("94%", None, "94", "%"), OPTIONS) is False
    assert meets(t("≤5天", "<=", "5", "天"), t("6天", None, "6", "天"), OPTIONS) is False
    assert meets(t("100个", None, "100", "个"), t("99个", None, "99", "个"), OPTIONS) is False  # more is better
    assert meets(t("30天", None, "30", "天"), t("28天", None, "28", "天"), OPTIONS) is True  # time: less is better
    assert meets(t("50万元", None, "50", "万元"), t("55万元", None, "55", "万元"), OPTIONS) is False  # money: less is better
    assert meets(t("=1项", "=", "1", "项"), t("1项", None, "1", "项"), OPTIONS) is True
    assert meets(t("≥95%", ">=", "95", "%"), t("96个", None, "96", "个"), OPTIONS) is None  # other unit: not compared


def test_qualitative():
    assert meets(t("有效改善"), t("有效改善"), OPTIONS) is True
    assert meets(t("及时"), t("达成年度指标"), OPTIONS) is True
    assert meets(t("≥95%", ">=", "95", "%"), t("已完成"), OPTIONS) is True
    assert meets(t("及时"), t("未完成"), OPTIONS) is None
    assert meets(t("及时"), t("基本及时"), OPTIONS) is None


def test_clean_form():
    assert of_rule("target-score") == []


def test_met_but_lost_points():
    found = of_rule("target-score", **{"indicators.0.score": "28", "total_score": "94"})
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert "道路养护里程" in found[0].message and "≥50公里" in found[0].message and "52公里" in found[0].message
    assert found[0].fields[:2] == ["indicators.0.target", "indicators.0.actual"]
    assert found[0].evidence and found[0].evidence[0].location is not None


def test_missed_but_full_points():
    found = of_rule("target-score", **{"indicators.3.score": "20", "total_score": "99"})
    assert len(found) == 1 and "未达到目标" in found[0].message


def test_time_target_exceeded_with_full_points():
    assert len(of_rule("target-score", **{"indicators.1.actual": target("35天", None, "35", "天")})) == 1


def test_qualitative_met_but_lost_points():
    found = of_rule("target-score", **{"indicators.2.score": "18", "total_score": "94",
                                       "indicators.2.deviation_reason": "群众反映个别路段仍有积水"})
    assert len(found) == 1


def test_a_saving_in_money_is_one_to_exceed():
    saving = (t("10万元", None, "10", "万元"), t("12万元", None, "12", "万元"))
    assert meets(*saving, OPTIONS) is False
    assert meets(*saving, OPTIONS, "节约运行成本") is True
    assert meets(t("≤10万元", "<=", "10", "万元"), t("12万元", None, "12", "万元"), OPTIONS, "节约运行成本") is False
