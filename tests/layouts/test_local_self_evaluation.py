"""The self-evaluation form as local offices print it: label wordings (分值（分）, 权重, 资金总额,
项目实施单位, 项 目 名 称), ticked grade boxes, a 0-point indicator, a column no template knows,
a form continued on a second page, and two forms of the same type one after the other."""

from __future__ import annotations

import pytest

from tests.layouts.local_forms import (
    INDICATOR_HEAD,
    INDICATORS,
    extract_text,
    rows,
    self_evaluation,
    self_evaluation_head,
)


def _faults(record) -> list[str]:
    return [f"{d.rule}: {d.message}" for d in record.discrepancies if d.severity != "info"]


def test_wording_variants_read_as_the_national_labels(tmp_path):
    (record,) = extract_text(tmp_path, self_evaluation())
    fields = record.fields
    assert record.form.type == "self_evaluation" and record.form.year == 2023
    assert fields.project_name == "2023年七宝镇老旧小区综合改造项目"  # 项 目 名 称
    assert fields.implementing_unit == "七宝镇城市建设管理事务中心"  # 项目实施单位
    total = fields.funds.total  # 资金总额 under 项目资金(万元)
    assert total.initial_budget.yuan == "5000000.00" and total.executed.yuan == "4560000.00"
    assert total.weight == "10" and total.score == "9.5"  # 分值（分）
    assert [item.weight for item in fields.indicators] == ["20", "30", "10", "30", "0"]  # 权重
    assert fields.total_weight == "100" and fields.total_score == "99.5"
    assert fields.grade == "优"
    assert _faults(record) == []  # 10 + 90 points, 9.5 + 90 scored: nothing to report


@pytest.mark.parametrize("grade_row", [
    ("评价等级", "优☐", "良☑", "中☐", "差☐"),
    ("评价等级", "☐优 ☑良 ☐中 ☐差"),
    ("评价等级（优/良/中/差）", "良"),
])
def test_the_ticked_grade_is_read_not_the_first_printed(tmp_path, grade_row):
    (record,) = extract_text(tmp_path, self_evaluation(grade_row=grade_row))
    assert record.fields.grade == "良"
    band = [d for d in record.discrepancies if d.rule == "grade-band"]
    assert band and "99.5" in band[0].message  # 良 beside 99.5 points: the band says 优


def test_a_grade_with_two_ticks_is_no_grade(tmp_path):
    (record,) = extract_text(tmp_path, self_evaluation(grade_row=("评价等级", "优☑", "良☑", "中☐", "差☐")))
    assert record.fields.grade is None


def test_an_indicator_of_0_points_that_misses_its_target_is_no_target_score_finding(tmp_path):
    text = self_evaluation().replace("\t≥90%\t96%\t0\t0\t", "\t≥90%\t85%\t0\t0\t")
    (record,) = extract_text(tmp_path, text)
    assert record.fields.indicators[4].actual.value == "85"
    assert not [d for d in record.discrepancies if d.rule == "target-score"]


def test_an_indicator_that_misses_its_target_and_keeps_full_points_still_is(tmp_path):
    text = self_evaluation().replace("\t≥12个\t12个\t20\t20\t", "\t≥12个\t10个\t20\t20\t")
    (record,) = extract_text(tmp_path, text)
    found = [d for d in record.discrepancies if d.rule == "target-score"]
    assert len(found) == 1 and "改造小区数量" in found[0].message


def test_a_funds_column_no_template_knows_is_named_with_its_value(tmp_path):
    text = self_evaluation_head(extra_head=("结余资金",), extra_value=("24.00",)) + rows(INDICATOR_HEAD, *INDICATORS)
    (record,) = extract_text(tmp_path, text)
    assert record.fields.funds.total.executed.yuan == "4560000.00"  # the known columns still read
    (said,) = [d for d in record.discrepancies if d.rule == "unread-value"]
    assert said.severity == "info" and "结余资金" in said.message and "24.00" in said.message
    assert said.evidence and "24.00" in said.evidence[0].text


def test_an_indicator_column_no_template_knows_is_named_with_its_values(tmp_path):
    head = (*INDICATOR_HEAD, "佐证材料")
    body = [(*INDICATORS[0], "验收报告"), *INDICATORS[1:3], (*INDICATORS[3], "问卷"), INDICATORS[4]]
    (record,) = extract_text(tmp_path, self_evaluation_head() + rows(head, *body))
    assert len(record.fields.indicators) == 5
    (said,) = [d for d in record.discrepancies if d.rule == "unread-value"]
    assert "佐证材料" in said.message and "验收报告" in said.message and "问卷" in said.message
    assert len(said.evidence) == 2


def test_no_unread_column_on_a_form_whose_columns_are_all_known(tmp_path):
    (record,) = extract_text(tmp_path, self_evaluation())
    assert not [d for d in record.discrepancies if d.rule == "unread-value"]


@pytest.mark.parametrize("page_header", ["项目支出绩效自评表（续）\n", "项目支出绩效自评表\n（2023年度）\n", "续表\n"])
def test_a_form_continued_on_a_second_page_stays_one_form(tmp_path, page_header):
    text = (self_evaluation_head() + rows(INDICATOR_HEAD, *INDICATORS[:2]) + page_header
            + rows(INDICATOR_HEAD, *INDICATORS[2:]) + rows(("总分", "100", "99.5"), ("评价等级", "优")))
    (record,) = extract_text(tmp_path, text)
    names = [item.name for item in record.fields.indicators]
    assert names == ["改造小区数量", "改造面积", "竣工验收合格率", "居民居住环境改善", "居民满意度"]
    assert record.fields.indicators[2].level1 == "产出指标"  # inherited across the page break
    assert record.fields.total_score == "99.5" and record.fields.grade == "优"
    assert _faults(record) == []


def test_a_continued_table_without_its_header_again_stays_one_form(tmp_path):
    text = (self_evaluation_head() + rows(INDICATOR_HEAD, *INDICATORS[:2]) + "项目支出绩效自评表（续）\n"
            + rows(*INDICATORS[2:]) + rows(("总分", "100", "99.5")))
    (record,) = extract_text(tmp_path, text)  # one form, not two
    assert record.fields.project_name == "2023年七宝镇老旧小区综合改造项目"
    assert record.fields.total_score == "99.5"
    assert record.fields.total_score == "99.5"


def test_two_forms_of_the_same_type_stay_two(tmp_path):
    second = self_evaluation(project="2023年七宝镇河道整治项目")
    records = extract_text(tmp_path, self_evaluation() + "\n" + second)
    assert [r.fields.project_name for r in records] == ["2023年七宝镇老旧小区综合改造项目", "2023年七宝镇河道整治项目"]
    assert all(len(r.fields.indicators) == 5 for r in records)


def test_pipes_inside_tab_cells_are_text(tmp_path):
    text = self_evaluation().replace("\t完成12个小区改造。\t", "\t完成12个小区改造|含加装电梯。\t")
    (record,) = extract_text(tmp_path, text)
    assert record.fields.goal_planned == "完成12个小区改造|含加装电梯。"
    assert record.fields.goal_actual == "完成12个小区改造。"
    assert record.fields.funds.total.weight == "10"


def test_tab_rows_drawn_with_pipes_read_as_tab_rows(tmp_path):
    lines = self_evaluation().replace("\t完成12个小区改造。\t", "\t完成12个小区改造|含加装电梯。\t").split("\n")
    text = "\n".join("| " + line.replace("\t", "\t| ") + " |" if "\t" in line else line for line in lines)
    (record,) = extract_text(tmp_path, text)
    fields = record.fields
    assert record.source.dialect == "tabs"
    assert fields.project_name == "2023年七宝镇老旧小区综合改造项目"
    assert fields.goal_planned == "完成12个小区改造|含加装电梯。"  # a pipe inside a cell stays
    assert fields.funds.total.executed.yuan == "4560000.00" and fields.funds.total.weight == "10"
    assert [item.name for item in fields.indicators][-1] == "居民满意度"
    assert fields.total_score == "99.5" and fields.grade == "优"
    assert _faults(record) == []


@pytest.mark.parametrize(("weight", "score"), [("权重（%）", "自评得分"), ("标准分值", "评分"), ("标准分", "得分（分）")])
def test_score_column_wordings(tmp_path, weight, score):
    text = self_evaluation().replace("\t分值（分）\t执行率\t得分", f"\t{weight}\t执行率\t{score}")
    text = text.replace("\t权重\t得分\t", f"\t{weight}\t{score}\t")
    (record,) = extract_text(tmp_path, text)
    fields = record.fields
    assert fields.funds.total.weight == "10" and fields.funds.total.score == "9.5"
    assert [item.weight for item in fields.indicators] == ["20", "30", "10", "30", "0"]
    assert [item.score for item in fields.indicators] == ["20", "30", "10", "30", "0"]
    assert _faults(record) == []
    assert not [d for d in record.discrepancies if d.rule == "unread-value"]


def test_the_unit_on_the_total_rows_label_is_the_tables_unit(tmp_path):
    text = self_evaluation().replace("项目资金(万元)", "项目资金").replace("\t资金总额\t", "\t资金总额（万元）\t")
    (record,) = extract_text(tmp_path, text)
    funds = record.fields.funds
    assert funds.total.initial_budget.yuan == "5000000.00"
    assert funds.fiscal.initial_budget.yuan == "4500000.00" and funds.fiscal.initial_budget.stated_unit == "万元"
    assert funds.carryover.executed.yuan == "460000.00"
    assert _faults(record) == []


@pytest.mark.parametrize("grade_row", [("评价等级", "优☐", "良☑", "中☐", "差☐"), ("评价等级", "优☐ 良☑ 中☐ 差☐")])
def test_one_cell_a_line_the_ticked_grade_is_read(tmp_path, grade_row):
    cells = [cell for line in self_evaluation(grade_row=grade_row).split("\n") for cell in line.split("\t") if cell.strip()]
    (record,) = extract_text(tmp_path, "\n".join(cells) + "\n")
    assert record.source.dialect == "cells"
    assert record.fields.grade == "良"
    assert record.fields.total_score == "99.5"


@pytest.mark.parametrize("second_head", ["", "附件2\n（2023年度）\n"])
def test_a_second_form_printed_without_its_title_is_a_form_of_its_own(tmp_path, second_head):
    second = self_evaluation(project="2023年七宝镇河道整治项目").replace("项目支出绩效自评表\n（2023年度）\n", second_head)
    first, other = extract_text(tmp_path, self_evaluation() + "\n" + second)
    assert first.fields.project_name == "2023年七宝镇老旧小区综合改造项目"
    assert other.fields.project_name == "2023年七宝镇河道整治项目"
    assert other.form.type == "self_evaluation" and other.form.year == 2023
    assert len(first.fields.indicators) == len(other.fields.indicators) == 5
    assert first.fields.total_score == other.fields.total_score == "99.5"


def test_the_project_row_printed_again_as_a_page_header_starts_no_form(tmp_path):
    text = (self_evaluation_head() + rows(INDICATOR_HEAD, *INDICATORS[:2])
            + rows(("项 目 名 称", "2023年七宝镇老旧小区综合改造项目")) + rows(INDICATOR_HEAD, *INDICATORS[2:])
            + rows(("总分", "100", "99.5")))
    (record,) = extract_text(tmp_path, text)  # one form, not two
    assert record.fields.project_name == "2023年七宝镇老旧小区综合改造项目"
    assert record.fields.total_score == "99.5"
