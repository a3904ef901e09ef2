"""Synthetic 项目支出绩效目标执行监控表 (财预〔2019〕136号): content, grid, expected record, faults.

Variants: `subcolumns` (偏差原因分析 over 经费保障 … 其他 and 完成目标可能性 over 确定能 / 有可能 /
完全不可能, one box or √ per sub-column) and `cells` (each group in one cell: ☑经费保障 ☐制度保障 …,
完成目标可能性 boxed or written). Months 6 or 7 (1-6月, 1-7月). A clean form: rows add up, each
printed rate is 执行数 ÷ 年初预算数, a forecast short of its target has a ticked cause and a
note and says 有可能, a met one says 确定能. Faults break exactly one rule.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from corpus.generator.family import vocab
from corpus.generator.family.content import _actual, _printed_target
from corpus.generator.family.declaration import WAN, _l, _level_rows, _target, _v
from corpus.generator.family.layout import CONT, Cell, Grid
from corpus.generator.family.model import Printed

RULES = ("funds-sum", "execution-rate", "checkbox-state", "deviation-reason", "likelihood", "template-text",
         "unit-mismatch", "missing-field")
VARIANTS = ("subcolumns", "cells")
CAUSES = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")
LIKELIHOOD = ("确定能", "有可能", "完全不可能")
CENT = Decimal("0.01")


@dataclass
class ExecIndicator:
    """One indicator row."""

    level1: str
    level2: str
    name: str
    target: Printed
    progress: Printed
    forecast: Printed
    causes: list[str]
    note: str | None
    likelihood: list[str]      # the ticked options (exactly one on a clean form)


@dataclass
class ExecutionSpec:
    """Everything one synthetic execution-monitoring form says (amounts in yuan)."""

    variant: str
    year: int
    months: int
    title: str
    project_name: str | None
    department: str
    implementing_unit: str
    funds: dict[str, dict[str, Any]]     # total/fiscal/other -> initial, executed (yuan), rate (Decimal)
    goal_annual: str
    goal_progress: str
    indicators: list[ExecIndicator]
    written_likelihood: bool = False
    real_unit: str = "万元"
    faults: list[str] = field(default_factory=list)

    def figure(self, yuan: Decimal) -> str:
        return f"{(yuan / (WAN if self.real_unit == '万元' else 1)).quantize(CENT):,}"


def _indicators(rng: random.Random) -> list[ExecIndicator]:
    rows = []
    for level1, count in (("产出指标", rng.randint(3, 5)), ("效益指标", rng.randint(1, 2)), ("满意度指标", 1)):
        pool = [(l2, item) for l2, items in vocab.CATALOGUE[level1].items() for item in items if item[1] != "money"]
        chosen = sorted(rng.sample(pool, count), key=lambda p: list(vocab.CATALOGUE[level1]).index(p[0]))
        for level2, (name, kind, unit, base) in chosen:
            target = _printed_target(rng, kind, unit, base, False)
            met = rng.random() > 0.2
            progress = _actual(rng, target, kind, True, False)
            forecast = _actual(rng, target, kind, met, False)
            if not target.qualitative and not forecast.unit:
                forecast = Printed("", forecast.figure, target.unit, None)
            causes = [] if met else rng.sample(CAUSES[:4], rng.randint(1, 2))
            note = None if met else rng.choice(vocab.DEVIATIONS)
            rows.append(ExecIndicator(level1, level2, name, target, progress, forecast, causes, note,
                                      ["确定能" if met else "有可能"]))
    return rows


def _rate(executed: Decimal, initial: Decimal) -> Decimal:
    return (executed / initial * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def build(seed: int, fault: str | None = None) -> ExecutionSpec:
    """A clean form for `seed`, with `fault` planted."""
    rng = random.Random(seed)
    year, months = rng.randint(2019, 2025), rng.choice((6, 7))
    place, topic = rng.choice(vocab.PLACES), rng.choice(vocab.TOPICS)
    funds: dict[str, dict[str, Any]] = {}
    for key, high in (("fiscal", 800), ("other", 60)):
        if key == "other" and rng.random() < 0.3:
            continue
        initial = Decimal(rng.randint(10, high) * 10_000)
        executed = (initial * Decimal(rng.randint(30, 80)) / 100).quantize(Decimal(100))
        funds[key] = {"initial": initial, "executed": executed}
    funds["total"] = {c: sum((r[c] for r in funds.values()), Decimal(0)) for c in ("initial", "executed")}
    for row in funds.values():
        row["rate"] = _rate(row["executed"], row["initial"])
    spec = ExecutionSpec(
        variant=rng.choice(VARIANTS), year=year, months=months, title=f"项目支出绩效目标执行监控表（{year}年度）",
        project_name=f"{year}年{place}{topic}项目",
        department=f"{place}人民政府" if place.endswith("镇") else place + rng.choice(vocab.DEPARTMENTS),
        implementing_unit=place + rng.choice(vocab.OFFICES), funds=funds,
        goal_annual=rng.choice(vocab.GOALS_PLANNED).format(place=place, topic=topic, year=year),
        goal_progress=f"1-{months}月按计划推进{topic}，各项工作进展顺利。",
        indicators=_indicators(rng), written_likelihood=rng.random() < 0.3)
    if fault is not None:
        _plant(spec, fault, rng)
        spec.faults.append(fault)
    return spec


def _plant(spec: ExecutionSpec, fault: str, rng: random.Random) -> None:
    funds = spec.funds
    if fault == "funds-sum":
        funds["fiscal"]["initial"] += Decimal(rng.randint(1, 9) * 10_000)
        funds["fiscal"]["rate"] = _rate(funds["fiscal"]["executed"], funds["fiscal"]["initial"])
    elif fault == "execution-rate":
        funds["total"]["rate"] += Decimal(rng.choice((-12, -7, 6, 9)))
    elif fault in ("checkbox-state", "deviation-reason", "likelihood"):
        spec.written_likelihood = False
        met = [i for i in spec.indicators if not i.target.qualitative and not i.causes]
        item = rng.choice(met or spec.indicators)
        if fault == "checkbox-state":
            item.likelihood = rng.choice(([], ["确定能", "有可能"]))
            return
        value = Decimal(item.target.figure)
        lower = item.target.op == "<=" or item.target.unit in ("天", "小时", "个工作日")
        short = value + max(1, int(value) // 5) if lower else value - max(1, int(value) // 5)
        item.forecast = Printed("", str(short), item.target.unit, None)
        item.causes, item.note = [], None
        if fault == "likelihood":
            item.causes, item.note = ["经费保障"], rng.choice(vocab.DEVIATIONS)
            item.likelihood = ["确定能"]
        else:
            item.likelihood = ["有可能"]
    elif fault == "template-text":
        spec.goal_progress = rng.choice(vocab.TEMPLATE_TEXTS)
    elif fault == "unit-mismatch":
        factor = 1 + int(Decimal(12_000_000) / funds["total"]["initial"])
        for row in funds.values():
            row["initial"], row["executed"] = row["initial"] * factor, row["executed"] * factor
        spec.real_unit = "元"
    elif fault == "missing-field":
        spec.project_name = None


def _group(options: tuple[str, ...], ticked: list[str], pdf: bool) -> str:
    on, off = ("■", "□") if pdf else ("☑", "☐")
    return " ".join(f"{on if o in ticked else off}{o}" for o in options)


def grid(spec: ExecutionSpec, pdf: bool = False) -> Grid:
    """The printed form."""
    sub = spec.variant == "subcolumns"
    n = spec.months
    width = 16 if sub else 11
    rest = width - 1
    half = rest // 2
    rows: list[list[Cell]] = [
        [_l("项目名称"), _v(spec.project_name, rest)],
        [_l("主管部门及代码"), _v(spec.department, half), _l("实施单位"), _v(spec.implementing_unit, rest - half - 1)],
    ]
    printed = [(k, label) for k, label in (("total", "年度资金总额"), ("fiscal", "其中：财政拨款"), ("other", "其他资金"))
               if k in spec.funds]
    span = (rest - 2) // 3
    rows.append([_l("项目资金（万元）", rowspan=len(printed) + 1), _l("", 2), _l("年初预算数", span),
                 _l(f"1-{n}月执行数", span), _l(f"1-{n}月执行率", rest - 2 - 2 * span)])
    for key, label in printed:
        row = spec.funds[key]
        rows.append([CONT, _l(label, 2), _v(spec.figure(row["initial"]), span), _v(spec.figure(row["executed"]), span),
                     _v(f"{row['rate']:.2f}%", rest - 2 - 2 * span)])
    rows.append([_l("年度总体目标", rowspan=2), _l("年初目标", half), _l(f"1-{n}月执行情况", rest - half)])
    rows.append([CONT, _v(spec.goal_annual, half), _v(spec.goal_progress, rest - half)])
    items = spec.indicators
    heads = ["一级指标", "二级指标", "三级指标", "年度指标值", f"1-{n}月执行情况", "全年预计完成情况"]
    tick, empty = ("√", "") if pdf else ("☑", "☐")
    if sub:
        rows.append([_l("绩效指标", rowspan=len(items) + 2), *[_l(h) for h in heads], _l("偏差原因分析", 5),
                     _l("完成目标可能性", 3), _l("备注")])
        rows.append([CONT, *[_l("") for _ in heads], *[_l(c) for c in CAUSES], *[_l(o) for o in LIKELIHOOD], _l("")])
    else:
        rows.append([_l("绩效指标", rowspan=len(items) + 1), *[_l(h) for h in heads], _l("偏差原因分析"),
                     _l("原因说明"), _l("完成目标可能性"), _l("备注")])
    for k, ind in enumerate(items):
        first1, n1, first2, n2 = _level_rows(items, k)  # type: ignore[arg-type]
        row = [CONT, _l(ind.level1, rowspan=n1) if first1 else CONT, _l(ind.level2, rowspan=n2) if first2 else CONT,
               _v(ind.name), _v(ind.target.raw), _v(ind.progress.raw), _v(ind.forecast.raw)]
        if sub:
            row += [_v(tick if c in ind.causes else empty) for c in CAUSES]
            row += [_v(tick if o in ind.likelihood else empty) for o in LIKELIHOOD]
            row.append(_v(ind.note))
        else:
            row += [_v(_group(CAUSES, ind.causes, pdf)), _v(ind.note)]
            written = spec.written_likelihood and len(ind.likelihood) == 1
            row += [_v(ind.likelihood[0] if written else _group(LIKELIHOOD, ind.likelihood, pdf)), _v("")]
        rows.append(row)
    return Grid([spec.title], rows, [], width)


def _amount(spec: ExecutionSpec, yuan: Decimal) -> dict[str, Any]:
    raw = spec.figure(yuan)
    return {"raw": raw, "stated_unit": "万元", "unit": "万元",
            "yuan": str((Decimal(raw.replace(",", "")) * WAN).quantize(CENT)), "unit_inferred": False}


def _unit_of(printed: Printed, target: Printed) -> dict[str, Any]:
    out = _target(printed)
    if out["value"] is not None and out["unit"] is None and not target.qualitative:
        out["unit"] = target.unit or None
    return out


def record(spec: ExecutionSpec, name: str, fmt: str) -> dict[str, Any]:
    """The Record-shaped expectation (`source.part` added by the caller)."""
    sub = spec.variant == "subcolumns"
    indicators, boxes = [], []
    for k, i in enumerate(spec.indicators):
        written = not sub and spec.written_likelihood and len(i.likelihood) == 1
        indicators.append({"level1": i.level1, "level2": i.level2, "name": i.name, "target": _target(i.target),
                           "progress": _unit_of(i.progress, i.target), "forecast": _unit_of(i.forecast, i.target),
                           "deviation_causes": list(i.causes) if not sub else [c for c in CAUSES if c in i.causes],
                           "deviation_note": None if sub else i.note,
                           "likelihood": i.likelihood[0] if len(i.likelihood) == 1 else None,
                           "remark": i.note if sub else None})
        indicators[-1]["deviation_causes"] = [c for c in CAUSES if c in i.causes]
        boxes.append({"question": "偏差原因分析", "field": f"indicators.{k}.deviation_causes",
                      "options": [{"label": c, "checked": c in i.causes} for c in CAUSES]})
        if not written:
            boxes.append({"question": "完成目标可能性", "field": f"indicators.{k}.likelihood",
                          "options": [{"label": o, "checked": o in i.likelihood} for o in LIKELIHOOD]})
    funds = {key: {"initial_budget": _amount(spec, row["initial"]), "executed": _amount(spec, row["executed"]),
                   "rate_pct": str(row["rate"].quantize(CENT))} if (row := spec.funds.get(key)) else None
             for key in ("total", "fiscal", "other")}
    fields = {"project_name": spec.project_name, "department": spec.department,
              "implementing_unit": spec.implementing_unit, "months": spec.months, "funds": funds,
              "goal_annual": spec.goal_annual, "goal_progress": spec.goal_progress, "indicators": indicators}
    return {"schema_version": "1", "status": "partial" if spec.project_name is None else "ok", "errors": [],
            "source": {"path": name, "format": fmt},
            "form": {"type": "execution_monitoring", "variant": None, "title": spec.title, "year": spec.year},
            "fields": fields, "checkboxes": boxes, "sections": [], "discrepancies": [], "provenance": {}}
