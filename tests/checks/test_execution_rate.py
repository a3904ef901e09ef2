"""execution-rate: 预算执行进度 vs 预算执行数 ÷ 调整后预算数 × 100."""

from __future__ import annotations

from .factory import findings


def test_rate_off_by_more_than_half_a_point_fires():
    found = findings("execution-rate", execution_progress_pct="88.53",
                     narrative=("截至跟踪期实际支出64万元。",))
    assert len(found) == 1
    assert "预算执行进度88.53%" in found[0].message and "80.00%" in found[0].message


def test_rate_within_tolerance_is_silent():
    assert findings("execution-rate", execution_progress_pct="80.4") == []
    assert findings("execution-rate") == []


def test_zero_adjusted_budget_skips():
    assert findings("execution-rate", adjusted_budget="0") == []
