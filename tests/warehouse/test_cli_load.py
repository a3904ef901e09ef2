"""`jixiao load` and `jixiao schema --sql` on the command line; what a batch record carries."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from extract.lineage import stamp_run
from tests.warehouse.conftest import run_jixiao
from tests.warehouse.helpers import records


def test_load_defaults_to_duckdb_in_outdir_and_reports_zero_changes_the_second_time(outdir):
    first = run_jixiao("load", str(outdir))
    assert first.returncode == 0, first.stderr
    assert (outdir / "audit.duckdb").is_file()
    n = len(records(outdir))
    assert f"载入 {n} 条记录" in first.stdout and f"新增 {n}" in first.stdout
    second = run_jixiao("load", str(outdir), "--db", f"duckdb:///{(outdir / 'audit.duckdb').as_posix().lstrip('/')}")
    assert second.returncode == 0, second.stderr
    assert f"未变 {n}" in second.stdout and "变更行 0 " in second.stdout
    with duckdb.connect(str(outdir / "audit.duckdb")) as connection:
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone() == (n,)


def test_a_line_that_is_no_record_is_rejected_and_the_rest_loads(outdir):
    with (outdir / "records.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"status": "maybe", "source": {"path": "x.txt"}}\n')
    done = run_jixiao("load", str(outdir))
    assert done.returncode == 1
    assert "无效 1" in done.stdout and "不是有效记录" in done.stderr
    with duckdb.connect(str(outdir / "audit.duckdb")) as connection:
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone() == (len(records(outdir)) - 1,)
        assert connection.execute("SELECT rejected FROM load_runs").fetchone() == (1,)


def test_bad_usage_exits_2(tmp_path):
    assert run_jixiao("load", str(tmp_path)).returncode == 2  # no records.jsonl
    (tmp_path / "records.jsonl").write_text("", encoding="utf-8")
    done = run_jixiao("load", str(tmp_path), "--db", "mysql://localhost/x")
    assert done.returncode == 2 and "unsupported database URL" in done.stderr
    assert run_jixiao("schema", "--sql", "oracle").returncode == 2


def test_schema_sql_prints_ddl_that_runs(postgres_db):
    import psycopg

    duck = run_jixiao("schema", "--sql", "duckdb")
    assert duck.returncode == 0 and "DECIMAL(18,2)" in duck.stdout
    duckdb.connect().execute(duck.stdout)
    pg = run_jixiao("schema", "--sql", "postgresql")
    assert pg.returncode == 0 and "numeric(18,2)" in pg.stdout
    with psycopg.connect(postgres_db, autocommit=True) as connection:
        connection.execute(pg.stdout)
    plain = run_jixiao("schema")
    assert json.loads(plain.stdout)["title"] == "Record"


def test_batch_records_carry_reader_rules_and_run(built_outdir: Path):
    summary = json.loads((built_outdir / "summary.json").read_text(encoding="utf-8"))
    batch = [r for r in records(built_outdir) if r["source"]["path"].startswith(str(built_outdir.parent))]
    assert len(batch) == summary["documents"]
    assert len({r["run_id"] for r in batch}) == 1 and batch[0]["run_id"]
    readers = {Path(r["source"]["path"]).suffix: r["source"]["reader"] for r in batch}
    assert readers == {".txt": "text", ".md": "text", ".html": "text", ".docx": "docx", ".pdf": "pdf"}
    checked = [r for r in batch if r["status"] != "failed"]
    assert checked and all(r["rules"] == summary["rules"] for r in checked)
    assert all(r["rules"] is None for r in batch if r["status"] == "failed")


def test_stamp_run_sets_only_an_unset_run():
    line = '{"schema_version":"1","jixiao_version":"0.1.0","run_id":null,"status":"ok"}'
    assert json.loads(stamp_run(line, "R1"))["run_id"] == "R1"
    assert json.loads(stamp_run(stamp_run(line, "R1"), "R2"))["run_id"] == "R1"
    old = '{"status":"ok","source":{"path":"a.txt"}}'  # a line of an older release: no key yet
    assert json.loads(stamp_run(old, "R3")) == {"status": "ok", "source": {"path": "a.txt"}, "run_id": "R3"}
    text = '{"schema_version":"1","jixiao_version":null,"run_id":null,"fields":{"project_name":"\\"run_id\\":null"}}'
    assert json.loads(stamp_run(text, "R4"))["fields"]["project_name"] == '"run_id":null'
