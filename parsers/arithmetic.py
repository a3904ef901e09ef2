"""Arithmetic written in a narrative: `2.45*50%=1.225万元`, `350元×120=4.2万元` -> its value.

Owns the evaluation only (× ÷ before + −, `50%` as 0.5, operands in yuan when they name a
unit); `parsers.narrative` finds the expressions and `extract.checks` compares the results.
Decimal throughout.
"""

from __future__ import annotations

from decimal import Decimal, DivisionByZero, InvalidOperation

import regex

from schemas.fields import UNIT_FACTORS

NUMBER = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_TOKEN = regex.compile(rf"(?P<num>{NUMBER})(?P<pct>%)?(?P<unit>亿元|万元|元)?|(?P<op>[*＊∗×xX÷/／+＋\-−－])")


def to_decimal(text: str) -> Decimal | None:
    """A printed number (`7,501,000.00`) as a Decimal."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def evaluate(expression: str, result_unit: str | None = None) -> Decimal | None:
    """The value of `2.45*50%` style arithmetic (× ÷ before + −; `50%` is 0.5); None if invalid.

    When an operand names its unit (`350元×120=4.2万元`), operands are taken in yuan and the
    value is given in `result_unit`; without units the figures are taken as printed."""
    values: list[Decimal] = []
    ops: list[str] = []
    tokens = list(_TOKEN.finditer(expression))
    in_yuan = any(t.group("unit") for t in tokens if t.group("num"))
    for token in tokens:
        if token.group("op"):
            ops.append(_canonical_op(token.group("op")))
            continue
        number = to_decimal(token.group("num"))
        if number is None:
            return None
        if in_yuan and token.group("unit"):
            number *= UNIT_FACTORS[token.group("unit")]
        values.append(number / 100 if token.group("pct") else number)
    if len(values) != len(ops) + 1:
        return None
    try:
        value = _reduce_sum(*_reduce_products(values, ops))
        return value / UNIT_FACTORS[result_unit] if in_yuan and result_unit in UNIT_FACTORS else value
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        return None


def _canonical_op(op: str) -> str:
    return {"×": "*", "x": "*", "X": "*", "＊": "*", "∗": "*", "÷": "/", "／": "/", "＋": "+", "−": "-", "－": "-"}.get(op, op)


def _reduce_products(values: list[Decimal], ops: list[str]) -> tuple[list[Decimal], list[str]]:
    terms = [values[0]]
    signs: list[str] = []
    for op, value in zip(ops, values[1:], strict=True):
        if op == "*":
            terms[-1] *= value
        elif op == "/":
            terms[-1] /= value
        else:
            terms.append(value)
            signs.append(op)
    return terms, signs


def _reduce_sum(terms: list[Decimal], signs: list[str]) -> Decimal:
    total = terms[0]
    for sign, term in zip(signs, terms[1:], strict=True):
        total = total + term if sign == "+" else total - term
    return total
