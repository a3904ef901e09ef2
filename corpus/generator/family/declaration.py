"""Synthetic 项目支出绩效目标申报表 (target declaration): content, grid, expected record, faults.

Variants: `national` (财预〔2015〕88号: 项目资金 as 中期资金总额 | … | 年度资金总额 | … pairs, the 中期
and 年度 indicators side by side under one header) and `local` (项目绩效目标表 / 部门预算项目支出
绩效目标表: a 资金总额 | 其中：财政拨款 | 其他资金 grid over 中期 / 年度 rows, then a 中期绩效指标 and
a 年度绩效指标 table one under the other). A clean form: each funds row adds up, 项目属性 has
one tick, every 产出 target is measurable, there are 效益 and 满意度 indicators, and no 年度 %
target is below its 中期 one. Faults break exactly one rule and name its fields.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from corpus.generator.family import vocab
from corpus.generator.family.content import _printed_target
from corpus.generator.family.layout import CONT, Cell, Grid
from corpus.generator.family.model import Printed

RULES = ("funds-sum", "checkbox-state", "target-quality", "template-text", "unit-mismatch", "missing-field")
VARIANTS = ("national", "local")
WAN = Decimal(10_000)
ATTRIBUTES = (("新增项目", "延续项目"), ("新增", "延续"))
TITLES = {"national": ("项目支出绩效目标申报表（{y}年度）", "{y}年度项目支出绩效目标申报表"),
          "local": ("项目绩效目标表（{y}年度）", "部门预算项目支出绩效目标表（{y}年度）")}


@dataclass
class DeclIndicator:
    """One indicator of both periods: its 中期 and 年度 targets."""

    level1: str
    level2: str
    name: str
    medium: Printed
    annual: Printed


@dataclass
class DeclarationSpec:
    """Everything one synthetic declaration says (amounts in yuan)."""

    variant: str
    year: int
    title: str
    project_name: str | None
    department: str
    implementing_unit: str
    options: tuple[str, str]
    ticks: tuple[bool, bool]
    period: str
    funds: dict[str, dict[str, Decimal]]   # medium_term/annual -> total/fiscal/other
    goal_medium: str
    goal_annual: str
    indicators: list[DeclIndicator]
    real_unit: str = "万元"                 # the unit the figures are printed in (元: unit-mismatch)
    faults: list[str] = field(default_factory=list)
    fault_fields: dict[str, list[str]] = field(default_factory=dict)

    def figure(self, yuan: Decimal) -> str:
        """An amount as printed, in the unit it is really in."""
        return f"{(yuan / (WAN if self.real_unit == '万元' else 1)).quantize(Decimal('0.01')):,}"


def _indicators(rng: random.Random) -> list[DeclIndicator]:
    rows: list[DeclIndicator] = []
    for level1, count in (("产出指标", rng.randint(3, 5)), ("效益指标", rng.randint(1, 3)), ("满意度指标", 1)):
        pool = [(l2, item) for l2, items in vocab.CATALOGUE[level1].items() for item in items
                if not (level1 == "产出指标" and item[1] in ("qual", "money"))]
        chosen = sorted(rng.sample(pool, count), key=lambda p: list(vocab.CATALOGUE[level1]).index(p[0]))
        for level2, (name, kind, unit, base) in chosen:
            annual = _printed_target(rng, kind, unit, base, False)
            medium = annual
            if not annual.qualitative and unit != "%" and kind in ("higher", "equal"):
                medium = Printed(annual.op_text, str(Decimal(base) * 3), unit, annual.op)
            rows.append(DeclIndicator(level1, level2, name, medium, annual))
    return rows


def build(seed: int, fault: str | None = None) -> DeclarationSpec:
    """A clean declaration for `seed`, with `fault` planted."""
    rng = random.Random(seed)
    variant = rng.choice(VARIANTS)
    year = rng.randint(2019, 2025)
    place, topic = rng.choice(vocab.PLACES), rng.choice(vocab.TOPICS)
    annual = {"fiscal": Decimal(rng.randint(20, 800) * 10_000)}
    annual["other"] = Decimal(rng.choice((0, rng.randint(1, 60) * 10_000)))
    annual["total"] = annual["fiscal"] + annual["other"]
    medium = {k: v * 3 for k, v in annual.items()}
    options = rng.choice(ATTRIBUTES)
    tick = rng.random() < 0.5
    spec = DeclarationSpec(
        variant=variant, year=year, title=rng.choice(TITLES[variant]).format(y=year),
        project_name=f"{year}年{place}{topic}项目", department=f"{place}人民政府" if place.endswith("镇") else
        place + rng.choice(vocab.DEPARTMENTS), implementing_unit=place + rng.choice(vocab.OFFICES),
        options=options, ticks=(tick, not tick), period=f"{year}年1月—{year + 2}年12月",
        funds={"medium_term": medium, "annual": annual},
        goal_medium=f"用三年时间完成{place}{topic}，建立长效管理机制，群众满意度稳定在90%以上。",
        goal_annual=rng.choice(vocab.GOALS_PLANNED).format(place=place, topic=topic, year=year),
        indicators=_indicators(rng))
    if fault is not None:
        _plant(spec, fault, rng)
        spec.faults.append(fault)
    return spec


def _plant(spec: DeclarationSpec, fault: str, rng: random.Random) -> None:
    period = rng.choice(("medium_term", "annual"))
    if fault == "funds-sum":
        spec.funds[period]["fiscal"] += Decimal(rng.randint(1, 9) * 10_000)
        spec.fault_fields[fault] = [f"funds.{period}.total", f"funds.{period}.fiscal"]
    elif fault == "checkbox-state":
        spec.ticks = rng.choice(((True, True), (False, False)))
        spec.fault_fields[fault] = ["project_attribute"]
    elif fault == "target-quality":
        outputs = [i for i in spec.indicators if i.level1 == "产出指标"]
        item = rng.choice(outputs)
        item.annual = Printed("", "按要求完成", "", None, qualitative=True)
        spec.fault_fields[fault] = ["indicators"]
    elif fault == "template-text":
        spec.goal_annual = rng.choice(vocab.TEMPLATE_TEXTS)
        spec.fault_fields[fault] = ["goal_annual"]
    elif fault == "unit-mismatch":
        factor = 1 + int(Decimal(12_000_000) / spec.funds["medium_term"]["total"])   # a project of 1200万元 or more
        spec.funds = {p: {k: v * factor for k, v in row.items()} for p, row in spec.funds.items()}
        spec.real_unit = "元"   # printed in 元 under the 万元 header
        spec.fault_fields[fault] = ["funds.medium_term.total"]
    elif fault == "missing-field":
        spec.project_name = None
        spec.fault_fields[fault] = ["project_name"]


def _l(text: str, span: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, span, rowspan, "label")


def _v(text: str | None, span: int = 1) -> Cell:
    return Cell(text or "", span)


def _boxes(spec: DeclarationSpec, pdf: bool) -> str:
    on, off = ("■", "□") if pdf else ("☑", "☐")
    return "  ".join(f"{on if t else off}{o}" for o, t in zip(spec.options, spec.ticks, strict=True))


def _level_rows(items: list[DeclIndicator], k: int) -> tuple[bool, int, bool, int]:
    ind = items[k]
    first1 = k == 0 or items[k - 1].level1 != ind.level1
    first2 = first1 or items[k - 1].level2 != ind.level2
    n1 = sum(1 for j in items[k:] if j.level1 == ind.level1) if first1 else 0
    n2 = 0
    if first2:
        for j in items[k:]:
            if j.level1 != ind.level1 or j.level2 != ind.level2:
                break
            n2 += 1
    return first1, n1, first2, n2


def grid(spec: DeclarationSpec, pdf: bool = False) -> Grid:
    """The printed form."""
    national = spec.variant == "national"
    width = 8 if national else 6
    rest = width - 1
    half = rest // 2
    rows: list[list[Cell]] = [
        [_l("项目名称"), _v(spec.project_name, rest)],
        [_l("主管部门及代码" if national else "主管部门"), _v(spec.department, half), _l("实施单位"), _v(spec.implementing_unit, rest - half - 1)],
        [_l("项目属性"), _v(_boxes(spec, pdf), half), _l("项目期"), _v(spec.period, rest - half - 1)],
    ]
    m, a = spec.funds["medium_term"], spec.funds["annual"]
    labels = (("资金总额", "total"), ("其中：财政拨款", "fiscal"), ("其他资金", "other"))
    if national:
        for i, (label, key) in enumerate(labels):
            head = [_l("项目资金（万元）", rowspan=3)] if i == 0 else [CONT]
            ml, al = ("中期资金总额：", "年度资金总额：") if i == 0 else (label, label)
            rows.append(head + [_l(ml, 2), _v(spec.figure(m[key]), 2), _l(al, 2), _v(spec.figure(a[key]))])
    else:
        rows.append([_l("项目资金（万元）", rowspan=3), _l(""), *[_l(label) for label, _ in labels[:2]], _l(labels[2][0], 2)])
        for name, row in (("中期", m), ("年度", a)):
            rows.append([CONT, _l(name), _v(spec.figure(row["total"])), _v(spec.figure(row["fiscal"])),
                         _v(spec.figure(row["other"]), 2)])
    years = f"（{spec.year}年—{spec.year + 2}年）"
    rows.append([_l("总体目标", rowspan=2), _l("中期目标" + years, half), _l("年度目标", rest - half)])
    rows.append([CONT, _v(spec.goal_medium, half), _v(spec.goal_annual, rest - half)])
    items = spec.indicators
    if national:
        rows.append([_l("绩效指标", rowspan=len(items) + 1), *[_l(h) for h in
                     ("一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值")]])
        for k, ind in enumerate(items):
            first1, n1, first2, n2 = _level_rows(items, k)
            rows.append([CONT, _l(ind.level1, rowspan=n1) if first1 else CONT,
                         _l(ind.level2, rowspan=n2) if first2 else CONT, _v(ind.name), _v(ind.medium.raw),
                         _l(ind.level2, rowspan=n2) if first2 else CONT, _v(ind.name), _v(ind.annual.raw)])
    else:
        for label, attr in (("中期绩效指标", "medium"), ("年度绩效指标", "annual")):
            rows.append([_l(label, rowspan=len(items) + 1), *[_l(h) for h in ("一级指标", "二级指标", "三级指标")],
                         _l("指标值", 2)])
            for k, ind in enumerate(items):
                first1, n1, first2, n2 = _level_rows(items, k)
                rows.append([CONT, _l(ind.level1, rowspan=n1) if first1 else CONT,
                             _l(ind.level2, rowspan=n2) if first2 else CONT, _v(ind.name),
                             _v(getattr(ind, attr).raw, 2)])
    return Grid([spec.title], rows, [], width)


def _amount(spec: DeclarationSpec, yuan: Decimal) -> dict[str, Any]:
    raw = spec.figure(yuan)
    number = Decimal(raw.replace(",", ""))
    return {"raw": raw, "stated_unit": "万元", "unit": "万元", "yuan": str((number * WAN).quantize(Decimal("0.01"))),
            "unit_inferred": False}


def _target(printed: Printed) -> dict[str, Any]:
    if printed.qualitative:
        return {"raw": printed.raw, "op": None, "value": None, "unit": None}
    return {"raw": printed.raw, "op": printed.op, "value": printed.figure, "unit": printed.unit or None}


def record(spec: DeclarationSpec, name: str, fmt: str) -> dict[str, Any]:
    """The Record-shaped expectation (`source.part` added by the caller)."""
    ticked = [o for o, t in zip(spec.options, spec.ticks, strict=True) if t]
    indicators = [{"period": period, "level1": i.level1, "level2": i.level2, "name": i.name,
                   "target": _target(getattr(i, attr))}
                  for period, attr in (("medium_term", "medium"), ("annual", "annual")) for i in spec.indicators]
    fields = {"project_name": spec.project_name, "department": spec.department,
              "implementing_unit": spec.implementing_unit,
              "project_attribute": ticked[0] if len(ticked) == 1 else None, "project_period": spec.period,
              "funds": {p: {k: _amount(spec, v) for k, v in row.items()} for p, row in spec.funds.items()},
              "goal_medium_term": spec.goal_medium, "goal_annual": spec.goal_annual, "indicators": indicators}
    boxes = [{"question": "项目属性", "field": "project_attribute",
              "options": [{"label": o, "checked": t} for o, t in zip(spec.options, spec.ticks, strict=True)]}]
    return {"schema_version": "1", "status": "partial" if spec.project_name is None else "ok", "errors": [],
            "source": {"path": name, "format": fmt},
            "form": {"type": "target_declaration", "variant": None, "title": spec.title, "year": spec.year},
            "fields": fields, "checkboxes": boxes, "sections": [], "discrepancies": [], "provenance": {}}
