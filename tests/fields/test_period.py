"""Tracking periods in every written form."""

from datetime import date

import pytest

from parsers.fields.period import parse_period

JAN1, AUG31 = date(2024, 1, 1), date(2024, 8, 31)


@pytest.mark.parametrize(
    "text",
    [
        "2024年01月01日 --- 2024年08月31日",
        "2024年1月1日至2024年8月31日",
        "2024.01.01-2024.08.31",
        "2024/1/1 — 2024/8/31",
        "2024-01-01~2024-08-31",
        "２０２４年１月１日—２０２４年８月３１日",
        "2024年1月1日至8月31日",
        "20240101-20240831",
        "2024 年 1 月 1 日 至 2024 年 8 月 31 日",
    ],
)
def test_period_forms(text):
    period = parse_period(text)
    assert (period.start, period.end) == (JAN1, AUG31)


def test_missing_end():
    period = parse_period("2024年1月1日起")
    assert (period.start, period.end) == (JAN1, None)


def test_no_date():
    assert parse_period("全年") is None


def test_impossible_date_is_not_made_up():
    assert parse_period("2024年2月30日至2024年2月31日") is None
    period = parse_period("2024年2月30日至2024年8月31日")
    assert period.start is None and period.end == AUG31


@pytest.mark.parametrize(
    "text", ["2024年1月-2024年8月", "2024年1-8月", "2024年1月至8月", "2024.01-2024.08", "２０２４年１月—２０２４年８月"]
)
def test_whole_months_run_from_the_first_to_the_last_day(text):
    period = parse_period(text)
    assert (period.start, period.end) == (JAN1, AUG31)


def test_a_month_range_is_not_read_as_a_day():
    assert parse_period("2024年1-6月").end == date(2024, 6, 30)


def test_a_digit_python_cannot_read_is_no_date():
    # U+10D41 (Garay, Unicode 16): the regex module calls it a digit, int() cannot read it.
    assert parse_period("2024年\U00010d41月1日至2024年6月30日") == parse_period("2024年6月30日")
    assert parse_period("20\U00010d414年1月-2024年8月") is None
