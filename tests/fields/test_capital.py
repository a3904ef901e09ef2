"""Amounts written in Chinese numerals (大写): parsed to yuan, and read as amounts stating 元."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.fields.amount import parse_amount
from parsers.fields.capital import parse_capital


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("伍佰万元整", "5000000"),
        ("人民币壹拾贰万伍仟元整", "125000"),
        ("叁仟肆佰伍拾陆元柒角捌分", "3456.78"),
        ("壹亿零伍万元", "100050000"),
        ("贰万零伍拾元", "20050"),
        ("拾元", "10"),
        ("十二万五千元", "125000"),
        ("两千元", "2000"),
        ("伍角", "0.5"),
        ("玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元", "99999999"),
    ],
)
def test_chinese_numerals(text: str, yuan: str) -> None:
    assert parse_capital(text) == Decimal(yuan)


@pytest.mark.parametrize("text", ["无", "项目名称", "壹贰元", "两个小区", "100"])
def test_no_figure_written_in_numerals(text: str) -> None:
    assert parse_capital(text) is None


def test_an_amount_in_numerals_states_yuan_whatever_its_column_says() -> None:
    amount = parse_amount("人民币伍佰万元整", "万元")
    assert amount is not None
    assert (amount.raw, amount.stated_unit, amount.unit, amount.yuan) == ("人民币伍佰万元整", "元", "元", "5000000.00")
    assert parse_amount("12.5万元", "元").yuan == "125000.00"  # figures read as before
    assert parse_amount("—", "万元") is None
