"""run_checks: ordering, severity overrides, settings validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from extract.checks import RULES
from extract.settings import CheckSettings, Settings
from schemas.discrepancy import Severity

from .factory import make_case


def test_discrepancies_sorted_by_severity_then_rule():
    record = make_case(project_name=None, adjustment_needed=False, adjusted_budget="70.00", executed="56.00").check()
    keys = [(d.severity.rank, d.rule) for d in record.discrepancies]
    assert keys == sorted(keys)
    assert {d.rule for d in record.discrepancies} >= {"adjustment-flag", "budget-identity", "missing-field"}


def test_severity_override_from_settings():
    settings = CheckSettings(severities={"adjustment-flag": "warning"})
    record = make_case(adjustment_needed=False).check(settings)
    assert [d.severity for d in record.discrepancies if d.rule == "adjustment-flag"] == [Severity.WARNING]


def test_unknown_rule_or_severity_in_settings_is_rejected():
    with pytest.raises(ValidationError):
        CheckSettings(severities={"no-such-rule": "error"})
    with pytest.raises(ValidationError):
        Settings.model_validate({"checks": {"severities": {"period": "fatal"}}})


def test_every_rule_has_a_docstring_and_a_test_file():
    from pathlib import Path

    here = Path(__file__).parent
    for rule_id, registered in RULES.items():
        assert registered.doc, rule_id
        assert (here / f"test_{rule_id.replace('-', '_')}.py").exists(), rule_id


def test_existing_discrepancies_are_kept_and_units_corrected_once(clean_case):
    once = clean_case.check()
    assert once.discrepancies == []
