"""The seed report (../shared/seeds/000_e4d372a10ec87f57.txt) read by the real reader, with the
record the field parser should make of it built by hand, and the outcome the checker must give.

The seed's table labels its amounts (元) but holds 万元 figures; its 当年预算数 holds the
adjusted budget; 是否需要预算调整 is 否 against 调减 56.875万元.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parsers.readers import read_document
from schemas.checkbox import CheckboxGroup
from schemas.document import Document
from schemas.fields import Fields, Period
from schemas.record import FormInfo, ProvenanceEntry, Record, Source, Status
from schemas.section import Section

from .factory import amount, choice, yes_no

SEED_NAME = "000_e4d372a10ec87f57.txt"
_HERE = Path(__file__).resolve().parent
SEED_CANDIDATES = (_HERE.parents[2] / "shared" / "seeds" / SEED_NAME, _HERE.parent / "data" / f"seed_{SEED_NAME}")
SEED_PATH = next((p for p in SEED_CANDIDATES if p.exists()), SEED_CANDIDATES[-1])

# Every amount the seed prints, with the unit inference's verdict.
EXPECTED_UNITS = {
    "annual_budget": ("万元", "12250.00"),
    "executed": ("万元", "12250.00"),
    "adjusted_budget": ("万元", "12250.00"),
    "decrease": ("万元", "568750.00"),
    "ex_ante_review_budget": ("万元", "840000.00"),  # no evidence of its own: follows the table
}
# 事前绩效评估评审预算 follows the table at info severity: the issue names the four amounts above
# as the seed's unit-mismatch errors.
FOLLOWS_TABLE = ("ex_ante_review_budget",)
EXPECTED_ERRORS = sorted(
    [("unit-mismatch", name) for name in EXPECTED_UNITS if name not in FOLLOWS_TABLE]
    + [("budget-identity", None), ("adjustment-flag", None)]
)


def seed_document() -> Document:
    """The seed as the tab-dialect reader sees it."""
    return read_document(SEED_PATH, SEED_PATH.read_bytes())


def _line(document: Document, starts: str) -> tuple[int, str]:
    line = next(x for x in document.lines if starts in x.text)
    return line.loc.line, line.text


def seed_record(document: Document) -> Record:
    """What the field parser should make of the seed, built by hand."""
    fields = Fields(
        town="上海市闵行区华漕镇人民政府",
        project_name="2024年华漕镇“一网统管”信息化建设及运维+智能信息数据归集和应用项目",
        budget_unit="华漕镇城市运行管理中心",
        implementing_unit="华漕镇城市运行管理中心",
        tracking_period=Period(start=date(2024, 1, 1), end=date(2024, 8, 31)),
        recurring=False,
        adjustment_needed=False,
        annual_budget=amount("1.225", "元"),
        executed=amount("1.225", "元"),
        execution_progress_pct="100",
        adjusted_budget=amount("1.225", "元"),
        decrease=amount("56.875", "元"),
        increase=amount("0", "元"),
        ex_ante_review_budget=amount("84", "元"),
        key_tracking_reason="2024年区委、区政府及本级政府或本部门重点工作项目",
        stage_conclusion="运行正常",
        budget_outlook="确定能完成",
        goal_outlook="确定能完成",
    )
    row5, text5 = _line(document, "当年预算数")
    row6, text6 = _line(document, "调整后预算数")
    cells5, cells6 = text5.split("\t"), text6.split("\t")
    provenance = {
        "annual_budget": ProvenanceEntry(line=row5, text="\t".join(cells5[0:2]), block=2, row=2),
        "executed": ProvenanceEntry(line=row5, text="\t".join(cells5[2:4]), block=2, row=2),
        "execution_progress_pct": ProvenanceEntry(line=row5, text="\t".join(cells5[4:6]), block=2, row=2),
        "adjustment_needed": ProvenanceEntry(line=row5, text="\t".join(cells5[6:8]), block=2, row=2),
        "adjusted_budget": ProvenanceEntry(line=row6, text="\t".join(cells6[0:2]), block=2, row=3),
        "decrease": ProvenanceEntry(line=row6, text="\t".join(cells6[2:4]), block=2, row=3),
        "increase": ProvenanceEntry(line=row6, text="\t".join(cells6[4:6]), block=2, row=3),
        "ex_ante_review_budget": ProvenanceEntry(line=row6, text="\t".join(cells6[6:8]), block=2, row=3),
    }
    narrative = [x.text for x in document.lines if x.text.startswith(("本项目2024年初", "截至跟踪期"))]
    sections = [
        Section(heading="一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）：", subsections=[
            Section(heading="1、项目背景概况", text="为贯彻落实市委、市政府关于城市运行“一网统管”工作部署会议精神……"),
            Section(heading="2、预算安排", text=""),
        ]),
        Section(heading="二、项目具体实施情况（对照阶段性绩效目标的完成情况）：", subsections=[
            Section(heading="1、预算执行情况", text="\n".join(narrative)),
            Section(heading="2、阶段性目标完成情况", text="截至2024年8月31日，施工阶段已全部完成……"),
        ]),
        Section(heading="三、阶段性跟踪结论：", text="运行正常（执行率和目标完成度均在75%以上）"),
    ]
    boxes: list[CheckboxGroup] = [
        yes_no("是否为经常性项目", "recurring", False),
        yes_no("是否需要预算调整", "adjustment_needed", False),
        choice("年度项目预算完成可能性", "budget_outlook", "确定能完成"),
        choice("年度绩效目标完成可能性", "goal_outlook", "确定能完成"),
    ]
    return Record(
        status=Status.OK,
        source=Source(path=str(SEED_PATH), format="txt"),
        form=FormInfo(type="monitoring", variant="key", title="财政项目支出绩效运行监控（跟踪评价）（重点）"),
        fields=fields,
        checkboxes=boxes,
        sections=sections,
        provenance=provenance,
    )
