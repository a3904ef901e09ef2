"""Percentages: `88.53%`, `８８．５３％`, `100` -> the decimal string "88.53" / "100".

A figure of another kind where a percent belongs (an amount printed with 元/万元, or a
figure over 1000 %, or over 200 printed without a % sign, which no execution rate reaches)
is no percent: None, and the checker's
`missing-field` says what was printed there.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from parsers.normalize import to_ascii

_PERCENT = regex.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")  # ASCII: a digit Python cannot read is none
_MONEY_UNIT = regex.compile(r"[0-9]\s*(?:元|万元|亿元)")
MAX_PERCENT = 1000  # with its % sign
MAX_BARE_PERCENT = 200  # printed without one: a larger bare figure is an amount from a neighbouring cell


def parse_percent(text: str) -> str | None:
    """The percentage figure as printed (ASCII), without the sign; None when there is none."""
    printed = to_ascii(text).replace(" ", "")
    match = _PERCENT.search(printed)
    if match is None or _MONEY_UNIT.search(printed):
        return None
    limit = MAX_PERCENT if "%" in printed else MAX_BARE_PERCENT
    if abs(Decimal(match.group(0))) > limit:
        return None
    return match.group(0).lstrip("+")


def is_wrong_kind(text: str) -> bool:
    """True when `text` prints a figure, but not one a percent field can hold."""
    printed = to_ascii(text).replace(" ", "")
    return _PERCENT.search(printed) is not None and parse_percent(text) is None
