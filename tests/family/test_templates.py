"""The template language: every template loads, typos fail, labels come from templates."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from parsers.forms import all_templates, template_for
from schemas.template import FormTemplate, TableSpec


def test_every_template_loads_and_names_known_rules() -> None:
    forms = [template.form for template in all_templates()]
    assert forms[:2] == ["monitoring", "self_evaluation"]
    assert "budget-identity" in template_for("monitoring").rules
    assert {"funds-sum", "target-score", "template-text"} <= set(template_for("self_evaluation").rules)
    with pytest.raises(KeyError):
        template_for("no_such_form")


def test_unknown_keys_and_inconsistent_tables_are_refused() -> None:
    self_evaluation = template_for("self_evaluation").model_dump()
    self_evaluation["tables"]["funds"]["colums"] = {}
    with pytest.raises(ValidationError):
        FormTemplate.model_validate(self_evaluation)
    with pytest.raises(ValidationError):
        TableSpec.model_validate({"kind": "grid", "columns": {"a": {"labels": ["甲"]}}})  # no rows
    with pytest.raises(ValidationError):
        TableSpec.model_validate({"kind": "rows", "columns": {"a": {"labels": ["甲"], "split": ["x", "y"]}}})


def test_labels_of_fields_and_dotted_paths() -> None:
    template = template_for("self_evaluation")
    assert template.label_of("project_name") == "项目名称"
    assert template.label_of("funds.total.executed") == "年度资金总额·全年执行数"
    assert template.label_of("funds.fiscal") == "其中：当年财政拨款"
    assert template.label_of("indicators.3.actual") == "实际完成值"
    assert template.label_of("indicators") == "绩效指标"
    assert template.label_of("form.year") == "年度"
    assert template.label_of("nonsense.key") == "nonsense.key"
    assert template_for("monitoring").label_of("implementing_unit") == "具体实施（内设机构）"


def test_self_evaluation_yaml_is_plain_data() -> None:
    from importlib import resources

    text = resources.files("parsers").joinpath("forms", "self_evaluation.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert set(data["tables"]) == {"funds", "indicators"}
    assert data["tables"]["indicators"]["columns"]["target"]["split"] == ["指标性质", "指标值", "度量单位"]
