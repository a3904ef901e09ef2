"""Rules on the table's arithmetic: `budget-identity` and `execution-rate`.

Both read amounts after unit inference (`units.py`), compare in yuan, and skip silently
when an input is missing (`missing-field` reports absences). When the identity fails and a
figure the narrative states for one of its terms would satisfy it (the seed: 年初预算58.1万元
− 调减56.875万元 + 0 = 调整后1.225万元, while the table's 当年预算数 holds 1.225), the message
names that figure, and `narrative-mismatch` leaves that field to this rule (`identity_repair`),
so the one fault is reported once. `execution-rate` does the same with the narrative's
执行数 / 调整后预算 (`rate_repair`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from extract.checks.base import CheckContext, Finding, in_unit, label, plain, rule, show
from parsers.narrative import Fact
from schemas.discrepancy import Severity

IDENTITY_FIELDS: tuple[str, ...] = ("adjusted_budget", "annual_budget", "decrease", "increase")
EXECUTION_FIELDS: tuple[str, ...] = ("execution_progress_pct", "executed", "adjusted_budget")


@dataclass(frozen=True)
class IdentityRepair:
    """A narrative figure that, put in place of one table term, makes the identity hold."""

    field: str
    fact: Fact


def identity_gap(ctx: CheckContext, values: dict[str, Decimal] | None = None) -> Decimal | None:
    """当年 − 调减 + 调增 − 调整后, in yuan; None when a term is missing."""
    given = {name: ctx.yuan(name) for name in IDENTITY_FIELDS} | (values or {})
    terms = {name: value for name, value in given.items() if value is not None}
    if len(terms) < len(given):
        return None
    return terms["annual_budget"] - terms["decrease"] + terms["increase"] - terms["adjusted_budget"]


def identity_repair(ctx: CheckContext) -> IdentityRepair | None:
    """The narrative figure that repairs a failing identity, if exactly such a figure exists."""
    gap = identity_gap(ctx)
    if gap is None or abs(gap) <= ctx.settings.amount_tolerance_yuan:
        return None
    def holds(left: Decimal, fact: Fact) -> bool:
        return left <= ctx.narrative_tolerance(fact)

    return _first_repair(ctx, IDENTITY_FIELDS, identity_gap, holds)


@rule("budget-identity", Severity.ERROR, fields=IDENTITY_FIELDS)
def budget_identity(ctx: CheckContext) -> Iterator[Finding]:
    """调整后预算数 must equal 当年预算数 − 调减金额 + 调增金额 (in yuan, `amount_tolerance_yuan`)."""
    gap = identity_gap(ctx)
    if gap is None or abs(gap) <= ctx.settings.amount_tolerance_yuan:
        return
    adjusted = ctx.amount("adjusted_budget")
    if adjusted is None or adjusted.yuan_value is None:
        return  # identity_gap found every term
    unit = adjusted.unit or "元"
    expected = adjusted.yuan_value + gap
    a, d, i, adj = (show(ctx.amount(n)) for n in ("annual_budget", "decrease", "increase", "adjusted_budget"))
    message = (
        f"调整后预算数{adj}与当年预算数{a} − 调减金额{d} + 调增金额{i} = {in_unit(expected, unit)}不符"
        f"（相差{in_unit(abs(gap), unit)}）"
    )
    evidence = ctx.evidence_for("annual_budget", "decrease", "increase", "adjusted_budget")
    repair = identity_repair(ctx)
    if repair is not None:
        message += (
            f"；若按正文“{repair.fact.snippet}”作为{label(repair.field)}，等式成立，"
            f"表中{label(repair.field)}{show(ctx.amount(repair.field))}应为{in_unit(repair.fact.yuan, unit)}"
        )
        evidence += ctx.fact_evidence(repair.fact)
    yield Finding(message, evidence)


def _rate_gap(ctx: CheckContext, values: dict[str, Decimal] | None = None) -> Decimal | None:
    """预算执行进度 − 执行数 ÷ 调整后预算数 × 100, in points; None when an input is missing."""
    terms = {n: ctx.yuan(n) for n in ("executed", "adjusted_budget")} | (values or {})
    pct = ctx.percent()
    if pct is None or terms["executed"] is None or not terms["adjusted_budget"]:
        return None
    return pct - terms["executed"] / terms["adjusted_budget"] * 100


def execution_gap(ctx: CheckContext) -> Decimal | None:
    """预算执行进度 − 执行数 ÷ 调整后预算数 × 100 as the table states them, when it fails."""
    gap = _rate_gap(ctx)
    return gap if gap is not None and abs(gap) > ctx.settings.rate_tolerance_points else None


def rate_repair(ctx: CheckContext) -> IdentityRepair | None:
    """The narrative 执行数 (or 调整后预算) that makes a failing execution rate hold, if any."""
    if execution_gap(ctx) is None:
        return None
    tolerance = ctx.settings.rate_tolerance_points
    return _first_repair(ctx, ("executed", "adjusted_budget"), _rate_gap, lambda left, fact: left <= tolerance)


def _first_repair(
    ctx: CheckContext,
    names: tuple[str, ...],
    gap: Callable[[CheckContext, dict[str, Decimal]], Decimal | None],
    holds: Callable[[Decimal, Fact], bool],
) -> IdentityRepair | None:
    """The first narrative figure that, put in place of one of `names`, makes `gap` hold."""
    for name in names:
        for fact in ctx.narrative.about(name):
            left = gap(ctx, {name: fact.yuan})
            if left is not None and holds(abs(left), fact):
                return IdentityRepair(name, fact)
    return None


def repaired_fields(ctx: CheckContext) -> set[str]:
    """Fields whose narrative figure a failing table relation already names (see module doc)."""
    return {r.field for r in (identity_repair(ctx), rate_repair(ctx)) if r is not None}


@rule("execution-rate", Severity.ERROR, fields=EXECUTION_FIELDS)
def execution_rate(ctx: CheckContext) -> Iterator[Finding]:
    """预算执行进度 must equal 预算执行数 ÷ 调整后预算数 × 100 within `rate_tolerance_points`."""
    gap = _rate_gap(ctx)
    if gap is None or abs(gap) <= ctx.settings.rate_tolerance_points:
        return
    pct = ctx.percent()
    if pct is None:
        return  # _rate_gap found the rate
    expected = pct - gap
    message = (
        f"预算执行进度{plain(pct)}%与预算执行数{show(ctx.amount('executed'))} ÷ 调整后预算数"
        f"{show(ctx.amount('adjusted_budget'))} × 100 = {expected:.2f}%不符"
        f"（相差{abs(pct - expected):.2f}个百分点，容差{plain(ctx.settings.rate_tolerance_points)}）"
    )
    evidence = ctx.evidence_for(*EXECUTION_FIELDS)
    repair = rate_repair(ctx)
    if repair is not None:
        message += (
            f"；若按正文“{repair.fact.snippet}”作为{label(repair.field)}，执行进度相符，"
            f"表中{label(repair.field)}{show(ctx.amount(repair.field))}疑有误"
        )
        evidence += ctx.fact_evidence(repair.fact)
    yield Finding(message, evidence)
