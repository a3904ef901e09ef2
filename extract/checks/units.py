"""Unit inference and the `unit-mismatch` rule: which unit each table amount is really in.

Runs before every other rule (`run_checks` applies its result to the record first), so the
other rules compare amounts in the unit they are really in and a wrong (元) label is
reported once, here. Evidence, strongest first:

1. the narrative states the same quantity with a unit (`调整预算1.225万元` for 调整后预算数), and
   one unit reading of the printed figure equals it; a reading in the stated unit confirms
   the label (`581,000.00` (元) against `58.1万元` is consistent and never flagged);
2. any narrative `X万元` that repeats the printed figure exactly (the seed's 当年预算数 1.225
   against `调整预算1.225万元`; its own `年初预算58.1万元` matches no reading), unless that
   figure is another field's and that field already agrees with it as labelled;
3. the table's arithmetic: when 调整后 = 当年 − 调减 + 调增 (and 预算执行进度 = 执行数 ÷ 调整后
   × 100, where filled) fail as labelled but hold for exactly one reading with the fewest
   changes (only mixed readings can tell: the relations are blind to a common factor). Two
   equally small readings are told apart by magnitude (`min_plausible_amount_yuan`), the only
   use of magnitude;
4. the table's unit: amounts of one table and one label unit without evidence of their own
   follow the unit the other amounts were shown to be in, when that evidence is unanimous.
   The message says so at `info` severity (the seed's 事前绩效评估评审预算 84 (元) becomes
   84万元): the mislabelled column is reported, as errors, on the amounts that show it.

Magnitude alone (a budget of 1.225 元) never flags: it would flag too many small real figures.
Zero amounts are left as labelled and unflagged: 0 is 0 in any unit, and changing their
unit would set `unit_inferred` without a discrepancy to say why. Amounts with no stated unit
take the inferred unit with an `info` that says why (nothing was mislabelled, but
`unit_inferred` is true and the contract wants a reason beside it).
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
        else:
            findings[name] = _unstated_finding(ctx, name, amount, updates[name], evidence)
    if not updates:
        return ctx.record, {}
    fields = ctx.record.fields.model_copy(update=updates)
    return ctx.record.model_copy(update={"fields": fields}), findings


def _unstated_finding(
    ctx: CheckContext, name: str, amount: Amount, fixed: Amount, evidence: UnitEvidence
) -> Finding:
    """An amount whose label and cell name no unit: nothing was mislabelled, but the record
    says why it reads the figure in the unit the evidence shows (`info`)."""
    why = f"正文“{evidence.fact.snippet}”" if evidence.fact is not None else "表内其他金额的单位"
    message = (
        f"{label(name)}未标注单位；按{why}，数值{amount.raw}应读作{amount.raw}{evidence.unit}"
        f"（即{plain(fixed.yuan_value)}元）"
    )
    facts = ctx.fact_evidence(evidence.fact) if evidence.fact is not None else []
    return Finding(message, ctx.evidence_for(name) + facts, (name,), Severity.INFO)


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
    if number is None:
        return None
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
    figures = [f for f in ctx.narrative.amounts() if f.value == number and not _accounted(ctx, f, name)]
    for fact in figures:
        if fact.unit == current:
            return UnitEvidence(current, "figure", fact)
    return UnitEvidence(figures[0].unit, "figure", figures[0]) if figures else None


def _accounted(ctx: CheckContext, fact: Fact, name: str) -> bool:
    """True when `fact` states another field's figure and that field already agrees with it
    as labelled: then it is that field's figure, not evidence about `name`'s unit."""
    if fact.quantity in (None, name) or fact.quantity not in AMOUNT_FIELDS:
        return False
    other = ctx.yuan(fact.quantity)
    return other is not None and abs(other - fact.yuan) <= ctx.narrative_tolerance(fact)


def _arithmetic_evidence(
    ctx: CheckContext, amounts: dict[str, Amount], decided: dict[str, UnitEvidence]
) -> dict[str, UnitEvidence]:
    """Units that make the table's relations hold when the labels do not (fewest changes wins)."""
    relations = [r for r in (_identity_holds, _rate_holds) if r(ctx, {}) is not None]
    involved = {name for r in relations for name in RELATION_FIELDS[r.__name__]}
    free = [name for name in AMOUNT_FIELDS if name in involved and name in amounts and name not in decided]
    base = {name: decided[name].unit if name in decided else _current(a) for name, a in amounts.items()}
    if not free or all(r(ctx, base) for r in relations):
        return {}
    solutions: list[tuple[int, int, dict[str, str]]] = []
    for units in product(UNITS, repeat=len(free)):
        reading = base | dict(zip(free, units, strict=True))
        if all(r(ctx, reading) for r in relations):
            changes = sum(reading[n] != base[n] for n in free)
            solutions.append((changes, _implausible(ctx, amounts, reading), reading))
    if not solutions:
        return {}
    best_key = min((changes, implausible) for changes, implausible, _ in solutions)
    best = [reading for changes, implausible, reading in solutions if (changes, implausible) == best_key]
    if len(best) != 1:
        return {}
    return {n: UnitEvidence(best[0][n], "arithmetic") for n in free if best[0][n] != base[n]}


def _implausible(ctx: CheckContext, amounts: dict[str, Amount], units: dict[str, str]) -> int:
    """How many budget amounts a reading puts under the plausibility floor: a tie-breaker only."""
    floor = ctx.settings.min_plausible_amount_yuan
    return sum(1 for name, a in amounts.items()
               if name in units and (number := a.number) is not None and number * UNIT_FACTORS[units[name]] < floor)


def _value(ctx: CheckContext, name: str, units: dict[str, str]) -> Decimal | None:
    amount = ctx.amount(name)
    if amount is None or amount.number is None:
        return None
    return amount.number * UNIT_FACTORS[units.get(name, _current(amount))]


def _identity_holds(ctx: CheckContext, units: dict[str, str]) -> bool | None:
    """调整后 = 当年 − 调减 + 调增 under `units`; None when a term is missing."""
    annual, decrease, increase, adjusted = (_value(ctx, n, units) for n in IDENTITY_FIELDS)
    if annual is None or decrease is None or increase is None or adjusted is None:
        return None
    return abs(annual - decrease + increase - adjusted) <= ctx.settings.amount_tolerance_yuan


def _rate_holds(ctx: CheckContext, units: dict[str, str]) -> bool | None:
    """预算执行进度 = 执行数 ÷ 调整后预算数 × 100 under `units`; None when an input is missing."""
    pct, executed, adjusted = ctx.percent(), _value(ctx, "executed", units), _value(ctx, "adjusted_budget", units)
    if pct is None or executed is None or not adjusted:
        return None
    return abs(executed / adjusted * 100 - pct) <= ctx.settings.rate_tolerance_points


RELATION_FIELDS: dict[str, tuple[str, ...]] = {
    "_identity_holds": IDENTITY_FIELDS,
    "_rate_holds": ("executed", "adjusted_budget"),
}


def _table_evidence(
    ctx: CheckContext, amounts: dict[str, Amount], decided: dict[str, UnitEvidence]
) -> dict[str, UnitEvidence]:
    groups: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    for name, amount in amounts.items():
        entry = ctx.record.provenance.get(name)
        # Table cells group by their table; label/value lines (one cell per line) are one table.
        table = entry.block if entry is not None and entry.row is not None else None
        groups[(table, _current(amount))].append(name)
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
        # Informational: the fault is the other amounts' label, reported on them as errors.
        return Finding(message, table + [Evidence(text=note)], (name,), Severity.INFO)
    if evidence.how == "arithmetic":
        message = (
            f"{head}但只有按{unit}读取（{amount.raw}{unit}，{yuan}）时，表内金额关系（调整后预算数 = 当年预算数"
            f" − 调减金额 + 调增金额；预算执行进度 = 预算执行数 ÷ 调整后预算数 × 100）才成立，应为{unit}"
        )
        names = (*IDENTITY_FIELDS, "executed", "execution_progress_pct")
        return Finding(message, ctx.evidence_for(*names), (name,))
    fact = evidence.fact
    assert fact is not None  # narrative and figure evidence always carry their fact
    if fact.value == amount.number and fact.unit == unit:
        message = f"{head}数值{amount.raw}与正文“{fact.snippet}”一致，应为{unit}（{yuan}）"
    else:
        message = f"{head}数值{amount.raw}按{unit}读取（{in_unit(fixed.yuan_value, unit)}）才与正文“{fact.snippet}”一致，应为{unit}"
    return Finding(message, table + ctx.fact_evidence(fact), (name,))
