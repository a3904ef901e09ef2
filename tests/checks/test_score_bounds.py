"""score-bounds: a 得分 above its 分值 or below zero."""

from __future__ import annotations

from .family_factory import of_rule


def test_clean_scores_are_in_bounds():
    assert of_rule("score-bounds") == []


def test_score_above_weight():
    found = of_rule("score-bounds", **{"indicators.1.score": "25"})
    assert len(found) == 1
    assert "第2项指标" in found[0].message and "25" in found[0].message and "20" in found[0].message
    assert found[0].fields == ["indicators.1.score", "indicators.1.weight"]
    assert found[0].evidence and found[0].evidence[0].location is not None


def test_negative_score_and_total_above_its_weight():
    assert len(of_rule("score-bounds", **{"indicators.0.score": "-1"})) == 1
    found = of_rule("score-bounds", total_score="101")
    assert [d.fields[0] for d in found] == ["total_score"]


def test_a_total_beyond_weights_that_add_up_wrong_is_weight_sums():
    changes = {"indicators.0.weight": "35", "indicators.0.score": "35", "total_score": "101"}
    assert of_rule("score-bounds", **changes) == []
    assert len(of_rule("weight-sum", **changes)) == 1
