"""missing-field: required fields and numbered sections must be filled."""

from __future__ import annotations

from schemas.section import Section

from .factory import findings, make_case, of_rule


def test_missing_required_field_warns():
    found = findings("missing-field", project_name=None)
    assert [d.fields for d in found] == [["project_name"]]
    assert found[0].severity == "warning" and "项目名称" in found[0].message


def test_key_tracking_reason_is_optional_on_general_forms():
    case = make_case(key_tracking_reason=None)
    case.record = case.record.model_copy(update={"form": case.record.form.model_copy(update={"variant": "general"})})
    assert of_rule(case.check(), "missing-field") == []
    assert len(findings("missing-field", key_tracking_reason=None)) == 1  # （重点） form


def test_empty_numbered_section_warns_and_empty_subsection_is_info():
    sections = [
        Section(heading="一、项目基本情况：", subsections=[Section(heading="1、项目背景概况", text="背景。"),
                                                       Section(heading="2、预算安排")]),
        Section(heading="二、项目具体实施情况：", text=""),
        Section(heading="三、阶段性跟踪结论：", text="运行正常"),
    ]
    found = findings("missing-field", sections=sections)
    assert [(d.severity.value, "二、项目具体实施情况" in d.message) for d in found if d.severity == "warning"] == [
        ("warning", True)]
    infos = [d for d in found if d.severity == "info"]
    assert len(infos) == 1 and "2、预算安排" in infos[0].message


def test_complete_record_is_silent():
    assert findings("missing-field") == []


# -- the family's forms: forms-v1's required fields ---------------------------------------------
def test_self_evaluation_complete():
    from .family_factory import of_rule

    assert of_rule("missing-field") == []


def test_self_evaluation_requirements():
    from .family_factory import of_rule

    # A project's form is known by its 项目名称, whatever else it names (主管部门 does not stand for it).
    found = of_rule("missing-field", project_name=None)
    assert [d.fields for d in found] == [["project_name"]]
    assert "项目名称" in found[0].message
    assert [d.fields for d in of_rule("missing-field", year=None)] == [["form.year"]]
    assert [d.fields for d in of_rule("missing-field", **{"funds.total": None})] == [["funds.total"]]
    found = of_rule("missing-field", indicators=[], total_weight=None, total_score=None, grade=None)
    assert [d.fields for d in found] == [["indicators"]]
    assert "绩效指标" in found[0].message


def test_department_wide_form_names_its_department():
    from .family_factory import of_rule

    title = "部门整体支出绩效自评表（2023年度）"
    assert of_rule("missing-field", title=title, project_name=None) == []
    assert [d.fields for d in of_rule("missing-field", title=title, project_name=None, department=None)] == [
        ["department"]]


def test_required_keys_fall_back_to_forms_v1():
    from extract.checks.required import REQUIRED

    assert REQUIRED["self_evaluation"] == ("project_name", "form.year", "funds.total", "indicators")
    assert "indicators[annual]" in REQUIRED["target_declaration"]


def test_a_funds_row_of_blanks_is_missing_for_the_status_as_for_the_rule():
    # The row was there with every cell null: the rule said missing, the status said ok.
    from extract.status import decide_family_status
    from parsers.forms import template_for

    from .family_factory import make_self_evaluation

    blank = {"annual_budget": None, "executed": None, "weight": None, "rate_pct": None, "score": None}
    _, record = make_self_evaluation(**{"funds.total": blank})
    status, errors = decide_family_status(record, template_for("self_evaluation"))
    assert status == "partial" and "funds.total" in errors[0].message
    _, whole = make_self_evaluation()
    assert decide_family_status(whole, template_for("self_evaluation"))[0] == "ok"
