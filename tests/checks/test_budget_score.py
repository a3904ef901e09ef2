"""budget-score: the budget line's 得分 against 分值 × min(执行率, 100%), or the configured bands."""

from __future__ import annotations

import pytest

from extract.settings import CheckSettings, SettingsError, load_settings

from .family_factory import of_rule


def test_clean_budget_score():
    assert of_rule("budget-score") == []


def test_score_off_the_formula_is_an_error():
    found = of_rule("budget-score", **{"funds.total.score": "10"})
    assert len(found) == 1
    assert found[0].severity == "error"
    assert "10" in found[0].message and "9.00" in found[0].message
    assert "funds.total.score" in found[0].fields


def test_within_tolerance_passes_and_tolerance_is_an_option():
    assert of_rule("budget-score", **{"funds.total.score": "9.1"}) == []
    assert len(of_rule("budget-score", **{"funds.total.score": "9.2"})) == 1
    loose = CheckSettings.model_validate({"budget-score": {"tolerance": "0.5"}})
    assert of_rule("budget-score", loose, **{"funds.total.score": "9.2"}) == []


def test_rate_above_100_caps_at_full_weight():
    changes = {"funds.total.rate_pct": "110.00", "funds.total.executed": "132.00", "funds.fiscal.executed": "124.00",
               "funds.carryover.executed": "8.00", "funds.total.score": "10"}
    assert of_rule("budget-score", **changes) == []
    assert len(of_rule("budget-score", **{**changes, "funds.total.score": "11"})) == 1


def test_bands_replace_the_formula():
    bands = {"budget-score": {"bands": [{"min_rate_pct": 95, "share": 1}, {"min_rate_pct": 85, "share": "0.8"},
                                        {"min_rate_pct": 0, "share": 0}]}}
    settings = CheckSettings.model_validate(bands)
    assert len(of_rule("budget-score", settings)) == 1  # 90% is in the 85 band: 8, not 9
    assert of_rule("budget-score", settings, **{"funds.total.score": "8"}) == []


def test_rule_options_come_from_toml(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("[checks]\nrate_tolerance_points = 1\n[checks.budget-score]\ntolerance = 0.3\n", encoding="utf-8")
    settings = load_settings(path)
    assert str(settings.checks.options_for("budget-score").tolerance) == "0.3"
    assert of_rule("budget-score", settings.checks, **{"funds.total.score": "9.2"}) == []
    path.write_text("[checks.budget-score]\ntolerence = 0.3\n", encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(path)
    path.write_text("[checks.no-such-rule]\ntolerance = 0.3\n", encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(path)
