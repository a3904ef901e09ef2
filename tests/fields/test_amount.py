"""Amounts: figures, separators, units from the label or the cell, yuan with two decimals."""

from decimal import Decimal

import pytest

from parsers.fields.amount import parse_amount, parse_number


@pytest.mark.parametrize(
    ("text", "unit", "raw", "stated", "yuan"),
    [
        ("1.225", "元", "1.225", "元", "1.23"),
        ("7,501,000.00", "元", "7,501,000.00", "元", "7501000.00"),
        ("58.1", "万元", "58.1", "万元", "581000.00"),
        ("１８４．１４４", "万元", "184.144", "万元", "1841440.00"),
        ("0", "元", "0", "元", "0.00"),
        ("12.5万元", "元", "12.5万元", "万元", "125000.00"),
        ("300", None, "300", None, "300.00"),
        (" 1 200 ", "元", "1 200", "元", "1200.00"),
    ],
    ids=["seed-figure", "thousands", "wanyuan", "fullwidth", "zero", "unit-in-cell", "no-unit", "spaced"],
)
def test_parse_amount(text, unit, raw, stated, yuan):
    amount = parse_amount(text, unit)
    assert amount is not None
    assert (amount.raw, amount.stated_unit, amount.yuan) == (raw, stated, yuan)
    assert amount.unit == (stated or "元")
    assert amount.unit_inferred is False


@pytest.mark.parametrize("text", ["", "—", "/", "无", "见附件"])
def test_no_figure_is_none(text):
    assert parse_amount(text, "元") is None


def test_numbers_are_decimals_not_floats():
    assert parse_number("0.1") + parse_number("0.2") == Decimal("0.3")


def test_in_unit_recomputes_yuan_and_marks_inference():
    amount = parse_amount("1.225", "元").in_unit("万元")
    assert (amount.unit, amount.yuan, amount.unit_inferred) == ("万元", "12250.00", True)


@pytest.mark.parametrize(
    ("text", "stated", "yuan"), [("1.225万", "万元", "12250.00"), ("2 亿", "亿元", "200000000.00")]
)
def test_bare_wan_and_yi_in_the_cell(text, stated, yuan):
    amount = parse_amount(text, "元")
    assert (amount.stated_unit, amount.yuan) == (stated, yuan)


@pytest.mark.parametrize("text", ["12,25", "1" * 30, "第1笔 300"])
def test_no_single_figure_is_no_amount(text):
    """A comma for a point, an account number, two figures: never a truncated guess."""
    assert parse_amount(text, "元") is None
