"""Unit inference and the `unit-mismatch` rule: which unit each table amount is really in.

Runs before every other rule (`run_checks` applies its result to the record first), so the
other rules compare amounts in the unit they are really in and a wrong (元) label is
reported once, here. Evidence, strongest first:

1. the narrative states the same quantity with a unit (`调整预算1.225万元` for 调整后预算数), and
   one unit reading of the printed figure equals it; a reading in the stated unit confirms
   the label (`581,000.00` (元) against `58.1万元` is consistent and never flagged);
2. any narrative `X万元` that repeats the printed figure exactly (the seed's 当年预算数 1.225
   against `调整预算1.225万元`; its own `年初预算58.1万元` matches no reading);
3. the table's arithmetic: when 调整后 = 当年 − 调减 + 调增 fails as labelled but holds for
   exactly one reading with the fewest changes (only mixed readings can tell, as the identity
   is blind to a common factor);
4. the table's unit: amounts of one table and one label unit without evidence of their own
   follow the unit the other amounts were shown to be in, when that evidence is unanimous.
   The message says so (the seed's 事前绩效评估评审预算 84 (元) becomes 84万元).

Magnitude alone (a budget of 1.225 元) is never used: it flags too many small real figures.
Zero amounts are left as labelled and unflagged: 0 is 0 in any unit, and changing their
unit would set `unit_inferred` without a discrepancy to say why. Amounts with no stated unit
take the inferred unit silently (nothing was mislabelled).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from typing import Literal

from extract.checks.base import AMOUNT_FIELDS, CheckContext, Finding, in_unit, label, plain, rule
from parsers.narrative import Fact
from schemas.discrepancy import Evidence, Severity
from schemas.fields import UNIT_FACTORS, Amount
from schemas.record import Record

UNITS: tuple[str, ...] = tuple(UNIT_FACTORS)
IDENTITY_FIELDS: tuple[str, ...] = ("annual_budget", "decrease", "increase", "adjusted_budget")


@dataclass(frozen=True)
class UnitEvidence:
    """Why an amount is read in `unit`."""

    unit: str
    how: Literal["narrative", "figure", "arithmetic", "table"]
    fact: Fact | None = None
    followed: tuple[str, ...] = ()


@rule("unit-mismatch", Severity.ERROR, fields=AMOUNT_FIELDS)
def unit_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """An amount's stated unit contradicts the narrative or the table's arithmetic.

    The decisions are taken by `infer_units` before the other rules run; this reports them.
    """
    yield from ctx.unit_findings.values()


def infer_units(ctx: CheckContext) -> tuple[Record, dict[str, Finding]]:
    """The record with each amount in the unit the evidence shows, and one finding per relabel."""
    amounts = {name: a for name in AMOUNT_FIELDS if (a := ctx.amount(name)) is not None and a.number}
    decided: dict[str, UnitEvidence] = {}
    for name, amount in amounts.items():
        evidence = _narrative_evidence(ctx, name, amount)
        if evidence is not None:
            decided[name] = evidence
    decided.update(_arithmetic_evidence(ctx, amounts, decided))
    decided.update(_table_evidence(ctx, amounts, decided))
    updates: dict[str, Amount] = {}
    findings: dict[str, Finding] = {}
    for name in AMOUNT_FIELDS:
        evidence = decided.get(name)
        if evidence is None or evidence.unit == _current(amounts[name]):
            continue
        amount = amounts[name]
        updates[name] = amount.in_unit(evidence.unit)
        if amount.stated_unit is not None:
            findings[name] = _finding(ctx, name, amount, updates[name], evidence)
    if not updates:
        return ctx.record, {}
    fields = ctx.record.fields.model_copy(update=updates)
    return ctx.record.model_copy(update={"fields": fields}), findings


def _current(amount: Amount) -> str:
    return amount.unit or amount.stated_unit or "元"


def _same_quantity(ctx: CheckContext, name: str) -> list[Fact]:
    facts = list(ctx.narrative.about(name))
    # 预算调整数 is 调减 + 调增: it states 调减 when 调增 is zero, and the other way round.
    other = {"decrease": "increase", "increase": "decrease"}.get(name)
    if other is not None and ctx.yuan(other) == 0:
        facts += ctx.narrative.about("adjustment_total")
    return facts


def _narrative_evidence(ctx: CheckContext, name: str, amount: Amount) -> UnitEvidence | None:
    number, current = amount.number, _current(amount)
    readings = [
        (unit, fact)
        for fact in _same_quantity(ctx, name)
        for unit in UNITS
        if abs(number * UNIT_FACTORS[unit] - fact.yuan) <= ctx.narrative_tolerance(fact)
    ]
    for unit, fact in readings:
        if unit == current:
            return UnitEvidence(current, "narrative", fact)
    if readings:
        return UnitEvidence(readings[0][0], "narrative", readings[0][1])
    figures = [fact for fact in ctx.narrative.amounts() if fact.value == number]
    for fact in figures:
        if fact.unit == current:
            return UnitEvidence(current, "figure", fact)
    return UnitEvidence(figures[0].unit, "figure", figures[0]) if figures else None


def _arithmetic_evidence(
    ctx: CheckContext, amounts: dict[str, Amount], decided: dict[str, UnitEvidence]
) -> dict[str, UnitEvidence]:
    if any(ctx.amount(name) is None for name in IDENTITY_FIELDS):
        return {}
    free = [name for name in IDENTITY_FIELDS if name in amounts and name not in decided]
    base = {name: decided[name].unit if name in decided else _current(a) for name, a in amounts.items()}
    if not free or _identity_holds(ctx, base):
        return {}
    solutions: list[tuple[int, dict[str, str]]] = []
    for units in product(UNITS, repeat=len(free)):
        reading = base | dict(zip(free, units, strict=True))
        if _identity_holds(ctx, reading):
            solutions.append((sum(reading[n] != base[n] for n in free), reading))
    if not solutions:
        return {}
    fewest = min(changes for changes, _ in solutions)
    best = [reading for changes, reading in solutions if changes == fewest]
    if len(best) != 1:
        return {}
    return {n: UnitEvidence(best[0][n], "arithmetic") for n in free if best[0][n] != base[n]}


def _identity_holds(ctx: CheckContext, units: dict[str, str]) -> bool:
    def value(name: str) -> Decimal:
        amount = ctx.amount(name)
        number = amount.number if amount is not None else None
        return (number or Decimal(0)) * UNIT_FACTORS[units.get(name, "元")]

    expected = value("annual_budget") - value("decrease") + value("increase")
    return abs(expected - value("adjusted_budget")) <= ctx.settings.amount_tolerance_yuan


def _table_evidence(
    ctx: CheckContext, amounts: dict[str, Amount], decided: dict[str, UnitEvidence]
) -> dict[str, UnitEvidence]:
    groups: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    for name, amount in amounts.items():
        entry = ctx.record.provenance.get(name)
        groups[(entry.block if entry else None, _current(amount))].append(name)
    result: dict[str, UnitEvidence] = {}
    for (_, current), names in groups.items():
        shown = [n for n in names if n in decided]
        units = {decided[n].unit for n in shown}
        if len(units) != 1 or current in units:
            continue  # no evidence, conflicting evidence, or the label was confirmed
        unit = units.pop()
        for name in names:
            if name not in decided:
                result[name] = UnitEvidence(unit, "table", followed=tuple(shown))
    return result


def _finding(ctx: CheckContext, name: str, amount: Amount, fixed: Amount, evidence: UnitEvidence) -> Finding:
    head = f"{label(name)}标注单位为“{amount.stated_unit}”，"
    unit, yuan = evidence.unit, f"即{plain(fixed.yuan_value)}元"
    table = ctx.evidence_for(name)
    if evidence.how == "table":
        others = "、".join(label(n) for n in evidence.followed)
        note = f"同表金额单位为{unit}：{others}经正文核对应为{unit}，本项无正文佐证，随表格单位"
        message = f"{head}数值{amount.raw}无正文佐证；同表{others}经核对应为{unit}，随表格单位读作{amount.raw}{unit}（{yuan}）"
        return Finding(message, table + [Evidence(text=note)], (name,))
    if evidence.how == "arithmetic":
        message = (
            f"{head}但只有按{unit}读取（{amount.raw}{unit}，{yuan}）时，表内“调整后预算数 = 当年预算数"
            f" − 调减金额 + 调增金额”才成立，应为{unit}"
        )
        return Finding(message, ctx.evidence_for(*IDENTITY_FIELDS), (name,))
    fact = evidence.fact
    assert fact is not None  # narrative and figure evidence always carry their fact
    if fact.value == amount.number and fact.unit == unit:
        message = f"{head}数值{amount.raw}与正文“{fact.snippet}”一致，应为{unit}（{yuan}）"
    else:
        message = f"{head}数值{amount.raw}按{unit}读取（{in_unit(fixed.yuan_value, unit)}）才与正文“{fact.snippet}”一致，应为{unit}"
    return Finding(message, table + ctx.fact_evidence(fact), (name,))
