"""conclusion-rate on the line: `低于60%` and a range's upper end exclude the bound itself."""

from __future__ import annotations

from .factory import findings

DEVIATION = "运行偏差较大（执行率和目标完成度低于60%）"
BASIC = "运行基本正常（执行率和目标完成度在60%-75%之间）"


def _at(rate: str, executed: str, conclusion: str, category: str):
    return findings("conclusion-rate", stage_conclusion=category, conclusion=conclusion, executed=executed,
                    execution_progress_pct=rate, narrative=(f"截至跟踪期实际支出{executed}万元，预算执行率{rate}%。",))


def test_large_deviation_at_exactly_sixty_percent_fires():
    found = _at("60", "48.00", DEVIATION, "运行偏差较大")
    assert len(found) == 1 and "低于60%" in found[0].message


def test_large_deviation_rounded_onto_sixty_percent_is_silent():
    # 47.998 ÷ 80 = 59.9975%: the printed 60% is a rounding, the category fits.
    assert _at("60", "47.998", DEVIATION, "运行偏差较大") == []


def test_basic_at_exactly_seventy_five_percent_fires():
    found = _at("75", "60.00", BASIC, "运行基本正常")
    assert len(found) == 1 and "（不含）" in found[0].message


def test_basic_range_marked_inclusive_admits_its_end():
    assert _at("75", "60.00", "运行基本正常（执行率在60%-75%（含）之间）", "运行基本正常") == []


def test_basic_inside_the_range_and_normal_on_its_line_are_silent():
    assert _at("70", "56.00", BASIC, "运行基本正常") == []
    assert _at("75", "60.00", "运行正常（执行率和目标完成度均在75%以上）", "运行正常") == []


def test_range_up_to_one_hundred_admits_full_execution():
    assert _at("100", "80.00", "运行正常（执行率在75%-100%之间）", "运行正常") == []
