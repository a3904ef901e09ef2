"""The seed report: exactly the faults a reviewer finds, each once.

Expected: unit-mismatch errors on the four amounts the narrative shows in 万元 (事前绩效评估评审预算
84 follows the table's unit, said at info severity), budget-identity naming 年初预算58.1万元,
adjustment-flag, and nothing else at error or warning level (infos for the empty subsection
2、预算安排 and the amount that follows the table).
"""

from __future__ import annotations


import pytest

from extract.checks import run_checks
from extract.settings import CheckSettings
from schemas.record import Record

from .seed import EXPECTED_ERRORS, EXPECTED_UNITS, SEED_PATH, seed_document, seed_record


def _assert_seed_outcome(record: Record) -> None:
    serious = [d for d in record.discrepancies if d.severity != "info"]
    got = sorted((d.rule, d.fields[0] if d.rule == "unit-mismatch" else None) for d in serious)
    assert got == EXPECTED_ERRORS, [f"{d.rule}: {d.message}" for d in serious]
    assert all(d.severity == "error" for d in serious)
    for name, (unit, yuan) in EXPECTED_UNITS.items():
        amount = getattr(record.fields, name)
        assert (amount.unit, amount.yuan, amount.unit_inferred) == (unit, yuan, True), name
    assert record.fields.increase.unit == "元" and not record.fields.increase.unit_inferred
    identity = next(d for d in serious if d.rule == "budget-identity")
    assert "58.1万元" in identity.message
    assert not any(d.rule == "narrative-mismatch" for d in record.discrepancies)
    ranks = [d.severity.rank for d in record.discrepancies]
    assert ranks == sorted(ranks)


def test_seed_hand_built_record():
    document = seed_document()
    record = run_checks(document, seed_record(document), CheckSettings())
    _assert_seed_outcome(record)
    annual = next(d for d in record.discrepancies if d.rule == "unit-mismatch" and d.fields == ["annual_budget"])
    assert annual.message.startswith("当年预算数标注单位为“元”，数值1.225与正文“调整预算1.225万元”一致，应为万元")
    assert [(e.text, e.location.line) for e in annual.evidence] == [
        ("当年预算数 (元)\t1.225", 5), ("调整预算1.225万元", 21)]
    infos = sorted((d.rule, tuple(d.fields)) for d in record.discrepancies if d.severity == "info")
    assert infos[0][0] == "missing-field"
    assert infos[1] == ("unit-mismatch", ("ex_ante_review_budget",))
    assert any("2、预算安排" in d.message for d in record.discrepancies if d.rule == "missing-field")


def test_seed_end_to_end():
    from extract.pipeline import extract_file

    record = extract_file(SEED_PATH)
    _assert_seed_outcome(record)
