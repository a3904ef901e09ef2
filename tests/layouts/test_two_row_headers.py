"""Indicator tables whose header is printed on two rows, as the national layout prints it:
绩效指标 over 一级指标 | 二级指标 | 三级指标, 年度指标值 over 指标性质 | 指标值 | 度量单位, the
columns right of them merged down from the first row (实际完成值, 分值, 得分 …), and box
columns' options in the same second row (偏差原因分析 over 经费保障 | 制度保障 …).

Each form is written out as Word, PDF, HTML, tab and markdown text (`spanned_forms`) and, for
the self-evaluation, scanned; every one must read the same indicators.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import extract_records
from extract.settings import Limits, Settings
from tests.layouts import spanned_forms as forms
from tests.layouts.spanned_forms import Span

SELF_TITLE = "项目支出绩效自评表"
SELF_FORM = [
    ["项目名称", Span("2024年桂湖镇农村公厕改建项目", 9)],
    ["主管部门", Span("桂湖镇人民政府", 4), "实施单位", Span("桂湖镇农业农村服务中心", 4)],
    [Span("项目资金（万元）", rows=5), Span("", 2), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", Span("得分", 2)],
    [Span("年度资金总额", 2), "120.00", "120.00", "108.00", "10", "90.00%", Span("9", 2)],
    [Span("其中：当年财政拨款", 2), "120.00", "120.00", "108.00", "—", "90.00%", Span("—", 2)],
    [Span("上年结转资金", 2), "—", "—", "—", "—", "—", Span("—", 2)],
    [Span("其他资金", 2), "—", "—", "—", "—", "—", Span("—", 2)],
    [Span("年度总体目标", rows=2), Span("预期目标", 5), Span("实际完成情况", 4)],
    [Span("改建农村公厕8座，群众满意度不低于90%。", 5), Span("改建农村公厕8座，群众满意度93%。", 4)],
    [Span("绩效指标", 3), Span("年度指标值", 3), Span("实际完成值", rows=2), Span("分值", rows=2), Span("得分", rows=2),
     Span("偏差原因分析及改进措施", rows=2)],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    [Span("产出指标", rows=3), "数量指标", "改建公厕数量", "≥", "8", "座", "8座", "20", "20", "无"],
    ["质量指标", "验收合格率", "＝", "100", "%", "95%", "20", "18", "两座返工后验收"],
    ["时效指标", "完工及时率", "≥", "90", "%", "80%", "20", "16", "雨季停工"],
    ["效益指标", "社会效益指标", "如厕环境", "", "明显改善", "", "明显改善", "20", "20", "无"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "93%", "10", "10", "无"],
    [Span("总分", 7), "100", "93", ""],
    ["评价等级", Span("优", 9)],
]
SELF_INDICATORS = [
    ("产出指标", "数量指标", "改建公厕数量", ("≥8座", ">=", "8", "座"), "8座", "20", "20", "无"),
    ("产出指标", "质量指标", "验收合格率", ("＝100%", "=", "100", "%"), "95%", "20", "18", "两座返工后验收"),
    ("产出指标", "时效指标", "完工及时率", ("≥90%", ">=", "90", "%"), "80%", "20", "16", "雨季停工"),
    ("效益指标", "社会效益指标", "如厕环境", ("明显改善", None, None, None), "明显改善", "20", "20", "无"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", ("≥90%", ">=", "90", "%"), "93%", "10", "10", "无"),
]
WRITERS = {
    "docx": (".docx", forms.docx),
    "pdf": (".pdf", forms.pdf),
    "html": (".html", lambda title, rows: forms.html_page(title, rows).encode("utf-8")),
    "tabs": (".txt", lambda title, rows: forms.tabs(title, rows).encode("utf-8")),
    "markdown": (".md", lambda title, rows: forms.markdown(title, rows).encode("utf-8")),
}


def _record(tmp_path: Path, kind: str, title: str, rows: list, settings: Settings | None = None):
    suffix, write = WRITERS[kind]
    path = tmp_path / f"form{suffix}"
    path.write_bytes(write(title, rows))
    (record,) = extract_records(path, settings) if settings else extract_records(path)
    return record


def _target(target) -> tuple | None:
    return None if target is None else (target.raw, target.op, target.value, target.unit)


def _self_rows(record) -> list[tuple]:
    return [(i.level1, i.level2, i.name, _target(i.target), i.actual.raw if i.actual else None, i.weight, i.score,
             i.deviation_reason) for i in record.fields.indicators]


@pytest.mark.parametrize("kind", list(WRITERS))
def test_self_evaluation_two_row_header(tmp_path: Path, kind: str) -> None:
    record = _record(tmp_path, kind, SELF_TITLE, SELF_FORM)
    assert (record.form.type, record.status) == ("self_evaluation", "ok")
    assert _self_rows(record) == SELF_INDICATORS
    # the form is consistent: nothing to report once every column is read
    assert [(d.rule, d.message) for d in record.discrepancies if d.severity != "info"] == []


def test_self_evaluation_two_row_header_scanned(tmp_path: Path) -> None:
    from corpus.scans import make
    from parsers.ocr import engine

    if not engine.available() or make.cjk_font() is None:
        pytest.skip("needs the OCR extra and a CJK font")
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(forms.pdf(SELF_TITLE, SELF_FORM))
    scan = make.make_from(pdf, make.Recipe("", ".png", dpi=300, skew=0.4, seed=5), tmp_path / "scan.png")
    (record,) = extract_records(scan, Settings(limits=Limits(timeout_seconds=1800)))
    rows = _self_rows(record)
    assert [row[:3] for row in rows] == [row[:3] for row in SELF_INDICATORS]
    assert [row[3][2] for row in rows] == [row[3][2] for row in SELF_INDICATORS]  # the value under 指标值
    assert [row[3][3] for row in rows] == [row[3][3] for row in SELF_INDICATORS]  # the unit under 度量单位


def test_a_one_row_header_over_a_group_cell_is_untouched(tmp_path: Path) -> None:
    """A header of one row whose group cell spans columns the rows below fill with values
    (年度指标值 over the operator and the figure): the row below is data, not sub-labels."""
    rows = [list(row) for row in SELF_FORM]
    at = rows.index(SELF_FORM[9])
    rows[at:at + 2] = [["一级指标", "二级指标", "三级指标", Span("年度指标值", 3), "实际完成值", "分值", "得分",
                        "偏差原因分析及改进措施"]]
    record = _record(tmp_path, "docx", SELF_TITLE, rows)
    got = _self_rows(record)
    assert [row[:3] for row in got] == [row[:3] for row in SELF_INDICATORS]
    assert [row[4:] for row in got] == [row[4:] for row in SELF_INDICATORS]


EXECUTION_TITLE = "项目支出绩效目标执行监控表"
EXECUTION_FORM = [
    ["项目名称", Span("2024年桂湖镇村级河道保洁项目", 16)],
    ["主管部门及代码", Span("桂湖镇人民政府", 7), Span("实施单位", 2), Span("桂湖镇水务站", 7)],
    [Span("项目资金（万元）", rows=4), Span("", 3), Span("年初预算数", 4), Span("1-7月执行数", 4), Span("1-7月执行率", 5)],
    [Span("年度资金总额", 3), Span("80.00", 4), Span("40.00", 4), Span("50.00%", 5)],
    [Span("其中：财政拨款", 3), Span("80.00", 4), Span("40.00", 4), Span("50.00%", 5)],
    [Span("其他资金", 3), Span("—", 4), Span("—", 4), Span("—", 5)],
    [Span("年度总体目标", rows=2), Span("年初目标", 8), Span("1-7月执行情况", 8)],
    [Span("保洁村级河道30条。", 8), Span("已保洁村级河道18条。", 8)],
    [Span("绩效指标", 3), Span("年度指标值", 3), Span("1-7月执行情况", rows=2), Span("全年预计完成情况", rows=2),
     Span("偏差原因分析", 5), Span("完成目标可能性", 3), Span("备注", rows=2)],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "经费保障", "制度保障", "人员保障",
     "硬件条件保障", "其他", "确定能", "有可能", "完全不可能"],
    [Span("产出指标", rows=2), "数量指标", "保洁河道数量", "≥", "30", "条", "18条", "30条",
     "☐", "☐", "☐", "☐", "☐", "☑", "☐", "☐", ""],
    ["质量指标", "河面漂浮物清除率", "≥", "95", "%", "90%", "92%",
     "☐", "☐", "☑", "☐", "☐", "☐", "☑", "☐", "保洁员不足"],
    ["满意度指标", "服务对象满意度指标", "村民满意度", "≥", "85", "%", "88%", "≥85%",
     "☐", "☐", "☐", "☐", "☐", "☑", "☐", "☐", ""],
]
EXECUTION_INDICATORS = [
    ("产出指标", "数量指标", "保洁河道数量", ("≥30条", ">=", "30", "条"), "18条", "30条", [], "确定能", None),
    ("产出指标", "质量指标", "河面漂浮物清除率", ("≥95%", ">=", "95", "%"), "90%", "92%", ["人员保障"], "有可能",
     "保洁员不足"),
    ("满意度指标", "服务对象满意度指标", "村民满意度", ("≥85%", ">=", "85", "%"), "88%", "≥85%", [], "确定能", None),
]


@pytest.mark.parametrize("kind", list(WRITERS))
def test_execution_monitoring_two_row_header_with_box_sub_columns(tmp_path: Path, kind: str) -> None:
    record = _record(tmp_path, kind, EXECUTION_TITLE, EXECUTION_FORM)
    assert record.form.type == "execution_monitoring"
    got = [(i.level1, i.level2, i.name, _target(i.target), i.progress.raw if i.progress else None,
            i.forecast.raw if i.forecast else None, i.deviation_causes, i.likelihood, i.remark)
           for i in record.fields.indicators]
    assert got == EXECUTION_INDICATORS
    questions = {g.field: g.question for g in record.checkboxes if g.field and ".deviation_causes" in g.field}
    assert questions == {f"indicators.{n}.deviation_causes": "偏差原因分析" for n in range(3)}


DECLARATION_TITLE = "项目支出绩效目标申报表"
DECLARATION_FORM = [
    ["项目名称", Span("2024年桂湖镇高标准农田建设项目", 5)],
    ["主管部门及代码", Span("桂湖镇人民政府（430101）", 2), "实施单位", Span("桂湖镇农业农村服务中心", 2)],
    ["项目属性", Span("☑新增项目 ☐延续项目", 2), "项目期", Span("2024年1月—2025年12月", 2)],
    [Span("项目资金（万元）", rows=3), "中期资金总额：", "600.00", "年度资金总额：", Span("300.00", 2)],
    ["其中：财政拨款", "600.00", "其中：财政拨款", Span("300.00", 2)],
    ["其他资金", "—", "其他资金", Span("—", 2)],
    [Span("总体目标", rows=2), Span("中期目标（2024年—2025年）", 3), Span("年度目标", 2)],
    [Span("两年建成高标准农田5000亩。", 3), Span("建成高标准农田2500亩。", 2)],
    [Span("中期绩效指标", 3), Span("指标值", 3)],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    [Span("产出指标", rows=2), "数量指标", "建成农田面积", "≥", "5000", "亩"],
    ["质量指标", "工程验收合格率", "＝", "100", "%"],
    [Span("年度绩效指标", 3), Span("指标值", 3)],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "建成农田面积", "≥", "2500", "亩"],
    ["效益指标", "经济效益指标", "亩均增产", "≥", "50", "公斤"],
]
DECLARATION_INDICATORS = [
    ("medium_term", "产出指标", "数量指标", "建成农田面积", ("≥5000亩", ">=", "5000", "亩")),
    ("medium_term", "产出指标", "质量指标", "工程验收合格率", ("＝100%", "=", "100", "%")),
    ("annual", "产出指标", "数量指标", "建成农田面积", ("≥2500亩", ">=", "2500", "亩")),
    ("annual", "效益指标", "经济效益指标", "亩均增产", ("≥50公斤", ">=", "50", "公斤")),
]


@pytest.mark.parametrize("kind", list(WRITERS))
def test_target_declaration_period_blocks_with_two_row_headers(tmp_path: Path, kind: str) -> None:
    record = _record(tmp_path, kind, DECLARATION_TITLE, DECLARATION_FORM)
    assert record.form.type == "target_declaration"
    got = [(i.period, i.level1, i.level2, i.name, _target(i.target)) for i in record.fields.indicators]
    assert got == DECLARATION_INDICATORS


DECLARATION_SIDE_BY_SIDE = [
    *DECLARATION_FORM[:8],
    [Span("年度绩效指标", 3), Span("中期绩效指标", 3)],
    ["一级指标", "三级指标", "指标值", "一级指标", "三级指标", "指标值"],
    ["产出指标", "建成农田面积", "≥2500亩", "产出指标", "建成农田面积", "≥5000亩"],
]


def test_side_by_side_periods_named_by_the_groups_over_them(tmp_path: Path) -> None:
    """年度 printed left of 中期, each run under its own group label: a run's period is the
    label over it, not its place."""
    record = _record(tmp_path, "docx", DECLARATION_TITLE, DECLARATION_SIDE_BY_SIDE)
    got = [(i.period, i.level1, i.name, i.target.raw) for i in record.fields.indicators]
    assert got == [("medium_term", "产出指标", "建成农田面积", "≥5000亩"), ("annual", "产出指标", "建成农田面积", "≥2500亩")]


def test_a_goal_spanning_the_table_over_a_header_is_no_group(tmp_path: Path) -> None:
    """A row of content spanning the table (the goal, its label inline) right above a header
    of one row: no group cell over sub-labels; the goal stays the goal's."""
    rows = [list(row) for row in SELF_FORM]
    at = rows.index(SELF_FORM[7])
    rows[at:at + 4] = [
        [Span("年度总体目标：改建农村公厕8座，群众满意度不低于90%。", 10)],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
    ]
    record = _record(tmp_path, "docx", SELF_TITLE, rows)
    assert record.fields.goal_planned == "改建农村公厕8座，群众满意度不低于90%。"
    assert _self_rows(record) == SELF_INDICATORS
