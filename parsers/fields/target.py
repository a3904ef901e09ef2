"""Scores and targets of the form family's tables (forms-v1.md "Shared value shapes").

A **score** (分值/权重, 得分) is the printed figure as a decimal string ("9.5"); a **target** is an
indicator's value split into operator, figure and unit (`≥95%` -> >=, 95, %; `不少于12个` ->
>=, 12, 个; `及时` -> value null). Number cells printed as —, -, /, 无 or left empty are null.
"""

from __future__ import annotations

from typing import cast

from parsers.lazy_pattern import LazyPattern
from parsers.normalize import one_line, to_ascii
from schemas.forms.common import Operator, Target

EMPTY_CELLS = frozenset({"", "-", "—", "——", "–", "--", "/", "／", "无", "\\", "空"})
_NUMBER = LazyPattern(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")
_SYMBOLS = {"≥": ">=", "≧": ">=", ">=": ">=", "≤": "<=", "≦": "<=", "<=": "<=", "＞": ">", ">": ">",
            "＜": "<", "<": "<", "＝": "=", "﹦": "=", "=": "=", "⩾": ">=", "⩽": "<="}
_OP_BEFORE = LazyPattern(r"^\s*(≥|≧|>=|≤|≦|<=|⩾|⩽|＞|>|＜|<|＝|﹦|=|不低于|不少于|不小于|大于等于|高于|大于|"
                           r"不高于|不超过|不多于|不大于|小于等于|低于|小于|等于|达到)\s*")
_WORDS_BEFORE = {"不低于": ">=", "不少于": ">=", "不小于": ">=", "大于等于": ">=", "高于": ">", "大于": ">",
                 "不高于": "<=", "不超过": "<=", "不多于": "<=", "不大于": "<=", "小于等于": "<=",
                 "低于": "<", "小于": "<", "等于": "=", "达到": None}
_OP_AFTER = LazyPattern(r"\s*(以上|及以上|以下|及以下|以内)\s*$")
_WORDS_AFTER = {"以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=", "以内": "<="}
_UNIT = LazyPattern(r"^\s*([%‰]|[\p{Han}A-Za-z²³/·]{1,6})")
_DATE = LazyPattern(r"(?:19|20)\d{2}\s*[年./-]\s*\d{1,2}\s*(?:月|$|[./-])|\d{1,2}\s*月\s*\d{1,2}\s*日")


def is_empty_cell(text: str) -> bool:
    """True for a number cell printed empty or as a placeholder dash."""
    return one_line(text).strip() in EMPTY_CELLS


def parse_score(text: str) -> str | None:
    """The printed score as a decimal string (`9.5`, `10分` -> `10`); None when empty."""
    value = to_ascii(one_line(text)).replace(" ", "")
    if value in EMPTY_CELLS:
        return None
    match = _NUMBER.search(value)
    if match is None or len(value) - len(match.group(0)) > _SCORE_WORDS:
        return None  # a note (`1.预算执行率=预算执行数/调整后预算数…`) holds figures, not a score
    return match.group(0).replace(",", "").lstrip("+")


_SCORE_WORDS = 8
"""At most this many characters beside a score's figure (`10分`, `9.5（扣0.5分）`)."""


def parse_target(text: str, default_unit: str | None = None) -> Target | None:
    """A Target from a printed value; `default_unit` is the unit of a bare figure (an actual
    taking its target's unit). None when the cell is empty."""
    raw = one_line(text).strip()
    if raw in EMPTY_CELLS:
        return None
    ascii_text = to_ascii(raw)
    op: Operator | None = None
    rest = ascii_text
    before = _OP_BEFORE.match(rest)
    if before:
        word = before.group(1)
        op = cast("Operator | None", _SYMBOLS.get(word) or _WORDS_BEFORE.get(word))
        rest = rest[before.end():]
    number = _NUMBER.search(rest)
    if number is None or _DATE.search(rest):  # a date (2023年10月底前) is no quantity
        return Target(raw=raw, op=op)
    value = number.group(0).replace(",", "").lstrip("+")
    tail = rest[number.end():]
    after = _OP_AFTER.search(tail)
    if after:
        op = op or cast("Operator", _WORDS_AFTER[after.group(1)])
        tail = tail[: after.start()]
    unit_match = _UNIT.match(tail)
    unit = unit_match.group(1) if unit_match else None
    if unit is None and not tail.strip() and default_unit:
        unit = default_unit
    return Target(raw=raw, op=op, value=value, unit=unit)
