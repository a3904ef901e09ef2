"""Amounts: figures, separators, units from the label or the cell, yuan with two decimals."""

from decimal import Decimal

import pytest

from parsers.fields.amount import parse_amount, parse_number


@pytest.mark.parametrize(
    ("text", "unit", "raw", "stated", "yuan"),
    [
        ("1.225", "元", "1.225", "元", "1.23"),
        ("7,501,000.00", "元", "7,501,000.00", "元", "7501000.00"),
        ("58.1", "万元", "58.1", "万元", "581000.00"),
        ("１８４．１４４", "万元", "184.144", "万元", "1841440.00"),
        ("0", "元", "0", "元", "0.00"),
        ("12.5万元", "元", "12.5万元", "万元", "125000.00"),
        ("300", None, "300", None, "300.00"),
        (" 1 200 ", "元", "1 200", "元", "1200.00"),
    ],
    ids=["seed-figure", "thousands", "wanyuan", "fullwidth", "zero", "unit-in-cell", "no-unit", "spaced"],
)
def test_parse_amount(text, unit, raw, stated, yuan):
    amount = parse_amount(text, unit)
    assert amount is not None
    assert (amount.raw, amount.stated_unit, amount.yuan) == (raw, stated, yuan)
    assert amount.unit == (stated or "元")
    assert amount.unit_inferred is False


@pytest.mark.parametrize("text", ["", "—", "/", "无", "见附件"])
def test_no_figure_is_none(text):
    assert parse_amount(text, "元") is None


def test_numbers_are_decimals_not_floats():
    assert parse_number("0.1") + parse_number("0.2") == Decimal("0.3")


def test_in_unit_recomputes_yuan_and_marks_inference():
    amount = parse_amount("1.225", "元").in_unit("万元")
    assert (amount.unit, amount.yuan, amount.unit_inferred) == ("万元", "12250.00", True)


@pytest.mark.parametrize(
    ("text", "stated", "yuan"), [("1.225万", "万元", "12250.00"), ("2 亿", "亿元", "200000000.00")]
)
def test_bare_wan_and_yi_in_the_cell(text, stated, yuan):
    amount = parse_amount(text, "元")
    assert (amount.stated_unit, amount.yuan) == (stated, yuan)


@pytest.mark.parametrize("text", ["12,25", "1" * 30, "第1笔 300"])
def test_no_single_figure_is_no_amount(text):
    """A comma for a point, an account number, two figures: never a truncated guess."""
    assert parse_amount(text, "元") is None


@pytest.mark.parametrize("text", ["¥125,000.00", "￥125,000.00", "￥ 125,000.00", "¥125000"])
def test_the_yuan_sign_states_yuan_whatever_the_column_says(text):
    """¥/￥ prints yuan: the cell's own unit beats the column's 万元, as a cell's own 元 does."""
    amount = parse_amount(text, "万元")
    assert (amount.stated_unit, amount.unit, amount.yuan) == ("元", "元", "125000.00")
    assert amount.number == Decimal(125000)


def test_a_unit_written_in_the_cell_beats_the_yuan_sign():
    assert parse_amount("¥12.5万元", "元").yuan == "125000.00"


def test_a_figure_without_the_sign_still_takes_the_column_unit():
    assert parse_amount("125,000.00", "万元").yuan == "1250000000.00"


def _only_record(tmp_path, text):
    """The one record of a form written as a text file."""
    from extract.pipeline import extract_records

    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    (record,) = extract_records(path)
    return record


def test_a_monitoring_form_with_a_yuan_sign_in_a_wanyuan_column(tmp_path):
    """End to end: ¥1,205,000.00 under 当年预算数（万元） is 1,205,000 元, not 120.5 亿元."""
    text = (
        "财政项目支出绩效运行监控（跟踪评价）（一般）\n项目名称\t华漕镇道路养护项目\n"
        "当年预算数(万元)\t¥1,205,000.00\t预算执行数(万元)\t85.6\t预算执行进度(%)\t71.04%\n"
        "调整后预算数(万元)\t120.5\t调减金额(万元)\t0\t调增金额(万元)\t0\n"
    )
    record = _only_record(tmp_path, text)
    budget = record.fields.annual_budget
    assert (budget.raw, budget.stated_unit, budget.yuan) == ("¥1,205,000.00", "元", "1205000.00")
    assert record.fields.adjusted_budget.yuan == "1205000.00"
    assert not [d for d in record.discrepancies if d.rule == "unit-mismatch" and d.fields == ["annual_budget"]]


def test_a_family_funds_grid_with_a_yuan_sign_in_a_wanyuan_column(tmp_path):
    """End to end on a family form's funds grid: the sign's 元 beats the header's 万元."""
    text = (
        "项目支出绩效目标执行监控表\n（2024年度）\n项目名称\t社区助餐服务\n"
        "项目资金（万元）\t\t年初预算数\t1-7月执行数\t1-7月执行率\n"
        "\t年度资金总额\t300.00\t￥1,680,000.00\t56.00%\n"
    )
    record = _only_record(tmp_path, text)
    total = record.fields.funds.total
    assert total.initial_budget.yuan == "3000000.00"
    assert (total.executed.stated_unit, total.executed.yuan) == ("元", "1680000.00")


def test_a_yuan_sign_figure_its_row_contradicts_gets_the_usual_unit_finding(tmp_path):
    """¥120.5 states 120.5 元; the table's arithmetic holds only in 万元: unit-mismatch says so."""
    text = (
        "财政项目支出绩效运行监控（跟踪评价）（一般）\n项目名称\t华漕镇道路养护项目\n"
        "当年预算数(万元)\t¥120.5\t预算执行数(万元)\t85.6\t预算执行进度(%)\t71.04%\n"
        "调整后预算数(万元)\t120.5\t调减金额(万元)\t0\t调增金额(万元)\t0\n"
    )
    record = _only_record(tmp_path, text)
    assert record.fields.annual_budget.stated_unit == "元"
    (found,) = [d for d in record.discrepancies if d.rule == "unit-mismatch"]
    assert found.fields == ["annual_budget"] and found.severity == "error"
    assert "“元”" in found.message and "¥120.5" in found.message
