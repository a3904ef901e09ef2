"""`jixiao load` into DuckDB and PostgreSQL: every record part in its table, a reload changes
nothing, a changed record replaces its rows in one transaction, money stays decimal."""

from __future__ import annotations

import json
from decimal import Decimal

import pyarrow.parquet as pq
import pytest

from extract.warehouse import loader
from extract.warehouse.backends import Backend
from extract.warehouse.loader import load_outdir
from schemas.fields import AMOUNT_FIELDS
from tests.warehouse.helpers import (
    DATA_TABLES,
    counts,
    expected_counts,
    query,
    records,
    table_content,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _distinct_files(outdir) -> int:
    """Paths the warehouse must know: each record's path once per file, plus the copy."""
    seen = {(r["source"]["sha256"], r["source"]["path"]) for r in records(outdir)}
    duplicates = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))["run"]["duplicate_paths"]
    return len(seen) + len(duplicates)


def test_load_twice_changes_nothing_the_second_time(outdir, db_url):
    n = len(records(outdir))
    first = load_outdir(outdir, db_url)
    assert (first.inserted, first.replaced, first.unchanged, first.rejected) == (n, 0, 0, 0)
    want = expected_counts(outdir, _distinct_files(outdir))
    assert counts(db_url) == want
    assert want["funds"] and want["indicators"] and want["read_errors"] and want["evidence"]
    before = {name: table_content(db_url, name) for name in DATA_TABLES}

    second = load_outdir(outdir, db_url)
    assert (second.inserted, second.replaced, second.unchanged) == (0, 0, n)
    assert second.changed_rows == 0
    assert {name: table_content(db_url, name) for name in DATA_TABLES} == before
    runs = query(db_url, "SELECT records, inserted, unchanged, rows_written, rows_deleted FROM load_runs "
                 "ORDER BY started_at")
    assert runs == [(n, n, 0, first.rows_written, 0), (n, 0, n, 0, 0)]


def test_postgresql_and_duckdb_hold_the_same_rows_and_the_parquet_sums(outdir, postgres_db, tmp_path):
    duck = f"duckdb:///{(tmp_path / 'w.duckdb').as_posix().lstrip('/')}"
    for url in (duck, postgres_db, duck, postgres_db):
        load_outdir(outdir, url)
    assert counts(duck) == counts(postgres_db)
    for name in DATA_TABLES:
        assert table_content(duck, name) == table_content(postgres_db, name), name
    parquet = pq.read_table(outdir / "fields.parquet").to_pylist()
    for name in AMOUNT_FIELDS:
        want = sum((row[f"{name}_yuan"] for row in parquet if row[f"{name}_yuan"] is not None), Decimal(0))
        assert want > 0, name
        for url in (duck, postgres_db):
            (got,) = query(url, f'SELECT SUM("{name}_yuan") FROM fields_monitoring')[0]
            (long_form,) = query(url, "SELECT SUM(yuan) FROM amounts WHERE form_type = 'monitoring' AND field = ?",
                                 [name])[0]
            assert isinstance(got, Decimal) and got == want == long_form, (url, name)


def test_money_is_fixed_point_and_dates_are_dates(outdir, db_url):
    load_outdir(outdir, db_url)
    sql = ("SELECT table_name, column_name, data_type, numeric_precision, numeric_scale "
           "FROM information_schema.columns WHERE column_name IN ('yuan', 'annual_budget_yuan', "
           "'executed_yuan', 'tracking_period_start', 'rate_pct')")
    types = {(t, c): (d.lower(), p, s) for t, c, d, p, s in query(db_url, sql)}
    money = {key: value for key, value in types.items() if key[1].endswith("yuan")}
    assert len(money) >= 4 and all(d.startswith(("numeric", "decimal")) and (p, s) == (18, 2)
                                   for d, p, s in money.values()), money
    assert types[("fields_monitoring", "tracking_period_start")][0] == "date"
    assert types[("funds", "rate_pct")][1:] == (18, 4)
    ((start, yuan),) = query(db_url, "SELECT tracking_period_start, annual_budget_yuan FROM fields_monitoring "
                             "WHERE project_name LIKE '%马桥镇智慧安防%'")
    assert str(start) == "2024-03-01" and yuan == Decimal("2000000.00")
    funds = query(db_url, "SELECT row, position, label, initial_budget_yuan, weight, rate_pct FROM funds "
                  "WHERE form_type = 'self_evaluation' AND doc_key IN (SELECT doc_key FROM documents "
                  "WHERE source_path = 'dept/九亭镇2020自评.pdf' AND part_index = 1) ORDER BY row")
    assert funds == [("extra", 1, "单位资金", Decimal("455000.00"), None, None),
                     ("fiscal", 1, None, Decimal("1000000.00"), None, None),
                     ("total", 1, None, Decimal("1455000.00"), Decimal("10.0000"), Decimal("82.6500"))]


def _rewrite(outdir, change) -> str:
    lines = records(outdir)
    target = next(r for r in lines if len(r["discrepancies"]) > 1)
    change(target)
    (outdir / "records.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines),
                                          encoding="utf-8")
    return f"{target['source']['sha256']}:{target['source']['reader']}:1"


def _drop_all_but_one_discrepancy(record):
    record["discrepancies"] = record["discrepancies"][:1]
    record["fields"]["annual_budget"]["yuan"] = "1.00"


def test_a_changed_record_replaces_its_child_rows(outdir, db_url):
    first = load_outdir(outdir, db_url)
    key = _rewrite(outdir, _drop_all_but_one_discrepancy)
    kept = next(r for r in records(outdir) if f"{r['source']['sha256']}:{r['source']['reader']}:1" == key)
    second = load_outdir(outdir, db_url)
    assert (second.inserted, second.replaced, second.unchanged) == (0, 1, len(records(outdir)) - 1)
    assert query(db_url, "SELECT COUNT(*) FROM discrepancies WHERE doc_key = ?", [key]) == [(1,)]
    assert query(db_url, "SELECT COUNT(*) FROM evidence WHERE doc_key = ?", [key]) == [
        (len(kept["discrepancies"][0]["evidence"]),)]
    assert query(db_url, "SELECT annual_budget_yuan FROM fields_monitoring WHERE doc_key = ?", [key]) == [
        (Decimal("1.00"),)]
    loads = dict(query(db_url, "SELECT doc_key, load_id FROM documents"))
    assert loads.pop(key) == second.load_id
    assert set(loads.values()) == {first.load_id}
    assert counts(db_url) == expected_counts(outdir, _distinct_files(outdir))


def _failing_on_evidence(real):
    def failing(self, table, rows):
        if table.name == "evidence" and rows:
            raise RuntimeError("disk gone")
        return real(self, table, rows)

    return failing


def test_a_replacement_that_fails_leaves_the_old_rows(outdir, db_url, monkeypatch):
    load_outdir(outdir, db_url)
    key = _rewrite(outdir, _drop_all_but_one_discrepancy)
    old = query(db_url, "SELECT COUNT(*) FROM discrepancies WHERE doc_key = ?", [key])
    for cls in (Backend, *Backend.__subclasses__()):
        monkeypatch.setattr(cls, "insert_rows", _failing_on_evidence(cls.insert_rows))
    with pytest.raises(RuntimeError, match="disk gone"):
        load_outdir(outdir, db_url)
    assert query(db_url, "SELECT COUNT(*) FROM discrepancies WHERE doc_key = ?", [key]) == old
    assert query(db_url, "SELECT COUNT(*) FROM load_runs") == [(1,)]
    monkeypatch.undo()
    assert load_outdir(outdir, db_url).replaced == 1


def test_every_path_a_document_was_seen_under(outdir, db_url):
    load_outdir(outdir, db_url)
    rows = query(db_url, "SELECT path, first_path FROM document_paths WHERE path LIKE '%副本%'")
    assert len(rows) == 1 and rows[0][1].endswith("seed-huacao-tabs.txt")
    ((n,),) = query(db_url, "SELECT COUNT(*) FROM document_paths WHERE path LIKE '%九亭镇2020自评.pdf'")
    assert n == 1  # two forms of one file: one path


def test_streaming_in_chunks_gives_the_same_rows(outdir, tmp_path, monkeypatch):
    whole = f"duckdb:///{(tmp_path / 'a.duckdb').as_posix().lstrip('/')}"
    small = f"duckdb:///{(tmp_path / 'b.duckdb').as_posix().lstrip('/')}"
    load_outdir(outdir, whole)
    monkeypatch.setattr(loader, "CHUNK_RECORDS", 2)
    load_outdir(outdir, small)
    assert load_outdir(outdir, small).changed_rows == 0
    for name in DATA_TABLES:
        assert table_content(whole, name) == table_content(small, name), name


def test_lineage_of_the_load(outdir, db_url):
    load_outdir(outdir, db_url)
    summary = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    ((rules, settings, run_ids, schema_version),) = query(
        db_url, "SELECT rules, settings, run_ids, schema_version FROM load_runs")
    as_json = [json.loads(v) if isinstance(v, str) else v for v in (rules, settings, run_ids)]
    assert as_json[0] == summary["rules"] and as_json[1] == summary["settings"]
    assert set(as_json[2]) == {r["run_id"] for r in records(outdir) if r["run_id"]}
    assert schema_version == "1"
    versions = dict(query(db_url, "SELECT rule, rule_version FROM discrepancies"))
    assert versions and all(versions[rule] == summary["rules"].get(rule, "0.1.0") for rule in versions)
