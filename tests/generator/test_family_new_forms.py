"""The family generator's target-declaration and execution-monitoring forms: consistent when
clean, one fault each when planted, and read back as expected from text and Word."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from corpus.generator.family import declaration, execution, generate
from extract.pipeline import extract_records


@pytest.mark.parametrize("seed", range(6))
def test_clean_declarations_add_up(seed: int) -> None:
    spec = declaration.build(seed)
    for row in spec.funds.values():
        assert row["total"] == row["fiscal"] + row["other"]
    assert sum(spec.ticks) == 1
    assert {i.level1 for i in spec.indicators} >= {"产出指标", "效益指标", "满意度指标"}


@pytest.mark.parametrize("seed", range(6))
def test_clean_execution_forms_are_consistent(seed: int) -> None:
    spec = execution.build(seed)
    total = spec.funds["total"]
    parts = [row for key, row in spec.funds.items() if key != "total"]
    assert total["initial"] == sum(row["initial"] for row in parts)
    for row in spec.funds.values():
        assert row["rate"] == (row["executed"] / row["initial"] * 100).quantize(Decimal("0.01"))
    for item in spec.indicators:
        assert len(item.likelihood) == 1
        assert (item.likelihood == ["有可能"]) == bool(item.causes) == (item.note is not None)


def test_a_planted_fault_is_recorded() -> None:
    assert declaration.build(1, "funds-sum").faults == ["funds-sum"]
    spec = execution.build(1, "execution-rate")
    assert spec.faults == ["execution-rate"]
    assert spec.funds["total"]["rate"] != execution.build(1).funds["total"]["rate"]


@pytest.mark.parametrize("layout", ["txt-tabs", "docx"])
def test_generated_forms_read_back_as_expected(tmp_path: Path, layout: str) -> None:
    forms = ("target_declaration", "execution_monitoring")
    docs = generate(tmp_path, 2, 41, [layout], faults=False, forms=forms)
    compared = 0
    for doc in docs:
        records = [json.loads(r.model_dump_json()) for r in extract_records(doc.path)]
        for form, record in zip(doc.expected["forms"], records, strict=True):
            expected = form["record"]
            assert record["form"]["type"] == expected["form"]["type"]
            if expected["form"]["type"] not in forms:
                continue
            assert record["fields"] == expected["fields"], doc.path.name
            assert [{k: g[k] for k in ("question", "field", "options")} for g in record["checkboxes"]] \
                == expected["checkboxes"]
            assert not [d for d in record["discrepancies"] if d["severity"] in ("error", "warning")]
            compared += 1
    assert compared >= 2
