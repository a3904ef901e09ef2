"""Every corpus case against its hand-checked expected record, compared field by field."""

from __future__ import annotations

from collections import defaultdict

import pytest

from extract.pipeline import extract_file
from tests.conftest import corpus_cases, load_expected

CASES = corpus_cases()


def _record(document):
    return extract_file(document).model_dump(mode="json")


@pytest.fixture(scope="module", params=CASES, ids=[case[0] for case in CASES])
def case(request):
    case_id, document, expected_path = request.param
    return case_id, _record(document), load_expected(expected_path)


def test_corpus_is_not_empty():
    assert len(CASES) >= 1


def test_status_and_form(case):
    case_id, record, expected = case
    assert record["status"] == expected["status"], (case_id, record["errors"])
    assert record["form"] == expected["form"]
    assert not any(e["code"] == "internal-error" for e in record["errors"])


def test_fields(case):
    case_id, record, expected = case
    wrong = {
        name: {"expected": value, "got": record["fields"].get(name)}
        for name, value in expected["fields"].items()
        if record["fields"].get(name) != value
    }
    assert not wrong, f"{case_id}: {wrong}"
    assert set(expected["fields"]) == set(record["fields"])


def test_checkboxes(case):
    case_id, record, expected = case
    got = [{k: g[k] for k in ("question", "field", "options")} for g in record["checkboxes"]]
    assert got == expected["checkboxes"], case_id


def test_section_headings(case):
    case_id, record, expected = case
    if "section_headings" in expected:
        assert [s["heading"] for s in record["sections"]] == expected["section_headings"], case_id


def test_discrepancies(case):
    """Errors and warnings exactly as expected (fields at least those listed); info is free."""
    case_id, record, expected = case
    if "discrepancies" not in expected:
        pytest.skip("no expected discrepancies for this case")
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
