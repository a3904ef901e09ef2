"""The indicator table: `target-score`, `deviation-reason` and `likelihood`.

`meets(target, actual)` decides whether an actual (or a forecast) reaches its target, by
the target's operator; with none printed, more is better except for targets in money or
time, where less is (天, 小时, 个工作日, 月; 元, 万元, 亿元), unless the indicator's name says
the figure is one to exceed (节约, 缩短 …: 节约运行成本 10万元). Qualitative values meet when the
actual repeats the target or says it was reached (达成预期指标 …); a qualitative actual that
says neither is not judged. An actual printed without a unit takes its target's.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex
from pydantic import BaseModel, ConfigDict

from extract.checks.base import CheckContext, Finding, rule
from extract.checks.forms import has_text, indicators, key, label, number, position
from parsers.normalize import label_key
from schemas.discrepancy import Severity
from schemas.forms.common import Target

LESS_IS_BETTER_UNITS = frozenset({"天", "小时", "个工作日", "工作日", "月", "个月", "元", "万元", "亿元"})
REACHED = ("达成预期指标", "达成年度指标", "已完成", "已达成")
MORE_IS_BETTER = ("节约", "节省", "节支", "增收", "减少", "缩短", "带动", "收入")


class TargetOptions(BaseModel):
    """target-score's settings."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    less_is_better_units: tuple[str, ...] = tuple(sorted(LESS_IS_BETTER_UNITS))
    """Units whose targets are met from below when no operator is printed."""
    reached_words: tuple[str, ...] = REACHED
    """Words of a qualitative actual that say the target was reached."""
    more_is_better_words: tuple[str, ...] = MORE_IS_BETTER
    """Words of an indicator's name that make a money or time target one to exceed
    (节约运行成本 10万元: saving 12万元 meets it)."""


def _unit(target: Target) -> str:
    return (target.unit or "").strip()


def meets(target: Target, actual: Target, options: TargetOptions, name: str | None = None) -> bool | None:
    """Whether `actual` reaches `target`; None when the two cannot be compared. `name` (the
    indicator's) can make a money or time target one to exceed (`more_is_better_words`)."""
    goal, got = number(target.value), number(actual.value)
    if goal is not None and got is not None:
        if actual.unit and target.unit and _unit(actual) != _unit(target):
            return None
        less = _unit(target) in options.less_is_better_units
        if less and name and any(word in name for word in options.more_is_better_words):
            less = False
        op = target.op or ("<=" if less else ">=")
        return {">=": got >= goal, "<=": got <= goal, ">": got > goal, "<": got < goal, "=": got == goal}[op]
    if label_key(actual.raw) == label_key(target.raw):
        return True
    if any(regex.search(rf"(?<![未没不无]){regex.escape(w)}", actual.raw) for w in options.reached_words):
        return True
    return None


def _lost(item: BaseModel) -> tuple[Decimal, Decimal] | None:
    """(weight, score) when the indicator prints both."""
    weight, score = number(getattr(item, "weight", None)), number(getattr(item, "score", None))
    return (weight, score) if weight is not None and score is not None else None


def _name(index: int, item: BaseModel) -> str:
    return f"{position(index)}“{getattr(item, 'name', None) or getattr(item, 'level2', None) or ''}”"


@rule("target-score", Severity.WARNING, fields=("indicators",), forms=("self_evaluation",), options=TargetOptions)
def target_score(ctx: CheckContext) -> Iterator[Finding]:
    """An indicator whose actual meets its target must keep full points, and one whose
    quantitative actual misses it must not. An indicator of 0 points has none to keep or lose
    (a score above 0 is score-bounds' finding)."""
    options = ctx.options("target-score")
    for index, item in indicators(ctx):
        target, actual, points = getattr(item, "target", None), getattr(item, "actual", None), _lost(item)
        if target is None or actual is None or points is None or points[0] == 0:
            continue
        met = meets(target, actual, options, getattr(item, "name", None))
        weight, score = points
        keys = tuple(key("indicators", index, c) for c in ("target", "actual", "weight", "score"))
        head = (f"{_name(index, item)}{label(ctx, keys[0])}“{target.raw}”、{label(ctx, keys[1])}“{actual.raw}”")
        if met is True and score < weight:
            message = f"{head}已达到目标，但得分{score}低于分值{weight}；请核对得分或实际完成值"
        elif met is False and score >= weight:
            message = f"{head}未达到目标，却得满分{score}（分值{weight}）；请核对得分或实际完成值"
        else:
            continue
        yield Finding(message, ctx.evidence_for(*keys), keys)


@rule("deviation-reason", Severity.WARNING, fields=("indicators",), forms=("self_evaluation", "execution_monitoring"))
def deviation_reason(ctx: CheckContext) -> Iterator[Finding]:
    """An indicator that lost points (or, on the execution-monitoring form, whose forecast falls
    short of its target) must say why (偏差原因分析 / 偏差原因)."""
    options = ctx.settings.options_for("target-score")
    for index, item in indicators(ctx):
        if ctx.form_type == "execution_monitoring":
            target, forecast = getattr(item, "target", None), getattr(item, "forecast", None)
            if target is None or forecast is None or meets(target, forecast, options, getattr(item, "name", None)) is not False:
                continue
            if getattr(item, "deviation_causes", None) or has_text(getattr(item, "deviation_note", None)):
                continue
            keys = tuple(key("indicators", index, c) for c in ("forecast", "target", "deviation_note"))
            message = (f"{_name(index, item)}{label(ctx, keys[0])}“{forecast.raw}”达不到{label(ctx, keys[1])}"
                       f"“{target.raw}”，但未勾选或填写偏差原因；请说明原因")
        else:
            points = _lost(item)
            if points is None or points[1] >= points[0] or has_text(getattr(item, "deviation_reason", None)):
                continue
            keys = tuple(key("indicators", index, c) for c in ("score", "weight", "deviation_reason"))
            message = (f"{_name(index, item)}得分{points[1]}低于分值{points[0]}，但{label(ctx, keys[2])}为空；"
                       f"扣分的指标应说明偏差原因及改进措施")
        yield Finding(message, ctx.evidence_for(*keys), keys)


@rule("likelihood", Severity.WARNING, fields=("indicators",), forms=("execution_monitoring",))
def likelihood(ctx: CheckContext) -> Iterator[Finding]:
    """完成目标可能性 确定能 beside a forecast that misses the target, or 完全不可能 beside one that
    meets it, contradicts itself."""
    options = ctx.settings.options_for("target-score")
    for index, item in indicators(ctx):
        target, forecast, said = getattr(item, "target", None), getattr(item, "forecast", None), getattr(item, "likelihood", None)
        if target is None or forecast is None or said not in ("确定能", "完全不可能"):
            continue
        met = meets(target, forecast, options, getattr(item, "name", None))
        if (said == "确定能" and met is False) or (said == "完全不可能" and met is True):
            keys = tuple(key("indicators", index, c) for c in ("likelihood", "forecast", "target"))
            verdict = "达不到" if met is False else "能达到"
            message = (f"{_name(index, item)}{label(ctx, keys[0])}为“{said}”，但{label(ctx, keys[1])}“{forecast.raw}”"
                       f"{verdict}{label(ctx, keys[2])}“{target.raw}”；二者矛盾")
            yield Finding(message, ctx.evidence_for(*keys), keys)
