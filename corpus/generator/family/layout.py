"""The logical layout of a self-evaluation form, shared by every writer: header lines, a grid of
cells with spans, and note lines below it.

Owns which label and value stands in which cell for each variant (national 财预〔2020〕10号,
Shanghai 元, Sichuan split targets, department-wide, unscored). Writers own only how a cell is
drawn. A cell covered by a rowspan is a `cont` cell, so every row has the grid's width. Some
forms print a level's points after its label (产出指标（50分）); the record keeps the label.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.generator.family.model import EMPTY_NUMBER, SelfEvalSpec, dec_text


@dataclass(frozen=True)
class Cell:
    """A logical cell: label, value, or `cont` (covered by a rowspan from above)."""

    text: str = ""
    span: int = 1
    rowspan: int = 1
    role: str = "value"


@dataclass(frozen=True)
class Grid:
    """The form as printed: lines above the table, the table rows, lines below."""

    header: list[str]
    rows: list[list[Cell]]
    footer: list[str]
    width: int


def _l(text: str, span: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, span, rowspan, "label")


def _v(text: str | None, span: int = 1) -> Cell:
    return Cell(text or "", span)


CONT = Cell(role="cont")


def _num(value) -> str:
    return EMPTY_NUMBER if value is None else dec_text(value)


def _rate(value) -> str:
    return EMPTY_NUMBER if value is None else f"{value:.2f}%"


def _funds(spec: SelfEvalSpec, width: int) -> list[list[Cell]]:
    sichuan, scored = spec.variant == "sichuan", spec.scored
    unit = f"（{spec.stated_unit}）"
    if sichuan:
        heads = ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"]
        label = "预算执行情况（10分）"
    else:
        heads = ["年初预算数", "全年预算数", "全年执行数"] + (["分值", "执行率", "得分"] if scored else ["执行率"])
        label = ("预算执行情况" if spec.variant == "department" else "项目资金") + unit
    tail = width - 3 - len(heads)
    rows = [[_l(label, rowspan=len(spec.funds) + 1), _l("", 2), *[_l(h) for h in heads]]
            + ([_l("原因", tail)] if tail else [])]
    for row in spec.funds:
        money = [_v(spec.figure(getattr(row, a))) for a in ("initial", "annual", "executed")]
        rate = _v(_rate(row.rate))
        if sichuan:
            rest = [rate, _v(_num(row.weight)), _v(_num(row.score))]
        elif scored:
            rest = [_v(_num(row.weight)), rate, _v(_num(row.score))]
        else:
            rest = [rate]
        rows.append([CONT, _l(row.label, 2), *money, *rest] + ([_v("", tail)] if tail else []))
    return rows


def _indicator_rows(spec: SelfEvalSpec, width: int, placeholder: bool) -> list[list[Cell]]:
    sichuan, scored = spec.variant == "sichuan", spec.scored
    heads = ["一级指标", "二级指标", "三级指标"]
    heads += ["指标性质", "指标值", "度量单位", "完成值"] if sichuan else ["年度指标值", "实际完成值"]
    heads += (["权重", "得分"] if sichuan else ["分值", "得分"]) if scored else []
    heads.append("未完成原因分析" if sichuan else "偏差原因分析及改进措施")
    inds = spec.indicators
    n = len(inds) + (1 if placeholder else 0)
    rows = [[_l("绩效指标", rowspan=n + 1), *[_l(h) for h in heads]]]
    for i, ind in enumerate(inds):
        first1 = i == 0 or inds[i - 1].level1 != ind.level1
        first2 = first1 or inds[i - 1].level2 != ind.level2
        n1 = sum(1 for j in inds[i:] if j.level1 == ind.level1) if first1 else 0
        n2 = 0
        if first2:
            for j in inds[i:]:
                if j.level1 != ind.level1 or j.level2 != ind.level2:
                    break
                n2 += 1
        level1 = ind.level1
        if spec.level_points and first1:   # 产出指标（50分）: the record keeps 产出指标
            points = sum((j.weight or 0 for j in inds if j.level1 == ind.level1), 0)
            level1 += spec.level_points.format(points)
        row = [CONT, _l(level1, rowspan=n1) if first1 else CONT, _l(ind.level2, rowspan=n2) if first2 else CONT,
               _v(ind.name)]
        if sichuan:
            row += [_v(ind.target.op_text), _v(ind.target.figure), _v(ind.target.unit), _v(ind.actual.raw)]
        else:
            row += [_v(ind.target.raw), _v(ind.actual.raw)]
        if scored:
            row += [_v(_num(ind.weight)), _v(_num(ind.score))]
        row.append(_v(ind.deviation or spec.empty_text))
        rows.append(row)
    if placeholder:
        rows.append([CONT, _v(""), _v(""), _v("……")] + [_v("") for _ in heads[3:]])
    return rows


def grid(spec: SelfEvalSpec, placeholder: bool = False) -> Grid:
    """The grid of `spec`; `placeholder` adds an unfilled template row (……) to the indicators."""
    sichuan = spec.variant == "sichuan"
    width = 11 if sichuan else 9 if spec.scored else 7
    rest = width - 1
    header = [spec.title]
    if sichuan:
        header.append(f"单位：{spec.stated_unit}")
    rows: list[list[Cell]] = []
    if spec.variant == "department":
        rows.append([_l("部门（单位）名称"), _v(spec.department, rest)])
    else:
        dept, impl = {"shanghai": ("预算部门", "项目实施单位"), "sichuan": ("主管部门及代码", "实施单位")}.get(
            spec.variant, ("主管部门", "实施单位"))
        half = rest // 2
        rows.append([_l("项目名称"), _v(spec.project_name, rest)])
        rows.append([_l(dept), _v(spec.department, half - 1), _l(impl), _v(spec.implementing_unit, rest - half)])
    rows += _funds(spec, width)
    half = rest // 2
    rows.append([_l("年度总体目标", rowspan=2), _l("预期目标", half), _l("实际完成情况", rest - half)])
    rows.append([CONT, _v(spec.goal_planned, half), _v(spec.goal_actual, rest - half)])
    rows += _indicator_rows(spec, width, placeholder)
    if spec.scored:
        rows.append([_l("总分", width - 3), _v(_num(spec.total_weight)), _v(_num(spec.total_score)), _v("")])
    if spec.show_grade:
        label = {"shanghai": "自评等级", "sichuan": "绩效等级"}.get(spec.variant, "评价等级")
        rows.append([_l(label), _v(spec.grade, rest)])
    for label, value in ((("评价结论" if spec.variant != "shanghai" else "自评结论"), spec.conclusion),
                         ("存在问题", spec.problems), ("改进措施", spec.improvements)):
        if value is not None:
            rows.append([_l(label), _v(value, rest)])
    return Grid(header, rows, [spec.note] if spec.note else [], width)
