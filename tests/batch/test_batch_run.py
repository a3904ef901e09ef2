"""A real batch over a folder of mixed documents: records, every output file, resume."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.cli_batch import batch_command

OUTPUTS = ("records.jsonl", "fields.csv", "fields.parquet", "discrepancies.csv",
           "discrepancies.xlsx", "report.html", "summary.json")


def _records(outdir: Path) -> list[dict]:
    lines = (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture
def batch_out(mixed_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("JIXIAO_BATCH_EXTRACTOR", raising=False)
    outdir = tmp_path / "out"
    code = batch_command([mixed_folder], outdir, workers=2, timeout=60, quiet=True, config=None)
    assert code == 1  # broken documents are in the batch
    return outdir


def test_one_record_per_document_and_broken_ones_fail(batch_out: Path) -> None:
    records = _records(batch_out)
    by_name = {Path(r["source"]["path"]).name: r for r in records}
    # 8 files, a-copy.txt is a byte-identical copy of a.txt: recorded once
    assert sorted(by_name) == ["a.txt", "b.txt", "binary.txt", "c.txt", "empty.txt",
                               "garbage.docx", "garbage.pdf"]
    for name in ("a.txt", "b.txt", "c.txt"):
        assert by_name[name]["status"] in ("ok", "partial"), by_name[name]["errors"]
    assert [e["code"] for e in by_name["empty.txt"]["errors"]] == ["empty"]
    assert [e["code"] for e in by_name["binary.txt"]["errors"]] == ["not-a-document"]
    for name in ("binary.txt", "empty.txt", "garbage.docx", "garbage.pdf"):
        assert by_name[name]["status"] == "failed"
        assert by_name[name]["errors"] and by_name[name]["errors"][0]["message"]
    for record in records:
        assert record["jixiao_version"] and record["schema_version"] == "1"
    summary = json.loads((batch_out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 7 and summary["failed"] == 4
    assert [Path(d["path"]).name for d in summary["run"]["duplicate_paths"]] == ["a-copy.txt"]
    assert summary["run"]["duplicates"] == 1
    assert summary["schema_version"] == "1" and summary["jixiao_version"]
    assert summary["settings"]["limits"]["timeout_seconds"] == 60
    assert set(summary["run"]["durations_seconds"]["per_document"]) == {"mean", "median", "max"}


def test_every_output_is_present_and_well_formed(batch_out: Path) -> None:
    for name in OUTPUTS:
        assert (batch_out / name).is_file(), name
    assert not list(batch_out.glob(".*.tmp-*"))  # no temp file left behind

    with (batch_out / "fields.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 7
    assert [r["path"] for r in rows] == sorted(r["path"] for r in rows)
    good = next(r for r in rows if r["path"].endswith("/a.txt"))
    assert good["tracking_period_start"] == "2024-01-01" and good["recurring"] == "false"
    assert good["annual_budget_stated_unit"] == "元"
    assert "e" not in good["annual_budget_yuan"].lower() and "." in good["annual_budget_yuan"]

    table = pq.read_table(batch_out / "fields.parquet")
    assert table.num_rows == 7
    assert table.schema.field("annual_budget_yuan").type == pa.decimal128(18, 2)
    assert table.schema.field("tracking_period_start").type == pa.date32()
    assert table.schema.field("recurring").type == pa.bool_()
    assert pa.types.is_integer(table.schema.field("n_error").type)
    assert pa.types.is_decimal(table.schema.field("execution_progress_pct").type)

    con = duckdb.connect()
    n_failed = con.execute(f"select count(*) from read_parquet('{batch_out / 'fields.parquet'}') "
                           "where status = 'failed'").fetchone()[0]
    assert n_failed == 4
    n_csv = con.execute(f"select count(*) from read_csv_auto('{batch_out / 'fields.csv'}')").fetchone()[0]
    assert n_csv == 7

    workbook = openpyxl.load_workbook(batch_out / "discrepancies.xlsx")
    sheet = workbook.active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:H")
    assert sheet.column_dimensions["F"].width >= 40
    with (batch_out / "discrepancies.csv").open(encoding="utf-8-sig", newline="") as fh:
        disc_rows = list(csv.reader(fh))
    assert disc_rows[0][:4] == ["path", "project_name", "rule", "severity"]
    assert sheet.max_row == len(disc_rows)

    _assert_balanced_html((batch_out / "report.html").read_text(encoding="utf-8"))


class _Balance(HTMLParser):
    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()


def _assert_balanced_html(text: str) -> None:
    parser = _Balance()
    parser.feed(text)
    parser.close()
    assert not parser.errors, parser.errors[:3]
    assert parser.stack == []
    assert "http://" not in text and "https://" not in text  # self-contained: no external resources
    assert "<style>" in text and 'id="total-documents">7<' in text


def test_second_run_adds_nothing(batch_out: Path, mixed_folder: Path) -> None:
    before = (batch_out / "records.jsonl").read_bytes()
    code = batch_command([mixed_folder], batch_out, workers=2, timeout=60, quiet=True, config=None)
    assert code == 1
    assert (batch_out / "records.jsonl").read_bytes() == before
    summary = json.loads((batch_out / "summary.json").read_text(encoding="utf-8"))
    assert summary["run"]["read"] == 0
    assert summary["run"]["skipped_already_recorded"] == 7
    assert summary["documents"] == 7


def test_new_documents_are_added_on_resume(batch_out: Path, mixed_folder: Path, make_variant) -> None:
    (mixed_folder / "d.txt").write_text(make_variant(5), encoding="utf-8")
    batch_command([mixed_folder], batch_out, workers=1, timeout=60, quiet=True, config=None)
    names = sorted(Path(r["source"]["path"]).name for r in _records(batch_out))
    assert names.count("d.txt") == 1 and len(names) == 8


def test_same_bytes_under_two_kinds_of_suffix_are_two_documents():
    """A .txt and a .docx with identical bytes go to different readers: two records."""
    from extract.batch.store import document_key

    assert document_key("ab", "x/a.txt") == document_key("ab", "y/b.md")
    assert document_key("ab", "a.txt") != document_key("ab", "a.docx")
    assert document_key(None, "a.txt") == "path:a.txt"
