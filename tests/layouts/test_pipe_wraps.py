"""Outer-pipe rows a scraper broke inside their cells (`| 项目名称 |` / `…经费 |` / `|||||`, a
row opened by a lone `|`) are one row each; rows without outer pipes stay a line a row."""

from __future__ import annotations

from parsers.readers.pipe_wraps import join_wrapped_rows
from tests.layouts.local_forms import extract_text

BROKEN = """2022年度项目支出绩效自评表
| 项目名称 |
2022年河道巡查经费 |
||||||
| 主管部门 | 示范区水务局 | 实施单位 | 示范区河道管理所 | ||||
|
项目资金 (万元) |
年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |
| 年度资金总额 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 | |
| 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | | | | |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| | 产出指标 | 数量指标 | 巡查河道长度 | ≥40公里 | 42公里 | 90 | 90 |
"""


def test_broken_rows_are_joined():
    lines = join_wrapped_rows(BROKEN.split("\n"))
    assert lines[1] == "| 项目名称 | 2022年河道巡查经费 | ||||||"
    assert lines[3] == "| 项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |"
    assert lines[4:] == BROKEN.split("\n")[8:]


def test_rows_without_outer_pipes_stay_as_they_are():
    lines = ["项目名称 | 河道巡查 |", "主管部门 | 示范区水务局 |", "年度资金总额 | 7.29 |", "备注 |"]
    assert join_wrapped_rows(lines) == lines


def test_rows_of_full_width_stay_as_they_are():
    # Rows without outer pipes whose first cell is empty open with a pipe all the same.
    lines = ["项目名称 | 河道巡查 | |", "  | 年度资金总额 | 7.29 |", "  | 财政拨款 | 7.29 |", "  | 其他资金 | 0 |",
             "绩效指标 | 一级指标 | |"]
    assert join_wrapped_rows(lines) == lines


def test_a_form_whose_rows_broke_inside_their_cells(tmp_path):
    # Read before: no project name (status ok), the funds in 元 and shifted a column (the
    # header row `年初预算数 | …` lost its first cell to the line before).
    (record,) = extract_text(tmp_path, BROKEN)
    fields = record.fields
    assert fields.project_name == "2022年河道巡查经费"
    total = fields.funds.total
    assert (total.initial_budget.yuan, total.executed.yuan, total.weight, total.rate_pct, total.score) == (
        "72900.00", "72900.00", "10.00", "100", "10.00")
