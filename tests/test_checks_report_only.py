"""Checks only report: running the rules never changes a record's fields.

Every corpus case goes through the pipeline with `run_checks` watched: the fields of the
record handed to the checks (dumped before the call) must equal both the fields of the
record they return and those of the record they were handed (dumped after the call), so a
rule can neither replace a field nor mutate one in place. Reading decides every value.
"""

from __future__ import annotations

import pytest

from extract import pipeline
from extract.pipeline import extract_records
from tests.conftest import corpus_cases

CASES = corpus_cases()


@pytest.mark.parametrize(("case_id", "document", "expected_path"), CASES, ids=[case[0] for case in CASES])
def test_running_the_checks_never_changes_fields(case_id, document, expected_path, monkeypatch):
    checked = []
    real = pipeline.run_checks

    def watched(doc, record, settings=None, **given):
        before = record.fields.model_dump(mode="json")
        result = real(doc, record, settings, **given)  # the units decided by reading, passed on
        assert record.fields.model_dump(mode="json") == before, f"{case_id}: a rule mutated the fields"
        assert result.fields.model_dump(mode="json") == before, f"{case_id}: the checks replaced a field"
        checked.append(record.form.type)
        return result

    monkeypatch.setattr(pipeline, "run_checks", watched)
    records = extract_records(document)
    recognised = [r for r in records if r.form.type is not None]
    assert len(checked) == len(recognised)


def test_the_watch_sees_a_rule_that_rewrites_a_field(monkeypatch):
    from extract import checks
    from parsers.form_parser import parse_document
    from parsers.lines import build_document
    from schemas.document import Paragraph
    from schemas.record import Source

    lines = ["当年预算数（元）", "120", "项目名称", "某项目"]
    document = build_document(Source(path="x.txt"), [Paragraph(text=t) for t in lines])
    record = parse_document(document)
    real = checks.check_record

    def rewriting(doc, rec, settings, *given):
        rec.fields.project_name = "改写"  # what a rule must never do
        return real(doc, rec, settings, *given)

    monkeypatch.setattr(checks, "check_record", rewriting)
    before = record.fields.model_dump(mode="json")
    checks.run_checks(document, record)
    assert record.fields.model_dump(mode="json") != before
