"""Build the Word corpus reproducibly: `python corpus/docx/build_samples.py` (from the repo root).

Each case is the monitoring form (财政项目支出绩效运行监控（跟踪评价）) laid out like the seed
report: title and 街镇名称 above an 8-column table whose merged cells python-docx makes
(`cell.merge`: gridSpan + vMerge), with the ticked boxes injected as raw WordprocessingML in
one of Word's four representations. The `.expected.json` files beside the documents are
written by hand and are NOT produced here. Documents are written with fixed core properties
and zip timestamps so a rebuild gives the same bytes.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import docx
from docx.shared import Pt
from lxml import etree

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
NSDECL = f'xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"'
FIXED_TIME = datetime(2024, 9, 10, 9, 0, 0)

TITLE = "财政项目支出绩效运行监控（跟踪评价）"
H1 = "一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）："
H2 = "二、项目具体实施情况（对照阶段性绩效目标的完成情况）："
H3 = "三、阶段性跟踪结论："
H4 = "四、绩效跟踪后项目总体判断"
OUTLOOK = ("确定能完成", "有可能完成", "确定不能完成")


# ---------------------------------------------------------------- box representations
def _run(text: str, font: str | None = None) -> str:
    props = ""
    if font:
        props = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/></w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _sdt(checked: bool) -> str:
    glyph = "☒" if checked else "☐"
    return (
        "<w:sdt><w:sdtPr><w:id w:val=\"1\"/><w14:checkbox>"
        f'<w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
        f"</w14:checkbox></w:sdtPr><w:sdtContent>{_run(glyph, 'MS Gothic')}</w:sdtContent></w:sdt>"
    )


def _form_field(checked: bool, by_default: bool = False) -> str:
    if by_default:
        state = '<w:default w:val="1"/>' if checked else '<w:default w:val="0"/>'
    else:
        state = '<w:default w:val="0"/>' + ("<w:checked/>" if checked else "")
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
        f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


BOXES = {
    "glyph": lambda c: _run("☑" if c else "☐"),
    "glyph-variant": lambda c: _run("☒" if c else "□"),
    "sym-wingdings2": lambda c: f'<w:r><w:sym w:font="Wingdings 2" w:char="{"F052" if c else "F0A3"}"/></w:r>',
    "sym-wingdings": lambda c: f'<w:r><w:sym w:font="Wingdings" w:char="{"F0FE" if c else "F0A8"}"/></w:r>',
    "pua-wingdings2": lambda c: _run("\uf052" if c else "\uf0a3", "Wingdings 2"),
    "pua-nofont": lambda c: _run("\uf0fe" if c else "\uf06f"),
    "letters-wingdings2": lambda c: _run("R" if c else "£", "Wingdings 2"),
    "sdt": _sdt,
    "formfield": _form_field,
    "formfield-default": lambda c: _form_field(c, by_default=True),
}


def options_xml(labels: tuple[str, ...], ticked: str, kind: str, *, before: bool) -> str:
    """One paragraph of options, each with its box before or after the label."""
    parts = []
    for index, label in enumerate(labels):
        box = BOXES[kind](label == ticked)
        parts.append(box + _run(label) if before else _run(label) + box)
        if index < len(labels) - 1:
            parts.append(_run("  "))
    return "".join(parts)


# ---------------------------------------------------------------- the form
@dataclass
class Case:
    name: str
    variant: str  # "key" | "general"
    unit: str  # "元" | "万元"
    town: str
    project: str
    budget_unit: str
    implementing: str
    period: str
    recurring: str
    amounts: dict[str, str]  # annual, executed, adjusted, decrease, increase, review
    progress: str
    adjustment: str
    reason: str | None
    narrative: dict[str, list[str]]
    conclusion: str
    outlook: tuple[str, str]
    boxes: dict[str, str]  # recurring / adjustment / budget / goal -> representation
    before: dict[str, bool] = field(default_factory=dict)
    narrative_in_cell: bool = True
    conclusion_after_table: bool = False
    page_break_before_narrative: bool = False


def fragment(xml: str) -> etree._Element:
    return etree.fromstring(re.sub(r"^(\s*<[\w:]+)", rf"\1 {NSDECL}", xml, count=1))


def set_runs(paragraph, runs_xml: str) -> None:  # noqa: ANN001 - python-docx proxy
    wrapper = fragment(f"<w:p>{runs_xml}</w:p>")
    for child in list(wrapper):
        paragraph._p.append(child)


def write_cell(cell, *paragraphs: str) -> None:  # noqa: ANN001 - python-docx proxy
    """Cell text; a string starting with "<" is raw run XML."""
    first = cell.paragraphs[0]
    for index, text in enumerate(paragraphs):
        para = first if index == 0 else cell.add_paragraph()
        if text.startswith("<"):
            set_runs(para, text)
        else:
            para.add_run(text)


def build(case: Case) -> bytes:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(f"{{{W_NS}}}eastAsia", "宋体")
    variant = "（重点）" if case.variant == "key" else "（一般）"
    document.add_paragraph(TITLE + variant).alignment = 1
    document.add_paragraph(f"街镇名称：{case.town}（盖章）")
    key = case.variant == "key"
    rows = 7 + int(key) + int(case.narrative_in_cell) + int(not case.conclusion_after_table)
    table = document.add_table(rows=rows, cols=8)
    table.style = "Table Grid"
    _fill_head(table, case)
    row = 4
    if key:
        table.cell(row, 1).merge(table.cell(row, 7))
        write_cell(table.cell(row, 0), "选择重点跟踪理由")
        write_cell(table.cell(row, 1), case.reason or "")
        row += 1
    if case.narrative_in_cell:
        wide = table.cell(row, 0).merge(table.cell(row, 7))
        write_cell(wide, *_narrative(case))
        row += 1
    if not case.conclusion_after_table:
        wide = table.cell(row, 0).merge(table.cell(row, 7))
        write_cell(wide, H3, case.conclusion)
        row += 1
    _fill_outlook(table, row, case)
    if not case.narrative_in_cell:
        if case.page_break_before_narrative:
            document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
        for text in _narrative(case):
            document.add_paragraph(text)
    if case.conclusion_after_table:
        document.add_paragraph(H3)
        document.add_paragraph(case.conclusion)
    return _save(document)


def _fill_head(table, case: Case) -> None:  # noqa: ANN001
    u = case.unit
    a = case.amounts
    table.cell(0, 1).merge(table.cell(0, 7))
    write_cell(table.cell(0, 0), "项目名称")
    write_cell(table.cell(0, 1), case.project)
    head = [
        ["预算单位", case.budget_unit, "具体实施（内设机构）", case.implementing, "跟踪时段", case.period,
         "是否为经常性项目", options_xml(("是", "否"), case.recurring, case.boxes["recurring"],
                                          before=case.before.get("recurring", False))],
        [f"当年预算数（{u}）", a["annual"], f"预算执行数（{u}）", a["executed"], "预算执行进度（%）",
         case.progress, "是否需要预算调整", options_xml(("是", "否"), case.adjustment, case.boxes["adjustment"],
                                                       before=case.before.get("adjustment", False))],
        [f"调整后预算数（{u}）", a["adjusted"], f"调减金额（{u}）", a["decrease"], f"调增金额（{u}）",
         a["increase"], f"事前绩效评估评审预算（{u}）", a["review"]],
    ]
    for r, values in enumerate(head, start=1):
        for c, value in enumerate(values):
            write_cell(table.cell(r, c), value)


def _fill_outlook(table, row: int, case: Case) -> None:  # noqa: ANN001
    label = table.cell(row, 0).merge(table.cell(row + 1, 1))
    write_cell(label, H4)
    for offset, (question, ticked, key) in enumerate(
        (("年度项目预算完成可能性", case.outlook[0], "budget"), ("年度绩效目标完成可能性", case.outlook[1], "goal"))
    ):
        r = row + offset
        write_cell(table.cell(r, 2).merge(table.cell(r, 4)), question)
        for index, option in enumerate(OUTLOOK):
            box = BOXES[case.boxes[key]](option == ticked)
            before = case.before.get(key, False)
            write_cell(table.cell(r, 5 + index), box + _run(option) if before else _run(option) + box)


def _narrative(case: Case) -> list[str]:
    n = case.narrative
    return [H1, "1、项目背景概况", *n["background"], "2、预算安排", *n["budget"],
            H2, "1、预算执行情况", *n["execution"], "2、阶段性目标完成情况", *n["goals"]]


def _save(document) -> bytes:  # noqa: ANN001
    props = document.core_properties
    props.author = "jixiao corpus"
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = "jixiao corpus"
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename != "[Content_Types].xml"):
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def main() -> int:
    from cases import CASES  # noqa: PLC0415 - the case data lives beside this script

    for case in CASES:
        (HERE / f"{case.name}.docx").write_bytes(build(case))
        print(f"wrote {case.name}.docx")
    from raw_samples import CASES as RAW_CASES  # noqa: PLC0415 - layouts written as raw WordprocessingML

    for make in RAW_CASES:
        data, content = make()
        (HERE / f"{data['name']}.docx").write_bytes(content)
        print(f"wrote {data['name']}.docx")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main())
