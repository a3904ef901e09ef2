"""The layout readers on the issue's own examples: cutting rows, splitting figures, repairing
characters, naming the layout, and refusing a figure of the wrong kind."""

from __future__ import annotations

from pathlib import Path

import pytest
import zhconv

from corpus.generator.relayout import RENDERERS
from extract.pipeline import extract_records
from parsers.readers import read_document
from parsers.readers.text_chars import repair
from parsers.readers.text_figures import is_figures, split_figures
from parsers.readers.text_labels import vocabulary
from parsers.readers.text_split import cut_line
from tests.conftest import CORPUS, load_expected

SEED = CORPUS / "txt" / "seed-huacao-tabs.txt"


def _cells(line: str) -> list[str]:
    return cut_line(line, vocabulary()).texts


def test_a_fused_row_is_cut_at_the_templates_labels():
    assert _cells("项目名称城镇建设管理主管部门松江区九亭镇人民政府") == [
        "项目名称", "城镇建设管理", "主管部门", "松江区九亭镇人民政府"]


def test_fused_figures_split_into_the_header_count_by_number_shapes():
    assert split_figures("145000000.00145000000.0010100.0%10", 5) == [
        "145000000.00", "145000000.00", "10", "100.0%", "10"]
    kinds = ("amount", "amount", "amount", "score", "percent", "score")
    assert split_figures("385.35403.60318.411078.89%7.89", 6, kinds) == [
        "385.35", "403.60", "318.41", "10", "78.89%", "7.89"]
    assert split_figures("1.225") == ["1.225"]  # no header: a lone figure is never cut


def test_a_date_is_no_figure():
    assert is_figures("43.2 43.2 37.24 10 86% 9")
    assert not is_figures("2024/1/1 — 2024/8/31")


def test_a_label_word_inside_a_sentence_does_not_cut_it():
    assert _cells("评价结论 项目绩效目标大部分完成，个别指标存在偏差。") == [
        "评价结论", "项目绩效目标大部分完成，个别指标存在偏差。"]
    assert _cells("本项目2024年初预算安排为58.1万元，调整预算1.225万元") == [
        "本项目2024年初预算安排为58.1万元，调整预算1.225万元"]


def test_a_value_naming_a_form_is_still_cut_from_its_label():
    # A title line is never cut at the labels it holds; a row whose value names a form in a
    # sentence is no title.
    assert _cells("改进措施强化绩效运行监控，及时纠偏，提升资金使用效益。") == [
        "改进措施", "强化绩效运行监控，及时纠偏，提升资金使用效益。"]
    assert _cells("项目绩效目标表(2021年度)") == ["项目绩效目标表(2021年度)"]


def test_pipe_debris_is_no_cell():
    assert cut_line("| |||||", vocabulary()).kind == "skip"
    assert cut_line("|---|---|", vocabulary()).kind == "skip"
    assert _cells("| 项目名称 | 城镇建设 | | |") == ["项目名称", "城镇建设", "", ""]
    assert _cells("项目名称 |") == ["项目名称"]


def test_character_repair():
    assert repair("當年預算數（萬元）") == "当年预算数（万元）"
    assert repair("调减金额（万兀）\t37，24\t86。5%") == "调减金额（万元）\t37.24\t86.5%"
    assert repair("合计1，234.50") == "合计1,234.50"
    assert repair("43.\n2") == "43.2"
    assert repair("绩\n效\n指\n标\n评\n价\n等\n级\n优") == "绩效指标\n评价等级\n优"
    text = SEED.read_text(encoding="utf-8")
    assert repair(text) == text  # a clean text comes back as it was


def _relaid(tmp_path: Path, layout: str) -> dict:
    document = read_document(SEED, SEED.read_bytes())
    path = tmp_path / f"seed.{layout}.txt"
    path.write_text(RENDERERS[layout](document), encoding="utf-8")
    (record,) = extract_records(path)
    return record.model_dump(mode="json")


@pytest.mark.parametrize("layout", sorted(RENDERERS))
def test_the_seed_relaid_gives_the_seeds_record(tmp_path, layout):
    want = load_expected(CORPUS / "txt" / "seed-huacao-tabs.expected.json")
    got = _relaid(tmp_path, layout)
    assert got["fields"] == want["fields"]
    assert got["status"] == want["status"]
    found = {(d["rule"], d["severity"]) for d in got["discrepancies"] if d["severity"] != "info"}
    wanted = {(d["rule"], d["severity"]) for d in want["discrepancies"] if d["severity"] != "info"}
    assert found == wanted
    assert [s["heading"] for s in got["sections"]] == want["section_headings"]


@pytest.mark.parametrize(("layout", "dialect"), [
    ("pipes_outer", "pipes"), ("pipes_bare", "pipes"), ("cells_pipe_end", "cell_pipes"),
    ("spaced", "spaced"), ("fused", "fused"), ("cells_blank_lines", "cells"), ("ocr_confusions", "tabs"),
])
def test_source_dialect_names_the_layout(tmp_path, layout, dialect):
    assert _relaid(tmp_path, layout)["source"]["dialect"] == dialect


def test_traditional_text_reads_as_simplified(tmp_path):
    path = tmp_path / "trad.txt"
    path.write_text(zhconv.convert(SEED.read_text(encoding="utf-8"), "zh-tw"), encoding="utf-8")
    (record,) = extract_records(path)
    assert record.fields.budget_unit == "华漕镇城市运行管理中心"
    assert record.form.title == "财政项目支出绩效运行监控（跟踪评价）（重点）"


def test_an_amount_where_a_percent_belongs_is_not_stored(tmp_path):
    path = tmp_path / "wrong-kind.txt"
    path.write_text(
        "财政项目支出绩效运行监控（跟踪评价）（重点）\n"
        "| 项目名称 | 测试项目 |\n"
        "| 预算单位 | 华漕镇城市运行管理中心 |\n"
        "| 当年预算数（万元） | 120 | 预算执行数（万元） | 100 | 预算执行进度（%） | 861.10 |\n",
        encoding="utf-8",
    )
    (record,) = extract_records(path)
    assert record.fields.execution_progress_pct is None
    said = [d for d in record.discrepancies if "execution_progress_pct" in d.fields]
    assert said and "861.10" in said[0].message
    assert said[0].evidence and "861.10" in said[0].evidence[0].text


def test_a_header_over_values_block_reads_each_value_under_its_label(tmp_path):
    path = tmp_path / "header.txt"
    path.write_text(
        "财政项目支出绩效运行监控（跟踪评价）（重点）\n"
        "当年预算数（万元）  预算执行数（万元）  预算执行进度（%）\n"
        "43.2  37.24  86.2%\n",
        encoding="utf-8",
    )
    (record,) = extract_records(path)
    assert record.fields.annual_budget is not None and record.fields.annual_budget.raw == "43.2"
    assert record.fields.executed is not None and record.fields.executed.raw == "37.24"
    assert record.fields.execution_progress_pct == "86.2"


def test_layouts_mixed_in_one_file(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(
        "财政项目支出绩效运行监控（跟踪评价）（重点）\n"
        "| 项目名称 | 2024年华漕镇测试项目 | | | |\n"
        "| 预算单位 | 华漕镇城市运行管理中心 | 具体实施 (内设机构) | 华漕镇城市运行 管理中心 |\n"
        "跟踪时段 2024年01月01日 --- 2024年08月31日 是否为经常性项目 是☐ 否☑\n"
        "当年预算数 (万元)1.225预算执行数 (万元)1.225预算执行进度 (%)100%是否需要预算调整是☐ 否☑\n"
        "调整后预算数 (万元)\n1.225\n調減金額 (萬元)\n0\n调增金额 (万元) |\n0 |\n|\n",
        encoding="utf-8",
    )
    (record,) = extract_records(path)
    fields = record.fields
    assert (fields.project_name, fields.budget_unit, fields.implementing_unit) == (
        "2024年华漕镇测试项目", "华漕镇城市运行管理中心", "华漕镇城市运行管理中心")
    assert str(fields.tracking_period.start) == "2024-01-01" and fields.recurring is False
    assert [getattr(fields, k).raw for k in ("annual_budget", "executed", "adjusted_budget", "decrease", "increase")] == [
        "1.225", "1.225", "1.225", "0", "0"]
    assert fields.execution_progress_pct == "100" and fields.adjustment_needed is False
