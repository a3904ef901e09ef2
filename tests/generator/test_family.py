"""The form-family generator: determinism, valid and consistent expected records, planted faults
that break their rule only, and readable files in every layout."""

from __future__ import annotations

import itertools
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from corpus.generator import doc_seed
from corpus.generator.family import LAYOUTS, RULES, VARIANTS, generate, make_spec
from corpus.generator.family.expected import self_evaluation_record
from corpus.generator.family.faults import applicable
from schemas.record import Record
from tests.generator.family_oracle import violations
from tests.generator.readable import plain_text


def _content(path: Path) -> bytes:
    if path.suffix != ".docx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in sorted(archive.namelist()))


def _record(seed: int, variant: str, faults: list[str] | None = None) -> dict:
    return self_evaluation_record(make_spec(seed, variant, faults or []), "x.txt", "txt")


def test_same_seed_same_corpus(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 2, 7, list(LAYOUTS), faults=True)
    second = generate(tmp_path / "b", 2, 7, list(LAYOUTS), faults=True)
    assert [d.expected for d in first] == [d.expected for d in second]
    for a, b in zip(first, second, strict=True):
        assert _content(a.path) == _content(b.path), a.path.name
    assert (tmp_path / "a" / "manifest.json").read_bytes() == (tmp_path / "b" / "manifest.json").read_bytes()


def test_other_seed_other_corpus(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 1, 1, ["txt-tabs"])[0].expected["forms"][0]["record"]["fields"]
    b = generate(tmp_path / "b", 1, 2, ["txt-tabs"])[0].expected["forms"][0]["record"]["fields"]
    assert a != b


@pytest.mark.parametrize("variant", VARIANTS)
def test_clean_forms_are_consistent(variant: str) -> None:
    for seed in range(60):
        record = _record(doc_seed(0, variant, seed), variant)
        Record.model_validate(record)
        assert violations(record) == set(), (variant, seed)
        fields = record["fields"]
        assert 8 <= len(fields["indicators"]) <= 20
        assert fields["funds"]["total"] is not None
        assert {i["level1"] for i in fields["indicators"]} <= {"产出指标", "效益指标", "满意度指标"}
        if variant == "unscored":
            assert fields["total_score"] is None and all(i["weight"] is None for i in fields["indicators"])
            continue
        weights = sum(Decimal(i["weight"]) for i in fields["indicators"]) + Decimal(fields["funds"]["total"]["weight"])
        assert weights == Decimal(fields["total_weight"]) == 100


def test_clean_arithmetic_by_hand() -> None:
    """Funds rows add up and the total score is the budget score plus the indicator scores."""
    for seed in range(40):
        fields = _record(doc_seed(9, "hand", seed), "national")["fields"]
        funds = fields["funds"]
        parts = [funds[k] for k in ("fiscal", "carryover", "other") if funds[k]] + funds["extra"]
        for column in ("initial_budget", "annual_budget", "executed"):
            assert Decimal(funds["total"][column]["yuan"]) == sum(Decimal(p[column]["yuan"]) for p in parts)
        total = sum(Decimal(i["score"]) for i in fields["indicators"]) + Decimal(funds["total"]["score"])
        assert total == Decimal(fields["total_score"])


@pytest.mark.parametrize("rule", RULES)
def test_a_planted_fault_breaks_its_rule_only(rule: str) -> None:
    for variant in VARIANTS:
        if not applicable(rule, variant):
            continue
        for seed in range(15):
            record = _record(doc_seed(1, rule + variant, seed), variant, [rule])
            Record.model_validate(record)
            assert violations(record) == {rule}, (variant, seed)


def test_unit_mismatch_is_yuan_figures_under_wan() -> None:
    total = _record(5, "national", ["unit-mismatch"])["fields"]["funds"]["total"]["annual_budget"]
    assert (total["stated_unit"], total["unit"], total["unit_inferred"]) == ("万元", "元", True)
    assert Decimal(total["raw"]) >= 2_000_000


def test_sichuan_actual_takes_its_target_unit() -> None:
    inds = _record(3, "sichuan")["fields"]["indicators"]
    quantitative = [i for i in inds if i["target"]["value"] is not None]
    assert quantitative and all(i["actual"]["unit"] == i["target"]["unit"] for i in quantitative)
    assert all(i["actual"]["raw"] == i["actual"]["value"] for i in quantitative)


def test_department_form_has_no_project_name() -> None:
    record = _record(4, "department")
    assert record["fields"]["project_name"] is None and record["fields"]["department"]
    assert record["status"] == "ok" and "部门整体支出绩效自评表" in record["form"]["title"]


def _text(path: Path) -> str:
    return plain_text(path)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_writes_a_readable_file(tmp_path: Path, layout: str) -> None:
    docs = generate(tmp_path, 4, 13, [layout], faults=True)
    for doc in docs:
        text = _text(doc.path).replace(" ", "")
        saved = json.loads(doc.expected_path.read_text(encoding="utf-8"))
        assert saved == doc.expected and saved["layout"] == layout
        for i, form in enumerate(saved["forms"]):
            record = Record.model_validate(form["record"])
            assert record.form.title and record.form.title.replace(" ", "") in text
            if saved["count"] > 1:
                assert record.source.part is not None
                assert (record.source.part.index, record.source.part.count) == (i + 1, saved["count"])
            else:
                assert record.source.part is None
        if doc.path.suffix == ".pdf" and saved["count"] > 1:
            import pdfplumber

            with pdfplumber.open(doc.path) as pdf:
                pages = len(pdf.pages)
            spans = [f["record"]["source"]["part"]["pages"] for f in saved["forms"]]
            assert spans[0][0] == 1 and spans[-1][1] == pages
            assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))


def test_corpus_mixes_monitoring_forms_and_multi_form_files(tmp_path: Path) -> None:
    docs = generate(tmp_path, 8, 21, ["txt-tabs", "docx", "pdf"])
    variants = [f["variant"] for d in docs for f in d.expected["forms"]]
    assert "monitoring" in variants and any(d.expected["count"] >= 2 for d in docs)
    assert any(d.expected["count"] == 1 for d in docs)


def test_faults_cover_every_rule(tmp_path: Path) -> None:
    docs = generate(tmp_path, 24, 3, ["txt-html"], faults=True)
    planted = [x["rule"] for d in docs for f in d.expected["forms"] for x in f["faults"]]
    assert sorted(set(planted)) == sorted(RULES) and len(planted) == 12
    assert all(not any(f["faults"] for f in d.expected["forms"]) for d in docs[::2])


def test_cli_writes_files_and_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from corpus.generator.__main__ import main

    assert main(["family", "--out", str(tmp_path), "--n", "2", "--seed", "5", "--layouts", "txt-markdown",
                 "--faults"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["family-txt-markdown_0000.expected.json", "family-txt-markdown_0000.md",
                     "family-txt-markdown_0001.expected.json", "family-txt-markdown_0001.md", "manifest.json"]
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert next(d["faults"] for d in manifest["documents"]) == []
    assert len(manifest["documents"][1]["faults"]) == 1
    assert "family-txt-markdown_0001.md" in capsys.readouterr().out


def test_word_merges_level_cells_vertically(tmp_path: Path) -> None:
    import random

    import docx

    from corpus.generator.family.layout import grid
    from corpus.generator.family.writers import Part, writer_for

    spec = make_spec(doc_seed(6, "docx", 0), "national")
    path, _spans = writer_for("docx")([Part("self", spec, grid(spec))], tmp_path / "one", random.Random(0))
    table = docx.Document(str(path)).tables[0]
    texts = [[c.text for c in row.cells] for row in table.rows]
    header = next(i for i, row in enumerate(texts) if row[1] == "一级指标")
    first, second = table.cell(header + 1, 1), table.cell(header + 2, 1)
    assert first.text == "产出指标" and first._tc is second._tc          # 产出指标 spans its rows
    assert table.cell(header, 0)._tc is table.cell(header + 3, 0)._tc   # 绩效指标 too
    assert table.cell(0, 1)._tc is table.cell(0, 8)._tc                 # 项目名称's value across
