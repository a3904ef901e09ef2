"""Reading the monitoring form's amounts in the unit they are really in (a step after field parsing).

Deciding an amount's real unit is reading: the record leaves the parser with its amounts
final, and the `unit-mismatch` rule (`extract.checks.units`) only reports what was decided
here, so every rule compares amounts in the unit they are really in and a wrong (元) label
is reported once. Evidence, strongest first:

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
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from typing import Literal

from parsers.frozen_init import frozen_init
from parsers.narrative import Fact
from parsers.record_view import RecordView, Tolerances
from schemas.document import Document
from schemas.fields import AMOUNT_FIELDS, UNIT_FACTORS, Amount
from schemas.record import Record

UNITS: tuple[str, ...] = tuple(UNIT_FACTORS)
IDENTITY_FIELDS: tuple[str, ...] = ("annual_budget", "decrease", "increase", "adjusted_budget")
MONITORING = "monitoring"


@frozen_init
@dataclass(frozen=True)
class UnitEvidence:
    """Why an amount is read in `unit`."""

    unit: str
    how: Literal["narrative", "figure", "arithmetic", "table"]
    fact: Fact | None = None
    followed: tuple[str, ...] = ()


UnitDecisions = dict[str, tuple[Amount, UnitEvidence]]
"""Field name -> (the amount as labelled, the evidence of the unit it is really in)."""


def read_units(document: Document, record: Record, tolerances: Tolerances) -> Record:
    """`record` with each monitoring-form amount in the unit the evidence shows.

    Records of the family's forms are returned unchanged: their reading decides units itself."""
    return with_units(record, units_decided(document, record, tolerances))


def units_decided(document: Document, record: Record, tolerances: Tolerances) -> UnitDecisions:
    """What `read_units` decides for `record` as parsed (its amounts as labelled): the
    amounts it reads in another unit, each with its evidence; {} for the family's forms.

    The pipeline hands these decisions to the `unit-mismatch` rule, which reports them."""
    if (record.form.type or MONITORING) != MONITORING:
        return {}
    return decide_units(RecordView(document, record, tolerances))


def with_units(record: Record, decided: UnitDecisions) -> Record:
    """`record` with each amount of `decided` read in the unit its evidence shows."""
    if not decided:
        return record
    updates = {name: amount.in_unit(evidence.unit) for name, (amount, evidence) in decided.items()}
    fields = record.fields.model_copy(update=updates)
    return record.model_copy(update={"fields": fields})


def as_labelled(record: Record) -> Record:
    """`record` with every amount back in the unit its label (or cell) states: what field
    parsing read before `read_units` decided."""
    updates = {}
    for name in AMOUNT_FIELDS:
        amount = getattr(record.fields, name, None)
        if isinstance(amount, Amount) and amount.unit_inferred:
            updates[name] = amount.in_unit(amount.stated_unit or "元")
    if not updates:
        return record
    return record.model_copy(update={"fields": record.fields.model_copy(update=updates)})


def decide_units(view: RecordView) -> UnitDecisions:
    """Each amount whose evidence shows another unit than it is read in: (amount, evidence)."""
    amounts = {name: a for name in AMOUNT_FIELDS if (a := view.amount(name)) is not None and a.number}
    decided: dict[str, UnitEvidence] = {}
    for name, amount in amounts.items():
        evidence = _narrative_evidence(view, name, amount)
        if evidence is not None:
            decided[name] = evidence
    decided.update(_arithmetic_evidence(view, amounts, decided))
    decided.update(_table_evidence(view, amounts, decided))
    return {
        name: (amounts[name], evidence)
        for name in AMOUNT_FIELDS
        if (evidence := decided.get(name)) is not None and evidence.unit != current_unit(amounts[name])
    }


def current_unit(amount: Amount) -> str:
    return amount.unit or amount.stated_unit or "元"


def _same_quantity(ctx: RecordView, name: str) -> list[Fact]:
    facts = list(ctx.narrative.about(name))
    # 预算调整数 is 调减 + 调增: it states 调减 when 调增 is zero, and the other way round.
    other = {"decrease": "increase", "increase": "decrease"}.get(name)
    if other is not None and ctx.yuan(other) == 0:
        facts += ctx.narrative.about("adjustment_total")
    return facts


def _narrative_evidence(ctx: RecordView, name: str, amount: Amount) -> UnitEvidence | None:
    number, current = amount.number, current_unit(amount)
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


def _accounted(ctx: RecordView, fact: Fact, name: str) -> bool:
    """True when `fact` states another field's figure and that field already agrees with it
    as labelled: then it is that field's figure, not evidence about `name`'s unit."""
    if fact.quantity in (None, name) or fact.quantity not in AMOUNT_FIELDS:
        return False
    other = ctx.yuan(fact.quantity)
    return other is not None and abs(other - fact.yuan) <= ctx.narrative_tolerance(fact)


def _arithmetic_evidence(
    ctx: RecordView, amounts: dict[str, Amount], decided: dict[str, UnitEvidence]
) -> dict[str, UnitEvidence]:
    """Units that make the table's relations hold when the labels do not (fewest changes wins)."""
    relations = [r for r in (_identity_holds, _rate_holds) if r(ctx, {}) is not None]
    involved = {name for r in relations for name in RELATION_FIELDS[r.__name__]}
    free = [name for name in AMOUNT_FIELDS if name in involved and name in amounts and name not in decided]
    base = {name: decided[name].unit if name in decided else current_unit(a) for name, a in amounts.items()}
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


def _implausible(ctx: RecordView, amounts: dict[str, Amount], units: dict[str, str]) -> int:
    """How many budget amounts a reading puts under the plausibility floor: a tie-breaker only."""
    floor = ctx.settings.min_plausible_amount_yuan
    return sum(1 for name, a in amounts.items()
               if name in units and (number := a.number) is not None and number * UNIT_FACTORS[units[name]] < floor)


def _value(ctx: RecordView, name: str, units: dict[str, str]) -> Decimal | None:
    amount = ctx.amount(name)
    if amount is None or amount.number is None:
        return None
    return amount.number * UNIT_FACTORS[units.get(name, current_unit(amount))]


def _identity_holds(ctx: RecordView, units: dict[str, str]) -> bool | None:
    """调整后 = 当年 − 调减 + 调增 under `units`; None when a term is missing."""
    annual, decrease, increase, adjusted = (_value(ctx, n, units) for n in IDENTITY_FIELDS)
    if annual is None or decrease is None or increase is None or adjusted is None:
        return None
    return abs(annual - decrease + increase - adjusted) <= ctx.settings.amount_tolerance_yuan


def _rate_holds(ctx: RecordView, units: dict[str, str]) -> bool | None:
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
    ctx: RecordView, amounts: dict[str, Amount], decided: dict[str, UnitEvidence]
) -> dict[str, UnitEvidence]:
    groups: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    for name, amount in amounts.items():
        entry = ctx.record.provenance.get(name)
        # Table cells group by their table; label/value lines (one cell per line) are one table.
        table = entry.block if entry is not None and entry.row is not None else None
        groups[(table, current_unit(amount))].append(name)
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


