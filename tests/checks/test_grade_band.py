"""grade-band: the printed grade against the band of the printed total score."""

from __future__ import annotations

from decimal import Decimal

from extract.checks.scores import GradeOptions, grade_of
from extract.settings import CheckSettings

from .family_factory import of_rule


def test_bands():
    options = GradeOptions()
    assert [grade_of(Decimal(s), options) for s in ("90", "89.99", "80", "79.9", "60", "59.9")] == ["优", "良", "良", "中", "中", "差"]


def test_clean_grade():
    assert of_rule("grade-band") == []


def test_wrong_grade():
    found = of_rule("grade-band", grade="良")
    assert len(found) == 1
    assert "“良”" in found[0].message and "“优”" in found[0].message and "96" in found[0].message


def test_thresholds_are_options():
    settings = CheckSettings.model_validate({"grade-band": {"excellent": 97}})
    assert len(of_rule("grade-band", settings)) == 1
    assert of_rule("grade-band", settings, grade="良") == []
