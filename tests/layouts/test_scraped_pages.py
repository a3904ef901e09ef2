"""Forms as scraped web pages print them: the whole form on one line of spaced cells after the
document's metadata, pinyin printed after characters, a title fused to the rows after it."""

from __future__ import annotations

import pytest

from parsers.readers.text_labels import vocabulary
from parsers.readers.text_ruby import strip_ruby
from parsers.readers.text_split import cut_line
from tests.conftest import CORPUS
from tests.layouts.local_forms import INDICATORS, extract_text, self_evaluation

METADATA = "张三 wx20190001 1 2019-05-22T04:56:35Z 2022-05-16T06:53:23Z 15.00 2052-11.1.0 9300 0 False False False 附件:"


def _cells(text: str) -> list[str]:
    return [cell for line in text.split("\n") for cell in line.split("\t") if cell.strip()]


def _plain_form() -> str:
    return self_evaluation(project="七宝镇老旧小区综合改造项目").replace("项 目 名 称", "项目名称")


def test_a_whole_form_on_one_spaced_line_after_metadata_is_recognised_and_read(tmp_path):
    line = METADATA + " " + " ".join(_cells(_plain_form()))
    (record,) = extract_text(tmp_path, line)
    assert record.form.type == "self_evaluation" and record.form.year == 2023
    assert record.source.dialect == "spaced"
    fields = record.fields
    assert fields.project_name == "七宝镇老旧小区综合改造项目"
    assert fields.implementing_unit == "七宝镇城市建设管理事务中心"
    total = fields.funds.total
    assert (total.initial_budget.yuan, total.annual_budget.yuan, total.executed.yuan) == (
        "5000000.00", "4800000.00", "4560000.00")
    assert [indicator.name for indicator in fields.indicators] == [row[3] for row in INDICATORS]
    assert fields.total_score == "99.5"


def test_a_sentence_broken_by_a_space_on_a_run_on_line_stays_one_cell(tmp_path):
    form = _plain_form().replace("完成12个小区改造。\t完成12个小区改造。",
                                 "计划改造12个小区，惠及居民 3000户。\t完成12个小区改造，惠及居民 3100户。")
    line = " ".join(_cells(form)).replace("。 ", "。 ...... ", 1)
    (record,) = extract_text(tmp_path, line)
    assert record.fields.goal_planned == "计划改造12个小区，惠及居民3000户。"
    assert record.fields.goal_actual == "完成12个小区改造，惠及居民3100户。"


_PINYIN = {"項": "xiàng", "目": "mù", "名": "míng", "稱": "chēng", "績": "jì", "評": "píng", "預": "yù",
           "算": "suàn", "執": "zhí", "標": "biāo", "數": "shù", "實": "shí", "際": "jì"}
_TRADITIONAL = {"项": "項", "称": "稱", "绩": "績", "评": "評", "预": "預", "执": "執", "标": "標", "数": "數",
                "实": "實", "际": "際"}


def _with_pinyin(text: str) -> str:
    traditional = "".join(_TRADITIONAL.get(char, char) for char in text)
    return "".join(char + (f"({_PINYIN[char]})" if char in _PINYIN else "") for char in traditional)


def test_pinyin_after_characters_is_no_text_of_the_form(tmp_path):
    plain = _plain_form()
    (expected,) = extract_text(tmp_path, plain, "plain.txt")
    (record,) = extract_text(tmp_path, _with_pinyin(plain), "pinyin.txt")
    assert record.form.type == "self_evaluation"
    assert record.fields.model_dump() == expected.fields.model_dump()


def test_only_toned_syllables_in_brackets_after_a_character_are_pinyin():
    assert strip_ruby("監(jiān)測項（xiàng）目") == "監測項目"
    kept = "年初目标值(A) 执行率(B/A) 重量(kg) 资金(万元) 得分(20分) abc(dé)"
    assert strip_ruby(kept) == kept


def test_a_title_fused_to_the_rows_after_it_names_the_form(tmp_path):
    head = ("1、2023年度老旧小区综合改造项目绩效自评表单位名称:七宝镇城市建设管理事务中心 填报日期:2024年3月1日"
            "项目名称七宝镇老旧小区综合改造项目")
    text = head + "\n" + _plain_form().split("\n", 3)[3]
    (record,) = extract_text(tmp_path, text)
    assert record.form.title == "1、2023年度老旧小区综合改造项目绩效自评表"
    assert record.form.type == "self_evaluation" and record.form.year == 2023


def test_the_year_is_the_forms_not_that_of_the_page_heading_above_it(tmp_path):
    text = "七宝镇2024年预算绩效评价结果公开\n\n" + _plain_form().replace("（2023年度）", "2023年度")
    (record,) = extract_text(tmp_path, text)
    assert record.form.year == 2023


def test_a_total_stated_after_a_colon_in_a_spaced_row_is_one_figure(tmp_path):
    text = _plain_form().replace("总分\t100\t99.5", "总分:83").replace("\t", " ")
    (record,) = extract_text(tmp_path, text)
    assert record.source.dialect in ("spaced", "fused")
    assert record.fields.total_score == "83"


def test_one_cell_a_line_with_blank_lines_and_noted_header_cells_is_the_cell_dialect(tmp_path):
    form = _plain_form()
    for label in ("二级指标", "三级指标", "年度指标值"):
        form = form.replace(label, label + "(年度)")
    text = "\n\n".join(_cells(form)) + "\n"
    (record,) = extract_text(tmp_path, text)
    assert record.source.dialect == "cells"
    assert record.fields.project_name == "七宝镇老旧小区综合改造项目"
    assert record.fields.funds.total.executed.yuan == "4560000.00"


def test_an_empty_cell_printed_as_a_lone_pipe_keeps_the_cells_after_it_in_their_columns(tmp_path):
    form = _plain_form().replace("5.2万平方米", "")
    lines = [f"{cell} |" if cell else "|" for line in form.split("\n") if line for cell in line.split("\t")]
    (record,) = extract_text(tmp_path, "\n".join(lines) + "\n")
    assert record.source.dialect == "cell_pipes"
    area = record.fields.indicators[1]
    assert area.name == "改造面积" and area.actual is None
    assert (area.weight, area.score) == ("30", "30")


def test_a_whole_form_fused_on_one_line_is_cut_at_its_labels(tmp_path):
    declaration = (CORPUS / "target_declaration" / "national_tabs_pairs_wanyuan.txt").read_text(encoding="utf-8")
    (record,) = extract_text(tmp_path, "".join(_cells(declaration)))
    assert record.form.type == "target_declaration" and record.form.year == 2024
    assert record.source.dialect == "fused"
    fields = record.fields
    assert fields.project_name == "2024年莘庄镇中小河道综合整治项目"
    assert fields.implementing_unit == "莘庄镇水务管理所"
    assert fields.project_attribute == "新增项目"


def test_a_label_in_a_fused_row_is_cut_though_a_later_cell_holds_a_clause():
    line = "项目名称镇域道路建设项目属性延续项目主管部门某镇人民政府项目负责人张三年度目标修缮道路、桥梁"
    assert cut_line(line, vocabulary()).texts[:6] == ["项目名称", "镇域道路建设", "项目属性", "延续项目", "主管部门",
                                                      "某镇人民政府"]


@pytest.mark.parametrize("separator", ["\t", ""])
def test_goal_texts_printed_each_on_a_line_after_their_header_row(tmp_path, separator):
    form = _plain_form().replace("\t完成12个小区改造。\t完成12个小区改造。\n",
                                 "计划改造12个小区，惠及居民3000户。\n改造完成12个小区，惠及居民3100户。\n")
    (record,) = extract_text(tmp_path, form.replace("\t", separator))
    assert record.fields.goal_planned == "计划改造12个小区，惠及居民3000户。"
    assert record.fields.goal_actual == "改造完成12个小区，惠及居民3100户。"


def test_a_covering_note_run_into_the_form_on_one_line(tmp_path):
    # The page ran its note (and a 附件 line naming the form) into the fused form: no title stood
    # at a line's head, so the file was no known form at all.
    note = ("现已完成示范镇2022年项目绩效自评，现将结果公示，意见收集人：张三联系电话：0838-1234567"
            "附件：2022年项目绩效自评表示范镇人民政府2022年12月30日")
    form = ("项目支出绩效自评表(2022年度)项目名称示范镇河道巡查项目主管部门示范区水务局实施单位示范区河道管理所"
            "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额36.0036.0036.0010100%10"
            "年度总体目标预期目标实际完成情况全年巡查河道40公里以上。巡查河道42公里。"
            "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"
            "产出指标数量指标巡查河道长度≥40公里42公里9090总分100100")
    (record,) = extract_text(tmp_path, note + form + "\n")
    assert (record.form.type, record.form.year, record.form.title) == ("self_evaluation", 2022, "项目支出绩效自评表(2022年度)")
    assert (record.fields.project_name, record.fields.department) == ("示范镇河道巡查项目", "示范区水务局")
