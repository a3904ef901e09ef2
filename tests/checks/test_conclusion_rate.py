"""conclusion-rate: the stage conclusion's category against the execution rate."""

from __future__ import annotations

from decimal import Decimal

from extract.settings import CheckSettings

from .factory import findings

LOW = dict(executed="48.00", execution_progress_pct="60", narrative=("截至跟踪期实际支出48万元，预算执行率60%。",))


def test_normal_with_sixty_percent_fires_by_the_stated_threshold():
    found = findings("conclusion-rate", **LOW)
    assert len(found) == 1
    assert "运行正常" in found[0].message and "不低于75%" in found[0].message and "60.00%" in found[0].message
    assert found[0].evidence[0].text == "运行正常（执行率和目标完成度均在75%以上）"


def test_threshold_named_in_the_text_wins_over_the_setting():
    found = findings("conclusion-rate", conclusion="运行正常（执行率和目标完成度均在50%以上）", **LOW)
    assert found == []


def test_default_threshold_applies_when_none_is_named():
    assert len(findings("conclusion-rate", conclusion="运行正常", **LOW)) == 1
    relaxed = CheckSettings(normal_threshold_pct=Decimal("50"))
    assert findings("conclusion-rate", settings=relaxed, conclusion="运行正常", **LOW) == []


def test_large_deviation_with_full_execution_fires_when_the_text_says_so():
    found = findings("conclusion-rate", stage_conclusion="运行偏差较大", conclusion="运行偏差较大（执行率低于50%）",
                     executed="80.00", execution_progress_pct="100",
                     narrative=("截至跟踪期实际支出80万元，预算执行率100%。",))
    assert len(found) == 1 and "运行偏差较大" in found[0].message


def test_either_condition_cannot_be_refuted_by_the_rate_alone():
    assert findings("conclusion-rate", stage_conclusion="运行偏差较大",
                    conclusion="运行偏差较大（执行率或目标完成度低于50%）") == []


def test_fitting_category_is_silent():
    assert findings("conclusion-rate") == []
