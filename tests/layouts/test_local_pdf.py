"""Self-evaluation PDFs of two pages: one form whose indicator table goes on under the title
printed again (with or without （续）), and two forms of the same type, one a page."""

from __future__ import annotations

import pytest

from extract.pipeline import extract_records
from tests.readers.pdf_builders import Sheet, build

ROW = 18
WIDTHS = [75, 50, 60, 70, 50, 50, 35, 35, 110]
INDICATOR_HEAD = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"]
INDICATORS = [
    ["", "产出指标", "数量指标", "改造小区数量", "≥12个", "12个", "30", "30", "无"],
    ["", "产出指标", "质量指标", "验收合格率", "100%", "100%", "20", "20", "无"],
    ["", "效益指标", "社会效益指标", "环境改善", "有效改善", "有效改善", "20", "20", "无"],
    ["", "满意度指标", "满意度指标", "居民满意度", "≥90%", "96%", "20", "20", "无"],
]
TOTAL = ["总分", "100", "99.5"]


def _table(sheet: Sheet, top: float, rows: list[list[str]]) -> None:
    xs = [40.0]
    for width in WIDTHS:
        xs.append(xs[-1] + width)
    ys = [top + i * ROW for i in range(len(rows) + 1)]
    sheet.grid(xs, ys)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                sheet.text(xs[c] + 2, ys[r] + 4, text, size=7)


def _head(project: str) -> list[list[str]]:
    return [["项目名称", project],
            ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", "500.00", "480.00", "456.00", "10", "95.00%", "9.5"]]


def _title(sheet: Sheet, title: str) -> None:
    sheet.text(200, 40, title, size=14)
    sheet.text(230, 62, "（2023年度）", size=10)


@pytest.mark.parametrize("second_title", ["项目支出绩效自评表（续）", "项目支出绩效自评表"])
def test_an_indicator_table_continued_under_the_title_is_one_form(tmp_path, second_title):
    def draw(sheet: Sheet) -> None:
        _title(sheet, "项目支出绩效自评表")
        _table(sheet, 90, [*_head("老旧小区改造"), INDICATOR_HEAD, *INDICATORS[:2]])
        sheet.page()
        sheet.text(200, 40, second_title, size=14)
        _table(sheet, 90, [INDICATOR_HEAD, *INDICATORS[2:], TOTAL])

    path = tmp_path / "continued.pdf"
    path.write_bytes(build(draw))
    (record,) = extract_records(path)
    fields = record.fields
    assert fields.project_name == "老旧小区改造"
    assert [item.name for item in fields.indicators] == ["改造小区数量", "验收合格率", "环境改善", "居民满意度"]
    assert fields.funds.total.executed.yuan == "4560000.00"
    assert fields.total_weight == "100" and fields.total_score == "99.5"
    assert not [d for d in record.discrepancies if d.severity != "info"]


def test_two_forms_of_the_same_type_one_a_page_are_two(tmp_path):
    def draw(sheet: Sheet) -> None:
        for project in ("老旧小区改造", "河道整治工程"):
            _title(sheet, "项目支出绩效自评表")
            _table(sheet, 90, [*_head(project), INDICATOR_HEAD, *INDICATORS, TOTAL])
            sheet.page()

    path = tmp_path / "two.pdf"
    path.write_bytes(build(draw))
    records = extract_records(path)
    assert [r.fields.project_name for r in records] == ["老旧小区改造", "河道整治工程"]
    assert all(len(r.fields.indicators) == 4 and r.fields.total_score == "99.5" for r in records)
