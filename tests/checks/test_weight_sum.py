"""weight-sum: indicator weights plus the budget weight against the total weight."""

from __future__ import annotations

from .family_factory import of_rule


def test_clean_weights_add_to_100():
    assert of_rule("weight-sum") == []


def test_weights_that_do_not_add_up():
    found = of_rule("weight-sum", **{"indicators.0.weight": "35", "indicators.0.score": "35", "total_score": "101"})
    assert len(found) == 1
    assert "105" in found[0].message and "100" in found[0].message


def test_100_unless_printed():
    assert len(of_rule("weight-sum", total_weight=None, **{"indicators.0.weight": "25", "indicators.0.score": "25"})) == 1
    assert of_rule("weight-sum", total_weight="95", total_score="91",
                   **{"indicators.0.weight": "25", "indicators.0.score": "25"}) == []


def test_silent_without_weights():
    assert of_rule("weight-sum", **{"indicators.0.weight": None}) == []
