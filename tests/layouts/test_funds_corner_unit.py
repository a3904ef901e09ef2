"""The Sichuan funds block (预算执行情况): the money unit printed only in the corner cell over
the row labels (`年度预算数（万元）` beside 年初预算 | 调整后预算数 | 预算执行数), the 调整后预算数
column, the 其中：财政资金 row and the funding lines no key names (财政专户管理资金, 单位资金),
as a tab grid and as one cell per line."""

from __future__ import annotations

from tests.layouts.local_forms import INDICATOR_HEAD, INDICATORS, extract_text, rows

_HEAD = ("预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分",
         "原因")
_FUNDS = (
    ("", "总额", "120.50", "132.40", "125.78", "95.00%", "10", "9.5", "按进度支付。"),
    ("", "其中：财政资金", "110.50", "122.40", "115.78", "94.59%", "/", "/", ""),
    ("", "财政专户管理资金", "6.00", "6.00", "6.00", "100.00%", "/", "/", ""),
    ("", "单位资金", "4.00", "4.00", "4.00", "100.00%", "/", "/", ""),
)


def _form(funds: str) -> str:
    return ("部门预算项目支出绩效自评表(2023年度)\n" + rows(("项目名称", "2023年示范区道路养护项目"),
                                                   ("主管部门", "示范区交通运输局")) + funds
            + rows(INDICATOR_HEAD, *INDICATORS, ("总分", "100", "99.5")))


def _check(record) -> None:
    funds = record.fields.funds
    total = funds.total
    assert (total.initial_budget.stated_unit, total.initial_budget.yuan) == ("万元", "1205000.00")
    assert total.annual_budget.yuan == "1324000.00" and total.executed.yuan == "1257800.00"
    assert (total.rate_pct, total.weight, total.score) == ("95.00", "10", "9.5")
    assert funds.fiscal.annual_budget.yuan == "1224000.00" and funds.fiscal.weight is None
    assert [(row.label, row.executed.yuan) for row in funds.extra] == [
        ("财政专户管理资金", "60000.00"), ("单位资金", "40000.00")]


def test_the_unit_in_the_corner_over_the_row_labels_is_the_unit_of_the_block(tmp_path):
    # Read as a column of its own, the corner took the row labels for values: the amounts came
    # out in 元 (10,000 times too small, no discrepancy), the fiscal and other rows were lost.
    (record,) = extract_text(tmp_path, _form(rows(_HEAD, *_FUNDS)))
    _check(record)
    assert not [d for d in record.discrepancies if d.severity == "error"]


def test_the_corner_unit_in_one_cell_per_line(tmp_path):
    # The same block with every cell on its own line, empty cells left out: the corner shifted
    # every figure one column right (the weight read as the rate).
    cells = [cell for row in (_HEAD, *_FUNDS) for cell in row if cell]
    text = _form("").replace("主管部门\t示范区交通运输局\n", "主管部门\t示范区交通运输局\n" + "".join(f"{c} |\n" for c in cells))
    (record,) = extract_text(tmp_path, text)
    funds = record.fields.funds
    assert funds.total.initial_budget.yuan == "1205000.00" and funds.total.rate_pct == "95.00"


def test_rows_that_lost_the_block_labels_span_in_the_text(tmp_path):
    # A scraped page prints the rows without the empty cell the block label's row span leaves:
    # `总额 | 120.50 | …` under `预算执行情况(10分) | 年度预算数(万元) | 年初预算 | …`. Read before
    # one column left: 年初预算 took 132.40 in 元 and the rate took the weight, with status ok.
    funds = "".join(" | ".join(row[1:]) + " |\n" for row in _FUNDS)
    text = _form(" | ".join(_HEAD) + " |\n" + funds)
    (record,) = extract_text(tmp_path, text)
    _check(record)


def test_a_last_column_left_empty_is_no_lost_span(tmp_path):
    # One filled cell fewer than the header because the last column is empty: nothing moves.
    text = "项目支出绩效监控表\n（2019年度）\n" + (
        "项目名称 | 申报经费 |\n主管部门 | 示范区文化局 | 项目执行单位 | 示范区博物馆 |\n"
        "项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 |\n"
        "年度资金总额: | 220 | 87.57 | |\n其中:当年一般公共预算拨款 | 220 | 87.57 | |\n"
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1-6月执行情况 |\n"
        "| 产出指标 | 数量指标 | 举办活动场次 | 5场 | 3场 |\n")
    (record,) = extract_text(tmp_path, text)
    total = record.fields.funds.total
    assert (total.initial_budget.yuan, total.executed.yuan) == ("2200000.00", "875700.00")
