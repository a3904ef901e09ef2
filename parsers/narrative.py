"""Figures stated in the narrative: money amounts, rates and arithmetic expressions.

Owns the vocabulary that ties a narrative figure to a quantity of the form's table
(`年初预算安排为58.1万元` -> annual_budget, `预算执行率100%` -> execution_rate), the finding of
expressions such as `2.45*50%=1.225万元` (their value is `parsers.arithmetic`'s), and the
joining of lines wrapped mid-sentence into passages. It decides nothing about consistency:
the checker (`extract.checks`) compares these facts with the table.

A figure is tied to a quantity only when a keyword (`parsers.narrative_terms`) stands right
before it, separated by at most a connective (为、达、共计、约、：…); a rate after `占调整后预算的`
is a rate of the amount its clause named first (执行数: the execution rate). A figure whose
sentence names another year, 上年/同期, 预计/计划 or 其中 before it carries that as `aside`. Anything looser would tie `执行率和目标完成度均在75%以上`
to the execution rate; a figure followed by 以上/以下/之间 is a bound, not a statement, and
is marked `is_bound`. Figures without a keyword are kept (quantity None): unit inference
uses any `X万元` that repeats a printed figure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

import regex

from parsers.arithmetic import NUMBER, evaluate, to_decimal
from parsers.frozen_init import frozen_init
from parsers.narrative_terms import (
    AMOUNT_QUANTITIES,
    ASIDE,
    CLAUSE,
    RATE_QUANTITIES,
    SHARE_OF,
    SUBCLAUSE,
)
from parsers.normalize import to_ascii
from schemas.discrepancy import Location
from schemas.document import Document
from schemas.fields import UNIT_FACTORS

_GAP = r"(?:[\s:：]|为|是|约|达|到|了|已|共计|合计|总计|累计|共|计|大约|近){0,3}"
_NUMBER = NUMBER
_UNIT = r"亿元|万元|元|万(?=[，,。；;、）)\s]|$)"
_AMOUNT = regex.compile(rf"(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})")
_RATE = regex.compile(rf"(?P<num>{_NUMBER})\s*%")
_BOUND_AFTER = regex.compile(r"\s*(?:及|或)?(?:以上|以下|以内|之间|不等|[-~～至])")
_OPERAND = rf"{_NUMBER}%?(?:亿元|万元|元)?"
# Operands are atomic and at most 12 operations are read, possessively: a long line of
# `1+1+1…` without `=` must fail at once, not backtrack through every way to split it.
_EXPRESSION = regex.compile(
    rf"(?P<expr>(?>{_OPERAND})(?:\s*[*＊∗×xX÷/／+＋\-−－]\s*(?>{_OPERAND})){{1,12}}+)\s*[=＝]\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<unit>%|亿元|万元|元)?"
)
_LOOKBACK_CHARS = 24
ASIDE_REACH_CHARS = 120


def _keyword_pattern(table: dict[str, tuple[str, ...]]) -> regex.Pattern[str]:
    groups = "|".join(f"(?P<{key}>{'|'.join(alts)})" for key, alts in table.items())
    return regex.compile(rf"(?:{groups}){_GAP}$")


_AMOUNT_KEYWORDS = _keyword_pattern(AMOUNT_QUANTITIES)
_RATE_KEYWORDS = _keyword_pattern(RATE_QUANTITIES)


@frozen_init
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
    aside: str | None = None
    """`prior` (上年/同期…), `plan` (预计/计划…), `part` (其中…) or a year (`2023`) named
    earlier in the figure's sentence; None when nothing sets it apart from this year's totals."""

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


@frozen_init
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


_ANY_DIGIT = re.compile(r"[0-9０-９]")  # a set of literal characters: `re` finds one faster


# The last document scanned, the lines it skipped and what was found: the unit reading and
# the checks (and the unit rule's view of the record as labelled) ask for the same narrative
# of the same document one after another. The document is held, so `is` cannot be fooled by
# a new object at a freed address; documents are frozen.
_LAST: list[tuple[Document, frozenset[tuple[int, int]], Narrative]] = []


def scan_document(document: Document, skip: Iterable[Location] = ()) -> Narrative:
    """Facts and expressions of every line of `document` except those at `skip`.

    Args:
        skip: locations of table value lines (the fields' provenance), which are not narrative.
    """
    # Places as (page, line): a frozen model's hash and equality run in Python, a tuple's do not.
    skipped = frozenset((loc.page, loc.line) for loc in skip)
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is document and last[1] == skipped:
        return last[2]
    found = _scan(document, skipped)
    _LAST[:] = [(document, skipped, found)]
    return found


def _scan(document: Document, skipped: frozenset[tuple[int, int]]) -> Narrative:
    facts: list[Fact] = []
    expressions: list[Expression] = []
    for index, text, anchors in _passages(document, skipped):
        if not _ANY_DIGIT.search(text):
            continue  # a figure needs a digit: most narrative lines have none
        # A joined passage: each figure keeps the line it stands on (`_facts` finds it).
        found, exprs = _scan_passage(text, anchors, index * 100_000)
        if len(anchors) > 1:
            exprs = [replace(e, location=_line_at(anchors, text.find(e.text))) for e in exprs]
        facts.extend(found)
        expressions.extend(exprs)
    return Narrative(tuple(facts), tuple(expressions))


def _line_at(anchors: Sequence[tuple[int, Location | None]], offset: int) -> Location | None:
    """The location of the line holding character `offset` of a joined passage."""
    return next((loc for start, loc in reversed(anchors) if start <= offset), anchors[0][1])


_PASSAGE_END = regex.compile(r"[。；;！!？?：:]\s*$")
_PASSAGE_START = regex.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．](?!\d)|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）])")
MAX_PASSAGE_CHARS = 4000
_END_CHARS = "。；;！!？?：:"
_START_CHARS = "一二三四五六七八九十（("
# `_PASSAGE_END` / `_PASSAGE_START` are tried only on a line that can end / open as they need
# (its last / first character past the spaces; str's whitespace holds every `\s`).


def _may_end(text: str) -> bool:
    return text.rstrip()[-1:] in _END_CHARS and _PASSAGE_END.search(text) is not None


def _may_start(text: str) -> bool:
    first = text.lstrip()[:1]
    return (first in _START_CHARS or first.isdigit()) and _PASSAGE_START.match(text) is not None


def _passages(
    document: Document, skipped: frozenset[tuple[int, int]]
) -> Iterator[tuple[int, str, list[tuple[int, Location]]]]:
    """Narrative text in passages: lines that plain OCR or a narrow cell wrapped mid-sentence
    (`…调整预算1.225万` / `元，预算调整数…`) are joined back, so a figure is never cut in two.

    A passage ends at a sentence or clause end (。；：), before a numbered line, at a table
    row (cells joined by tabs) and at a table value line (`skipped`, as (page, line)). Each passage comes
    with its anchors: (offset in the passage, location of the line starting there).
    """
    index, text = 0, ""
    anchors: list[tuple[int, Location]] = []
    for number, line in enumerate(document.lines):
        loc = line.loc
        breaks = (loc.page, loc.line) in skipped or "\t" in line.text
        if anchors and (breaks or _may_start(line.text) or len(text) > MAX_PASSAGE_CHARS):
            yield index, text, anchors
            text, anchors = "", []
        if breaks:
            continue
        if not anchors:
            index = number
        anchors.append((len(text), loc))
        text += to_ascii(line.text.strip())  # ASCII first: offsets match scan_text's text
        if _may_end(line.text):
            yield index, text, anchors
            text, anchors = "", []
    if anchors:
        yield index, text, anchors


def scan_text(text: str, location: Location | None = None, order: int = 0) -> tuple[list[Fact], list[Expression]]:
    """Facts and expressions of one line of narrative."""
    return _scan_passage(text, [(0, location)], order)


def _scan_passage(
    text: str, anchors: Sequence[tuple[int, Location | None]], order: int
) -> tuple[list[Fact], list[Expression]]:
    """Facts and expressions of a passage whose lines start at `anchors` (offset, location):
    each fact at the location of the line it stands on, each expression at the first line's."""
    text = to_ascii(text)
    location = anchors[0][1]
    matches = list(_EXPRESSION.finditer(text)) if "=" in text or "＝" in text else []
    expressions = [_expression(m, location) for m in matches]
    spans = [m.span() for m in matches]
    facts = list(_facts(text, spans, anchors, order))
    return facts, expressions


def _facts(
    text: str, spans: list[tuple[int, int]], anchors: Sequence[tuple[int, Location | None]], order: int
) -> Iterator[Fact]:
    # Every amount's unit holds 元 or 万, every rate a %: most lines with a digit (a numbered
    # heading, a date) hold neither, and are not searched.
    matches: list[tuple[Literal["amount", "rate"], regex.Match[str]]] = (
        [("amount", m) for m in _AMOUNT.finditer(text)] if "元" in text or "万" in text else [])
    if "%" in text:
        matches += [("rate", m) for m in _RATE.finditer(text)]
    if not matches:
        return
    bounds = _Bounds(text)
    joined = len(anchors) > 1
    stated: list[tuple[int, str]] = []  # (position, quantity) of the amounts tied so far
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
        share = None if inside or kind == "amount" else SHARE_OF.search(text, prefix_start, match.start())
        if share is not None and quantity is None:
            sentence = bounds.sentence_start(share.start())
            subject = next((q for p, q in reversed(stated) if sentence <= p < share.start()), None)
            quantity, keyword = _share_quantity(subject, share.group("base")), share
        if kind == "amount" and quantity in _SUBJECTS:
            stated.append((match.start(), quantity))
        start = inside[0] if inside else (keyword.start() if keyword else match.start())
        yield Fact(
            kind=kind,
            quantity=quantity,
            value=value,
            unit=_unit(match.group("unit")) if kind == "amount" else "%",
            snippet=text[start : match.end()].strip(),
            location=_line_at(anchors, match.start()) if joined else anchors[0][1],
            order=order + match.start(),
            is_bound=bool(_BOUND_AFTER.match(text, match.end())),
            aside=_aside(text, start, bounds),
        )


class _Bounds:
    """Where the sentences and clauses of one text start, found once (a long line holds many
    figures: looking them up per figure must not rescan the line)."""

    def __init__(self, text: str) -> None:
        self._sentences = [m.end() for m in CLAUSE.finditer(text)]
        self._clauses = [m.end() for m in SUBCLAUSE.finditer(text)]

    def sentence_start(self, position: int) -> int:
        """Start of the sentence holding `position`."""
        return self._start(self._sentences, position)

    def clause_start(self, position: int) -> int:
        """Start of the clause (between commas) holding `position`."""
        return self._start(self._clauses, position)

    @staticmethod
    def _start(ends: list[int], position: int) -> int:
        index = bisect_right(ends, position) - 1
        return ends[index] if index >= 0 else 0


def _aside(text: str, position: int, bounds: _Bounds) -> str | None:
    """The last ASIDE word before `position` in its sentence (`plan`/`part`: in its clause)."""
    found: str | None = None
    sentence, clause = bounds.sentence_start(position), bounds.clause_start(position)
    # Only the last stretch of a sentence can set its figure apart: a run-on line of figures
    # must not be rescanned from its start for every figure.
    # (Stop a few characters past `position`, so `2023` before `年` is still seen as a year.)
    for match in ASIDE.finditer(text, max(sentence, position - ASIDE_REACH_CHARS), position + 8):
        if match.start() >= position:
            break
        kind = match.lastgroup
        if kind in ("plan", "part") and match.start() < clause:
            continue
        found = match.group("year") if kind == "year" else (None if kind == "current" else kind)
    return found


_SUBJECTS = ("executed", "decrease", "increase", "adjustment_total")


def _share_quantity(subject: str | None, base: str) -> str | None:
    """`实际支出X万元，占调整后预算的Y%` is the execution rate; `调减X万元，占年初预算的Y%` the adjustment rate."""
    if subject == "executed":
        return "execution_share_of_annual" if regex.match(r"(?:年初|当年|全年|本年|年度)", base) else "execution_rate"
    if subject in ("decrease", "increase", "adjustment_total"):
        return "adjustment_rate"
    return None


def _unit(unit: str) -> str:
    return "万元" if unit == "万" else unit


def _quantity(keyword: regex.Match[str] | None) -> str | None:
    # A keyword pattern's only groups are its quantities, one alternative each (the vocabulary
    # groups with `(?:…)`): the one group that matched is the last.
    return keyword.lastgroup if keyword is not None else None


def _expression(match: regex.Match[str], location: Location | None) -> Expression:
    stated = to_decimal(match.group("num")) or Decimal(0)
    return Expression(
        text=match.group(0).strip(),
        computed=evaluate(match.group("expr"), match.group("unit")),
        stated=stated,
        unit=match.group("unit"),
        location=location,
    )
