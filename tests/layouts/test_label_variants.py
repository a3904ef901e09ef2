"""Label wordings local offices print around the national ones: a seal note after a label
(实施单位（盖章）), a label's number (1.项目年度目标完成情况), column letters after headers
(预算数（A） | 执行数（B） | 执行率（B/A）, 年初目标值（A） | 实际完成值（B）), a goal block whose
sub-headers stand over their values, and a total row whose lone figure is under 得分."""

from __future__ import annotations

from tests.layouts.local_forms import extract_text, rows

_INDICATORS = (
    ("绩效指标", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"),
    ("", "产出指标", "数量指标", "巡查河道长度", "≥40公里", "42公里", "40"),
    ("", "效益指标", "生态效益指标", "水质达标率", "≥95%", "96%", "30"),
    ("", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "88%", "8.5"),
)


def _lettered_form(total_row: tuple[str, ...] = ("总分", "", "", "", "", "", "98.5")) -> str:
    return "2022年度河道巡查项目绩效自评表\n" + rows(
        ("项目名称", "河道巡查"),
        ("主管部门", "示范区水务局", "项目执行单位", "示范区河道管理所"),
        ("预算执行情况(万元)(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"),
        ("", "年度资金总额", "36.00", "36.00", "100%", "20"),
        ("", "其中：本年财政拨款", "30.00", "30.00", "100%", "/"),
        ("", "其他资金", "6.00", "6.00", "100%", "/"),
        *_INDICATORS,
        total_row,
    )


def test_headers_with_column_letters_and_a_total_under_the_score_column(tmp_path):
    # Read before: no funds (预算数（A） named no column; the block's 20 points were lost, and
    # with them a false total-score error), no targets or actuals, the 总分's 98.5 taken for
    # its 分值 too.
    (record,) = extract_text(tmp_path, _lettered_form())
    fields = record.fields
    assert fields.implementing_unit == "示范区河道管理所"  # 项目执行单位
    total = fields.funds.total
    assert (total.annual_budget.yuan, total.executed.yuan, total.rate_pct, total.score) == (
        "360000.00", "360000.00", "100", "20")
    assert fields.funds.fiscal.executed.yuan == "300000.00"  # 其中：本年财政拨款
    assert [(i.target.raw, i.actual.raw) for i in fields.indicators] == [
        ("≥40公里", "42公里"), ("≥95%", "96%"), ("≥90%", "88%")]
    assert (fields.total_weight, fields.total_score) == (None, "98.5")
    assert not [d for d in record.discrepancies if d.rule == "total-score"]


def test_a_goal_block_whose_sub_headers_stand_over_their_values(tmp_path):
    # 项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况, the goals in the row
    # below: the planned goal read as the header 年度目标完成情况, the actual lost; and the
    # implementing unit behind a seal note was not read.
    goal, done = "全年巡查河道40公里以上，水质达标率不低于95%。", "巡查河道42公里，水质达标率96%。"
    text = "部门预算项目支出绩效自评表(2022年度)\n" + rows(
        ("项目名称", "河道巡查"),
        ("主管部门", "示范区水务局", "实施单位（盖章）", "示范区河道管理所"),
        ("项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "年度目标完成情况"),
        ("", "", goal, done),
        ("预算执行情况(20分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"),
        ("", "总额", "36.00", "36.00", "36.00", "100%", "20", "20"),
        *_INDICATORS[:1], ("", "产出指标", "数量指标", "巡查河道长度", "≥40公里", "42公里", "80"),
        ("总分", "", "", "", "", "", "100"),
    )
    (record,) = extract_text(tmp_path, text)
    fields = record.fields
    assert (fields.goal_planned, fields.goal_actual) == (goal, done)
    assert fields.implementing_unit == "示范区河道管理所"


def test_execution_monitoring_unit_and_fiscal_wordings(tmp_path):
    # 项目单位 for the implementing unit, 其中：当年一般公共预算拨款 for the fiscal line: both lost.
    from tests.layouts.test_local_forms import _execution

    text = _execution(lambda t: t.replace("\t项目实施单位\t", "\t项目单位\t")
                      .replace("其中：财政拨款", "其中：当年一般公共预算拨款"))
    assert "\t项目单位\t" in text and "当年一般公共预算拨款" in text
    (record,) = extract_text(tmp_path, text)
    assert record.fields.implementing_unit == "颛桥镇社区事务受理服务中心"
    assert record.fields.funds.fiscal.executed.yuan == "1540000.00"


def _unit_named_form(header: str, department_row: tuple[str, ...]) -> str:
    return header + "2022年度河道巡查项目绩效自评表\n" + rows(
        ("项目名称", "河道巡查"),
        department_row,
        ("预算执行情况(万元)(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"),
        ("", "年度资金总额", "36.00", "36.00", "100%", "20"),
        *_INDICATORS,
    )


def test_a_unit_name_before_the_table_does_not_stand_for_the_department(tmp_path):
    # 单位名称（盖章）：… above the table names the filing unit; the 主管部门 printed in the table is
    # the department. The unit's name was read as the department, being first.
    text = _unit_named_form("单位名称（盖章）：示范区河道管理所\n",
                            ("主管部门", "示范区水务局", "实施单位", "示范区河道管理所"))
    (record,) = extract_text(tmp_path, text)
    assert record.fields.department == "示范区水务局"
    assert record.fields.implementing_unit == "示范区河道管理所"


def test_a_form_naming_only_its_unit_reads_the_unit_as_department(tmp_path):
    (record,) = extract_text(tmp_path, _unit_named_form("", ("单位名称", "示范区水务局")))
    assert record.fields.department == "示范区水务局"


def test_a_label_line_and_its_value_line_before_the_table(tmp_path):
    # A scraped page whose first row lost its cells: `项目名称` and its value on lines of their
    # own above the table. The project name was lost.
    text = "2022年度河道巡查项目绩效自评表\n项目名称\n2022年河道巡查经费支出绩效自评表\n" + rows(
        ("主管部门", "示范区水务局", "实施单位", "示范区河道管理所"),
        ("预算执行情况(万元)(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"),
        ("", "年度资金总额", "36.00", "36.00", "100%", "20"),
        *_INDICATORS,
    )
    (record,) = extract_text(tmp_path, text)
    assert record.fields.project_name == "2022年河道巡查经费支出绩效自评表"
    assert record.fields.department == "示范区水务局"
