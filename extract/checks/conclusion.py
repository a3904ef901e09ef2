"""The `conclusion-rate` rule: the stage conclusion's category against the execution rate.

The thresholds are read from the conclusion's own explanation (`运行正常（执行率和目标完成度
均在75%以上）`); where none is named, `CheckSettings.normal_threshold_pct` (运行正常) and
`basic_threshold_pct` (运行基本正常) apply. A condition on 执行率 *or* 目标完成度 is refutable by the
rate only from below and only for a range (`运行基本正常（执行率或目标完成度在60%-75%之间）`
with 40%: below the range, the category would be 运行偏差较大); `运行偏差较大（执行率或目标完成度
低于60%）` fits any rate, since the goals may lag.

Lower bounds are inclusive (`75%以上` admits 75%). An upper bound is strict when the words say
so (`低于60%`, `不足`, `小于`, `<`) and for a range's upper end (`60%-75%之间` leaves 75% to the
`75%以上` category) unless marked `（含）`; a rate on a strict bound contradicts the category
only when the unrounded 执行数 ÷ 调整后预算数 does too, so a printed rate rounded onto the line
never does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex

from extract.checks.base import CheckContext, Finding, plain, rule
from extract.settings import CheckSettings
from schemas.discrepancy import Evidence, Severity

NORMAL, BASIC = "运行正常", "运行基本正常"
CATEGORIES = (NORMAL, BASIC, "运行偏差较大")

_CATEGORY = regex.compile(r"^\s*[:：]?\s*(?:项目)?(运行[^\s（(，,。；;:：]*)")
_NUM = r"(\d+(?:\.\d+)?)\s*%"
_LOWER = regex.compile(rf"(?:(?:不低于|不少于|≥|>=|>)\s*{_NUM})|(?:{_NUM}\s*(?:（含）|\(含\))?(?:及|或)?以上)")
_UPPER = regex.compile(rf"(?:(?:低于|不足|小于|未达到|<|≤|<=)\s*{_NUM})|(?:{_NUM}\s*(?:（含）|\(含\))?(?:及|或)?以下)")
_STRICT_UPPER = regex.compile(rf"(?:低于|不足|小于|未达到|<)(?!=)\s*{_NUM}")
_RANGE = regex.compile(r"(\d+(?:\.\d+)?)\s*%?\s*(?:（含）|\(含\))?\s*[-~～—至到]\s*(\d+(?:\.\d+)?)\s*%(\s*(?:（含）|\(含\)))?")
_EITHER = regex.compile(r"执行率[^（）()%]{0,6}或|或[^（）()%]{0,6}执行率")


@dataclass(frozen=True)
class Threshold:
    """The execution rates a conclusion category allows, as its explanation states them."""

    low: Decimal | None
    high: Decimal | None
    source: str
    high_strict: bool = False

    def admits(self, rate: Decimal) -> bool:
        """The low bound is inclusive; the high one strict when `high_strict`."""
        if self.high is not None and (rate > self.high or (self.high_strict and rate == self.high)):
            return False
        return self.low is None or rate >= self.low

    def describe(self) -> str:
        """The allowed range in words."""
        if self.low is not None and self.high is not None:
            return f"执行率在{plain(self.low)}%至{plain(self.high)}%之间" + ("（不含）" if self.high_strict else "")
        if self.low is not None:
            return f"执行率不低于{plain(self.low)}%"
        return f"执行率{'低于' if self.high_strict else '不高于'}{plain(self.high)}%"


def conclusion_text(ctx: CheckContext) -> tuple[str, list[Evidence]] | None:
    """The conclusion as written (category and explanation) with its evidence line."""
    for section in ctx.record.sections:
        if "阶段性跟踪结论" in section.heading:
            text = "\n".join([section.text] + [s.heading + "\n" + s.text for s in section.subsections]).strip()
            if text:
                return text, ctx.line_evidence(text.splitlines()[0]) or ctx.evidence_for("stage_conclusion")
    category = getattr(ctx.record.fields, "stage_conclusion", None)  # a monitoring rule
    if category:
        evidence = ctx.line_evidence(category) or ctx.evidence_for("stage_conclusion")
        return (evidence[0].text if evidence else category), evidence
    return None


def threshold_of(category: str, explanation: str, settings: CheckSettings) -> Threshold | None:
    """The execution-rate range `category` requires, or None when the rate alone cannot refute it."""
    stated = f"说明“{explanation.strip(' ，,。；;：:')}”"
    on_rate = "，".join(c for c in regex.split(r"[，,；;。\n]", explanation) if "执行率" in c)
    if _EITHER.search(on_rate):
        match = _RANGE.search(on_rate)
        return Threshold(Decimal(match.group(1)), None, stated) if match else None
    if (bounds := _bounds(on_rate)) is not None:
        return Threshold(bounds[0], bounds[1], stated, _strict_high(on_rate, bounds[1]))
    if _bounds(explanation) is not None:
        return None  # the thresholds named are on 目标完成度 alone
    defaults = {NORMAL: ("normal_threshold_pct", settings.normal_threshold_pct),
                BASIC: ("basic_threshold_pct", settings.basic_threshold_pct)}
    if category in defaults:
        name, value = defaults[category]
        return Threshold(value, None, f"{category}默认标准（{name}={plain(value)}）")
    return None


def _strict_high(text: str, high: Decimal | None) -> bool:
    """Whether the upper bound `high` excludes itself: `低于60%`, or a range's end without （含）."""
    if high is None or high >= 100:
        return False
    if match := _RANGE.search(text):
        return not match.group(3)
    return any(Decimal(m.group(1)) == high for m in _STRICT_UPPER.finditer(text))


def _bounds(text: str) -> tuple[Decimal | None, Decimal | None] | None:
    if match := _RANGE.search(text):
        return Decimal(match.group(1)), Decimal(match.group(2))
    low = next((Decimal(g) for m in _LOWER.finditer(text) for g in m.groups() if g), None)
    high = next((Decimal(g) for m in _UPPER.finditer(text) for g in m.groups() if g), None)
    return None if low is None and high is None else (low, high)


def _ratio_admitted(ctx: CheckContext, threshold: Threshold) -> bool:
    """Whether the unrounded 执行数 ÷ 调整后预算数 × 100 fits (a printed rate may be rounded onto a bound)."""
    executed, adjusted = ctx.yuan("executed"), ctx.yuan("adjusted_budget")
    if executed is None or adjusted is None or adjusted == 0:
        return False
    return threshold.admits(executed / adjusted * 100)


@rule("conclusion-rate", Severity.ERROR, fields=("stage_conclusion", "execution_progress_pct"))
def conclusion_rate(ctx: CheckContext) -> Iterator[Finding]:
    """The stage conclusion's category must fit the execution rate by the thresholds it states."""
    found = conclusion_text(ctx)
    rate = ctx.percent()
    executed, adjusted = ctx.yuan("executed"), ctx.yuan("adjusted_budget")
    if rate is None and executed is not None and adjusted:
        rate = executed / adjusted * 100
    if found is None or rate is None:
        return
    text, evidence = found
    match, field = _CATEGORY.match(text), getattr(ctx.record.fields, "stage_conclusion", None)
    category = field if field in CATEGORIES or not match else match.group(1)
    if not category:
        return
    explanation = text[text.find(category) + len(category):] if category in text else ""
    threshold = threshold_of(category, explanation, ctx.settings)
    if threshold is None or threshold.admits(rate) or (rate == threshold.high and _ratio_admitted(ctx, threshold)):
        return
    message = (
        f"阶段性跟踪结论为“{category}”，按{threshold.source}要求{threshold.describe()}，"
        f"但预算执行进度为{rate:.2f}%；结论类别与执行率不符"
    )
    yield Finding(message, evidence + ctx.evidence_for("execution_progress_pct"))
