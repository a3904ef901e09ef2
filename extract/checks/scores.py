"""The self-evaluation form's scoring: `budget-score`, `score-bounds`, `weight-sum`,
`total-score` and `grade-band`.

Scores and weights are decimal strings as printed; a form without 分值/得分 columns gives
these rules nothing to read, and they stay silent. The budget line is the funds row that
prints both a 分值 and a 得分 (the 年度资金总额 row on the national layout). Every threshold
is a rule option (`[checks.<rule-id>]`).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from extract.checks.base import CheckContext, Finding, plain, rule
from extract.checks.forms import half_ulp, indicators, key, label, number, position, rows, yuan
from schemas.discrepancy import Severity

SELF = ("self_evaluation",)


class Band(BaseModel):
    """One scoring band: an execution rate of at least `min_rate_pct` earns `share` of the weight."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    min_rate_pct: Decimal
    share: Decimal = Field(ge=0, le=1)


class BudgetScoreOptions(BaseModel):
    """budget-score's settings: the tolerance, and bands where a region scores by bands."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    tolerance: Decimal = Decimal("0.1")
    bands: tuple[Band, ...] = ()
    """Empty: 分值 × min(执行率, 100%). Else the share of the highest band the rate reaches
    (e.g. `bands = [{min_rate_pct = 90, share = 1}, {min_rate_pct = 80, share = 0.8}, {min_rate_pct = 0, share = 0}]`)."""


class GradeOptions(BaseModel):
    """grade-band's lower bounds (inclusive) of 优, 良 and 中; below 中 is 差."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    excellent: Decimal = Decimal(90)
    good: Decimal = Decimal(80)
    fair: Decimal = Decimal(60)


class SumOptions(BaseModel):
    """weight-sum's and total-score's tolerance, on top of the printed rounding."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    tolerance: Decimal = Decimal("0.01")


def budget_lines(ctx: CheckContext) -> Iterator[tuple[str, BaseModel, Decimal, Decimal]]:
    """(row key, row, weight, score) of each funds row printing both 分值 and 得分."""
    for row_key, row in rows(getattr(ctx.record.fields, "funds", None)):
        weight, score = number(getattr(row, "weight", None)), number(getattr(row, "score", None))
        if weight is not None and score is not None:
            yield row_key, row, weight, score


def _rate(row: BaseModel) -> tuple[Decimal | None, bool]:
    """The row's 执行率 as printed, else computed from its amounts; and whether it was printed."""
    printed = number(getattr(row, "rate_pct", None))
    if printed is not None:
        return printed, True
    executed, base = yuan(getattr(row, "executed", None)), yuan(getattr(row, "annual_budget", None))
    base = base or yuan(getattr(row, "initial_budget", None))
    return (executed / base * 100 if executed is not None and base else None), False


@rule("budget-score", Severity.ERROR, fields=("funds",), forms=SELF, options=BudgetScoreOptions)
def budget_score(ctx: CheckContext) -> Iterator[Finding]:
    """The budget line's 得分 must be 分值 × min(执行率, 100%) within `tolerance` (执行率 as
    printed), or, where `bands` are set, 分值 × the share of the band the rate reaches."""
    options = ctx.options("budget-score")
    for row_key, row, weight, score in budget_lines(ctx):
        rate, printed = _rate(row)
        if rate is None:
            continue
        if options.bands:
            band = max((b for b in options.bands if rate >= b.min_rate_pct), key=lambda b: b.min_rate_pct, default=None)
            expected = weight * band.share if band is not None else Decimal(0)
            how = f"按评分档次（执行率≥{plain(band.min_rate_pct)}%得{plain(band.share * 100)}%分值）" if band else "按评分档次"
        else:
            expected = weight * min(rate, Decimal(100)) / 100
            how = f"分值{plain(weight)} × min(执行率{rate:.2f}%, 100%)"
        if abs(score - expected) <= options.tolerance:
            continue
        rate_note = "" if printed else "（执行率按执行数 ÷ 预算数计算）"
        message = (
            f"{label(ctx, key(row_key, 'score'))}{plain(score)}与{how} = {expected:.2f}不符"
            f"（相差{abs(score - expected):.2f}，容差{plain(options.tolerance)}）{rate_note}"
        )
        keys = (key(row_key, "score"), key(row_key, "weight"), key(row_key, "rate_pct"), key(row_key, "executed"))
        yield Finding(message, ctx.evidence_for(*keys), keys[:3])


def _scored(ctx: CheckContext) -> Iterator[tuple[str, str, Decimal | None, Decimal | None]]:
    """(key prefix, reviewer's name, weight, score) of the budget lines and every indicator."""
    for row_key, row in rows(getattr(ctx.record.fields, "funds", None)):
        yield row_key, label(ctx, row_key), number(getattr(row, "weight", None)), number(getattr(row, "score", None))
    for index, item in indicators(ctx):
        name = f"{position(index)}“{getattr(item, 'name', None) or ''}”"
        yield key("indicators", index), name, number(getattr(item, "weight", None)), number(getattr(item, "score", None))


@rule("score-bounds", Severity.ERROR, fields=("indicators", "funds"), forms=SELF)
def score_bounds(ctx: CheckContext) -> Iterator[Finding]:
    """A 得分 must lie between 0 and its 分值 (the total's too, unless the weights themselves
    do not add up to it: then `weight-sum` reports the one fault)."""
    fields = ctx.record.fields
    items = list(_scored(ctx))
    if next(weight_sum(ctx), None) is None:  # a total beyond weights that add up wrong is weight-sum's
        items.append(("total", "总分", number(getattr(fields, "total_weight", None)), number(getattr(fields, "total_score", None))))
    for prefix, name, weight, score in items:
        score_key = "total_score" if prefix == "total" else key(prefix, "score")
        weight_key = "total_weight" if prefix == "total" else key(prefix, "weight")
        if score is None:
            continue
        if score < 0:
            yield Finding(f"{name}得分{plain(score)}小于0；得分不能为负", ctx.evidence_for(score_key), (score_key,))
        elif weight is not None and score > weight:
            message = f"{name}得分{plain(score)}高于其分值{plain(weight)}；得分不能超过分值"
            yield Finding(message, ctx.evidence_for(score_key, weight_key), (score_key, weight_key))


def _budget_scores(ctx: CheckContext) -> list[tuple[str, Decimal]]:
    """(row key, 得分) of each funds row printing a 得分, with or without its 分值 (a 部门整体
    form scores its budget line in a 得分 column alone)."""
    scored = [(k, number(getattr(r, "score", None))) for k, r in rows(getattr(ctx.record.fields, "funds", None))]
    return [(k, s) for k, s in scored if s is not None]


def _budget_weight(ctx: CheckContext) -> tuple[str, Decimal] | None:
    """The budget line's 分值: the total row's, else the one row printing one."""
    weighted = [(k, number(getattr(r, "weight", None))) for k, r in rows(getattr(ctx.record.fields, "funds", None))]
    weighted = [(k, w) for k, w in weighted if w is not None]
    total = [(k, w) for k, w in weighted if k == "funds.total"]
    chosen = total or (weighted if len(weighted) == 1 else [])
    return (key(chosen[0][0], "weight"), chosen[0][1]) if chosen and chosen[0][1] is not None else None


@rule("weight-sum", Severity.ERROR, fields=("indicators", "total_weight"), forms=SELF, options=SumOptions)
def weight_sum(ctx: CheckContext) -> Iterator[Finding]:
    """Indicator 分值 plus the budget line's 分值 must add up to 总分's 分值 (100 unless printed).
    Silent unless every indicator prints a 分值, and when the budget line is scored without
    a 分值 (its share of the total is not printed)."""
    items = list(indicators(ctx))
    weights = [number(getattr(item, "weight", None)) for _, item in items]
    if not items or any(w is None for w in weights):
        return
    budget = _budget_weight(ctx)
    if budget is None and _budget_scores(ctx):
        return
    total_raw = getattr(ctx.record.fields, "total_weight", None)
    total = number(total_raw) if total_raw is not None else Decimal(100)
    if total is None:
        return
    summed = sum((w for w in weights if w is not None), Decimal(0)) + (budget[1] if budget else Decimal(0))
    if abs(summed - total) <= ctx.options("weight-sum").tolerance:
        return
    parts = f"各指标分值合计{plain(summed - (budget[1] if budget else 0))}" + (f" + 预算执行分值{plain(budget[1])}" if budget else "")
    stated = f"{label(ctx, 'total_weight')}{plain(total)}" if total_raw is not None else "总分100（表中未列总分分值）"
    message = f"{parts} = {plain(summed)}，与{stated}不符（相差{plain(abs(summed - total))}）；请核对各项分值"
    keys = ["total_weight"] + ([budget[0]] if budget else []) + [key("indicators", i, "weight") for i, _ in items]
    yield Finding(message, ctx.evidence_for(*keys), ("total_weight",))


@rule("total-score", Severity.ERROR, fields=("total_score", "indicators"), forms=SELF, options=SumOptions)
def total_score(ctx: CheckContext) -> Iterator[Finding]:
    """总分's 得分 must equal the budget line's 得分 plus every indicator's 得分 (within the
    rounding of the printed total). Silent unless every indicator prints a 得分."""
    total_raw = getattr(ctx.record.fields, "total_score", None)
    total = number(total_raw)
    items = list(indicators(ctx))
    scores = [number(getattr(item, "score", None)) for _, item in items]
    if total is None or not items or any(s is None for s in scores):
        return
    budget = _budget_scores(ctx)
    budget_score = sum((s for _, s in budget), Decimal(0))
    summed = sum((s for s in scores if s is not None), Decimal(0)) + budget_score
    if abs(summed - total) <= ctx.options("total-score").tolerance + half_ulp(total_raw):
        return
    parts = f"各指标得分合计{plain(summed - budget_score)}" + (f" + 预算执行得分{plain(budget_score)}" if budget else "")
    message = f"{label(ctx, 'total_score')}{plain(total)}与{parts} = {plain(summed)}不符（相差{plain(abs(summed - total))}）"
    keys = ["total_score"] + [key(k, "score") for k, _ in budget] + [key("indicators", i, "score") for i, _ in items]
    yield Finding(message, ctx.evidence_for(*keys), ("total_score",))


def grade_of(score: Decimal, options: GradeOptions) -> str:
    """The grade band of a total score: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (by default)."""
    if score >= options.excellent:
        return "优"
    if score >= options.good:
        return "良"
    return "中" if score >= options.fair else "差"


@rule("grade-band", Severity.ERROR, fields=("grade", "total_score"), forms=SELF, options=GradeOptions)
def grade_band(ctx: CheckContext) -> Iterator[Finding]:
    """The printed grade must be the band of the printed total score."""
    grade = getattr(ctx.record.fields, "grade", None)
    total = number(getattr(ctx.record.fields, "total_score", None))
    if grade is None or total is None:
        return
    options = ctx.options("grade-band")
    expected = grade_of(total, options)
    if expected == grade:
        return
    bands = (f"优≥{plain(options.excellent)}，良{plain(options.good)}–<{plain(options.excellent)}，"
             f"中{plain(options.fair)}–<{plain(options.good)}，差<{plain(options.fair)}")
    message = (f"{label(ctx, 'grade')}“{grade}”与{label(ctx, 'total_score')}{plain(total)}不符："
               f"按等级标准（{bands}）应为“{expected}”")
    yield Finding(message, ctx.evidence_for("grade", "total_score"), ("grade", "total_score"))
