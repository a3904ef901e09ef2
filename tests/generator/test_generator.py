"""The synthetic corpus generator: determinism, readable files, valid and consistent truths."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from corpus.generator import DEFAULT_DIALECTS, RULES, doc_seed, generate, make_spec
from corpus.generator.expected import expected_record
from schemas.fields import Fields
from tests.generator.oracle import violations
from tests.generator.readable import plain_text

UNIT = {"元": Decimal(1), "万元": Decimal(10_000)}
SEEDS = range(120)


def _content(path: Path) -> bytes:
    """The bytes that must repeat: docx parts (zip timestamps aside), else the whole file."""
    if path.suffix != ".docx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in sorted(archive.namelist()))


def test_same_seed_same_corpus(tmp_path: Path) -> None:
    dialects = ["txt-tabs", "txt-cells", "docx-sdt", "docx-formfield", "pdf-pua", "pdf-drawn"]
    first = generate(tmp_path / "a", 2, 7, dialects, fault_rate=0.5)
    second = generate(tmp_path / "b", 2, 7, dialects, fault_rate=0.5)
    assert [d.expected for d in first] == [d.expected for d in second]
    for a, b in zip(first, second, strict=True):
        assert _content(a.path) == _content(b.path), a.path.name


def test_other_seed_other_corpus(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 1, 1, ["txt-tabs"])
    b = generate(tmp_path / "b", 1, 2, ["txt-tabs"])
    assert a[0].expected["fields"] != b[0].expected["fields"]


def _opens(path: Path) -> str:
    return plain_text(path)


def _check_expected(expected: dict) -> None:
    fields = expected["fields"]
    assert set(fields) == set(Fields.model_fields)
    Fields.model_validate(fields)
    for key in ("annual_budget", "executed", "adjusted_budget", "decrease", "increase", "ex_ante_review_budget"):
        amount = fields[key]
        value = Decimal(amount["raw"].replace(",", "")) * UNIT[amount["unit"]]
        assert Decimal(amount["yuan"]) == value, key
        assert amount["yuan"] == f"{value:.2f}"
        assert amount["unit_inferred"] == (amount["unit"] != amount["stated_unit"])
        assert amount["raw"].isascii()
    assert [g["field"] for g in expected["checkboxes"]] == ["recurring", "adjustment_needed",
                                                            "budget_outlook", "goal_outlook"]
    assert expected["form"]["variant"] in ("key", "general")
    assert (fields["key_tracking_reason"] is None) == (expected["form"]["variant"] == "general")


@pytest.mark.parametrize("dialect", DEFAULT_DIALECTS)
def test_every_dialect_writes_a_readable_file(tmp_path: Path, dialect: str) -> None:
    docs = generate(tmp_path, 2, 11, [dialect], fault_rate=0.5)
    for doc in docs:
        text = _opens(doc.path)
        assert "项目名称" in text.replace(" ", "") or doc.path.suffix == ".pdf" and "项目" in text
        saved = json.loads(doc.expected_path.read_text(encoding="utf-8"))
        assert saved == doc.expected
        assert saved["dialect"] == dialect
        _check_expected(saved)


def test_cells_dialect_uses_every_encoding(tmp_path: Path) -> None:
    docs = generate(tmp_path, 12, 3, ["txt-cells"])
    starts = {d.path.read_bytes()[:3] == b"\xef\xbb\xbf" for d in docs}
    gb = any(_gb_only(d.path.read_bytes()) for d in docs)
    assert starts == {True, False} and gb


def _gb_only(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_form_is_consistent(seed: int) -> None:
    spec = make_spec(doc_seed(0, "clean", seed), [])
    expected = expected_record(spec, "txt", "txt-tabs")
    _check_expected(expected)
    assert violations(expected, spec) == set()
    assert expected["planted_faults"] == []


@pytest.mark.parametrize("rule", RULES)
def test_a_planted_fault_breaks_its_identity_only(rule: str) -> None:
    for seed in range(40):
        spec = make_spec(doc_seed(1, rule, seed), [rule])
        expected = expected_record(spec, "txt", "txt-tabs")
        _check_expected(expected)
        assert violations(expected, spec) == {rule}, (seed, expected["fields"])
        assert expected["planted_faults"] == [rule]


@pytest.mark.parametrize("pair", [(a, b) for i, a in enumerate(RULES) for b in RULES[i + 1:]])
def test_fault_pairs_break_both(pair: tuple[str, str]) -> None:
    for seed in range(6):
        spec = make_spec(doc_seed(2, ",".join(pair), seed), list(pair))
        expected = expected_record(spec, "txt", "txt-tabs")
        _check_expected(expected)
        assert set(pair) <= violations(expected, spec), (pair, seed)


def test_checkbox_fault_nulls_its_field() -> None:
    for seed in range(30):
        spec = make_spec(doc_seed(3, "cb", seed), ["checkbox-state"])
        expected = expected_record(spec, "txt", "txt-tabs")
        broken = [g["field"] for g in expected["checkboxes"] if sum(o["checked"] for o in g["options"]) != 1]
        assert len(broken) == 1 and expected["fields"][broken[0]] is None


def test_unit_mismatch_puts_wan_figures_under_yuan_labels() -> None:
    spec = make_spec(doc_seed(4, "um", 0), ["unit-mismatch"])
    amount = expected_record(spec, "txt", "txt-tabs")["fields"]["annual_budget"]
    assert (amount["stated_unit"], amount["unit"], amount["unit_inferred"]) == ("元", "万元", True)
    assert "," not in amount["raw"]


def test_cli_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from corpus.generator.__main__ import main

    assert main(["--out", str(tmp_path), "--n", "1", "--seed", "5", "--formats", "txt-html,txt-markdown",
                 "--faults", "period"]) == 0
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["txt-html_0000.expected.json", "txt-html_0000.html",
                     "txt-markdown_0000.expected.json", "txt-markdown_0000.md"]
    assert json.loads((tmp_path / "txt-html_0000.expected.json").read_text())["planted_faults"] == ["period"]
    assert "txt-html_0000.html" in capsys.readouterr().out


def test_expected_record_is_plain_json() -> None:
    """No Decimal or date objects leak into the expected record."""
    spec = make_spec(doc_seed(5, "json", 0), ["narrative-mismatch", "period"])
    json.dumps(expected_record(spec, "pdf", "pdf-glyph"), ensure_ascii=False)
