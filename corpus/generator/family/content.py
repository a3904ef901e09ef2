"""Choosing a clean, internally consistent self-evaluation form from a seeded RNG.

A clean form satisfies every rule of forms-v1: funds rows add up in every column, the
execution rate is 执行数 ÷ 全年预算数, the budget score is 分值 × min(rate, 100%), indicator
weights plus the budget weight make 100, every met indicator keeps full points and every
missed one lost points and says why, 总分 is the sum, the grade is the band of the total.
"""

from __future__ import annotations

import random
from decimal import ROUND_DOWN, Decimal

from corpus.generator.family import vocab
from corpus.generator.family.model import VARIANTS, FundsRow, Indicator, Printed, SelfEvalSpec

HUNDRED = Decimal(100)
_WORD_OPS = {">=": ("≥", "不低于", "不少于", "≧"), "<=": ("≤", "不高于", "不超过", "≦"), "=": ("=", "＝")}


def _yuan(rng: random.Random, low: int, high: int, step: int = 100) -> Decimal:
    return Decimal(rng.randint(low, high) // step * step)


def _funds(rng: random.Random, variant: str, scored: bool) -> list[FundsRow]:
    labels = {"national": ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"),
              "shanghai": ("年度资金总额", "其中：财政资金", "上年结转资金", "其他资金"),
              "sichuan": ("资金总额", "其中：财政拨款", "上年结转资金", "其他资金"),
              "department": ("年度资金总额", "其中：财政拨款", "上年结转资金", "其他资金"),
              "unscored": ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金")}[variant]
    keys = ["fiscal", "carryover", "other"]
    printed = [k for k in keys if k == "fiscal" or rng.random() < 0.75]
    rows = []
    for key in printed:
        zero = key != "fiscal" and rng.random() < 0.35
        annual = Decimal(0) if zero else _yuan(rng, 20_000, 8_000_000 if key == "fiscal" else 900_000)
        initial = annual if rng.random() < 0.6 else max(Decimal(0), annual - _yuan(rng, 0, int(annual) // 5 + 100))
        rate = Decimal(str(rng.uniform(0.6, 1.0))) if rng.random() < 0.8 else Decimal(1)
        executed = (annual * rate / 100).quantize(Decimal(1), rounding=ROUND_DOWN) * 100
        label = labels[keys.index(key) + 1]
        rows.append(FundsRow(key, label, initial, annual, executed))
    if variant == "shanghai" and rng.random() < 0.4:
        annual = _yuan(rng, 10_000, 300_000)
        rows.append(FundsRow("extra", "单位资金", annual, annual, annual))
    total = FundsRow("total", labels[0], sum((r.initial or Decimal(0) for r in rows), Decimal(0)),
                     sum((r.annual or Decimal(0) for r in rows), Decimal(0)),
                     sum((r.executed or Decimal(0) for r in rows), Decimal(0)),
                     weight=Decimal(10) if scored else None, rate=Decimal(0))
    if variant == "sichuan":   # rates on every row
        for row in rows:
            row.rate = Decimal(0) if row.annual else None
    return [total, *rows]


def _split(rng: random.Random, total: int, n: int) -> list[int]:
    """n positive integers summing to total, near-even as forms weigh them (5, 5, 4, 6 …)."""
    parts = [total // n + (1 if i < total % n else 0) for i in range(n)]
    for _ in range(n):
        a, b = rng.randrange(n), rng.randrange(n)
        move = rng.randint(0, 2)
        if a != b and parts[a] - move >= 1:
            parts[a] -= move
            parts[b] += move
    return parts


def _printed_target(rng: random.Random, kind: str, unit: str, base: str, split: bool) -> Printed:
    if kind == "qual":
        return Printed("", base, "", None, qualitative=True)
    no_op_ok = kind in ("time", "money") or (kind == "higher" and unit not in ("万元", "元"))
    if no_op_ok and not split and rng.random() < 0.2:
        return Printed("", base, unit, None)           # no operator printed (read as >=, or <= for money/time)
    op = {"higher": ">=", "lower": "<=", "time": "<=", "money": "<=", "equal": "="}[kind]
    words = _WORD_OPS[op]
    op_text = words[0] if split else rng.choice(words)
    return Printed(op_text, base, unit, op)


def _actual(rng: random.Random, target: Printed, kind: str, met: bool, split: bool) -> Printed:
    if target.qualitative:
        if met:
            return Printed("", target.figure if rng.random() < 0.6 else rng.choice(vocab.MET_QUALITATIVE), "", None, True)
        return Printed("", vocab.MISSED_QUALITATIVE[target.figure], "", None, True)
    value = Decimal(target.figure)
    higher = kind in ("higher",) or (kind == "equal")
    if kind == "equal":
        got = value if met else value - max(1, int(value) // 10)
    elif higher:
        cap = HUNDRED if target.unit == "%" else value * Decimal("1.2")
        got = (value + Decimal(rng.randint(0, max(0, int(cap - value))))) if met else value - max(1, int(value) // 8)
        got = min(got, cap) if target.unit == "%" else got
    else:
        got = (value - Decimal(rng.randint(0, max(0, int(value) // 3)))) if met else value + max(1, int(value) // 5)
    unit = "" if split or rng.random() < 0.15 else target.unit
    return Printed("", str(got), unit, None)


def _indicators(rng: random.Random, funds_annual: Decimal, scored: bool, split: bool) -> list[Indicator]:
    n = rng.randint(8, 20)
    n_sat = rng.randint(1, 2)
    n_eff = rng.randint(2, min(6, n - n_sat - 4))
    n_out = n - n_sat - n_eff
    level_weights = rng.choice(((50, 30, 10), (40, 40, 10), (60, 20, 10), (45, 35, 10)))
    rows: list[Indicator] = []
    for (level1, count), level_weight in zip((("产出指标", n_out), ("效益指标", n_eff), ("满意度指标", n_sat)),
                                             level_weights, strict=True):
        level2s = list(vocab.CATALOGUE[level1])
        pool = [(l2, item) for l2 in level2s for item in vocab.CATALOGUE[level1][l2]]
        chosen = rng.sample(pool, min(count, len(pool)))
        while len(chosen) < count:
            l2, (name, kind, unit, base) = rng.choice(pool)
            chosen.append((l2, (f"{name}（{len(chosen) + 1}）", kind, unit, base)))
        chosen.sort(key=lambda p: level2s.index(p[0]))
        weights = _split(rng, level_weight, count) if scored else [None] * count
        for (level2, (name, kind, unit, base)), weight in zip(chosen, weights, strict=True):
            if kind == "money":
                base = str((funds_annual / 10_000).quantize(Decimal("0.01")).normalize())
            target = _printed_target(rng, kind, unit, base, split)
            met = rng.random() > 0.15
            actual = _actual(rng, target, kind, met, split)
            weight_d = Decimal(weight) if weight is not None else None
            score = None
            if weight_d is not None:
                score = weight_d if met else (weight_d * Decimal(rng.choice(("0.5", "0.6", "0.8")))).quantize(
                    Decimal("0.1"))
                if not met and score == weight_d:
                    score = weight_d - Decimal("0.5")
            rows.append(Indicator(level1, level2, name, kind, target, actual, met, weight_d, score,
                                  rng.choice(vocab.DEVIATIONS) if not met else ""))
    return rows


def build_clean(seed: int, variant: str | None = None, no_empty_cells: bool = False) -> SelfEvalSpec:
    """A clean form for `seed`; `variant` may be forced; `no_empty_cells` for one-cell-per-line text."""
    rng = random.Random(seed)
    variant = variant or rng.choice(VARIANTS)
    year = rng.randint(2019, 2025)
    place = rng.choice(vocab.PLACES)
    topic = rng.choice(vocab.TOPICS)
    scored = variant != "unscored"
    split = variant == "sichuan"
    unit = "元" if variant == "shanghai" else "万元"
    funds = _funds(rng, variant, scored)
    department = place + rng.choice(vocab.DEPARTMENTS) if not place.endswith(("镇", "街道")) \
        else f"{place}人民政府" if place.endswith("镇") else f"{place}办事处"
    fmt = {"place": place, "topic": topic, "year": year}
    spec = SelfEvalSpec(
        seed=seed, variant=variant, year=year, title=rng.choice(vocab.TITLES[variant]).format(y=year),
        project_name=None if variant == "department" else f"{year}年{place}{topic}项目",
        department=department,
        implementing_unit=None if variant == "department" else place + rng.choice(vocab.OFFICES),
        stated_unit=unit, real_unit=unit, comma=unit == "元" and rng.random() < 0.7,
        decimals=2, funds=funds,
        goal_planned=rng.choice(vocab.GOALS_PLANNED).format(**fmt),
        goal_actual=rng.choice(vocab.GOALS_ACTUAL).format(**fmt),
        indicators=_indicators(rng, funds[0].annual or Decimal(0), scored, split),
        scored=scored, show_grade=scored and (variant in ("shanghai", "sichuan") or rng.random() < 0.4),
        conclusion=rng.choice(vocab.CONCLUSIONS) if variant != "national" or rng.random() < 0.5 else None,
        problems=rng.choice(vocab.PROBLEMS) if rng.random() < 0.8 else None,
        improvements=rng.choice(vocab.IMPROVEMENTS) if rng.random() < 0.8 else None,
        note=rng.choice(vocab.NOTES) if rng.random() < 0.3 else None,
        empty_text=rng.choice(("无", "/")) if no_empty_cells else rng.choice(("", "", "无", "/")),
    )
    if scored and rng.random() < 0.35:
        spec.level_points = rng.choice(("（{}分）", "({}分)"))
    if spec.problems is None:
        spec.improvements = None
    spec.settle()
    return spec
