"""unread-value: values under a table header or beside a row label the template does not know are named."""

from __future__ import annotations

from extract.checks import RULES
from extract.pipeline import extract_records
from tests.checks.seed import SEED_PATH


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


def test_the_rule_is_an_info_on_every_form():
    rule = RULES["unread-value"]
    assert rule.severity == "info"
    assert "monitoring" in rule.forms and "execution_monitoring" in rule.forms


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


def test_a_funds_row_printed_with_the_yuan_sign_is_named(tmp_path):
    text = _execution().replace(
        "\t年度资金总额\t300.00\t168.00\t56.00%\n",
        "\t年度资金总额\t300.00\t168.00\t56.00%\n\t单位自筹资金\t¥200,000.00\t¥140,000.00\t70.00%\n")
    (record,) = _records(tmp_path, text)
    (found,) = [d for d in record.discrepancies if d.rule == "unread-value"]
    assert "单位自筹资金" in found.message and "¥200,000.00" in found.message and "¥140,000.00" in found.message


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


_BUDGET_ROW = ("当年预算数(万元)", "120.5", "预算执行数(万元)", "85.6", "预算执行进度(%)", "71.04%", "是否需要预算调整", "是☐ 否☑")


def _monitoring(*extra_rows: tuple[str, ...], budget_row: tuple[str, ...] = _BUDGET_ROW, head: str = "") -> str:
    """The monitoring form as label | value pairs, four to a row."""
    rows = (
        *((("栏目", "内容", "栏目", "内容"),) if head else ()),
        ("项目名称", "华漕镇道路养护项目"),
        ("预算单位", "华漕镇城市运行管理中心", "具体实施(内设机构)", "华漕镇市政所", "跟踪时段",
         "2024年01月01日 --- 2024年08月31日", "是否为经常性项目", "是☑ 否☐"),
        budget_row,
        *extra_rows,
        ("调整后预算数(万元)", "120.5", "调减金额(万元)", "0", "调增金额(万元)", "0", "事前绩效评估评审预算(万元)", "0"),
        ("年度项目预算完成可能性", "☑确定能完成 ☐有可能完成 ☐确定不能完成"),
    )
    return ("财政项目支出绩效运行监控（跟踪评价）（一般）\n街镇名称：上海市闵行区华漕镇人民政府（盖章）\n"
            + "".join("\t".join(row) + "\n" for row in rows))


def _unread(record):
    return [d for d in record.discrepancies if d.rule == "unread-value"]


def test_monitoring_known_pairs_only_is_no_finding(tmp_path):
    (record,) = _records(tmp_path, _monitoring())
    assert record.fields.annual_budget.yuan == "1205000.00"
    assert not _unread(record)


def test_monitoring_row_of_column_heads_over_the_pairs_is_no_finding(tmp_path):
    (record,) = _records(tmp_path, _monitoring(head="栏目"))
    assert record.fields.project_name == "华漕镇道路养护项目"
    assert not _unread(record)


def test_the_seed_report_has_no_unknown_value():
    (record,) = extract_records(SEED_PATH)
    assert record.form.type == "monitoring"
    assert not _unread(record)


def test_a_monitoring_row_no_template_knows_is_named(tmp_path):
    (record,) = _records(tmp_path, _monitoring(("资金性质", "区级财政")))
    assert record.fields.adjusted_budget.yuan == "1205000.00"
    (found,) = _unread(record)
    assert found.severity == "info"
    assert "资金性质" in found.message and "区级财政" in found.message
    assert found.evidence[0].text == "资金性质\t区级财政"


def test_a_monitoring_pair_inside_a_row_of_known_pairs_is_named(tmp_path):
    budget_row = ("当年预算数(万元)", "120.5", "资金性质", "区级财政", "预算执行数(万元)", "85.6")
    (record,) = _records(tmp_path, _monitoring(budget_row=budget_row))
    assert record.fields.annual_budget.yuan == "1205000.00" and record.fields.executed.yuan == "856000.00"
    (found,) = _unread(record)
    assert "“资金性质”" in found.message and "“区级财政”" in found.message
    assert "120.5" not in found.message and "85.6" not in found.message


def test_a_monitoring_column_no_template_knows_is_named_and_read_past(tmp_path):
    text = (
        "财政项目支出绩效运行监控（跟踪评价）（一般）\n项目名称\t华漕镇道路养护项目\n"
        "当年预算数（万元）\t预算执行数（万元）\t预算执行进度（%）\t结余资金（万元）\n"
        "120.5\t85.6\t71.04%\t34.9\n"
        "调整后预算数（万元）\t调减金额（万元）\t调增金额（万元）\n120.5\t0\t0\n"
    )
    (record,) = _records(tmp_path, text)
    assert record.fields.execution_progress_pct == "71.04"  # the unknown head beside it is no value
    assert record.fields.executed.yuan == "856000.00"
    (found,) = _unread(record)
    assert "结余资金" in found.message and "栏" in found.message and "“34.9”" in found.message
    assert found.evidence[0].text == "120.5\t85.6\t71.04%\t34.9"
