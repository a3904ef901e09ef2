"""Every corpus case against its hand-checked expected record(s), compared field by field.

A case whose file holds several forms has `records` (one expected record per form, in order,
each with its `part`); every other case is one expected record. Fields are compared whole,
so a self-evaluation case compares every funds cell and every indicator cell too.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from extract.pipeline import extract_records
from tests.conftest import corpus_cases, load_expected

CASES = corpus_cases()


def _pairs(document, expected):
    records = [record.model_dump(mode="json") for record in extract_records(document)]
    wanted = expected.get("records", [expected])
    assert len(records) == len(wanted), f"{document}: {len(records)} records, expected {len(wanted)}"
    return list(zip(records, wanted, strict=True))


@pytest.fixture(scope="module", params=CASES, ids=[case[0] for case in CASES])
def cases(request):
    case_id, document, expected_path = request.param
    return [(f"{case_id}#{k}", record, expected)
            for k, (record, expected) in enumerate(_pairs(document, load_expected(expected_path)), 1)]


def test_corpus_is_not_empty():
    assert len(CASES) >= 1


def test_status_and_form(cases):
    for case in cases:
        _test_status_and_form(case)


def _test_status_and_form(case):
    case_id, record, expected = case
    assert record["status"] == expected["status"], (case_id, record["errors"])
    assert record["form"] == expected["form"]
    assert not any(e["code"] == "internal-error" for e in record["errors"])


def test_fields(cases):
    for case in cases:
        _test_fields(case)


def _test_fields(case):
    case_id, record, expected = case
    wrong = {
        name: {"expected": value, "got": record["fields"].get(name)}
        for name, value in expected["fields"].items()
        if record["fields"].get(name) != value
    }
    assert not wrong, f"{case_id}: {wrong}"
    assert set(expected["fields"]) == set(record["fields"])


def test_checkboxes(cases):
    for case in cases:
        _test_checkboxes(case)


def _test_checkboxes(case):
    case_id, record, expected = case
    got = [{k: g[k] for k in ("question", "field", "options")} for g in record["checkboxes"]]
    assert got == expected["checkboxes"], case_id


def test_section_headings(cases):
    for case in cases:
        _test_section_headings(case)


def _test_section_headings(case):
    case_id, record, expected = case
    if "section_headings" in expected:
        assert [s["heading"] for s in record["sections"]] == expected["section_headings"], case_id


def test_part(cases):
    """A file of several forms gives each record its part; a file of one form gives none."""
    for case_id, record, expected in cases:
        assert record["source"].get("part") == expected.get("part"), case_id


def test_discrepancies(cases):
    """Errors and warnings exactly as expected (fields at least those listed); info is free."""
    checked = [case for case in cases if "discrepancies" in case[2]]
    if not checked:
        pytest.skip("no expected discrepancies for this case")
    for case in checked:
        _discrepancies(case)


def _discrepancies(case):
    case_id, record, expected = case
    got: dict[tuple[str, str], set[str]] = defaultdict(set)
    for item in record["discrepancies"]:
        got[(item["rule"], item["severity"])].update(item["fields"])
    want = {(d["rule"], d["severity"]): d for d in expected["discrepancies"]}
    serious = {key for key in got if key[1] in ("error", "warning")}
    assert serious == {key for key in want if key[1] in ("error", "warning")}, (case_id, dict(got))
    for key, item in want.items():
        assert key in got, (case_id, key)
        if item.get("fields_exact"):
            assert got[key] == set(item["fields"]), (case_id, key, got[key])
        else:
            assert set(item["fields"]) <= got[key], (case_id, key, got[key])
