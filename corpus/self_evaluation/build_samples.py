"""Build the Word and PDF self-evaluation samples of this folder.

Run from the repository root: `python corpus/self_evaluation/build_samples.py`. The content
of each form is written out below; the expected records beside the documents are written and
checked by hand, never produced here.

- `word_two_forms_merged.docx`: two national-layout forms (万元) in one file, separated by a
  page break, the 一级/二级 indicator cells merged vertically, the 项目资金 label merged over the
  funds block, 总分 merged over five columns.
- `pdf_shanghai_yuan_pages.pdf`: a Shanghai 财政项目支出绩效自评表 in 元 (caption 单位：元), the
  indicator table long enough to run onto a second page (header repeated there).
- `pdf_sichuan_split_target.pdf`: a Sichuan 部门预算项目支出绩效自评表: 预算执行情况（10分）
  block with one row of figures, targets split over 指标性质 / 指标值 / 度量单位, 完成值 without
  units, no 总分 row.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

FUNDS_HEAD = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]

WORD_FORMS = [
    {
        "year": "2023",
        "project": "2023年华漕镇垃圾分类设施提升项目",
        "department": "上海市闵行区华漕镇人民政府",
        "unit": "华漕镇市容环境管理所",
        "funds": [
            ["年度资金总额", "120", "120", "114", "10", "95%", "9.5"],
            ["其中：当年财政拨款", "120", "120", "114", "—", "95%", "—"],
            ["上年结转资金", "", "", "", "—", "", "—"],
            ["其他资金", "", "", "", "—", "", "—"],
        ],
        "goal": ["新建垃圾分类投放点30个，设施完好率95%以上。", "新建投放点30个，设施完好率98%。"],
        "indicators": [
            ["产出指标", "数量指标", "新建投放点数量", "30个", "30个", "20", "20", ""],
            ["产出指标", "质量指标", "设施完好率", "≥95%", "98%", "20", "20", ""],
            ["产出指标", "时效指标", "完工时间", "2023年10月底前", "2023年10月", "10", "10", ""],
            ["效益指标", "社会效益指标", "垃圾分类知晓率", "≥90%", "93%", "20", "20", ""],
            ["效益指标", "可持续影响指标", "设施长效运行", "长期", "达成年度指标", "10", "10", ""],
            ["满意度指标", "服务对象满意度指标", "居民满意度", "≥85%", "88%", "10", "10", ""],
        ],
        "total": ["100", "99.5"],
    },
    {
        "year": "2023",
        "project": "2023年华漕镇河道保洁项目",
        "department": "上海市闵行区华漕镇人民政府",
        "unit": "华漕镇河长制办公室",
        "funds": [
            ["年度资金总额", "80", "75", "60", "10", "80%", "8"],
            ["其中：当年财政拨款", "80", "75", "60", "—", "80%", "—"],
            ["上年结转资金", "—", "—", "—", "—", "—", "—"],
            ["其他资金", "—", "—", "—", "—", "—", "—"],
        ],
        "goal": ["全镇32条河道日常保洁全覆盖。", "32条河道保洁全覆盖，水质考核达标率90%。"],
        "indicators": [
            ["产出指标（50分）", "数量指标", "保洁河道条数", "32条", "32条", "25", "25", ""],
            ["产出指标（50分）", "质量指标", "水质考核达标率", "≥95%", "90%", "25", "20", "两处断面受上游来水影响，已协调上游共同治理"],
            ["效益指标（30分）", "生态效益指标", "河道水环境", "持续改善", "持续改善", "30", "30", ""],
            ["满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "10", ""],
        ],
        "total": ["100", "93"],
    },
]


def _merge_column(table, col: int, first: int, last: int) -> None:
    """Merge rows first..last of a column, keeping the first row's text."""
    text = table.cell(first, col).text
    merged = table.cell(first, col).merge(table.cell(last, col))
    merged.text = text


def _word_form(document, form: dict) -> None:
    document.add_paragraph("项目支出绩效自评表")
    document.add_paragraph(f"（{form['year']}年度）")
    indicators = form["indicators"]
    n_rows = 2 + 5 + 2 + 1 + len(indicators) + 1
    table = document.add_table(rows=n_rows, cols=10)
    table.style = "Table Grid"

    def put(row: int, col: int, text: str) -> None:
        table.cell(row, col).text = text

    put(0, 0, "项目名称")
    put(0, 2, form["project"])
    table.cell(0, 2).merge(table.cell(0, 9))
    table.cell(0, 0).merge(table.cell(0, 1))
    put(1, 0, "主管部门")
    put(1, 2, form["department"])
    put(1, 6, "实施单位")
    put(1, 7, form["unit"])
    table.cell(1, 0).merge(table.cell(1, 1))
    table.cell(1, 2).merge(table.cell(1, 5))
    table.cell(1, 7).merge(table.cell(1, 9))
    put(2, 0, "项目资金（万元）")
    for k, head in enumerate(FUNDS_HEAD):
        put(2, 3 + k, head)
    for r, row in enumerate(form["funds"], start=3):
        put(r, 1, row[0])
        for k, value in enumerate(row[1:]):
            put(r, 3 + k, value)
        table.cell(r, 1).merge(table.cell(r, 2))
    _merge_column(table, 0, 2, 6)
    put(7, 0, "年度总体目标")
    put(7, 1, "预期目标")
    put(7, 6, "实际完成情况")
    put(8, 1, form["goal"][0])
    put(8, 6, form["goal"][1])
    for r in (7, 8):
        table.cell(r, 1).merge(table.cell(r, 5))
        table.cell(r, 6).merge(table.cell(r, 9))
    _merge_column(table, 0, 7, 8)
    head = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施"]
    put(9, 0, head[0])
    for k, text in enumerate(head[1:], start=1):
        put(9, min(9, k), text)
    table.cell(9, 8).merge(table.cell(9, 9))
    first = 10
    for r, row in enumerate(indicators, start=first):
        for k, text in enumerate(row):
            put(r, 1 + k, text)
        table.cell(r, 8).merge(table.cell(r, 9))
    _merge_column(table, 0, 9, first + len(indicators) - 1)
    for col in (1, 2):
        start = first
        for r in range(first + 1, first + len(indicators) + 1):
            if r == first + len(indicators) or indicators[r - first][col - 1] != indicators[start - first][col - 1]:
                if r - 1 > start:
                    _merge_column(table, col, start, r - 1)
                start = r
    last = first + len(indicators)
    put(last, 0, "总分")
    table.cell(last, 0).merge(table.cell(last, 5))
    put(last, 6, form["total"][0])
    put(last, 7, form["total"][1])
    table.cell(last, 8).merge(table.cell(last, 9))


def build_word(path: Path) -> None:
    """Two forms in one Word file, a page break between them."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    for k, form in enumerate(WORD_FORMS):
        if k:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _word_form(document, form)
    buffer = io.BytesIO()
    document.core_properties.created = datetime(2024, 1, 1)
    document.save(buffer)
    path.write_bytes(buffer.getvalue())


def main() -> None:
    build_word(HERE / "word_two_forms_merged.docx")
    from corpus.self_evaluation.build_pdf import build_pdfs

    build_pdfs(HERE)


if __name__ == "__main__":
    main()
