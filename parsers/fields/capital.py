"""Amounts written in Chinese numerals, as on cheques and contracts: 伍佰万元整, 壹拾贰万伍仟元,
人民币叁仟肆佰伍拾陆元柒角捌分 -> Decimal yuan.

Owns the financial (大写) digits 零壹贰叁肆伍陆柒捌玖 and their everyday forms (〇一二…九, 两),
the units 拾/十, 佰/百, 仟/千 within each section of four, the section units 万 and 亿, and the
money units 元/圆, 角, 分 (整/正 closing the figure). Anything else in the text (人民币, spaces,
brackets) is ignored; text holding no such figure, or one that does not parse as written
(two digits in a row, a unit with no place), is None. Decimal all the way.
"""

from __future__ import annotations

from decimal import Decimal

import regex

_DIGITS = {**{c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}, **{c: i for i, c in enumerate("〇一二三四五六七八九")},
           "两": 2}
_SMALL = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}
_LARGE = {"万": 10_000, "亿": 100_000_000}
_MONEY = {"元": 0, "圆": 0, "角": 1, "分": 2}
_FIGURE = regex.compile(r"[零壹贰叁肆伍陆柒捌玖〇一二三四五六七八九两拾十佰百仟千万亿]+(?:[元圆][零壹贰叁肆伍陆柒捌玖一二三四五六七八九两角分]*|[角分])")


def parse_capital(text: str) -> Decimal | None:
    """The yuan a Chinese-numeral amount (ending in 元/圆, 角 or 分) writes, else None."""
    match = _FIGURE.search(text.replace(" ", "").replace("\u3000", ""))
    if match is None:
        return None
    figure = match.group(0)
    whole, _, fraction = figure.partition("元") if "元" in figure else figure.partition("圆")
    if not fraction and not any(u in figure for u in "元圆"):  # 伍角, 叁分: no yuan part
        whole, fraction = "", figure
    yuan = _integer(whole) if whole else 0
    cents = _fraction(fraction)
    if yuan is None or cents is None:
        return None
    return Decimal(yuan) + Decimal(cents) / 100


def _integer(text: str) -> int | None:
    total, section, digit = 0, 0, None
    for char in text:
        if char in _DIGITS:
            if digit is not None and _DIGITS[char] != 0 and digit != 0:
                return None  # two digits in a row: not a figure as written
            digit = _DIGITS[char]
        elif char in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[char]
            digit = None
        elif char in _LARGE:
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total = (total + section) * _LARGE[char] if char == "亿" else total + section * _LARGE[char]
            section, digit = 0, None
    return total + section + (digit or 0)


def _fraction(text: str) -> int | None:
    cents, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif _MONEY.get(char):
            if digit is None:
                return None
            cents += digit * (10 if _MONEY[char] == 1 else 1)
            digit = None
    return cents
