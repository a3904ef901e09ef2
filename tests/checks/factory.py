"""Factories for checker tests (imported by the test modules as `.factory`): a consistent report built by hand, and overrides to break it.

`make_case(**overrides)` returns (document, record) for a clean, consistent report in the
tab dialect's shape (table rows joined by tabs, narrative paragraphs as lines), with
provenance pointing at the table lines. Overrides replace fields (a string for an amount
field is read in `unit`), the narrative paragraphs, the conclusion, sections or checkboxes.
`findings(rule_id, **overrides)` runs every check and returns that rule's discrepancies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from extract.checks import CheckContext, run_checks
from extract.settings import CheckSettings
from parsers.lines import build_document
from parsers.units import read_units
from schemas.checkbox import CheckboxGroup, CheckboxOption
from schemas.discrepancy import Discrepancy
from schemas.document import Cell, Document, Paragraph, Table
from schemas.fields import AMOUNT_FIELDS, Amount, Fields, Period, to_yuan_string
from schemas.record import FormInfo, ProvenanceEntry, Record, Source, Status
from schemas.section import Section

TITLE = "财政项目支出绩效运行监控（跟踪评价）（重点）"
CLEAN_NARRATIVE = (
    "本项目2024年初预算安排为100万元，调减预算20万元，调整后预算80万元，预算调整率20%。",
    "截至跟踪期实际支出64万元，预算执行率80%。其中设计费为40*50%=20万元。",
)
CLEAN_CONCLUSION = "运行正常（执行率和目标完成度均在75%以上）"

LABELS = {
    "annual_budget": "当年预算数",
    "executed": "预算执行数",
    "adjusted_budget": "调整后预算数",
    "decrease": "调减金额",
    "increase": "调增金额",
    "ex_ante_review_budget": "事前绩效评估评审 预算",
}
ROWS = (("annual_budget", "executed"), ("adjusted_budget", "decrease", "increase", "ex_ante_review_budget"))


def amount(raw: str, unit: str | None = "万元") -> Amount:
    """An Amount as the field parser makes it: label unit stated, yuan in that unit."""
    value = Decimal(raw.replace(",", ""))
    return Amount(raw=raw, stated_unit=unit, unit=unit or "元", yuan=to_yuan_string(value, unit or "元"))


def clean_fields(unit: str | None = "万元") -> dict[str, Any]:
    """The fields of a consistent report."""
    return {
        "town": "上海市闵行区某镇人民政府",
        "project_name": "2024年某镇道路养护项目",
        "budget_unit": "某镇城市运行管理中心",
        "implementing_unit": "某镇城市运行管理中心",
        "tracking_period": Period(start=date(2024, 1, 1), end=date(2024, 8, 31)),
        "recurring": False,
        "adjustment_needed": True,
        "annual_budget": amount("100.00", unit),
        "executed": amount("64.00", unit),
        "execution_progress_pct": "80",
        "adjusted_budget": amount("80.00", unit),
        "decrease": amount("20.00", unit),
        "increase": amount("0", unit),
        "ex_ante_review_budget": amount("2", unit),
        "key_tracking_reason": "2024年区委、区政府重点工作项目",
        "stage_conclusion": "运行正常",
        "budget_outlook": "确定能完成",
        "goal_outlook": "确定能完成",
    }


def yes_no(question: str, field: str, value: bool | None) -> CheckboxGroup:
    """A 是/否 group ticked according to `value` (None: none ticked)."""
    options = [CheckboxOption(label="是", checked=value is True), CheckboxOption(label="否", checked=value is False)]
    return CheckboxGroup(question=question, field=field, options=options)


def choice(question: str, field: str, ticked: str | None) -> CheckboxGroup:
    """A three-way outlook group."""
    labels = ("确定能完成", "有可能完成", "确定不能完成")
    return CheckboxGroup(
        question=question, field=field, options=[CheckboxOption(label=x, checked=x == ticked) for x in labels]
    )


def _box(value: bool | None) -> str:
    return f"是 {'☑' if value is True else '☐'} 否 {'☑' if value is False else '☐'}"


def _table(rows: list[list[str]]) -> Table:
    return Table(cells=tuple(Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)))


@dataclass
class Case:
    """A document and the record the field parser would make of it."""

    document: Document
    record: Record

    def read(self, settings: CheckSettings | None = None) -> Record:
        """The record as reading leaves it: its amounts in the units the evidence shows."""
        return read_units(self.document, self.record, settings or CheckSettings())

    def check(self, settings: CheckSettings | None = None) -> Record:
        """Finish reading, then run every rule."""
        settings = settings or CheckSettings()
        return run_checks(self.document, self.read(settings), settings)

    def ctx(self, settings: CheckSettings | None = None) -> CheckContext:
        """The context the rules see (units decided by reading)."""
        settings = settings or CheckSettings()
        return CheckContext(self.document, self.read(settings), settings)


def make_case(
    *,
    unit: str | None = "万元",
    narrative: tuple[str, ...] | list[str] = CLEAN_NARRATIVE,
    conclusion: str = CLEAN_CONCLUSION,
    sections: list[Section] | None = None,
    checkboxes: list[CheckboxGroup] | None = None,
    **overrides: Any,
) -> Case:
    """A report consistent in every respect except what `overrides` change."""
    values = clean_fields(unit) | {
        k: (amount(v, unit) if k in AMOUNT_FIELDS and isinstance(v, str) else v) for k, v in overrides.items()
    }
    fields = Fields(**values)
    unit_label = f" ({unit})" if unit else ""
    show = {name: (a.raw if (a := getattr(fields, name)) else "") for name in AMOUNT_FIELDS}
    rows = [
        ["项目名称", fields.project_name or ""],
        ["跟踪时段", _period_text(fields.tracking_period), "是否为经常性项目", _box(fields.recurring)],
        [f"{LABELS['annual_budget']}{unit_label}", show["annual_budget"], f"{LABELS['executed']}{unit_label}",
         show["executed"], "预算执行进度 (%)", f"{fields.execution_progress_pct or ''}%", "是否需要预算调整",
         _box(fields.adjustment_needed)],
        [x for n in ROWS[1] for x in (f"{LABELS[n]}{unit_label}", show[n])],
    ]
    blocks = [Paragraph(text=TITLE), _table(rows), *(Paragraph(text=p) for p in narrative)]
    blocks += [Paragraph(text="三、阶段性跟踪结论："), Paragraph(text=conclusion)]
    document = build_document(Source(path="case.txt", format="txt"), blocks)
    record = Record(
        status=Status.OK,
        source=document.source,
        form=FormInfo(type="monitoring", variant="key", title=TITLE),
        fields=fields,
        checkboxes=checkboxes if checkboxes is not None else _boxes(fields),
        sections=sections if sections is not None else _sections(narrative, conclusion),
        provenance=_provenance(document, fields),
    )
    return Case(document, record)


def _period_text(period: Period | None) -> str:
    if period is None:
        return ""
    return f"{period.start or ''} --- {period.end or ''}"


def _boxes(fields: Fields) -> list[CheckboxGroup]:
    return [
        yes_no("是否为经常性项目", "recurring", fields.recurring),
        yes_no("是否需要预算调整", "adjustment_needed", fields.adjustment_needed),
        choice("年度项目预算完成可能性", "budget_outlook", fields.budget_outlook),
        choice("年度绩效目标完成可能性", "goal_outlook", fields.goal_outlook),
    ]


def _sections(narrative: tuple[str, ...] | list[str], conclusion: str) -> list[Section]:
    return [
        Section(heading="一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）：",
                subsections=[Section(heading="1、项目背景概况", text="为改善道路通行条件，实施道路养护。")]),
        Section(heading="二、项目具体实施情况（对照阶段性绩效目标的完成情况）：",
                subsections=[Section(heading="1、预算执行情况", text="\n".join(narrative))]),
        Section(heading="三、阶段性跟踪结论：", text=conclusion),
    ]


def _provenance(document: Document, fields: Fields) -> dict[str, ProvenanceEntry]:
    """Each table field points at its row, quoting `label\tvalue` as the field parser does."""
    provenance: dict[str, ProvenanceEntry] = {}
    for line in document.lines:
        cells = line.text.split("\t")
        for i, cell in enumerate(cells[:-1]):
            key = next((k for k, v in LABELS.items() if cell.startswith(v)), None)
            key = key or {"项目名称": "project_name", "跟踪时段": "tracking_period", "预算执行进度 (%)": "execution_progress_pct",
                          "是否需要预算调整": "adjustment_needed", "是否为经常性项目": "recurring"}.get(cell)
            if key and getattr(fields, key) is not None:
                provenance[key] = ProvenanceEntry(
                    page=line.loc.page, line=line.loc.line, text=f"{cell}\t{cells[i + 1]}", block=line.block, row=line.row
                )
    return provenance


def of_rule(record: Record, rule_id: str) -> list[Discrepancy]:
    """The discrepancies `rule_id` raised."""
    return [d for d in record.discrepancies if d.rule == rule_id]


def findings(rule_id: str, settings: CheckSettings | None = None, **overrides: Any) -> list[Discrepancy]:
    """Run every rule on `make_case(**overrides)` and return `rule_id`'s discrepancies."""
    return of_rule(make_case(**overrides).check(settings), rule_id)
