"""The form family's funds block: `funds-sum`, `execution-rate` and `unit-mismatch`.

Amounts are read as the parser left them (reading decides units on these forms; these
rules report, never rewrite). `funds-sum` compares the total row with the sum of every
printed component row (blanks as 0) column by column, allowing the rounding of the figures
as printed; a target declaration's rows hold their total and parts side by side.
`execution-rate` recomputes each row's printed 执行率 from its amounts. `unit-mismatch`
finds magnitude faults: a figure that, in the unit its column states, is larger than any
project (`max_plausible_yuan`: 145000000.00 万元; reading, `parsers.funds_units`, has read
it in the one smaller unit that fits, when one does, and the finding says so), and a table
figure that equals the narrative's figure for the same quantity only after multiplying by a
unit factor.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from extract.checks.base import CheckContext, Finding, plain, rule
from extract.checks.forms import half_ulp, key, label, number, rows, show_amount, yuan
from schemas.discrepancy import Severity
from schemas.fields import UNIT_FACTORS, Amount

FAMILY = ("self_evaluation", "execution_monitoring", "target_declaration")
AMOUNT_COLUMNS = ("initial_budget", "annual_budget", "executed")
"""Columns of a funds row that hold amounts (and so add up across rows)."""
PART_COLUMNS = ("fiscal", "other")
"""A target declaration's row: 资金总额 = 其中：财政拨款 + 其他资金."""
NARRATIVE_QUANTITY: dict[str, tuple[str, ...]] = {
    "executed": ("executed",),
    "annual_budget": ("initial_budget", "annual_budget"),
}
"""Narrative quantity (parsers.narrative_terms) -> the total row's columns it may state:
执行数 the 全年执行数; 年初/全年预算 the 年初预算数 or the 全年预算数."""


class FundsSumOptions(BaseModel):
    """funds-sum's settings."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    tolerance_yuan: Decimal = Decimal("1.00")
    """Allowed on top of the rounding of the printed figures."""


class UnitOptions(BaseModel):
    """unit-mismatch's settings on the family's forms."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    max_plausible_yuan: Decimal = Decimal(100000000000)
    """A project amount above this (1000亿元) is taken for a figure written in a smaller unit."""


def _precision(amount: Amount) -> Decimal:
    """Half a unit of the amount's last printed digit, in yuan (a printed 0 is exact)."""
    if not amount.yuan_value:
        return Decimal(0)
    return half_ulp(amount.raw.replace(",", "").rstrip("元万亿")) * UNIT_FACTORS.get(amount.unit or "元", Decimal(1))


@rule("funds-sum", Severity.ERROR, fields=("funds",), forms=FAMILY, options=FundsSumOptions)
def funds_sum(ctx: CheckContext) -> Iterator[Finding]:
    """The total row must equal the sum of its printed component rows in every amount column
    (年度资金总额 = 财政拨款 + 上年结转 + 其他资金 + any other line; blanks count 0), beyond the
    rounding of the printed figures. A column holding an implausibly large figure is left to
    `unit-mismatch`."""
    funds = getattr(ctx.record.fields, "funds", None)
    if funds is None:
        return
    tolerance = ctx.options("funds-sum").tolerance_yuan
    # unit-mismatch reports the columns still implausible as read (reading found no one unit)
    implausible = {k for k, _, _ in oversized(ctx) if not _read_in_another_unit(ctx, k)}
    if ctx.form_type == "target_declaration":
        for period in ("medium_term", "annual"):
            row = getattr(funds, period)
            if row is not None:
                parts = [(key("funds", period, c), getattr(row, c)) for c in PART_COLUMNS]
                if not implausible & {key("funds", period, "total"), *(k for k, _ in parts)}:
                    yield from _sum(ctx, key("funds", period, "total"), row.total, parts, tolerance)
        return
    printed = [(k, r) for k, r in rows(funds) if k != "funds.total"]
    total = getattr(funds, "total", None)
    if total is None or not printed:
        return
    for column in AMOUNT_COLUMNS:
        if column in type(total).model_fields:
            parts = [(key(k, column), getattr(r, column, None)) for k, r in printed]
            if not implausible & {key("funds.total", column), *(k for k, _ in parts)}:
                yield from _sum(ctx, key("funds.total", column), getattr(total, column), parts, tolerance)


def _sum(ctx: CheckContext, total_key: str, total: Amount | None, parts: list[tuple[str, Amount | None]],
         tolerance: Decimal) -> Iterator[Finding]:
    shown = [(k, a) for k, a in parts if yuan(a) is not None]
    if yuan(total) is None or not shown:
        return
    assert total is not None
    parts_sum = sum((yuan(a) or Decimal(0) for _, a in shown), Decimal(0))
    allowed = tolerance + _precision(total) + sum((_precision(a) for _, a in shown if a is not None), Decimal(0))
    gap = (yuan(total) or Decimal(0)) - parts_sum
    if abs(gap) <= allowed:
        return
    unit = total.unit or "元"
    factor = UNIT_FACTORS.get(unit, Decimal(1))
    terms = " + ".join(f"{label(ctx, k)}{show_amount(a)}" for k, a in shown if a is not None)
    message = (
        f"{label(ctx, total_key)}{show_amount(total)}与各分项之和（{terms} = {plain(parts_sum / factor)}{unit}）不符，"
        f"相差{plain(abs(gap) / factor)}{unit}；请核对合计行或分项金额"
    )
    keys = (total_key, *(k for k, _ in shown))
    yield Finding(message, ctx.evidence_for(*keys), keys)


@rule("execution-rate", Severity.ERROR, fields=("funds",), forms=("self_evaluation", "execution_monitoring"))
def execution_rate(ctx: CheckContext) -> Iterator[Finding]:
    """Each funds row's printed 执行率 must equal 执行数 ÷ 全年预算数 (else 年初预算数) × 100 within
    `rate_tolerance_points`; a rate capped at 100% beside an overspent budget is no fault."""
    tolerance = ctx.settings.rate_tolerance_points
    for row_key, row in rows(getattr(ctx.record.fields, "funds", None)):
        rate = number(getattr(row, "rate_pct", None))
        executed = yuan(getattr(row, "executed", None))
        base_column = "annual_budget" if yuan(getattr(row, "annual_budget", None)) else "initial_budget"
        base = yuan(getattr(row, base_column, None))
        if rate is None or executed is None or not base:
            continue
        expected = executed / base * 100
        if abs(rate - expected) <= tolerance or (rate == 100 and expected > 100):
            continue
        rate_key, executed_key, base_key = key(row_key, "rate_pct"), key(row_key, "executed"), key(row_key, base_column)
        message = (
            f"{label(ctx, rate_key)}{plain(rate)}%与{label(ctx, executed_key)}{show_amount(row.executed)} ÷ "  # type: ignore[attr-defined]
            f"{label(ctx, base_key)}{show_amount(getattr(row, base_column))} × 100 = {expected:.2f}%不符"
            f"（相差{abs(rate - expected):.2f}个百分点，容差{plain(tolerance)}）"
        )
        keys = (rate_key, executed_key, base_key)
        yield Finding(message, ctx.evidence_for(*keys), keys)


def _amounts(ctx: CheckContext) -> Iterator[tuple[str, Amount]]:
    """(dotted key, amount) of every printed amount of the funds block."""
    funds = getattr(ctx.record.fields, "funds", None)
    for row_key, row in rows(funds):
        for column in type(row).model_fields:
            value = getattr(row, column)
            if isinstance(value, Amount) and value.yuan is not None:
                yield key(row_key, column), value


def labelled(amount: Amount) -> Amount:
    """`amount` in the unit its header or cell states: as printed, before reading decided
    its unit from its size (`parsers.funds_units`)."""
    return amount.in_unit(amount.stated_unit or "元") if amount.unit_inferred else amount


def oversized(ctx: CheckContext) -> list[tuple[str, Amount, Decimal]]:
    """(key, amount as labelled, yuan as labelled) of the funds amounts beyond
    `max_plausible_yuan` in the unit larger than 元 their label states."""
    ceiling = ctx.options("unit-mismatch").max_plausible_yuan
    return [(k, shown, v) for k, a in _amounts(ctx) if (v := yuan(shown := labelled(a))) is not None
            and v > ceiling and (shown.unit or "元") != "元"]


@rule("unit-mismatch", Severity.ERROR, fields=("funds",), forms=FAMILY, options=UnitOptions)
def unit_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """An amount whose size contradicts its unit: beyond any project in the unit its column
    states (a 万元 column of yuan-sized figures), or equal to the narrative's figure for the same
    quantity only after a unit factor (a table in 万元 whose narrative in 元 agrees is no fault)."""
    ceiling = ctx.options("unit-mismatch").max_plausible_yuan
    huge = oversized(ctx)
    if huge:
        unit = huge[0][1].unit or "元"
        shown = "、".join(f"{label(ctx, k)}{show_amount(a)}" for k, a, _ in huge)
        read = {_amount_at(ctx, k).unit for k, _, _ in huge}  # type: ignore[union-attr]
        decided = read.pop() if len(read) == 1 and all(_read_in_another_unit(ctx, k) for k, _, _ in huge) else None
        verdict = (f"数值应为以{decided}填写，已按{decided}读取（{label(ctx, huge[0][0])}即"
                   f"{plain(yuan(_amount_at(ctx, huge[0][0])) or Decimal(0))}元），请核对单位"
                   if decided else "数值疑为以更小单位填写，请核对单位")
        message = (
            f"{shown}按“{unit}”读取为{plain(huge[0][2] / UNIT_FACTORS['亿元'])}亿元，远超项目资金的合理规模"
            f"（上限{plain(ceiling / UNIT_FACTORS['亿元'])}亿元）；{verdict}"
        )
        keys = tuple(k for k, _, _ in huge)
        yield Finding(message, ctx.evidence_for(*keys), keys)
    flagged = set(keys) if huge else set()
    total = getattr(getattr(ctx.record.fields, "funds", None), "total", None)
    for quantity, columns in NARRATIVE_QUANTITY.items():
        cells = [(key("funds.total", c), a) for c in columns
                 if isinstance(a := getattr(total, c, None), Amount) and a.yuan_value and key("funds.total", c) not in flagged]
        yield from _narrative_factor(ctx, cells, quantity)


def _amount_at(ctx: CheckContext, dotted: str) -> Amount | None:
    return dict(_amounts(ctx)).get(dotted)


def _read_in_another_unit(ctx: CheckContext, dotted: str) -> bool:
    amount = _amount_at(ctx, dotted)
    return amount is not None and amount.unit_inferred


def _narrative_factor(ctx: CheckContext, cells: list[tuple[str, Amount]], quantity: str) -> Iterator[Finding]:
    """A finding for the first narrative figure of `quantity` that agrees with none of `cells`
    as read but with one of them read in another unit."""
    for fact in ctx.narrative.about(quantity):
        if any(abs(fact.yuan - (yuan(a) or 0)) <= ctx.narrative_tolerance(fact) for _, a in cells):
            continue  # the narrative agrees (in whatever unit it writes)
        for dotted, amount in cells:
            unit = amount.unit or "元"
            for other, factor in UNIT_FACTORS.items():
                if other == unit or amount.number is None:
                    continue
                if abs(amount.number * factor - fact.yuan) <= ctx.narrative_tolerance(fact):
                    ratio = max(UNIT_FACTORS[unit], factor) / min(UNIT_FACTORS[unit], factor)
                    message = (
                        f"{label(ctx, dotted)}{show_amount(amount)}（即{plain(yuan(amount) or Decimal(0))}元）与正文“{fact.snippet}”"
                        f"相差{plain(ratio)}倍，按{other}读取才一致；表中单位“{unit}”疑有误，请核对"
                    )
                    yield Finding(message, ctx.evidence_for(dotted) + ctx.fact_evidence(fact), (dotted,))
                    return
