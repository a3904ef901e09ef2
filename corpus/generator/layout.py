"""The form's logical layout, shared by every writer: header lines and an 8-column grid.

Owns what stands in which cell (labels, values, option groups, spans) and the printed
forms of the period and the percentage. Writers own only *how* a cell, a box or a page is
drawn. The grid follows the seed: rows 项目名称 / 预算单位… / 当年预算数… / 调整后预算数… /
选择重点跟踪理由 (（重点） only), narrative, 三、, and the two 四、 rows whose first cell spans both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from corpus.generator.model import TITLES, FormSpec

N_COLS = 8
UNIT_STYLES = (" (元)", "（元）", "(元)")


@dataclass(frozen=True)
class LCell:
    """A logical cell: a label, a value, or a group of options (label, ticked)."""

    text: str = ""
    options: tuple[tuple[str, bool], ...] = ()
    span: int = 1
    rowspan: int = 1
    role: str = "value"          # "label", "value", "options", "cont" (covered by a rowspan)


def _date(d: date, style: int) -> str:
    if style == 0:
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style in (1, 4):
        return f"{d.year}年{d.month}月{d.day}日"
    if style == 2:
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    return f"{d.year}/{d.month}/{d.day}"


_SEPARATORS = (" --- ", "至", "-", " — ", "-")


def period_text(spec: FormSpec) -> str:
    """跟踪时段 as printed in one of five styles; a missing end leaves the separator."""
    if spec.period_start is None:
        return ""
    sep = _SEPARATORS[spec.period_style]
    end = _date(spec.period_end, spec.period_style) if spec.period_end is not None else ""
    return (_date(spec.period_start, spec.period_style) + sep + end).strip()


def pct_printed(spec: FormSpec) -> str:
    """预算执行进度 as the table prints it: '88.24%' or '88.24'."""
    text = f"{spec.table_pct:.2f}"
    return text + "%" if spec.pct_style == "sign" else text


def header_lines(spec: FormSpec) -> list[str]:
    """The title and the 街镇名称 line above the table."""
    return [TITLES[spec.variant], "街镇名称：" + spec.town_printed]


def _label(text: str) -> LCell:
    return LCell(text=text, role="label")


def _options(spec: FormSpec, field: str, labels: tuple[str, ...]) -> LCell:
    return LCell(options=tuple(zip(labels, spec.boxes[field], strict=True)), role="options")


def top_rows(spec: FormSpec, unit_style: str = "（元）") -> list[list[LCell]]:
    """Rows 项目名称 … 选择重点跟踪理由, each spanning N_COLS columns."""
    unit = unit_style.replace("元", spec.stated_unit)
    pct_label = "预算执行进度" + unit_style.replace("元", "%")
    rows = [
        [_label("项目名称"), LCell(spec.project_name or "", span=7)],
        [_label("预算单位"), LCell(spec.budget_unit or ""), _label("具体实施（内设机构）"),
         LCell(spec.implementing_unit or ""), _label("跟踪时段"), LCell(period_text(spec)),
         _label("是否为经常性项目"), _options(spec, "recurring", ("是", "否"))],
        [_label("当年预算数" + unit), LCell(spec.figure("annual_budget")), _label("预算执行数" + unit),
         LCell(spec.figure("executed")), _label(pct_label), LCell(pct_printed(spec)),
         _label("是否需要预算调整"), _options(spec, "adjustment_needed", ("是", "否"))],
        [_label("调整后预算数" + unit), LCell(spec.figure("adjusted_budget")), _label("调减金额" + unit),
         LCell(spec.figure("decrease")), _label("调增金额" + unit), LCell(spec.figure("increase")),
         _label("事前绩效评估评审预算" + unit), LCell(spec.figure("ex_ante_review_budget"))],
    ]
    if spec.variant == "key":
        rows.append([_label("选择重点跟踪理由"), LCell(spec.key_reason or "", span=7)])
    return rows


def outlook_rows(spec: FormSpec) -> list[list[LCell]]:
    """The two 四、 rows; the second starts with a 'cont' cell covered by the first's rowspan."""
    options = ("确定能完成", "有可能完成", "确定不能完成")
    rows = []
    for i, (question, field) in enumerate((("年度项目预算完成可能性", "budget_outlook"),
                                           ("年度绩效目标完成可能性", "goal_outlook"))):
        first = LCell("四、绩效跟踪后项目总体判断", rowspan=2, role="label") if i == 0 else LCell(role="cont")
        ticks = spec.boxes[field]
        row = [first, _label(question)]
        row += [LCell(options=((o, t),), role="options", span=4 if j == 2 else 1)
                for j, (o, t) in enumerate(zip(options, ticks, strict=True))]
        rows.append(row)
    return rows


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (the characters between which OCR's wrap spaces are removed)."""
    return "\u4e00" <= ch <= "\u9fff"


def wrap_space(text: str, rng: random.Random, probability: float = 0.5) -> str:
    """Insert one OCR wrap space between two CJK characters (with `probability`)."""
    stop = min((text.index(b) for b in "（(" if b in text), default=len(text))  # never inside （元）
    slots = [i for i in range(1, stop) if is_cjk(text[i - 1]) and is_cjk(text[i])]
    if not slots or rng.random() >= probability:
        return text
    i = rng.choice(slots[len(slots) // 3:] or slots)
    return text[:i] + " " + text[i:]
