"""template-text: value cells still holding the template's instructions."""

from __future__ import annotations

from .family_factory import of_rule


def test_clean_form_has_content():
    assert of_rule("template-text") == []


def test_instructions_in_value_cells():
    cases = {
        "goal_actual": "请填写年度总体目标实际完成情况",
        "conclusion": "（100字以内）",
        "implementing_unit": "XX单位",
        "problems": "填写说明：简要说明项目存在的问题",
    }
    for dotted, text in cases.items():
        found = of_rule("template-text", **{dotted: text})
        assert len(found) == 1, dotted
        assert found[0].fields == [dotted]
        assert text.strip("（）")[:4] in found[0].message
        assert found[0].evidence, dotted


def test_instructions_in_an_indicator_cell():
    found = of_rule("template-text", **{"indicators.1.deviation_reason": "请说明偏差原因"})
    assert [d.fields for d in found] == [["indicators.1.deviation_reason"]]


def test_ordinary_text_is_content():
    assert of_rule("template-text", conclusion="项目按计划完成，群众满意度达85%，100个路段完成养护。") == []
