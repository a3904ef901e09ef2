"""period: start and end present, in order, within the budget year of the project name."""

from __future__ import annotations

from datetime import date

from schemas.fields import Period

from .factory import findings


def test_missing_end_fires():
    found = findings("period", tracking_period=Period(start=date(2024, 1, 1)))
    assert len(found) == 1 and "缺少结束日期" in found[0].message


def test_end_before_start_fires():
    found = findings("period", tracking_period=Period(start=date(2024, 8, 31), end=date(2024, 1, 1)))
    assert len(found) == 1 and "早于" in found[0].message


def test_outside_budget_year_fires():
    found = findings("period", tracking_period=Period(start=date(2023, 1, 1), end=date(2023, 8, 31)))
    assert len(found) == 1 and "2024年" in found[0].message


def test_period_within_year_is_silent():
    assert findings("period") == []
    assert findings("period", project_name="某镇道路养护项目") == []  # no year named: nothing to compare


def test_absent_period_is_left_to_missing_field():
    assert findings("period", tracking_period=None) == []
