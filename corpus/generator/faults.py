"""Planting faults: one function per rule id of record-v1, each breaking exactly its identity.

Each planter mutates a clean `FormSpec` so that its rule fires and, as far as the form
allows, no other rule does (e.g. an execution-rate fault drops the narrative's 执行率 so the
narrative does not contradict the table as well). `plant()` applies them in a fixed order,
because amount faults must precede the faults that print amounts.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from corpus.generator.content import executed_for_rate, expression_for
from corpus.generator.model import SECTION_1, SECTION_3, FormSpec, category_for, pct

RULES: tuple[str, ...] = (
    "unit-mismatch", "budget-identity", "conclusion-rate", "execution-rate", "narrative-mismatch",
    "text-arithmetic", "checkbox-state", "adjustment-flag", "period", "missing-field",
)
_HUNDRED = Decimal(100)


def _nice(rng: random.Random, value: Decimal, low: float, high: float) -> Decimal:
    """A different, round amount: value × (1 ± [low, high]) to whole 100 yuan."""
    factor = Decimal(str(round(rng.uniform(low, high), 3)))
    factor = 1 + factor if rng.random() < 0.5 else 1 - factor
    changed = (value * factor / _HUNDRED).quantize(Decimal(1)) * _HUNDRED
    return changed if changed not in (value, 0) else value + 1000


def unit_mismatch(spec: FormSpec, rng: random.Random) -> None:
    """万元 figures under (元) labels; the narrative states them in 万元 (the seed's quirk)."""
    spec.stated_unit, spec.real_unit = "元", "万元"


def budget_identity(spec: FormSpec, rng: random.Random) -> None:
    """调整后预算数 ≠ 当年 − 调减 + 调增 (the narrative repeats the table, without 调整数)."""
    adjusted = spec.yuan["adjusted_budget"]
    share = Decimal(str(round(rng.uniform(0.05, 0.2), 2)))
    spec.yuan["adjusted_budget"] = adjusted + max(_HUNDRED, (adjusted * share / _HUNDRED).quantize(Decimal(1)) * _HUNDRED)
    spec.adj_clause = "none"


def conclusion_rate(spec: FormSpec, rng: random.Random) -> None:
    """运行正常 written while the execution rate is below 75%."""
    spec.yuan["executed"] = executed_for_rate(rng, spec.yuan["adjusted_budget"], 40.0, 72.0)
    spec.forced_category = "运行正常"
    _refresh_expression(spec)


def execution_rate(spec: FormSpec, rng: random.Random) -> None:
    """预算执行进度 off by 3–12 points, in the same category band; narrative drops its 执行率."""
    true = spec.true_rate
    candidates = [true + Decimal(sign) * Decimal(step) for step in ("3.17", "5.5", "8.03", "11.9")
                  for sign in (1, -1)]
    candidates = [c for c in candidates if c >= 0]
    same_band = [c for c in candidates if category_for(c) == category_for(true)]
    spec.pct_override = rng.choice(same_band or candidates)
    spec.show_rate = False


def narrative_mismatch(spec: FormSpec, rng: random.Random) -> None:
    """The narrative states a different 年初预算 / 调整预算 / 实际支出 than the table."""
    keys = ["annual_budget", "executed"] + (["adjusted_budget"] if spec.adj_clause != "unadjusted" else [])
    key = rng.choice(keys)
    spec.narrative[key] = _nice(rng, spec.yuan[key], 0.05, 0.3)
    if key == "executed":
        spec.expression = None


def text_arithmetic(spec: FormSpec, rng: random.Random) -> None:
    """A stated 预算调整率 or a `base*p%=x万元` expression that does not compute."""
    annual, adjusted = spec.narrated("annual_budget"), spec.narrated("adjusted_budget")
    if spec.adj_clause == "full" and annual != adjusted and rng.random() < 0.6:
        true = pct(abs(annual - adjusted), annual)
        spec.adj_rate_override = true + Decimal(rng.choice(("1.5", "2.37", "-1.21", "4.8")))
        if spec.adj_rate_override <= 0:
            spec.adj_rate_override = true + Decimal("3.33")
        return
    executed = spec.narrated("executed")
    percent = rng.choice((30, 40, 50, 60))
    base = (executed * 100 / percent).quantize(Decimal(1))
    spec.expression = (_nice(rng, base, 0.05, 0.2) + 700, percent)


def checkbox_state(spec: FormSpec, rng: random.Random) -> None:
    """No box, or several boxes, ticked in one group (that field's expected value is null)."""
    groups = ["recurring", "budget_outlook", "goal_outlook"]
    if "adjustment-flag" not in spec.faults:
        groups.append("adjustment_needed")
    group = rng.choice(groups)
    n = len(spec.boxes[group])
    spec.boxes[group] = [False] * n if rng.random() < 0.5 else [True, True] + [False] * (n - 2)


def adjustment_flag(spec: FormSpec, rng: random.Random) -> None:
    """是否需要预算调整 ticked contrary to the adjustment amounts."""
    adjusting = bool(spec.yuan["decrease"] or spec.yuan["increase"])
    spec.boxes["adjustment_needed"] = [not adjusting, adjusting]


def period(spec: FormSpec, rng: random.Random) -> None:
    """The tracking period ends before it starts, lies outside the budget year, or has no end."""
    start, end = spec.period_start, spec.period_end
    assert start is not None and end is not None
    kind = rng.choice(("reversed", "outside", "missing-end"))
    if kind == "reversed":
        spec.period_start, spec.period_end = date(spec.year, end.month, 1) + timedelta(days=40), end
        if spec.period_start.year != spec.year:
            spec.period_start = date(spec.year, 12, 1)
    elif kind == "outside":
        spec.period_end = date(spec.year + 1, end.month, min(end.day, 28))
    else:
        spec.period_end, spec.period_missing_end = None, True


def missing_field(spec: FormSpec, rng: random.Random) -> None:
    """项目名称 / 预算单位 / 具体实施 left empty, or a numbered section (一、 or 三、) with no text.

    Empty *subsections* (the seed's bare `2、预算安排`) are deliberately not planted: the
    checker reports those at info severity only.
    """
    choices = ["budget_unit", "implementing_unit", SECTION_1, SECTION_3]
    if "period" not in spec.faults:
        choices.append("project_name")
    if "conclusion-rate" in spec.faults:
        choices.remove(SECTION_3)
    choice = rng.choice(choices)
    if choice in ("project_name", "budget_unit", "implementing_unit"):
        setattr(spec, choice, None)
    else:
        spec.empty_subsection = choice


def _refresh_expression(spec: FormSpec) -> None:
    if spec.expression is not None:
        spec.expression = expression_for(random.Random(spec.seed), spec.yuan["executed"])


PLANTERS: dict[str, Callable[[FormSpec, random.Random], None]] = {
    "unit-mismatch": unit_mismatch, "budget-identity": budget_identity,
    "conclusion-rate": conclusion_rate, "execution-rate": execution_rate,
    "narrative-mismatch": narrative_mismatch, "text-arithmetic": text_arithmetic,
    "checkbox-state": checkbox_state, "adjustment-flag": adjustment_flag,
    "period": period, "missing-field": missing_field,
}


def plant(spec: FormSpec, rules: list[str], rng: random.Random) -> FormSpec:
    """Plant `rules` (in the fixed order of RULES) into `spec`; records them in spec.faults."""
    unknown = set(rules) - set(RULES)
    if unknown:
        raise ValueError(f"unknown rule ids: {sorted(unknown)}")
    spec.faults = [r for r in RULES if r in rules]
    for rule in spec.faults:
        PLANTERS[rule](spec, rng)
    if "conclusion-rate" not in spec.faults:
        spec.forced_category = None
    return spec


def pick_faults(rng: random.Random, fault_rate: float) -> list[str]:
    """None with probability 1 − fault_rate, else one rule id or (one time in three) a pair."""
    if rng.random() >= fault_rate:
        return []
    return rng.sample(RULES, 2 if rng.random() < 1 / 3 else 1)


__all__ = ["PLANTERS", "RULES", "pick_faults", "plant"]
