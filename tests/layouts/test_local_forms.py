"""The monitoring, execution-monitoring and target-declaration forms as local offices print
them (label wordings, bracket widths, spaced labels, a continued page, a very short tab file,
pipes inside tab cells, one cell per line with the unit in the cell), and Word tables whose
boxes are Wingdings characters (þ ý ticked, ¨ o empty) on every family form."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import extract_records
from tests.conftest import CORPUS, load_expected
from tests.layouts.local_forms import (
    INDICATOR_HEAD,
    INDICATORS,
    extract_text,
    rows,
    self_evaluation,
    self_evaluation_head,
)
from tests.readers.docx_builders import body_docx, p, r, tbl, tc, tr

EXECUTION = CORPUS / "execution_monitoring" / "national_tabs_subcolumns_wanyuan.txt"
DECLARATION = CORPUS / "target_declaration" / "national_tabs_pairs_wanyuan.txt"


def _monitoring(project_row: str = "项 目 名 称\t华漕镇道路养护项目\n") -> str:
    return "财政项目支出绩效运行监控（跟踪评价）（一般）\n街镇名称：上海市闵行区华漕镇人民政府（盖章）\n" + project_row + rows(
        ("预算单位", "华漕镇城市运行管理中心", "具体实施(内设机构)", "华漕镇市政所", "跟踪时段",
         "2024年01月01日 --- 2024年08月31日", "是否为经常性项目", "是☑ 否☐"),
        ("当年预算数(万元)", "120.5", "预算执行数(万元)", "85.6", "预算执行进度(%)", "71.04%", "是否需要预算调整", "是☐ 否☑"),
        ("调整后预算数(万元)", "120.5", "调减金额(万元)", "0", "调增金额(万元)", "0", "事前绩效评估评审预算(万元)", "0"),
    )


def test_monitoring_with_spaced_labels_and_half_width_brackets(tmp_path):
    (record,) = extract_text(tmp_path, _monitoring())
    fields = record.fields
    assert record.form.variant == "general"
    assert fields.project_name == "华漕镇道路养护项目"
    assert fields.implementing_unit == "华漕镇市政所"
    assert fields.annual_budget.yuan == "1205000.00" and fields.executed.yuan == "856000.00"
    assert fields.execution_progress_pct == "71.04"
    assert fields.recurring is True and fields.adjustment_needed is False
    assert fields.ex_ante_review_budget.yuan == "0.00"


def test_monitoring_with_the_family_forms_unit_wordings(tmp_path):
    text = _monitoring().replace("具体实施(内设机构)", "项目实施单位").replace("预算单位\t", "预算单位（盖章）\t")
    (record,) = extract_text(tmp_path, text)
    assert record.fields.budget_unit == "华漕镇城市运行管理中心"
    assert record.fields.implementing_unit == "华漕镇市政所"


def test_pipes_inside_tab_cells_of_the_monitoring_form_are_text(tmp_path):
    text = _monitoring("项目名称\t华漕镇道路养护项目 | 二期\n").replace("\t华漕镇市政所\t", "\t华漕镇市政所|养护科\t")
    (record,) = extract_text(tmp_path, text)
    assert record.source.dialect == "tabs"
    assert record.fields.project_name == "华漕镇道路养护项目 | 二期"
    assert record.fields.implementing_unit == "华漕镇市政所|养护科"
    assert record.fields.executed.yuan == "856000.00"


@pytest.mark.parametrize("title", ["财政项目支出绩效运行监控（跟踪评价）\n", ""])
def test_a_very_short_tab_file_reads_its_figures(tmp_path, title):
    text = title + "项目名称\t道路养护\n当年预算数（元）\t1,000\t预算执行数（元）\t800\n"
    (record,) = extract_text(tmp_path, text)
    assert record.source.dialect == "tabs"
    assert record.fields.project_name == "道路养护"
    assert record.fields.annual_budget.yuan == "1000.00" and record.fields.executed.yuan == "800.00"


def test_monitoring_one_cell_a_line_with_the_unit_in_the_cell(tmp_path):
    cells = ["财政项目支出绩效运行监控（跟踪评价）（一般）", "项目名称", "华漕镇道路养护项目", "预算单位", "华漕镇城市运行管理中心",
             "当年预算数", "120.5万元", "预算执行数", "85.6万元", "预算执行进度", "71.04%", "调整后预算数", "120.5万元",
             "调减金额", "0万元", "调增金额", "0万元"]
    (record,) = extract_text(tmp_path, "\n".join(cells) + "\n")
    assert record.source.dialect == "cells"
    fields = record.fields
    assert fields.executed.yuan == "856000.00" and fields.executed.stated_unit == "万元"
    assert fields.annual_budget.yuan == fields.adjusted_budget.yuan == "1205000.00"
    assert fields.decrease.yuan == "0.00"


def test_self_evaluation_one_cell_a_line_with_the_unit_in_the_cell(tmp_path):
    text = self_evaluation().replace("项目资金(万元)", "项目资金")
    for plain, with_unit in (("500.00", "500万元"), ("480.00", "480万元"), ("456.00", "456万元"), ("450.00", "450万元"),
                             ("430.00", "430万元"), ("410.00", "410万元"), ("\t50.00\t50.00\t46.00", "\t50万元\t50万元\t46万元")):
        text = text.replace(plain, with_unit)
    cells = [cell for line in text.split("\n") for cell in line.split("\t") if cell.strip()]
    (record,) = extract_text(tmp_path, "\n".join(cells) + "\n")
    assert record.source.dialect == "cells"
    total = record.fields.funds.total
    assert (total.initial_budget.yuan, total.annual_budget.yuan, total.executed.yuan) == (
        "5000000.00", "4800000.00", "4560000.00")
    assert record.fields.funds.carryover.executed.yuan == "460000.00"
    assert total.weight == "10" and total.score == "9.5"
    assert not [d for d in record.discrepancies if d.severity != "info"]


def test_a_forms_tail_before_the_first_title_is_a_record_of_its_own(tmp_path):
    # A file (a scraped page, a PDF cut from a bundle) opening with the last rows of another
    # form: its indicators, conclusion and signatures belong to no form the file titles.
    tail = rows(INDICATOR_HEAD, ("", "产出指标", "成本指标", "单位养护成本", "≤30万元", "28万元", "90", "90", "无"),
                ("总分", "100", "100"), ("评价结论", "养护任务按期完成。"), ("存在问题", "无"),
                ("项目负责人：张某", "财务负责人：李某"))
    fragment, form = extract_text(tmp_path, tail + self_evaluation())
    assert fragment.status == "partial" and "form-fragment" in [e.code for e in fragment.errors]
    assert [i.name for i in fragment.fields.indicators] == ["单位养护成本"]
    assert form.status == "ok" and not [e for e in form.errors if e.code == "form-fragment"]
    assert form.fields.project_name == "2023年七宝镇老旧小区综合改造项目"
    assert [i.name for i in form.fields.indicators] == [row[3] for row in INDICATORS]
    assert form.fields.funds.total.annual_budget.yuan == "4800000.00" and form.fields.total_score == "99.5"
    assert form.fields.conclusion is None
    # Lines that print the form's own project name before its title are its head, not a tail.
    (alone,) = extract_text(tmp_path, "项目名称：2023年七宝镇老旧小区综合改造项目\n" + self_evaluation(), "head.txt")
    assert alone.status == "ok"


def _execution(text_edit=lambda text: text) -> str:
    text = EXECUTION.read_text(encoding="utf-8")
    text = text.replace("项目名称\t", "项 目 名 称\t").replace("\t实施单位\t", "\t项目实施单位\t")
    return text_edit(text.replace("年度资金总额", "资金总额").replace("项目资金（万元）", "项目资金(万元)"))


def test_execution_monitoring_wording_variants(tmp_path):
    (record,) = extract_text(tmp_path, _execution())
    fields = record.fields
    assert fields.project_name == "2024年颛桥镇社区老年助餐服务项目"
    assert fields.implementing_unit == "颛桥镇社区事务受理服务中心"
    assert fields.funds.total.executed.yuan == "1680000.00" and fields.funds.total.rate_pct == "56.00"
    assert len(fields.indicators) == 6
    assert fields.indicators[3].deviation_causes == ["硬件条件保障"] and fields.indicators[3].likelihood == "有可能"


def test_execution_monitoring_continued_under_its_title_stays_one_form(tmp_path):
    def cut(text: str) -> str:
        lines = text.split("\n")
        at = next(k for k, line in enumerate(lines) if line.startswith("\t\t\t助餐服务人次")) + 1
        return "\n".join([*lines[:at], "项目支出绩效目标执行监控表（续）", *lines[at:]])

    (record,) = extract_text(tmp_path, _execution(cut))
    indicators = record.fields.indicators
    assert len(indicators) == 6
    assert indicators[2].level1 == "产出指标" and indicators[2].name == "食品安全抽检合格率"
    assert indicators[3].likelihood == "有可能"


def test_two_execution_monitoring_forms_stay_two(tmp_path):
    first = _execution()
    second = first.replace("2024年颛桥镇社区老年助餐服务项目", "2024年颛桥镇社区文化活动项目")
    records = extract_text(tmp_path, first + "\n" + second)
    assert [r.fields.project_name for r in records] == ["2024年颛桥镇社区老年助餐服务项目", "2024年颛桥镇社区文化活动项目"]


def test_target_declaration_wording_variants(tmp_path):
    text = DECLARATION.read_text(encoding="utf-8").replace("项目名称\t", "项 目 名 称\t")
    text = text.replace("实施单位\t", "项目实施单位\t").replace("项目资金（万元）", "项目资金(万元)")
    (record,) = extract_text(tmp_path, text)
    fields = record.fields
    assert fields.project_name == "2024年莘庄镇中小河道综合整治项目"
    assert fields.implementing_unit == "莘庄镇水务管理所"
    assert fields.funds.annual.total.yuan == "4000000.00" and fields.funds.medium_term.total.yuan == "12000000.00"
    assert sum(1 for item in fields.indicators if item.period == "annual") == 6


@pytest.mark.parametrize("cells", ["☐新增项目\t☑延续项目", "新增项目☐\t延续项目☑", "1、新增项目 □ 2、延续项目 □ √"])
def test_target_declaration_attribute_boxes_one_a_cell(tmp_path, cells):
    text = DECLARATION.read_text(encoding="utf-8").replace("项目属性\t☑新增项目  ☐延续项目\t", f"项目属性\t{cells}\t")
    (record,) = extract_text(tmp_path, text)
    assert record.fields.project_attribute == "延续项目"
    assert record.fields.project_period == "2024年1月—2026年12月"
    (group,) = [g for g in record.checkboxes if g.field == "project_attribute"]
    assert [(o.label, o.checked) for o in group.options] == [("新增项目", False), ("延续项目", True)]
    assert not [d for d in record.discrepancies if d.rule == "checkbox-state"]


def test_target_declaration_local_grid_with_a_column_no_template_knows(tmp_path):
    text = "部门预算项目支出绩效目标表\n(2025年度)\n" + rows(
        ("项目名称", "2025年社区养老服务项目"),
        ("主管部门", "上海市闵行区梅陇镇人民政府", "项目实施单位", "梅陇镇社区服务中心"),
        ("项目资金（万元）", "", "资金总额", "财政拨款", "其他资金", "资金来源说明"),
        ("", "年度资金", "85.6万元", "80万元", "5.6万元", "镇级财力"),
        ("年度绩效目标", "为辖区老人提供助餐服务不少于3万人次。"),
        ("年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"),
        ("", "产出指标", "数量指标", "助餐人次", "≥30000人次"),
        ("", "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%"),
    )
    (record,) = extract_text(tmp_path, text)
    annual = record.fields.funds.annual
    assert (annual.total.yuan, annual.fiscal.yuan, annual.other.yuan) == ("856000.00", "800000.00", "56000.00")
    assert record.form.year == 2025
    (said,) = [d for d in record.discrepancies if d.rule == "unread-value"]
    assert "资金来源说明" in said.message and "镇级财力" in said.message


# -- Word tables with Wingdings boxes ---------------------------------------------------------
def _box(glyph: str) -> str:
    return r(glyph, "Wingdings")


def _docx(tmp_path: Path, title: str, year: str, table_rows: list[list[str]]) -> list:
    width = max(len(row) for row in table_rows)
    cells = [[c if c.lstrip().startswith("<w:tc") else tc(c) for c in row] + [tc("")] * (width - len(row))
             for row in table_rows]
    path = tmp_path / "form.docx"
    path.write_bytes(body_docx(p(title), p(year), tbl(*(tr(*row) for row in cells), cols=width)))
    return extract_records(path)


_SELF_EVALUATION_ROWS = [
    ["项目名称", "2023年七宝镇老旧小区综合改造项目"],
    ["主管部门", "上海市闵行区七宝镇人民政府", "实施单位", "七宝镇城市建设管理事务中心"],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "500.00", "480.00", "456.00", "10", "95.00%", "9.5"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["", "产出指标", "数量指标", "改造小区数量", "≥12个", "12个", "50", "50", "无"],
    ["", "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "85%", "40", "35", "部分居民对施工噪音不满"],
    ["总分", "100", "94.5"],
]


def test_docx_grade_boxes_in_wingdings_in_one_cell(tmp_path):
    grade = tc(p(_box("¨"), r("优 "), _box("þ"), r("良 "), _box("¨"), r("中 "), _box("¨"), r("差")))
    (record,) = _docx(tmp_path, "项目支出绩效自评表", "（2023年度）", [*_SELF_EVALUATION_ROWS, ["评价等级", grade]])
    assert record.fields.grade == "良"
    assert record.fields.total_score == "94.5"
    assert [d.rule for d in record.discrepancies if d.rule == "grade-band"] == ["grade-band"]  # 94.5 is 优


def test_docx_grade_boxes_in_wingdings_one_a_cell(tmp_path):
    grade = [tc(p(_box("o"), r("优"))), tc(p(_box("ý"), r("良"))), tc(p(_box("o"), r("中"))), tc(p(_box("o"), r("差")))]
    (record,) = _docx(tmp_path, "项目支出绩效自评表", "（2023年度）", [*_SELF_EVALUATION_ROWS, ["评价等级", *grade]])
    assert record.fields.grade == "良"


def test_docx_project_attribute_in_wingdings(tmp_path):
    attribute = tc(p(_box("¨"), r("新增项目  "), _box("þ"), r("延续项目")))
    (record,) = _docx(tmp_path, "项目支出绩效目标申报表", "（2024年度）", [
        ["项目名称", "2024年莘庄镇中小河道综合整治项目"],
        ["主管部门", "上海市闵行区莘庄镇人民政府", "实施单位", "莘庄镇水务管理所"],
        ["项目属性", attribute, "项目期", "2024年"],
        ["项目资金（万元）", "", "资金总额", "财政拨款", "其他资金"],
        ["", "年度资金", "400.00", "360.00", "40.00"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "整治河道数量", "12条"],
        ["", "满意度指标", "服务对象满意度指标", "沿河居民满意度", "≥90%"],
    ])
    assert record.fields.project_attribute == "延续项目"
    assert record.fields.funds.annual.total.yuan == "4000000.00"
    assert len(record.fields.indicators) == 2


def _execution_docx(tmp_path, causes, likelihood):
    """The record of an execution-monitoring docx with one indicator row of these two cells."""
    (record,) = _docx(tmp_path, "项目支出绩效目标执行监控表", "（2024年度）", [
        ["项目名称", "2024年颛桥镇社区老年助餐服务项目"],
        ["主管部门", "上海市闵行区颛桥镇人民政府", "实施单位", "颛桥镇社区事务受理服务中心"],
        ["项目资金（万元）", "", "年初预算数", "1-7月执行数", "1-7月执行率"],
        ["", "年度资金总额", "300.00", "168.00", "56.00%"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因分析",
         "完成目标可能性", "备注"],
        ["", "产出指标", "数量指标", "新建长者食堂数量", "2家", "1家", "2家", causes, likelihood, ""],
    ])
    return record


def test_docx_deviation_causes_and_likelihood_in_wingdings(tmp_path):
    causes = tc(p(_box("¨"), r("经费保障 "), _box("þ"), r("硬件条件保障")))
    likelihood = tc(p(_box("¨"), r("确定能 "), _box("þ"), r("有可能 "), _box("¨"), r("完全不可能")))
    record = _execution_docx(tmp_path, causes, likelihood)
    (item,) = record.fields.indicators
    assert item.deviation_causes == ["硬件条件保障"] and item.likelihood == "有可能"
    assert record.fields.months == 7


def test_a_lone_tick_spaced_from_both_options_is_reported_not_guessed(tmp_path):
    # A hand tick (√) with no printed box, a space either side: box-first forms mean the
    # option after it, label-first forms the one before. No answer is made up; the group
    # is undecided and the reviewer is told to look.
    causes = tc(p(r("经费保障 √ 制度保障 人员保障 硬件条件保障 其他")))
    record = _execution_docx(tmp_path, causes, "有可能")
    (item,) = record.fields.indicators
    assert item.deviation_causes == [] and item.likelihood == "有可能"
    (group,) = [g for g in record.checkboxes if g.field == "indicators.0.deviation_causes"]
    assert group.undecided and group.ticked == []
    (found,) = [d for d in record.discrepancies if d.rule == "checkbox-state"]
    assert found.severity == "error" and "无法确定对应哪一选项" in found.message
    assert found.fields == ["indicators.0.deviation_causes"]


def test_docx_box_sub_columns_in_wingdings(tmp_path):
    def box(glyph: str) -> str:
        return tc(p(_box(glyph)))

    heads = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况"]
    options = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能", "完全不可能"]
    table = tbl(
        tr(tc("项目名称"), tc("2024年颛桥镇社区老年助餐服务项目", span=15)),
        tr(tc("项目资金（万元）"), tc(""), tc("年初预算数"), tc("1-7月执行数"), tc("1-7月执行率", span=12)),
        tr(tc(""), tc("年度资金总额"), tc("300.00"), tc("168.00"), tc("56.00%", span=12)),
        tr(*(tc(h, vmerge="restart") for h in heads), tc("偏差原因分析", span=5), tc("完成目标可能性", span=3),
           tc("备注", vmerge="restart")),
        tr(*(tc("", vmerge="continue") for _ in heads), *(tc(o) for o in options), tc("", vmerge="continue")),
        tr(tc(""), tc("产出指标"), tc("数量指标"), tc("新建长者食堂数量"), tc("2家"), tc("1家"), tc("2家"),
           box("¨"), box("¨"), box("¨"), box("þ"), box("¨"), box("o"), box("ý"), box("o"), tc("消防验收推迟")),
        cols=16,
    )
    path = tmp_path / "form.docx"
    path.write_bytes(body_docx(p("项目支出绩效目标执行监控表"), p("（2024年度）"), table))
    (record,) = extract_records(path)
    (item,) = record.fields.indicators
    assert item.deviation_causes == ["硬件条件保障"] and item.likelihood == "有可能"
    assert item.remark == "消防验收推迟"
    assert record.fields.funds.total.rate_pct == "56.00"


SEED = CORPUS / "txt" / "seed-huacao-tabs.txt"


@pytest.mark.parametrize("page_header", [
    ["财政项目支出绩效运行监控（跟踪评价）（重点）"],
    ["第 1 页 共 2 页", "财政项目支出绩效运行监控（跟踪评价）（重点）（续）"],
])
def test_the_monitoring_form_continued_under_its_title_is_the_seeds_record(tmp_path, page_header):
    want = load_expected(CORPUS / "txt" / "seed-huacao-tabs.expected.json")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = next(k for k, line in enumerate(lines) if "三、阶段性跟踪结论" in line)
    (record,) = extract_text(tmp_path, "\n".join([*lines[:at], *page_header, *lines[at:]]))
    got = record.model_dump(mode="json")
    assert got["fields"] == want["fields"]
    assert [s["heading"] for s in got["sections"]] == want["section_headings"]


def test_two_monitoring_forms_in_one_file_are_two(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    records = extract_text(tmp_path, seed + "\n" + seed.replace("2024年华漕镇“一网统管”", "2024年华漕镇河道"))
    assert len(records) == 2
    assert records[1].fields.project_name.startswith("2024年华漕镇河道")
    assert records[0].fields.model_dump(exclude={"project_name"}) == records[1].fields.model_dump(exclude={"project_name"})


def _word_table(table_rows: list[list[str]], width: int = 9) -> str:
    return tbl(*(tr(*([tc(c) for c in row] + [tc("")] * (width - len(row)))) for row in table_rows), cols=width)


@pytest.mark.parametrize(("between", "header_again"), [("项目支出绩效自评表（续）", True), ("项目支出绩效自评表", False)])
def test_docx_indicator_table_continued_under_the_title_is_one_form(tmp_path, between, header_again):
    head, indicators, total = _SELF_EVALUATION_ROWS[:4], _SELF_EVALUATION_ROWS[5:7], _SELF_EVALUATION_ROWS[7]
    second = [*([_SELF_EVALUATION_ROWS[4]] if header_again else []), indicators[1], total]
    path = tmp_path / "form.docx"
    path.write_bytes(body_docx(p("项目支出绩效自评表"), p("（2023年度）"),
                               _word_table([*head, _SELF_EVALUATION_ROWS[4], indicators[0]]), p(between),
                               _word_table(second)))
    (record,) = extract_records(path)
    assert [item.name for item in record.fields.indicators] == ["改造小区数量", "居民满意度"]
    assert record.fields.total_weight == "100" and record.fields.total_score == "94.5"


def test_the_unit_of_a_funds_block_label_no_template_names(tmp_path):
    # 部门整体支出绩效自评表: `年度预算执行情况（万元）` heads the funds rows; read as 元 the nine
    # amounts came out 10,000 times too small, with no discrepancy naming them.
    text = self_evaluation().replace("项目资金(万元)\t", "年度预算执行情况（万元）\t")
    (record,) = extract_text(tmp_path, text)
    total = record.fields.funds.total
    assert (total.initial_budget.stated_unit, total.initial_budget.yuan) == ("万元", "5000000.00")
    assert record.fields.funds.fiscal.executed.yuan == "4100000.00"


def test_a_grade_written_with_its_label_in_the_total_row(tmp_path):
    # 财预〔2020〕10号 layouts print `自评等级：优` in a cell of the 总分 row: never read.
    text = self_evaluation_head() + rows(INDICATOR_HEAD, *INDICATORS) + rows(("总分", "100", "99.5", "自评等级：优"))
    (record,) = extract_text(tmp_path, text)
    assert (record.fields.grade, record.fields.total_score, record.fields.total_weight) == ("优", "99.5", "100")


def test_goals_whose_cells_name_their_own_sub_headers(tmp_path):
    # `年度总体目标 | 年度目标：… | 1-8月执行情况：…` with no sub-header row: the annual goal kept
    # its label and the progress was lost.
    goal = "新建社区长者食堂2家，全年为辖区老人提供助餐服务不少于18万人次，老人满意度不低于90%。"
    done = "已建成长者食堂1家，第二家完成装修，1-7月提供助餐服务10.2万人次。"
    text = _execution().replace(f"年度总体目标\t年初目标\t1-7月执行情况\n\t{goal}\t{done}",
                                f"年度总体目标\t年度目标：{goal}\t1-7月执行情况：{done}")
    assert f"年度目标：{goal}" in text
    (record,) = extract_text(tmp_path, text)
    assert (record.fields.goal_annual, record.fields.goal_progress) == (goal, done)


def test_declaration_indicators_side_by_side_under_period_named_headers(tmp_path):
    # 中期指标内容 | 中期指标值 | 一级指标 | 年度指标内容 | 年度指标值: the headers name their period,
    # and the 年度 run's rows begin in the 中期 run's columns; the names were lost and every
    # annual indicator dropped.
    head = "\n".join(DECLARATION.read_text(encoding="utf-8").splitlines()[:11])
    table = rows(("绩效指标", "一级指标", "二级指标", "中期指标内容", "中期指标值", "一级指标", "年度指标内容", "年度指标值"),
                 ("", "产出指标", "数量指标", "整治河道数量", "36条", "产出指标", "整治河道数量", "12条"),
                 ("", "满意度指标", "服务对象满意度指标", "沿河居民满意度", "≥90%", "满意度指标", "沿河居民满意度", "≥85%"))
    (record,) = extract_text(tmp_path, head + "\n" + table)
    got = [(i.period, i.level1, i.name, i.target.raw) for i in record.fields.indicators]
    assert got == [("medium_term", "产出指标", "整治河道数量", "36条"), ("medium_term", "满意度指标", "沿河居民满意度", "≥90%"),
                   ("annual", "产出指标", "整治河道数量", "12条"), ("annual", "满意度指标", "沿河居民满意度", "≥85%")]


def test_declaration_indicators_side_by_side_under_headers_closed_by_their_period(tmp_path):
    # 二级指标（长期）| 三级指标（长期）| 指标值（长期）| 二级指标（年度）| …: the period in brackets
    # after each header (长期 for the multi-year targets, 中期 elsewhere); no indicator was read.
    head = "\n".join(DECLARATION.read_text(encoding="utf-8").splitlines()[:11])
    table = rows(("一级指标", "二级指标（长期）", "三级指标（长期）", "指标值（长期）", "二级指标（年度）", "三级指标（年度）",
                  "指标值（年度）"),
                 ("产出指标", "数量指标", "整治河道数量", "36条", "数量指标", "整治河道数量", "12条"),
                 ("满意度指标", "服务对象满意度指标", "", "", "服务对象满意度指标", "沿河居民满意度", "≥85%"))
    (record,) = extract_text(tmp_path, head + "\n" + table)
    got = [(i.period, i.level1, i.level2, i.name, i.target.raw) for i in record.fields.indicators]
    assert got == [("medium_term", "产出指标", "数量指标", "整治河道数量", "36条"),
                   ("annual", "产出指标", "数量指标", "整治河道数量", "12条"),
                   ("annual", "满意度指标", "服务对象满意度指标", "沿河居民满意度", "≥85%")]


LOCAL_GRID_DECLARATION = "\n".join([
    "部门预算项目支出绩效目标表", "（2024年度）", "单位：万元",
    "项目名称\t2024年新虹街道中小学校园安全技防升级项目",
    "项目资金\t资金总额\t其中：财政拨款\t其他资金",
    "中期\t860.00\t860.00\t0.00",
    "年度\t430.00\t430.00\t0.00",
    "总体目标\t中期目标\t2024-2025年完成12所中小学校园安全技防设施升级。",
    "\t年度目标\t2024年完成6所学校技防升级。",
    "中期绩效指标\t\t\t",
    "一级指标\t二级指标\t三级指标\t指标值",
    "产出指标\t数量指标\t技防升级学校数\t12所",
    "年度绩效指标\t\t\t",
    "一级指标\t二级指标\t三级指标\t指标值",
    "产出指标\t数量指标\t技防升级学校数\t6所",
])


def test_a_local_declaration_grid_with_sub_labels_and_titled_indicator_tables(tmp_path):
    # The funds rows named in the block label's column (中期 | 860.00 under 项目资金 | 资金总额);
    # goals beside sub-labels in a column (总体目标 | 中期目标 | …); each indicator table titled
    # by a row of its own (中期绩效指标). All three were lost or swapped.
    (record,) = extract_text(tmp_path, LOCAL_GRID_DECLARATION)
    fields = record.fields
    assert fields.funds.medium_term.total.yuan == "8600000.00" and fields.funds.annual.fiscal.yuan == "4300000.00"
    assert fields.goal_medium_term == "2024-2025年完成12所中小学校园安全技防设施升级。"
    assert fields.goal_annual == "2024年完成6所学校技防升级。"
    assert [(i.period, i.target.raw) for i in fields.indicators] == [("medium_term", "12所"), ("annual", "6所")]


def test_an_inherited_column_under_a_header_merged_over_two_grid_columns(tmp_path):
    # 二级指标 merged over two grid columns, each value merged the same: the empty second grid
    # column overwrote the value read in the first, and every level2 came out null.
    html = ("<p>项目支出绩效目标执行监控表</p><p>（2024年1-6月）</p><table>"
            "<tr><td>项目名称</td><td colspan='6'>2024年古美路街道市政道路养护项目</td></tr>"
            "<tr><td>一级指标</td><td colspan='2'>二级指标</td><td colspan='2'>三级指标</td><td>年度指标值</td>"
            "<td>1-6月执行情况</td></tr>"
            "<tr><td rowspan='2'>产出指标</td><td colspan='2'>数量指标</td><td colspan='2'>道路大中修里程</td>"
            "<td>≥15公里</td><td>6.2公里</td></tr>"
            "<tr><td colspan='2'>质量指标</td><td colspan='2'>道路完好率</td><td>≥95%</td><td>96.1%</td></tr></table>")
    (record,) = extract_text(tmp_path, html, name="form.html")
    assert [(i.level1, i.level2, i.name) for i in record.fields.indicators] == [
        ("产出指标", "数量指标", "道路大中修里程"), ("产出指标", "质量指标", "道路完好率")]


def test_execution_monitoring_under_local_titles(tmp_path):
    # A local office titles the execution-monitoring table 项目支出绩效运行监控表 (the tracking
    # form's words: it was read as that form, its funds and indicators lost) or 项目支出绩效监控表
    # (no known title: read only by its labels, its year lost).
    for title in ("项目支出绩效运行监控表", "区级项目支出绩效监控表", "项目绩效目标运行监控表"):
        (record,) = extract_text(tmp_path, _execution(lambda t: t.replace("项目支出绩效目标执行监控表", title)))
        assert record.form.type == "execution_monitoring" and record.form.year == 2024, title
        assert record.form.title.startswith(title)
        assert record.fields.funds.total.executed.yuan == "1680000.00" and len(record.fields.indicators) == 6


def test_a_tracking_form_titled_without_its_town_words_stays_a_tracking_form(tmp_path):
    text = (CORPUS / "samples" / "seed-huacao-tabs.txt").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if "运行监控" in line)
    (record,) = extract_text(tmp_path, text.replace(title, "项目支出绩效运行监控表"))
    assert record.form.type == "monitoring"


def test_execution_monitoring_half_year_column_and_a_written_likelihood(tmp_path):
    # 半年度指标执行情况 named no column (the progress was lost) and a written 不可能 was no
    # option of 完成目标可能性 (确定能 / 有可能 / 完全不可能).
    text = "项目支出绩效监控表\n（2023年度）\n" + rows(
        ("项目名称", "社区助餐服务"),
        ("主管部门", "示范区民政局", "项目执行单位", "示范区养老服务中心"),
        ("项目资金（万元）", "年初预算数", "1-6月执行数", "全年预计执行数"),
        ("年度资金总额", "220", "87.57", "200"),
        ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "半年度指标执行情况", "完成目标可能性", "备注"),
        ("", "产出指标", "数量指标", "助餐服务人次", "≥10万人次", "4.2万人次", "有可能", ""),
        ("", "效益指标", "社会效益指标", "新建助餐点", "3个", "0个", "不可能", "选址未定"),
    )
    (record,) = extract_text(tmp_path, text)
    indicators = record.fields.indicators
    assert [(i.progress.raw if i.progress else None, i.likelihood) for i in indicators] == [
        ("4.2万人次", "有可能"), ("0个", "完全不可能")]
    assert record.fields.months == 6


def test_a_local_target_table_with_long_term_blocks(tmp_path):
    # 项目性质 持续性项目 and the indicator blocks titled 长期绩效指标 / 年度绩效指标 in their first
    # column: the attribute and the 长期 indicators' period were lost (all annual), and the
    # title, holding the label 绩效目标, was cut into a label and a value.
    text = "项目绩效目标表(2021年度)\n" + rows(
        ("项目名称", "镇域道路硬化"),
        ("主管部门", "示范镇", "项目单位", "示范镇人民政府"),
        ("项目性质", "持续性项目"),
        ("项目资金（万元）", "资金总额", "财政拨款", "其他资金"),
        ("中期", "300", "300", "0"),
        ("年度", "100", "100", "0"),
        ("总体目标", "长期目标", "年度目标"),
        ("", "三年完成道路硬化20公里", "全年完成道路硬化8公里"),
        ("长期绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"),
        ("", "产出指标", "数量指标", "道路硬化里程", "20公里"),
        ("年度绩效指标", "一级指标", "二级指标", "指标内容", "当年预期实现值", "备注"),
        ("", "产出指标", "数量指标", "道路硬化里程", "8公里"),
    )
    (record,) = extract_text(tmp_path, text)
    fields = record.fields
    assert (record.form.title, record.form.year) == ("项目绩效目标表(2021年度)", 2021)
    assert fields.project_attribute == "持续性项目"
    assert (fields.goal_medium_term, fields.goal_annual) == ("三年完成道路硬化20公里", "全年完成道路硬化8公里")
    assert [(i.period, i.target.raw) for i in fields.indicators] == [("medium_term", "20公里"), ("annual", "8公里")]


def test_a_target_approval_form_in_its_own_words(tmp_path):
    # 绩效目标审批表 named no form; 业务主管部门, 建设周期 and 年度主要目标和成果 were no labels, and
    # 其它资金 (for 其他资金) named no row.
    text = "2023年示范乡加工园配套设施项目支出绩效目标审批表\n（2023年度）\n" + rows(
        ("项目名称", "示范乡加工园配套设施", "业务主管部门", "县农业农村委"),
        ("建设周期", "2023年4月-2024年2月", "实施单位", "示范乡人民政府"),
        ("年度主要目标和成果", "新建晾晒房一座，硬化晒坝420平方米。"),
        ("项目资金（万元）", "资金总额", "财政拨款", "其它资金"),
        ("年度", "65", "60", "5"),
        ("年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"),
        ("", "产出指标", "数量指标", "晒坝硬化面积", "≥420平方米"),
    )
    (record,) = extract_text(tmp_path, text)
    fields = record.fields
    assert (record.form.type, record.form.year) == ("target_declaration", 2023)
    assert (fields.department, fields.project_period) == ("县农业农村委", "2023年4月-2024年2月")
    assert fields.goal_annual == "新建晾晒房一座，硬化晒坝420平方米。"
    assert fields.funds.annual.other.yuan == "50000.00"


def test_box_groups_the_template_does_not_name_are_listed(tmp_path):
    # 项目类型 and 项目属性 on an execution-monitoring form name no field: their boxes were dropped
    # without a word. They are listed, with no field, and judged by no rule.
    text = "项目支出绩效监控表\n（2019年度）\n" + rows(
        ("项目名称", "申报经费"),
        ("主管部门", "示范区文化局", "项目执行单位", "示范区博物馆"),
        ("项目属性", "1、持续性项目 ☐ 2、新增性项目 ☐"),
        ("项目类型", "1、常年性项目 ☐ √ 2、延续性项目 ☐ 3、一次性项目 ☐"),
        ("项目资金（万元）", "年初预算数", "1-6月执行数"),
        ("年度资金总额", "220", "87.57"),
        ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况"),
        ("", "产出指标", "数量指标", "举办活动场次", "5场", "3场"),
    )
    (record,) = extract_text(tmp_path, text)
    listed = [(g.question, g.field, g.ticked, [o.label for o in g.options]) for g in record.checkboxes]
    assert listed == [("项目属性", None, [], ["持续性项目", "新增性项目"]),
                      ("项目类型", None, ["常年性项目"], ["常年性项目", "延续性项目", "一次性项目"])]
    assert not [d for d in record.discrepancies if d.rule == "checkbox-state"]


def test_funds_written_out_in_one_cell(tmp_path):
    # 资金总额及构成 | 总额…万元 财政拨款：…万元（…）二、自有资金：0万元 三、其他：…万元: the block
    # is a sentence, not a grid, and was lost.
    text = "项目绩效目标表(2021年度)\n" + rows(
        ("项目名称", "镇域道路硬化"),
        ("主管部门", "示范镇", "项目单位", "示范镇人民政府"),
        ("资金总额及构成", "总额120.5万元 财政拨款：100.5万元（其中：上级财政资金：80万元；本级财政：20.5万元）"
         "二、自有资金：0万元 三、其他：20万元"),
        ("年度绩效目标", "全年完成道路硬化8公里"),
        ("年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值"),
        ("", "产出指标", "数量指标", "道路硬化里程", "8公里"),
    )
    (record,) = extract_text(tmp_path, text)
    annual = record.fields.funds.annual
    assert (annual.total.yuan, annual.fiscal.yuan, annual.other.yuan) == ("1205000.00", "1005000.00", "200000.00")
    assert not [d for d in record.discrepancies if d.rule == "funds-sum"]


def test_an_indicator_whose_target_is_a_bare_figure_is_kept(tmp_path):
    # `100` in the target column matched the numbering placeholder (`1`, `(2)`) meant for a
    # row's name, so every row of figures was dropped.
    text = "项目绩效目标表(2021年度)\n" + rows(
        ("项目名称", "镇域道路硬化"),
        ("项目资金（万元）", "资金总额", "财政拨款", "其他资金"),
        ("年度", "100", "100", "0"),
        ("年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"),
        ("", "产出指标", "质量指标", "88", "100", ""),
        ("", "产出指标", "数量指标", "(2)", "……", ""),
    )
    (record,) = extract_text(tmp_path, text)
    assert [(i.level2, i.name, i.target.raw) for i in record.fields.indicators] == [("质量指标", "88", "100")]


def test_a_table_without_a_third_level_names_its_indicators_in_the_second(tmp_path):
    # 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值 with the indicators in the 二级指标 column: no
    # column named them, so none had a name.
    text = "项目绩效目标表(2021年度)\n" + rows(
        ("项目名称", "办公大楼运行保障"),
        ("项目资金（万元）", "资金总额", "财政拨款", "其他资金"),
        ("年度", "814", "814", "0"),
        ("年度绩效指标", "一级指标", "二级指标", "绩效标准", "当年预期实现值"),
        ("", "数量指标", "日常维修维护次数", "反映维修及时", "2280次"),
        ("", "质量指标", "维修验收合格率", "反映维修质量", "≥92%"),
    )
    (record,) = extract_text(tmp_path, text)
    assert [(i.level1, i.name, i.target.raw) for i in record.fields.indicators] == [
        ("数量指标", "日常维修维护次数", "2280次"), ("质量指标", "维修验收合格率", "≥92%")]
