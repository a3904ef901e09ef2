"""unread-value: values under a table header or beside a row label the template does not know are named."""

from __future__ import annotations

from extract.checks import RULES
from extract.pipeline import extract_records


def _records(tmp_path, text: str):
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    return extract_records(path)


def _execution(extra_head: str = "", extra_cell: str = "") -> str:
    return (
        "项目支出绩效目标执行监控表\n（2024年度）\n"
        "项目名称\t社区助餐服务\n"
        f"项目资金（万元）\t\t年初预算数\t1-7月执行数\t1-7月执行率{extra_head}\n"
        f"\t年度资金总额\t300.00\t168.00\t56.00%{extra_cell}\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t1-7月执行情况\t全年预计完成情况\n"
        "\t产出指标\t数量指标\t助餐人次\t≥18万人次\t10.2万人次\t18万人次\n"
    )


def test_the_rule_is_an_info_on_the_family_forms():
    rule = RULES["unread-value"]
    assert rule.severity == "info"
    assert "monitoring" not in rule.forms and "execution_monitoring" in rule.forms


def test_a_value_under_an_unknown_header_is_named(tmp_path):
    (record,) = _records(tmp_path, _execution("\t调整说明", "\t追加采购"))
    assert record.fields.funds.total.executed.yuan == "1680000.00"
    (found,) = [d for d in record.discrepancies if d.rule == "unread-value"]
    assert found.fields == ["funds"]
    assert "调整说明" in found.message and "追加采购" in found.message
    assert found.evidence[0].location.line == 5


def test_an_unknown_header_over_empty_cells_is_no_finding(tmp_path):
    (record,) = _records(tmp_path, _execution("\t调整说明", "\t—"))
    assert not [d for d in record.discrepancies if d.rule == "unread-value"]


def test_known_columns_only_is_no_finding(tmp_path):
    (record,) = _records(tmp_path, _execution())
    assert not [d for d in record.discrepancies if d.rule == "unread-value"]


def test_a_funds_row_no_template_knows_is_named_with_its_figures(tmp_path):
    text = _execution().replace(
        "\t年度资金总额\t300.00\t168.00\t56.00%\n",
        "\t年度资金总额\t300.00\t168.00\t56.00%\n\t其中：财政拨款\t280.00\t154.00\t55.00%\n\t单位自筹资金\t20.00\t14.00\t70.00%\n")
    (record,) = _records(tmp_path, text)
    assert record.fields.funds.fiscal.executed.yuan == "1540000.00"
    (found,) = [d for d in record.discrepancies if d.rule == "unread-value"]
    assert "单位自筹资金" in found.message and "行" in found.message
    assert "20.00" in found.message and "14.00" in found.message and "70.00%" in found.message
    assert found.evidence[0].text.startswith("单位自筹资金")


def test_goal_text_rows_after_the_funds_are_no_unread_row(tmp_path):
    text = _execution().replace(
        "绩效指标\t", "年度总体目标\t年初目标\t1-7月执行情况\n\t新建食堂2家。\t已建成1家。\n绩效指标\t", 1)
    (record,) = _records(tmp_path, text)
    assert record.fields.goal_annual == "新建食堂2家。"
    assert not [d for d in record.discrepancies if d.rule == "unread-value"]


def test_a_pair_of_the_funds_block_naming_no_column_is_named(tmp_path):
    text = (
        "项目支出绩效目标申报表\n（2024年度）\n"
        "项目名称\t河道整治\n"
        "项目资金（万元）\t中期资金总额：\t1,200.00\t年度资金总额：\t400.00\n"
        "\t其中：财政拨款\t1,000.00\t其中：财政拨款\t360.00\n"
        "\t社会资本\t200.00\t社会资本\t40.00\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
        "\t产出指标\t数量指标\t整治河道数量\t12条\n"
    )
    (record,) = _records(tmp_path, text)
    assert record.fields.funds.annual.total.yuan == "4000000.00"
    assert record.fields.funds.annual.fiscal.yuan == "3600000.00"
    (found,) = [d for d in record.discrepancies if d.rule == "unread-value"]
    assert "社会资本" in found.message and "200.00" in found.message and "40.00" in found.message
