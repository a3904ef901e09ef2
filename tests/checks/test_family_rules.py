"""The rule registry on the form family: applicability per form, unrecognised forms, clean forms."""

from __future__ import annotations

from extract.checks import IMPLEMENTATIONS, RULES, applicable, run_checks
from extract.settings import CheckSettings
from parsers.forms import template_for
from parsers.lines import build_document
from schemas.document import Paragraph
from schemas.record import ErrorItem, Record, Source, Status

from .family_factory import check, make_self_evaluation


def test_clean_self_evaluation_has_no_error_or_warning():
    record = check()
    assert [d for d in record.discrepancies if d.severity in ("error", "warning")] == []


def test_rules_run_where_the_template_lists_them():
    listed = set(template_for("self_evaluation").rules)
    ran = {r.id for r in IMPLEMENTATIONS if applicable(r, "self_evaluation")}
    assert ran == listed & {r.id for r in IMPLEMENTATIONS if "self_evaluation" in r.forms}
    assert "budget-identity" not in ran and "funds-sum" in ran
    assert not any(applicable(r, "monitoring") for r in IMPLEMENTATIONS if r.id == "funds-sum")


def test_a_monitoring_rule_never_runs_on_a_self_evaluation():
    document, record = make_self_evaluation(**{"funds.total.score": "10", "total_score": "97"})
    found = {d.rule for d in run_checks(document, record, CheckSettings()).discrepancies}
    assert found == {"budget-score"}


def test_unrecognized_form_gets_no_discrepancy():
    document = build_document(Source(path="x.txt", format="txt"), [Paragraph(text="会议纪要"), Paragraph(text="今天开会")])
    record = Record(status=Status.FAILED, source=document.source,
                    errors=[ErrorItem(code="unrecognized-form", message="未识别的表")])
    assert run_checks(document, record, CheckSettings()).discrepancies == []


def test_every_rule_id_has_one_severity_and_documentation():
    for implementation in IMPLEMENTATIONS:
        assert implementation.severity == RULES[implementation.id].severity
        assert implementation.doc, implementation.id


def test_a_document_of_no_form_gets_no_discrepancy_from_the_pipeline():
    from extract.pipeline import extract_document

    document = build_document(Source(path="x.txt", format="txt"), [Paragraph(text="会议纪要"), Paragraph(text="今天开会")])
    record = extract_document(document)
    assert [e.code for e in record.errors] == ["unrecognized-form"]
    assert record.discrepancies == []


def test_every_rule_a_template_lists_is_implemented_for_its_form():
    from parsers.forms import all_templates

    for template in all_templates():
        implemented = {r.id for r in IMPLEMENTATIONS if template.form in r.forms}
        assert set(template.rules) <= implemented, (template.form, set(template.rules) - implemented)


def test_monitoring_labels_come_from_its_template():
    from extract.checks.base import label

    monitoring = template_for("monitoring")
    assert label("implementing_unit") == monitoring.label_of("implementing_unit") == "具体实施（内设机构）"
    assert label("funds.total.executed", "self_evaluation") == template_for("self_evaluation").label_of("funds.total.executed")
