"""Factories for the self-evaluation rules' tests: a consistent 项目支出绩效自评表 built by hand.

`make_self_evaluation(**changes)` returns (document, record) of a clean form: funds in 万元
that add up (100 = 100 + 0; 120 = 110 + 10; 108 = 100 + 8), 执行率 90% = 108 ÷ 120, budget
score 9 = 10 × 90%, four indicators worth 90 points plus the budget's 10, total 96 (优).
`changes` replace fields by dotted key (`funds.total.score="8"`, `indicators.3.deviation_reason=None`,
`grade="良"`); a string for an amount is read in 万元. Every cell has provenance on the line
of its row, as the parser gives it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from extract.checks import run_checks
from extract.settings import CheckSettings
from parsers.lines import build_document
from schemas.discrepancy import Discrepancy
from schemas.document import Document, Paragraph
from schemas.fields import Amount, to_yuan_string
from schemas.forms import SelfEvaluationFields
from schemas.record import FormInfo, ProvenanceEntry, Record, Source, Status

TITLE = "项目支出绩效自评表（2023年度）"
NARRATIVE = ("2023年全年预算120万元，实际支出108万元，预算执行率90%。",)
FUNDS_COLUMNS = ("initial_budget", "annual_budget", "executed", "weight", "rate_pct", "score")
ROW_LABELS = {"total": "年度资金总额", "fiscal": "其中：当年财政拨款", "carryover": "上年结转资金", "other": "其他资金"}
AMOUNT_KEYS = ("initial_budget", "annual_budget", "executed")


def amount(raw: str, unit: str = "万元") -> Amount:
    """An amount as the parser reads a 万元 column."""
    return Amount(raw=raw, stated_unit=unit, unit=unit, yuan=to_yuan_string(Decimal(raw.replace(",", "")), unit))


def target(raw: str, op: str | None = None, value: str | None = None, unit: str | None = None) -> dict[str, Any]:
    """A target as the parser splits it."""
    return {"raw": raw, "op": op, "value": value, "unit": unit}


def clean_fields() -> dict[str, Any]:
    """The fields of a consistent self-evaluation form (a plain dict, dotted changes apply)."""
    return {
        "project_name": "2023年某镇农村道路养护项目",
        "department": "某镇人民政府",
        "implementing_unit": "某镇建设管理中心",
        "funds": {
            "total": {"initial_budget": amount("100.00"), "annual_budget": amount("120.00"), "executed": amount("108.00"),
                      "weight": "10", "rate_pct": "90.00", "score": "9"},
            "fiscal": {"initial_budget": amount("100.00"), "annual_budget": amount("110.00"), "executed": amount("100.00")},
            "carryover": {"initial_budget": amount("0"), "annual_budget": amount("10.00"), "executed": amount("8.00")},
            "other": None,
            "extra": [],
        },
        "goal_planned": "完成农村道路养护50公里，改善群众出行条件。",
        "goal_actual": "完成农村道路养护52公里，群众出行条件明显改善。",
        "indicators": [
            {"level1": "产出指标", "level2": "数量指标", "name": "道路养护里程", "target": target("≥50公里", ">=", "50", "公里"),
             "actual": target("52公里", None, "52", "公里"), "weight": "30", "score": "30", "deviation_reason": None},
            {"level1": "产出指标", "level2": "时效指标", "name": "完工时间", "target": target("30天", None, "30", "天"),
             "actual": target("28天", None, "28", "天"), "weight": "20", "score": "20", "deviation_reason": None},
            {"level1": "效益指标", "level2": "社会效益指标", "name": "群众出行条件", "target": target("有效改善"),
             "actual": target("有效改善"), "weight": "20", "score": "20", "deviation_reason": "无"},
            {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "群众满意度", "target": target("≥90%", ">=", "90", "%"),
             "actual": target("85%", None, "85", "%"), "weight": "20", "score": "17",
             "deviation_reason": "部分路段施工影响出行，下年度加强施工组织"},
        ],
        "total_weight": "100",
        "total_score": "96",
        "grade": "优",
        "conclusion": "项目总体完成年度目标。",
        "problems": "施工组织有待加强。",
        "improvements": "加强施工组织与宣传。",
    }


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    node: Any = data
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    last = parts[-1]
    if isinstance(value, str) and last in AMOUNT_KEYS:
        value = amount(value)
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Amount):
        return value.raw
    if isinstance(value, dict):
        return str(value.get("raw", ""))
    return str(value)


def _lines(fields: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(text, dotted keys it holds) of every line of the form."""
    lines: list[tuple[str, list[str]]] = [(TITLE, [])]
    for name, text in (("project_name", "项目名称"), ("department", "主管部门"), ("implementing_unit", "实施单位")):
        lines.append((f"{text}\t{_show(fields.get(name))}", [name]))
    lines.append(("项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分", []))
    funds = fields.get("funds") or {}
    for row, label in ROW_LABELS.items():
        cells = funds.get(row)
        if cells:
            shown = [_show(cells.get(c)) for c in FUNDS_COLUMNS]
            lines.append(("\t".join([label, *shown]), [f"funds.{row}.{c}" for c in FUNDS_COLUMNS if cells.get(c) is not None]))
    for index, cells in enumerate(funds.get("extra") or []):
        shown = [_show(cells.get(c)) for c in FUNDS_COLUMNS]
        lines.append(("\t".join([cells["label"], *shown]), [f"funds.extra.{index}.{c}" for c in FUNDS_COLUMNS if cells.get(c) is not None]))
    lines.append((f"年度总体目标\t{_show(fields.get('goal_planned'))}\t{_show(fields.get('goal_actual'))}", ["goal_planned", "goal_actual"]))
    lines.append(("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施", []))
    columns = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation_reason")
    for index, item in enumerate(fields.get("indicators") or []):
        lines.append(("\t".join(_show(item.get(c)) for c in columns), [f"indicators.{index}.{c}" for c in columns if item.get(c) is not None]))
    lines.append((f"总分\t{_show(fields.get('total_weight'))}\t{_show(fields.get('total_score'))}", ["total_weight", "total_score"]))
    lines.append((f"评价等级\t{_show(fields.get('grade'))}", ["grade"]))
    for name, text in (("conclusion", "评价结论"), ("problems", "存在问题"), ("improvements", "改进措施")):
        lines.append((f"{text}\t{_show(fields.get(name))}", [name]))
    return lines


def make_self_evaluation(*, narrative: tuple[str, ...] = NARRATIVE, title: str = TITLE, year: int | None = 2023,
                         form_type: str = "self_evaluation", **changes: Any) -> tuple[Document, Record]:
    """A consistent self-evaluation form except for `changes` (dotted keys, `__` for `.` too)."""
    data = clean_fields()
    for dotted, value in changes.items():
        _set(data, dotted.replace("__", "."), value)
    lines = _lines(data)
    lines[0] = (title, [])
    texts = [text for text, _ in lines] + list(narrative)
    document = build_document(Source(path="self-eval.txt", format="txt"), [Paragraph(text=t) for t in texts])
    provenance: dict[str, ProvenanceEntry] = {}
    for (text, keys), line in zip(lines, document.lines, strict=False):
        for dotted in keys:
            provenance[dotted] = ProvenanceEntry(page=line.loc.page, line=line.loc.line, text=text)
    record = Record(
        status=Status.OK,
        source=document.source,
        form=FormInfo(type=form_type, title=title, year=year),  # type: ignore[arg-type]
        fields=SelfEvaluationFields.model_validate(data),
        provenance=provenance,
    )
    return document, record


def check(settings: CheckSettings | None = None, **changes: Any) -> Record:
    """The checked record of `make_self_evaluation(**changes)`."""
    document, record = make_self_evaluation(**changes)
    return run_checks(document, record, settings or CheckSettings())


def of_rule(rule_id: str, settings: CheckSettings | None = None, **changes: Any) -> list[Discrepancy]:
    """`rule_id`'s discrepancies on the form with `changes`."""
    return [d for d in check(settings, **changes).discrepancies if d.rule == rule_id]
