"""Rules on the narrative's figures: `narrative-mismatch` and `text-arithmetic`.

The figures come from `parsers.narrative` (a figure counts as a statement about a quantity
only when its keyword stands right before it); figures its sentence sets apart (上年, 计划,
其中, another year) are not statements about the table (`CheckContext.narrative`).
Comparisons allow the rounding of the figure as printed (`narrative_allows_rounding`).

The two rules split the narrative's contradictions: `narrative-mismatch` compares each
figure with the table, `text-arithmetic` the narrative's rates and expressions with the
narrative's (or, where it names none, the table's) own amounts. A figure that a failing
table relation already names is left to that rule (`amounts.repaired_fields`, and a stated
执行率 equal to 执行数 ÷ 调整后预算数 while 预算执行进度 is off). A stated 执行率 that disagrees
with the table *and* with its own sentence's figures is reported by both: the two
contradictions are distinct, and the reviewer sees both. A rate that agrees with the table
is never a text-arithmetic fault: if its own figures disagree, one of them contradicts the
table and narrative-mismatch names it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from extract.checks.amounts import execution_gap, repaired_fields
from extract.checks.base import CheckContext, Finding, in_unit, label, plain, rule, show
from parsers.narrative import Expression, Fact
from schemas.discrepancy import Evidence, Severity

COMPARED: tuple[str, ...] = ("annual_budget", "adjusted_budget", "decrease", "increase", "executed")


def _first_off(ctx: CheckContext, facts: list[Fact], value: Decimal) -> Fact | None:
    return next((f for f in facts if abs(f.yuan - value) > ctx.narrative_tolerance(f)), None)


@rule("narrative-mismatch", Severity.ERROR, fields=(*COMPARED, "execution_progress_pct"))
def narrative_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """A figure the narrative states for a quantity of the table has another value there.

    年初/当年/全年预算 vs 当年预算数, 调整后预算 vs 调整后预算数, 调减/调增, 预算调整数 vs 调减+调增,
    实际支出/已支付/执行数 vs 预算执行数, 执行率/执行进度/占调整后预算的% vs 预算执行进度. Every
    statement is compared; the first that differs is reported, once per quantity.
    """
    repaired = repaired_fields(ctx)
    for name in COMPARED:
        if name not in repaired:
            yield from _compare(ctx, name, ctx.narrative.about(name), ctx.yuan(name), (name,))
    if not repaired & {"decrease", "increase"}:
        decrease, increase = ctx.yuan("decrease"), ctx.yuan("increase")
        total = decrease + increase if decrease is not None and increase is not None else None
        yield from _compare(ctx, "adjustment_total", ctx.narrative.about("adjustment_total"), total, ("decrease", "increase"))
    yield from _compare_rate(ctx)


def _compare(ctx: CheckContext, quantity: str, facts: list[Fact], table: Decimal | None, names: tuple[str, ...]) -> Iterator[Finding]:
    fact = _first_off(ctx, facts, table) if table is not None else None
    if fact is None:
        return
    if quantity == "adjustment_total":
        table_text = f"调减金额{show(ctx.amount('decrease'))} + 调增金额{show(ctx.amount('increase'))}"
    else:
        table_text = f"{label(quantity)}{show(ctx.amount(quantity))}"
    first = ctx.amount(names[0])
    unit = (first.unit if first is not None else None) or "元"
    assert table is not None  # _first_off found a fact only for a table figure
    message = (
        f"正文“{fact.snippet}”与表中{table_text}（{in_unit(table, unit)}）不符，"
        f"相差{in_unit(abs(fact.yuan - table), unit)}；二者应为同一数值，请核对"
    )
    yield Finding(message, ctx.evidence_for(*names) + ctx.fact_evidence(fact), names)


def _compare_rate(ctx: CheckContext) -> Iterator[Finding]:
    pct = ctx.percent()
    fact = _first_off(ctx, ctx.narrative.about("execution_rate"), pct) if pct is not None else None
    if fact is None or pct is None:
        return
    gap = execution_gap(ctx)
    if gap is not None and abs(pct - gap - fact.value) <= ctx.narrative_tolerance(fact):
        return  # the narrative gives 执行数 ÷ 调整后预算数: execution-rate reports the table's rate
    message = f"正文“{fact.snippet}”与表中预算执行进度{plain(pct)}%不符；二者应一致，请核对"
    yield Finding(message, ctx.evidence_for("execution_progress_pct") + ctx.fact_evidence(fact), ("execution_progress_pct",))


# -- text-arithmetic -------------------------------------------------------------------------
def _nearest(facts: list[Fact], target: Fact) -> Fact | None:
    """The fact closest before `target` (else the closest after): the same sentence's figure."""
    if not facts:
        return None
    return min(facts, key=lambda f: (f.order > target.order, abs(f.order - target.order)))


def _expression_holds(expression: Expression) -> bool:
    """The stated result is the computed one rounded or truncated to its printed digits; `=97.89%`
    may be written for a ratio (0.9789) or for ×100 (97.89)."""
    if expression.computed is None:
        return True  # nothing computed: nothing to contradict
    ulp = Decimal(1).scaleb(-expression.decimals)
    candidates = [expression.computed] + ([expression.computed * 100] if expression.unit == "%" else [])
    return any(abs(c - expression.stated) <= ulp / 2 or Decimal(0) <= abs(c) - abs(expression.stated) < ulp for c in candidates)


class _Figure:
    """A value for a rate's input: the narrative's statement near the rate, else the table's."""

    def __init__(self, ctx: CheckContext, rate: Fact, quantity: str, table: Decimal | None = None) -> None:
        self.fact = _nearest(ctx.narrative.about(quantity), rate)
        if table is None and quantity in COMPARED:
            table = ctx.yuan(quantity)
        self.value = self.fact.yuan if self.fact else table
        self.text = f"“{self.fact.snippet}”" if self.fact else (f"表中{label(quantity)}" if self.value is not None else "")


def _candidates(ctx: CheckContext, rate: Fact) -> list[tuple[_Figure, _Figure, str]]:
    """(numerator, denominator, formula) readings the rate may be stated in."""
    executed = _Figure(ctx, rate, "executed")
    annual, adjusted = _Figure(ctx, rate, "annual_budget"), _Figure(ctx, rate, "adjusted_budget")
    if rate.quantity == "adjustment_rate":
        change = _Figure(ctx, rate, "adjustment_total")
        if change.fact is None:
            parts = [f for f in (_Figure(ctx, rate, q) for q in ("decrease", "increase")) if f.value]
            change.value = sum((p.value for p in parts if p.value), Decimal(0)) if parts else None
            change.text = "、".join(p.text for p in parts)
        if change.value is None and annual.value is not None and adjusted.value is not None:
            change.value, change.text = abs(annual.value - adjusted.value), f"{annual.text}、{adjusted.text}"
        return [(change, annual, "预算调整数 ÷ 年初预算 × 100")]
    if rate.quantity == "execution_rate":
        return [(executed, adjusted, "实际支出 ÷ 调整后预算 × 100")]
    return [(executed, annual, "实际支出 ÷ 年初预算 × 100")]


@rule("text-arithmetic", Severity.ERROR, fields=())
def text_arithmetic(ctx: CheckContext) -> Iterator[Finding]:
    """A figure in the narrative must compute: expressions (`2.45*50%=1.225万元`), 预算调整率,
    预算执行率 and `占年初预算的X%` against the amounts stated nearest to them."""
    for expression in ctx.narrative.expressions:
        if expression.computed is not None and not _expression_holds(expression):
            message = f"正文算式“{expression.text}”计算有误：左边计算结果为{plain(expression.computed)}，而非{plain(expression.stated)}"
            yield Finding(message, [Evidence(text=expression.text, location=expression.location)])
    pct = ctx.percent()
    for rate in ctx.narrative.facts:
        if rate.kind != "rate" or rate.is_bound or rate.quantity not in RATES:
            continue
        tolerance = ctx.narrative_tolerance(rate)
        if rate.quantity == "execution_rate" and pct is not None and abs(rate.value - pct) <= tolerance:
            continue  # agrees with the table; a wrong input figure is narrative-mismatch's
        readings = [(n, d, f, n.value / d.value * 100) for n, d, f in _candidates(ctx, rate)
                    if n.value is not None and d.value]
        if rate.quantity != "adjustment_rate" and not any(n.fact for n, _, _, _ in readings):
            continue  # no amount of its own: only the table contradicts it (narrative-mismatch)
        if not readings or any(abs(ratio - rate.value) <= tolerance for _, _, _, ratio in readings):
            continue
        numerator, denominator, formula, expected = readings[0]
        message = (
            f"正文“{rate.snippet}”计算不符：按{numerator.text}与{denominator.text}，{formula} = {expected:.2f}%，"
            f"而非{plain(rate.value)}%"
        )
        facts = [f for f in (numerator.fact, denominator.fact) if f is not None]
        yield Finding(message, ctx.fact_evidence(rate, *facts))


RATES = ("adjustment_rate", "execution_rate", "execution_share_of_annual")
