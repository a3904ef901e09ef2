"""Rules on the narrative: `narrative-mismatch`, `conclusion-rate` and `text-arithmetic`.

The narrative's figures come from `parsers.narrative` (a figure counts as a statement about a
quantity only when its keyword stands right before it). Comparisons allow the rounding of
the figure as printed (`CheckSettings.narrative_allows_rounding`). The category thresholds
of `conclusion-rate` are read from the conclusion's own explanation (`运行正常（执行率和目标
完成度均在75%以上）`); `CheckSettings.normal_threshold_pct` applies only where none is named.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex

from extract.checks.amounts import repaired_fields
from extract.checks.base import CheckContext, Finding, in_unit, label, plain, rule, show
from parsers.narrative import Expression, Fact
from schemas.discrepancy import Evidence, Severity

COMPARED: tuple[str, ...] = ("annual_budget", "adjusted_budget", "decrease", "increase", "executed")
NORMAL = "运行正常"

_CATEGORY = regex.compile(r"^\s*[:：]?\s*(运行[^\s（(，,。；;:：]*)")
_LOWER = regex.compile(r"(?:(?:不低于|不少于|达到|≥|>=|>)\s*(\d+(?:\.\d+)?)\s*%)|(?:(\d+(?:\.\d+)?)\s*%\s*(?:（含）)?(?:及)?以上)")
_UPPER = regex.compile(r"(?:(?:低于|不足|小于|未达到|<|≤|<=)\s*(\d+(?:\.\d+)?)\s*%)|(?:(\d+(?:\.\d+)?)\s*%\s*(?:（含）)?(?:及)?以下)")
_RANGE = regex.compile(r"(\d+(?:\.\d+)?)\s*%?\s*[-~～—至到]\s*(\d+(?:\.\d+)?)\s*%")
_EITHER = regex.compile(r"执行率[^（）()%]{0,6}或|或[^（）()%]{0,6}执行率")


@rule("narrative-mismatch", Severity.ERROR, fields=(*COMPARED, "execution_progress_pct"))
def narrative_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """The narrative states a different value for a quantity of the table.

    年初/当年预算 vs 当年预算数, 调整(后)预算 vs 调整后预算数, 调减/调增, 预算调整数 vs 调减+调增,
    实际支出/执行数 vs 预算执行数, 预算执行率/执行进度 vs 预算执行进度. A field whose narrative
    figure would repair a failing budget identity or execution rate is left to that rule, and a
    narrative rate that its own figures contradict (while they agree with the table) is left
    to `text-arithmetic`.
    """
    repaired = repaired_fields(ctx)
    for name in COMPARED:
        if name not in repaired:
            yield from _compare(ctx, name, ctx.narrative.about(name), ctx.yuan(name), (name,))
    if not repaired & {"decrease", "increase"}:
        decrease, increase = ctx.yuan("decrease"), ctx.yuan("increase")
        total = decrease + increase if decrease is not None and increase is not None else None
        facts = ctx.narrative.about("adjustment_total")
        yield from _compare(ctx, "adjustment_total", facts, total, ("decrease", "increase"))
    yield from _compare_rate(ctx)


def _compare(ctx: CheckContext, quantity: str, facts: list[Fact], table: Decimal | None, names: tuple[str, ...]) -> Iterator[Finding]:
    if table is None or not facts:
        return
    if any(abs(fact.yuan - table) <= ctx.narrative_tolerance(fact) for fact in facts):
        return
    fact = facts[0]
    if quantity == "adjustment_total":
        table_text = f"调减金额{show(ctx.amount('decrease'))} + 调增金额{show(ctx.amount('increase'))}"
    else:
        table_text = f"{label(quantity)}{show(ctx.amount(quantity))}"
    unit = ctx.amount(names[0]).unit or "元"
    message = (
        f"正文“{fact.snippet}”与表中{table_text}（{in_unit(table, unit)}）不符，"
        f"相差{in_unit(abs(fact.yuan - table), unit)}；二者应为同一数值，请核对"
    )
    yield Finding(message, ctx.evidence_for(*names) + ctx.fact_evidence(fact), names)


def _compare_rate(ctx: CheckContext) -> Iterator[Finding]:
    pct, facts = ctx.percent(), ctx.narrative.about("execution_rate")
    if pct is None or not facts:
        return
    if any(abs(fact.value - pct) <= ctx.narrative_tolerance(fact) for fact in facts):
        return
    fact = facts[0]
    inputs = _rate_inputs(ctx, fact)
    if inputs is not None and inputs[1] and abs(inputs[0] / inputs[1] * 100 - pct) <= ctx.narrative_tolerance(fact):
        return  # the narrative's own figures give the table's rate: text-arithmetic reports it
    message = f"正文“{fact.snippet}”与表中预算执行进度{plain(pct)}%不符；二者应一致，请核对"
    yield Finding(message, ctx.evidence_for("execution_progress_pct") + ctx.fact_evidence(fact), ("execution_progress_pct",))


# -- conclusion-rate -------------------------------------------------------------------------
@dataclass(frozen=True)
class Threshold:
    """The execution rates a conclusion category allows, as its explanation states them."""

    low: Decimal | None
    high: Decimal | None
    source: str

    def admits(self, rate: Decimal) -> bool:
        """Bounds are inclusive: a rate on the line never contradicts the category."""
        return (self.low is None or rate >= self.low) and (self.high is None or rate <= self.high)

    def describe(self) -> str:
        """The allowed range in words."""
        if self.low is not None and self.high is not None:
            return f"执行率在{plain(self.low)}%至{plain(self.high)}%之间"
        if self.low is not None:
            return f"执行率不低于{plain(self.low)}%"
        return f"执行率不高于{plain(self.high)}%"


def conclusion_text(ctx: CheckContext) -> tuple[str, list[Evidence]] | None:
    """The conclusion as written (category and explanation) with its evidence line."""
    for section in ctx.record.sections:
        if "阶段性跟踪结论" in section.heading:
            text = "\n".join([section.text] + [s.heading + "\n" + s.text for s in section.subsections]).strip()
            if text:
                return text, ctx.line_evidence(text.splitlines()[0]) or ctx.evidence_for("stage_conclusion")
    category = ctx.record.fields.stage_conclusion
    if category:
        evidence = ctx.line_evidence(category) or ctx.evidence_for("stage_conclusion")
        return (evidence[0].text if evidence else category), evidence
    return None


def threshold_of(category: str, explanation: str, settings_normal: Decimal) -> Threshold | None:
    """The execution-rate range `category` requires, or None when the rate alone cannot refute it."""
    bounds = _bounds(explanation)
    if bounds is not None:
        if "执行率" not in explanation or _EITHER.search(explanation):
            return None  # the bound is on 目标完成度, or 执行率 *or* 完成度 may satisfy it
        return Threshold(bounds[0], bounds[1], f"说明“{explanation}”")
    if category == NORMAL:
        return Threshold(settings_normal, None, f"运行正常默认标准（normal_threshold_pct={plain(settings_normal)}）")
    return None


def _bounds(text: str) -> tuple[Decimal | None, Decimal | None] | None:
    if match := _RANGE.search(text):
        return Decimal(match.group(1)), Decimal(match.group(2))
    low = next((Decimal(g) for m in _LOWER.finditer(text) for g in m.groups() if g), None)
    high = next((Decimal(g) for m in _UPPER.finditer(text) for g in m.groups() if g), None)
    return None if low is None and high is None else (low, high)


@rule("conclusion-rate", Severity.ERROR, fields=("stage_conclusion", "execution_progress_pct"))
def conclusion_rate(ctx: CheckContext) -> Iterator[Finding]:
    """The stage conclusion's category must fit the execution rate by the thresholds it states."""
    found = conclusion_text(ctx)
    rate = ctx.percent()
    if rate is None and ctx.yuan("executed") is not None and ctx.yuan("adjusted_budget"):
        rate = ctx.yuan("executed") / ctx.yuan("adjusted_budget") * 100
    if found is None or rate is None:
        return
    text, evidence = found
    match = _CATEGORY.match(text)
    category = ctx.record.fields.stage_conclusion or (match.group(1) if match else None)
    if not category:
        return
    explanation = text[text.find(category) + len(category):] if category in text else ""
    threshold = threshold_of(category, explanation, ctx.settings.normal_threshold_pct)
    if threshold is None or threshold.admits(rate):
        return
    message = (
        f"阶段性跟踪结论为“{category}”，按{threshold.source}要求{threshold.describe()}，"
        f"但预算执行进度为{rate:.2f}%；结论类别与执行率不符"
    )
    yield Finding(message, evidence + ctx.evidence_for("execution_progress_pct"))


# -- text-arithmetic -------------------------------------------------------------------------
def _nearest(facts: list[Fact], target: Fact) -> Fact | None:
    """The fact closest before `target` (else the closest after): the same sentence's figure."""
    if not facts:
        return None
    return min(facts, key=lambda f: (f.order > target.order, abs(f.order - target.order)))


def _expression_holds(expression: Expression) -> bool:
    """Within one unit of the result's last printed digit (rounded or truncated); `=97.89%` may
    be written for a ratio (0.9789) or for ×100 (97.89)."""
    computed, stated = expression.computed, expression.stated
    ulp = Decimal(1).scaleb(-expression.decimals)
    if abs(computed - stated) <= ulp:
        return True
    return expression.unit == "%" and abs(computed - stated / 100) <= ulp / 100


def _adjustment_parts(ctx: CheckContext, rate: Fact) -> tuple[Decimal, list[Fact]] | None:
    total = _nearest(ctx.narrative.about("adjustment_total"), rate)
    if total is not None:
        return total.yuan, [total]
    parts = [f for f in (_nearest(ctx.narrative.about(q), rate) for q in ("decrease", "increase")) if f]
    if parts:
        return sum((f.yuan for f in parts), Decimal(0)), parts
    annual, adjusted = (_nearest(ctx.narrative.about(q), rate) for q in ("annual_budget", "adjusted_budget"))
    if annual is not None and adjusted is not None:
        return abs(annual.yuan - adjusted.yuan), [annual, adjusted]
    return None


def _rate_inputs(ctx: CheckContext, rate: Fact) -> tuple[Decimal, Decimal, list[Fact], str] | None:
    """Numerator, denominator (yuan), the facts used and the formula, from the narrative's own figures."""
    if rate.quantity == "adjustment_rate":
        annual, parts = _nearest(ctx.narrative.about("annual_budget"), rate), _adjustment_parts(ctx, rate)
        if annual is None or parts is None:
            return None
        return parts[0], annual.yuan, [*parts[1], annual], "预算调整数 ÷ 年初预算 × 100"
    executed = _nearest(ctx.narrative.about("executed"), rate)
    base = _nearest(ctx.narrative.about("adjusted_budget"), rate)
    formula = "实际支出 ÷ 调整预算 × 100"
    if base is None and not any(ctx.narrative.about(q) for q in ("adjustment_total", "decrease", "increase")):
        base, formula = _nearest(ctx.narrative.about("annual_budget"), rate), "实际支出 ÷ 年初预算 × 100"
    if executed is None or base is None:
        return None
    return executed.yuan, base.yuan, [executed, base], formula


@rule("text-arithmetic", Severity.ERROR, fields=())
def text_arithmetic(ctx: CheckContext) -> Iterator[Finding]:
    """A figure in the narrative must compute: expressions (`2.45*50%=1.225万元`), 预算调整率, 预算执行率."""
    for expression in ctx.narrative.expressions:
        if expression.computed is not None and not _expression_holds(expression):
            message = f"正文算式“{expression.text}”计算有误：左边计算结果为{plain(expression.computed)}，而非{plain(expression.stated)}"
            yield Finding(message, [Evidence(text=expression.text, location=expression.location)])
    for rate in ctx.narrative.facts:
        if rate.kind != "rate" or rate.is_bound or rate.quantity not in ("adjustment_rate", "execution_rate"):
            continue
        inputs = _rate_inputs(ctx, rate)
        if inputs is None or not inputs[1]:
            continue
        numerator, denominator, facts, formula = inputs
        expected = numerator / denominator * 100
        if abs(expected - rate.value) <= ctx.settings.narrative_rate_tolerance_points:
            continue
        figures = "、".join(f"“{f.snippet}”" for f in facts)
        message = f"正文“{rate.snippet}”与正文自身数字不符：按{figures}，{formula} = {expected:.2f}%"
        yield Finding(message, ctx.fact_evidence(rate, *facts))
