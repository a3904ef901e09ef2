"""deviation-reason: an indicator that lost points says why."""

from __future__ import annotations

from .family_factory import of_rule


def test_clean_form_explains_its_lost_points():
    assert of_rule("deviation-reason") == []


def test_lost_points_without_reason():
    for empty in (None, "无", "—", "/"):
        found = of_rule("deviation-reason", **{"indicators.3.deviation_reason": empty})
        assert len(found) == 1, empty
        assert "第4项指标" in found[0].message and "17" in found[0].message
        assert found[0].severity == "warning"


def test_full_points_need_no_reason():
    assert of_rule("deviation-reason", **{"indicators.0.deviation_reason": None}) == []
