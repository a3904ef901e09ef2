"""Figures stated in the narrative: money amounts, rates and arithmetic expressions.

Owns the vocabulary that ties a narrative figure to a quantity of the form's table
(`年初预算安排为58.1万元` -> annual_budget, `预算执行率100%` -> execution_rate) and the
reading of expressions such as `2.45*50%=1.225万元`. It decides nothing about consistency:
the checker (`extract.checks`) compares these facts with the table.

A figure is tied to a quantity only when a keyword stands right before it, separated by at
most a connective (为、达、共计、：…). Anything looser would tie `执行率和目标完成度均在75%以上`
to the execution rate; a figure followed by 以上/以下/之间 is a bound, not a statement, and
is marked `is_bound`. Figures without a keyword are kept (quantity None): unit inference
uses any `X万元` that repeats a printed figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Literal

import regex

from parsers.normalize import to_ascii
from schemas.discrepancy import Location
from schemas.document import Document
from schemas.fields import UNIT_FACTORS

AMOUNT_QUANTITIES: dict[str, tuple[str, ...]] = {
    "annual_budget": (
        r"年初预算(?:安排)?(?:资金|金额|数)?",
        r"(?:当年|年度|全年)预算(?:安排)?(?:资金|金额|数)?",
        r"(?:原|初始)预算(?:数|金额)?",
        r"预算安排(?:资金|金额|数)?",
    ),
    "adjusted_budget": (
        r"调整后(?:的)?预算(?:资金|金额|数)?",
        r"调整预算(?:资金|金额|数)?",
        r"(?:预算)?调整(?:后)?(?:为|至|到)",
    ),
    "adjustment_total": (r"预算调整(?:数|金额|额)", r"调整(?:数|金额|额)"),
    "decrease": (r"调减(?:预算|金额|资金|数)?", r"核减(?:预算|金额|资金)?"),
    "increase": (r"调增(?:预算|金额|资金|数)?", r"追加(?:预算|金额|资金)?"),
    "executed": (
        r"实际(?:支出|执行|使用)(?:金额|资金|数)?",
        r"(?:预算)?执行(?:数|金额)",
        r"(?:已|累计|共)(?:累计)?(?:支出|执行|使用)(?:金额|资金)?",
    ),
}
RATE_QUANTITIES: dict[str, tuple[str, ...]] = {
    "execution_rate": (r"(?:预算|资金)?执行率", r"(?:预算|资金)执行进度", r"(?<!工程|施工|项目)执行进度"),
    "adjustment_rate": (r"(?:预算)?调整率",),
}

_GAP = r"(?:[\s:：]|为|是|约|达|到|了|已|共计|合计|总计|累计|共|计){0,3}"
_NUMBER = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_AMOUNT = regex.compile(rf"(?P<num>{_NUMBER})\s*(?P<unit>亿元|万元|元)")
_RATE = regex.compile(rf"(?P<num>{_NUMBER})\s*%")
_BOUND_AFTER = regex.compile(r"\s*(?:及|或)?(?:以上|以下|以内|之间|不等|[-~～至])")
_OPERAND = rf"{_NUMBER}%?(?:亿元|万元|元)?"
_EXPRESSION = regex.compile(
    rf"(?P<expr>{_OPERAND}(?:\s*[*×xX÷/+\-−－]\s*{_OPERAND})+)\s*[=＝]\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<unit>%|亿元|万元|元)?"
)
_TOKEN = regex.compile(rf"(?P<num>{_NUMBER})(?P<pct>%)?(?:亿元|万元|元)?|(?P<op>[*×xX÷/+\-−－])")
_LOOKBACK_CHARS = 24


def _keyword_pattern(table: dict[str, tuple[str, ...]]) -> regex.Pattern[str]:
    groups = "|".join(f"(?P<{key}>{'|'.join(alts)})" for key, alts in table.items())
    return regex.compile(rf"(?:{groups}){_GAP}$")


_AMOUNT_KEYWORDS = _keyword_pattern(AMOUNT_QUANTITIES)
_RATE_KEYWORDS = _keyword_pattern(RATE_QUANTITIES)


@dataclass(frozen=True)
class Fact:
    """A figure stated in the narrative and the quantity it refers to (None if unsaid)."""

    kind: Literal["amount", "rate"]
    quantity: str | None
    value: Decimal
    unit: str
    snippet: str
    location: Location | None = None
    order: int = 0
    is_bound: bool = False

    @property
    def decimals(self) -> int:
        """Decimal places as printed (`58.1` -> 1)."""
        exponent = self.value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0

    @property
    def yuan(self) -> Decimal:
        """An amount in yuan (rates: the figure itself)."""
        return self.value * UNIT_FACTORS[self.unit] if self.kind == "amount" else self.value

    @property
    def half_ulp(self) -> Decimal:
        """Half a unit of the last printed digit, in yuan (amounts) or points (rates)."""
        step = Decimal(1).scaleb(-self.decimals) / 2
        return step * UNIT_FACTORS[self.unit] if self.kind == "amount" else step


@dataclass(frozen=True)
class Expression:
    """An arithmetic expression with its stated result: `2.45*50%=1.225万元`."""

    text: str
    computed: Decimal | None
    stated: Decimal
    unit: str | None
    location: Location | None = None

    @property
    def decimals(self) -> int:
        """Decimal places of the stated result."""
        exponent = self.stated.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0


@dataclass(frozen=True)
class Narrative:
    """Everything the narrative states in figures, in reading order."""

    facts: tuple[Fact, ...] = ()
    expressions: tuple[Expression, ...] = ()

    def amounts(self) -> list[Fact]:
        """Amount facts, bounds left out."""
        return [f for f in self.facts if f.kind == "amount" and not f.is_bound]

    def about(self, quantity: str) -> list[Fact]:
        """Facts stated about `quantity` (never bounds)."""
        return [f for f in self.facts if f.quantity == quantity and not f.is_bound]


def to_decimal(text: str) -> Decimal | None:
    """A printed number (`7,501,000.00`) as a Decimal."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def scan_document(document: Document, skip: Iterable[Location] = ()) -> Narrative:
    """Facts and expressions of every line of `document` except those at `skip`.

    Args:
        skip: locations of table value lines (the fields' provenance), which are not narrative.
    """
    skipped = set(skip)
    facts: list[Fact] = []
    expressions: list[Expression] = []
    for index, line in enumerate(document.lines):
        if line.loc in skipped:
            continue
        found, exprs = scan_text(line.text, line.loc, order=index * 100_000)
        facts.extend(found)
        expressions.extend(exprs)
    return Narrative(tuple(facts), tuple(expressions))


def scan_text(text: str, location: Location | None = None, order: int = 0) -> tuple[list[Fact], list[Expression]]:
    """Facts and expressions of one line of narrative."""
    text = to_ascii(text)
    expressions = [_expression(m, location) for m in _EXPRESSION.finditer(text)]
    spans = [m.span() for m in _EXPRESSION.finditer(text)]
    facts = list(_facts(text, spans, location, order))
    return facts, expressions


def _facts(text: str, spans: list[tuple[int, int]], location: Location | None, order: int) -> Iterator[Fact]:
    matches = [("amount", m) for m in _AMOUNT.finditer(text)] + [("rate", m) for m in _RATE.finditer(text)]
    for kind, match in sorted(matches, key=lambda item: item[1].start()):
        inside = next((span for span in spans if span[0] <= match.start() < span[1]), None)
        if inside and (kind == "rate" or match.end() < inside[1]):
            continue  # an operand; the result of an expression is kept as a plain figure
        value = to_decimal(match.group("num"))
        if value is None:
            continue
        keywords = _AMOUNT_KEYWORDS if kind == "amount" else _RATE_KEYWORDS
        prefix_start = max(0, match.start() - _LOOKBACK_CHARS)
        keyword = None if inside else keywords.search(text, prefix_start, match.start())
        quantity = _quantity(keyword)
        start = inside[0] if inside else (keyword.start() if keyword else match.start())
        yield Fact(
            kind=kind,
            quantity=quantity,
            value=value,
            unit=match.group("unit") if kind == "amount" else "%",
            snippet=text[start : match.end()].strip(),
            location=location,
            order=order + match.start(),
            is_bound=bool(_BOUND_AFTER.match(text, match.end())),
        )


def _quantity(keyword: regex.Match[str] | None) -> str | None:
    if keyword is None:
        return None
    return next((name for name, value in keyword.groupdict().items() if value is not None), None)


def _expression(match: regex.Match[str], location: Location | None) -> Expression:
    stated = to_decimal(match.group("num")) or Decimal(0)
    return Expression(
        text=match.group(0).strip(),
        computed=evaluate(match.group("expr")),
        stated=stated,
        unit=match.group("unit"),
        location=location,
    )


def evaluate(expression: str) -> Decimal | None:
    """The value of `2.45*50%` style arithmetic (× ÷ before + −; `50%` is 0.5); None if invalid."""
    values: list[Decimal] = []
    ops: list[str] = []
    for token in _TOKEN.finditer(expression):
        if token.group("op"):
            ops.append(_canonical_op(token.group("op")))
            continue
        number = to_decimal(token.group("num"))
        if number is None:
            return None
        values.append(number / 100 if token.group("pct") else number)
    if len(values) != len(ops) + 1:
        return None
    try:
        return _reduce_sum(*_reduce_products(values, ops))
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        return None


def _canonical_op(op: str) -> str:
    return {"×": "*", "x": "*", "X": "*", "÷": "/", "−": "-", "－": "-"}.get(op, op)


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
