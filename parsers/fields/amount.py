"""Amounts: the printed figure and its stated unit -> Amount (Decimal all the way, never float).

`unit` starts as the stated unit (元 when none is stated); the reading step `parsers.units` may
later decide the figure is really in another unit. An amount written in Chinese numerals
(伍佰万元整, `parsers.fields.capital`) states 元 whatever its column says, and so does a figure
printed with the yuan sign (`¥125,000.00`, `￥125,000.00`): the sign is the cell's own unit, as
a cell's own `元` is, and beats the column's 万元.
"""

from __future__ import annotations

import regex

from parsers.fields.capital import parse_capital
from parsers.normalize import one_line, to_ascii
from schemas.fields import Amount, to_yuan_string
from schemas.figures import FIGURE, parse_number

__all__ = ["parse_amount", "parse_number"]

_THOUSANDS_FULLWIDTH = regex.compile(r"(?<=\d)[，､](?=\d{3}(?!\d))")
_UNIT_IN_VALUE = regex.compile(r"(亿元|万元|元|万(?!元)|亿(?!元))")
_YUAN_SIGN = regex.compile(r"[¥￥]\s*[-+−]?\d")
_UNIT_NAMES = {"万": "万元", "亿": "亿元"}
_DIGIT = regex.compile(r"\d")
_EMPTY = frozenset({"", "-", "—", "/", "／", "无", "——", "--", "空", "N/A", "n/a"})


def parse_amount(text: str, label_unit: str | None) -> Amount | None:
    """An Amount from a value cell; None when the cell holds no figure."""
    raw = _THOUSANDS_FULLWIDTH.sub(",", one_line(text))
    if raw in _EMPTY:
        return None
    number = parse_number(raw)
    if number is None and not _DIGIT.search(to_ascii(raw)):
        written = parse_capital(raw)  # 伍佰万元整: Chinese numerals state yuan themselves
        return Amount(raw=raw, stated_unit="元", unit="元", yuan=to_yuan_string(written, "元")) if written else None
    if number is None or _more_digits(raw) or "%" in to_ascii(raw):
        return None  # `12,25` (a comma for a point), two figures or a rate (`100.00%`): not one amount
    cell_unit = _UNIT_IN_VALUE.search(raw) if "元" in raw or "万" in raw or "亿" in raw else None
    stated: str | None
    if cell_unit:
        stated = _UNIT_NAMES.get(cell_unit.group(1), cell_unit.group(1))
    else:
        stated = "元" if ("¥" in raw or "￥" in raw) and _YUAN_SIGN.search(raw) else label_unit
    stated = stated if stated in ("元", "万元", "亿元") else None
    unit = stated or "元"
    return Amount(raw=raw, stated_unit=stated, unit=unit, yuan=to_yuan_string(number, unit))


def _more_digits(raw: str) -> bool:
    """True when digits stand outside the figure parse_number read."""
    text = to_ascii(raw).replace(" ", "")
    match = FIGURE.search(text)
    if match is None:
        return False
    rest = text[: match.start()] + text[match.end() :]
    return bool(rest) and bool(_DIGIT.search(rest))  # most cells hold the figure alone
