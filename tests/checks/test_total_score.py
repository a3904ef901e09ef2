"""total-score: 总分's 得分 against the sum of the scores."""

from __future__ import annotations

from .family_factory import of_rule


def test_clean_total():
    assert of_rule("total-score") == []


def test_total_off_the_sum():
    found = of_rule("total-score", total_score="98")
    assert len(found) == 1
    assert "98" in found[0].message and "96" in found[0].message
    assert found[0].evidence


def test_rounded_total_is_accepted():
    assert of_rule("total-score", **{"indicators.3.score": "17.4", "total_score": "96"}) == []
    assert len(of_rule("total-score", **{"indicators.3.score": "17.4", "total_score": "96.0"})) == 1


def test_a_budget_line_scored_without_a_weight_counts():
    # A 部门整体 form scores its budget line in a 得分 column and prints no 分值: 总分 96 is
    # the indicators' 87 plus the budget's 9, and neither rule may call it wrong (the
    # indicators' weights, 90, leave the budget line's unprinted 10).
    changes = {"funds.total.weight": None}
    assert of_rule("total-score", **changes) == []
    assert of_rule("weight-sum", **changes) == []
    assert len(of_rule("total-score", **{**changes, "total_score": "87"})) == 1
