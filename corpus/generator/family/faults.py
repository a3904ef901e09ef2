"""Planting faults into a clean self-evaluation form: one planter per rule id of forms-v1.

Each planter breaks exactly its rule and records in `spec.fault_fields` the dotted field paths
the finding must name; values the fault fixes are listed in `spec.frozen` so `settle()` does
not repair them, and every other derived value is recomputed (a wrong budget score still
sums into 总分, so `total-score` stays quiet).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from decimal import Decimal

from corpus.generator.family import vocab
from corpus.generator.family.model import SelfEvalSpec, grade_for, pct

RULES: tuple[str, ...] = (
    "funds-sum", "budget-score", "score-bounds", "weight-sum", "total-score", "grade-band",
    "target-score", "deviation-reason", "template-text", "execution-rate", "unit-mismatch",
    "missing-field",
)
SCORED_ONLY = {"budget-score", "score-bounds", "weight-sum", "total-score", "grade-band", "target-score",
               "deviation-reason"}
_COLUMNS = {"initial": "initial_budget", "annual": "annual_budget", "executed": "executed"}


def applicable(rule: str, variant: str) -> bool:
    """Whether `rule` can be planted into a form of `variant`."""
    if rule in SCORED_ONLY and variant == "unscored":
        return False
    return not (rule == "unit-mismatch" and variant == "shanghai")


def _index(spec: SelfEvalSpec, i: int) -> str:
    return f"indicators.{i}"


def funds_sum(spec: SelfEvalSpec, rng: random.Random) -> None:
    """A component row changed in one column: the total no longer adds up."""
    rows = [r for r in spec.funds if r.key != "total" and r.annual]
    row = rng.choice(rows)
    attr = rng.choice(("executed", "annual"))
    value = getattr(row, attr)
    delta = max(Decimal(1000), (value / 10 / 100).quantize(Decimal(1)) * 100)
    setattr(row, attr, value - delta if attr == "executed" else value + delta)
    key = row.key if row.key != "extra" else "extra.0"
    spec.fault_fields["funds-sum"] = [f"funds.total.{_COLUMNS[attr]}", f"funds.{key}.{_COLUMNS[attr]}"]


def budget_score(spec: SelfEvalSpec, rng: random.Random) -> None:
    """The budget line's 得分 off 分值 × 执行率 by 0.5–2 points."""
    total = spec.budget
    assert total is not None and total.score is not None and total.weight is not None
    off = Decimal(rng.choice(("0.5", "1", "1.5", "2")))
    total.score = total.score - off if total.score - off >= 0 else total.score + off
    total.score = min(total.score, total.weight) if total.score + off <= total.weight else total.score
    if abs(total.score - total.weight * min(total.rate or 0, Decimal(100)) / 100) <= Decimal("0.1"):
        total.score -= Decimal(1)
    spec.frozen.add("budget_score")
    spec.fault_fields["budget-score"] = ["funds.total.score"]


def score_bounds(spec: SelfEvalSpec, rng: random.Random) -> None:
    """A met indicator scored above its 分值."""
    i = rng.choice([i for i, ind in enumerate(spec.indicators) if ind.met])
    ind = spec.indicators[i]
    assert ind.weight is not None
    ind.score = ind.weight + Decimal(rng.choice((1, 2, 3)))
    spec.fault_fields["score-bounds"] = [f"{_index(spec, i)}.score"]


def weight_sum(spec: SelfEvalSpec, rng: random.Random) -> None:
    """One indicator's 分值 raised: weights plus the budget weight exceed 100."""
    i = rng.randrange(len(spec.indicators))
    ind = spec.indicators[i]
    assert ind.weight is not None
    bump = Decimal(rng.choice((2, 3, 5)))
    ind.weight += bump
    if ind.met:
        ind.score = ind.weight
    spec.fault_fields["weight-sum"] = ["total_weight"]


def total_score(spec: SelfEvalSpec, rng: random.Random) -> None:
    """总分's 得分 differs from the sum of the scores (the grade fits the printed total)."""
    assert spec.total_score is not None
    off = Decimal(rng.choice(("2", "3.5", "5", "-2", "-4")))
    spec.total_score = max(Decimal(0), spec.total_score + off)
    spec.frozen.add("total_score")
    spec.fault_fields["total-score"] = ["total_score"]


def grade_band(spec: SelfEvalSpec, rng: random.Random) -> None:
    """A grade printed that is not the band of the total score."""
    spec.show_grade = True
    spec.settle()
    right = grade_for(spec.total_score or Decimal(0))
    spec.grade = rng.choice([g for g in ("优", "良", "中", "差") if g != right])
    spec.frozen.add("grade")
    spec.fault_fields["grade-band"] = ["grade", "total_score"]


def _quantitative(spec: SelfEvalSpec) -> list[int]:
    return [i for i, ind in enumerate(spec.indicators)
            if not ind.target.qualitative and ind.weight is not None and ind.weight >= 1]


def target_score(spec: SelfEvalSpec, rng: random.Random) -> None:
    """A met quantitative indicator lost points (it still gives a reason)."""
    candidates = [i for i in _quantitative(spec) if spec.indicators[i].met]
    i = rng.choice(candidates)
    ind = spec.indicators[i]
    assert ind.weight is not None
    ind.score = ind.weight - Decimal(rng.choice(("0.5", "1"))) if ind.weight > 1 else Decimal("0.5")
    ind.deviation = rng.choice(vocab.DEVIATIONS)
    spec.fault_fields["target-score"] = [f"{_index(spec, i)}.score", f"{_index(spec, i)}.actual"]


def deviation_reason(spec: SelfEvalSpec, rng: random.Random) -> None:
    """An indicator that lost points gives no deviation reason."""
    missed = [i for i, ind in enumerate(spec.indicators) if not ind.met and ind.score != ind.weight]
    i = rng.choice(missed) if missed else None
    if i is None:   # make one qualitative indicator miss
        i = rng.choice([k for k, ind in enumerate(spec.indicators) if ind.weight and ind.weight >= 1])
        ind = spec.indicators[i]
        ind.met, ind.score = False, (ind.weight or Decimal(1)) - Decimal("0.5")
        if ind.target.qualitative:
            ind.actual.figure = vocab.MISSED_QUALITATIVE[ind.target.figure]
        else:
            ind.target.op, ind.target.op_text, ind.actual.unit = ind.target.op, ind.target.op_text, ind.actual.unit
            ind.actual.figure = _missed_figure(ind)
    spec.indicators[i].deviation = ""
    spec.fault_fields["deviation-reason"] = [f"{_index(spec, i)}.deviation_reason"]


def _missed_figure(ind) -> str:
    value = Decimal(ind.target.figure)
    if ind.kind in ("time", "money", "lower"):
        return str(value + max(1, int(value) // 5))
    return str(value - max(1, int(value) // 8))


def template_text(spec: SelfEvalSpec, rng: random.Random) -> None:
    """A value cell still holds the template's instructions."""
    key = rng.choice(("problems", "improvements", "goal_actual", "conclusion", "implementing_unit"))
    if key == "implementing_unit" and spec.variant == "department":
        key = "goal_actual"
    text = "XX单位" if key == "implementing_unit" else rng.choice(vocab.TEMPLATE_TEXTS[:4])
    setattr(spec, key, text)
    if key == "problems" and spec.improvements is None:
        spec.improvements = rng.choice(vocab.IMPROVEMENTS)
    spec.fault_fields["template-text"] = [key]


def execution_rate(spec: SelfEvalSpec, rng: random.Random) -> None:
    """The total row's 执行率 off 执行数 ÷ 全年预算数 by 3–9 points (its score fits the printed rate)."""
    total = spec.budget
    assert total is not None and total.annual
    true = pct(total.executed or Decimal(0), total.annual)
    off = Decimal(rng.choice(("3.17", "5.5", "8.03")))
    total.rate = true - off if true - off > 0 and (true + off > 100 or rng.random() < 0.5) else true + off
    total.rate_override = True
    spec.fault_fields["execution-rate"] = ["funds.total.rate_pct", "funds.total.executed", "funds.total.annual_budget"]


def unit_mismatch(spec: SelfEvalSpec, rng: random.Random) -> None:
    """A 万元 column holding yuan-sized figures (a town's project of millions of 万元)."""
    total = spec.budget
    assert total is not None
    while (total.annual or 0) < 2_000_000:
        for row in spec.funds:
            for attr in ("initial", "annual", "executed"):
                if getattr(row, attr) is not None:
                    setattr(row, attr, getattr(row, attr) * 10)
    spec.real_unit = "元"
    spec.fault_fields["unit-mismatch"] = ["funds.total.annual_budget"]


def missing_field(spec: SelfEvalSpec, rng: random.Random) -> None:
    """项目名称 left empty, or no budget year anywhere (the title and project name undated)."""
    choice = "year" if spec.project_name is None or rng.random() < 0.4 else "project_name"
    if choice == "project_name":
        spec.project_name = None
    else:
        spec.title = vocab.UNDATED_TITLES[spec.variant]
        if spec.project_name:
            spec.project_name = re.sub(r"^\d{4}年(度)?", "", spec.project_name)
        for attr in ("goal_planned", "goal_actual"):
            text = getattr(spec, attr)
            if text:
                setattr(spec, attr, re.sub(r"\d{4}年", "年", text))
        spec.year = 0
    spec.fault_fields["missing-field"] = ["form.year" if choice == "year" else "project_name"]


PLANTERS: dict[str, Callable[[SelfEvalSpec, random.Random], None]] = {
    "funds-sum": funds_sum, "budget-score": budget_score, "score-bounds": score_bounds,
    "weight-sum": weight_sum, "total-score": total_score, "grade-band": grade_band,
    "target-score": target_score, "deviation-reason": deviation_reason, "template-text": template_text,
    "execution-rate": execution_rate, "unit-mismatch": unit_mismatch, "missing-field": missing_field,
}


def plant(spec: SelfEvalSpec, rules: list[str], rng: random.Random) -> SelfEvalSpec:
    """Plant `rules` (in the fixed order of RULES) into `spec`, then settle derived values."""
    unknown = set(rules) - set(RULES)
    if unknown:
        raise ValueError(f"unknown rule ids: {sorted(unknown)}")
    spec.faults = [r for r in RULES if r in rules]
    for rule in spec.faults:
        if not applicable(rule, spec.variant):
            raise ValueError(f"{rule} cannot be planted into a {spec.variant} form")
        PLANTERS[rule](spec, rng)
        spec.settle()
    return spec


__all__ = ["PLANTERS", "RULES", "applicable", "plant"]
