"""Amounts: the printed figure and its stated unit -> Amount (Decimal all the way, never float).

`unit` starts as the stated unit (元 when none is stated); the checker's unit inference may
later decide the figure is really in another unit.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

from parsers.normalize import one_line, to_ascii
from schemas.fields import Amount, to_yuan_string

_NUMBER = regex.compile(r"[-+−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?")
_THOUSANDS_FULLWIDTH = regex.compile(r"(?<=\d)[，､](?=\d{3}(?!\d))")
_UNIT_IN_VALUE = regex.compile(r"(亿元|万元|元|万(?!元)|亿(?!元))")
_UNIT_NAMES = {"万": "万元", "亿": "亿元"}
MAX_FIGURE_DIGITS = 18  # a budget in yuan with cents; longer runs are account numbers or OCR debris
_DIGIT = regex.compile(r"\d")
_EMPTY = frozenset({"", "-", "—", "/", "／", "无", "——", "--", "空", "N/A", "n/a"})


@lru_cache(maxsize=4096)  # pure; the checker asks for the same figures many times
def parse_number(text: str) -> Decimal | None:
    """The first number in `text` as a Decimal (`7,501,000.00` -> 7501000.00), else None."""
    match = _NUMBER.search(to_ascii(text).replace(" ", ""))
    if not match:
        return None
    digits = match.group(0).replace(",", "").replace("，", "").replace("−", "-")
    if sum(char.isdigit() for char in digits) > MAX_FIGURE_DIGITS:
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def parse_amount(text: str, label_unit: str | None) -> Amount | None:
    """An Amount from a value cell; None when the cell holds no figure."""
    raw = _THOUSANDS_FULLWIDTH.sub(",", one_line(text))
    if raw in _EMPTY:
        return None
    number = parse_number(raw)
    if number is None or _more_digits(raw):
        return None  # `12,25` (a comma for a point) or two figures: not one amount
    cell_unit = _UNIT_IN_VALUE.search(raw)
    stated = _UNIT_NAMES.get(cell_unit.group(1), cell_unit.group(1)) if cell_unit else label_unit
    stated = stated if stated in ("元", "万元", "亿元") else None
    unit = stated or "元"
    return Amount(raw=raw, stated_unit=stated, unit=unit, yuan=to_yuan_string(number, unit))


def _more_digits(raw: str) -> bool:
    """True when digits stand outside the figure parse_number read."""
    text = to_ascii(raw).replace(" ", "")
    match = _NUMBER.search(text)
    return match is not None and bool(_DIGIT.search(text[: match.start()] + text[match.end() :]))
