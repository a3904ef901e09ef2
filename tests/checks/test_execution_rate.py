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


# -- the self-evaluation form: each funds row's 执行率 ---------------------------------------
def test_self_evaluation_rate_matches():
    from .family_factory import of_rule

    assert of_rule("execution-rate") == []


def test_self_evaluation_wrong_rate():
    from .family_factory import of_rule

    found = of_rule("execution-rate", **{"funds.total.rate_pct": "95.00", "funds.total.score": "9.5", "total_score": "96.5"})
    assert len(found) == 1
    assert "95%" in found[0].message and "90.00%" in found[0].message
    assert found[0].fields == ["funds.total.rate_pct", "funds.total.executed", "funds.total.annual_budget"]
    assert len(found[0].evidence) == 1 and found[0].evidence[0].location is not None


def test_self_evaluation_rate_capped_at_100():
    from .family_factory import of_rule

    changes = {"funds.total.executed": "130.00", "funds.fiscal.executed": "122.00", "funds.total.rate_pct": "100", "funds.total.score": "10",
               "total_score": "97"}
    assert of_rule("execution-rate", **changes) == []
