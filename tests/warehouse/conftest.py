"""Fixtures for the warehouse tests: a throwaway PostgreSQL server and a batch OUTDIR.

The server is the machine's own PostgreSQL (``.ci/run`` installs Debian's): a fresh data
directory under a temp folder, listening on 127.0.0.1 at a free port (Unix socket inside the
data directory), trust authentication, stopped and deleted at the end of the session. As
root, initdb and the server run as the ``postgres`` user (PostgreSQL refuses root). The tests
skip only when no PostgreSQL binaries exist, and fail instead when JIXIAO_REQUIRE_POSTGRES is
set (CI).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "corpus" / "samples"


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(os.path.realpath(which)).parent if which else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_user() -> dict[str, int]:
    if os.geteuid() != 0:
        return {}
    account = pwd.getpwnam("postgres")
    return {"user": account.pw_uid, "group": account.pw_gid}


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """postgresql://jixiao@127.0.0.1:PORT/postgres of a server started for this session."""
    bindir = _pg_bin()
    if bindir is None:
        if os.environ.get("JIXIAO_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL binaries not found (initdb/pg_ctl)")
        pytest.skip("PostgreSQL binaries not found (initdb/pg_ctl)")
    root = Path(tempfile.mkdtemp(prefix="jixiao-pg-"))
    data, log = root / "data", root / "server.log"
    user = _as_user()
    if user:
        os.chown(root, user["user"], user["group"])
    subprocess.run([str(bindir / "initdb"), "-D", str(data), "-U", "jixiao", "--auth=trust",
                    "-E", "UTF8", "--no-locale"], check=True, capture_output=True, **user)
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {data} -c fsync=off"
    try:
        subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                        "-w", "-t", "60", "start"], check=True, capture_output=True, **user)
        yield f"postgresql://jixiao@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       check=False, capture_output=True, **user)
        shutil.rmtree(root, ignore_errors=True)


def run_jixiao(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed command line in a subprocess (as users run it)."""
    return subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=600, check=False)


def family_records() -> list[str]:
    """Record lines of the other forms of the family (two parts of one PDF, and one more), as
    the pipeline writes them: funds with an extra row, indicators, box groups in rows."""
    from schemas.record import Record

    def amount(raw: str, unit: str = "万元") -> dict[str, object]:
        from decimal import Decimal

        from schemas.fields import to_yuan_string

        return {"raw": raw, "stated_unit": unit, "unit": unit, "yuan": to_yuan_string(Decimal(raw), unit)}

    sha = "ab" * 32
    self_eval = {
        "status": "ok", "run_id": "20261201T000000Z-00000000", "rules": {"funds-sum": "0.1.0"},
        "source": {"path": "dept/九亭镇2020自评.pdf", "sha256": sha, "format": "pdf", "pages": 4,
                   "reader": "pdf", "part": {"index": 1, "count": 2, "pages": [1, 2]}},
        "form": {"type": "self_evaluation", "title": "项目支出绩效自评表（2020年度）", "year": 2020},
        "fields": {
            "project_name": "九亭镇河道保洁", "department": "九亭镇人民政府",
            "funds": {"total": {"initial_budget": amount("145.5"), "executed": amount("120.25"),
                                "weight": "10", "rate_pct": "82.65", "score": "8.27"},
                      "fiscal": {"initial_budget": amount("100")},
                      "extra": [{"label": "单位资金", "initial_budget": amount("45.5")}]},
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "name": "保洁河道",
                 "target": {"raw": "≥95%", "op": ">=", "value": "95", "unit": "%"},
                 "actual": {"raw": "96%", "value": "96", "unit": "%"}, "weight": "20", "score": "20"},
                {"level1": "效益指标", "name": "水质", "target": {"raw": "有效改善"}, "weight": "10.5"}],
            "total_weight": "100", "total_score": "88.27", "grade": "良"},
        "discrepancies": [{"rule": "funds-sum", "severity": "warning", "fields": ["funds.total"],
                           "message": "资金总额与分项之和不符",
                           "evidence": [{"text": "年度资金总额\t145.5", "location": {"page": 1, "line": 9}}]}],
        "provenance": {"funds.total.executed": {"page": 1, "line": 9, "text": "年度资金总额\t145.5\t120.25",
                                                "bbox": [10.5, 20.0, 30.25, 40.0]}},
    }
    declaration = {
        "status": "partial", "source": {"path": "dept/九亭镇2020自评.pdf", "sha256": sha, "format": "pdf",
                                        "reader": "pdf", "part": {"index": 2, "count": 2, "pages": [3, 4]}},
        "form": {"type": "target_declaration", "year": 2021},
        "fields": {"project_name": "九亭镇河道保洁（续）",
                   "funds": {"annual": {"total": amount("3000000", "元"), "fiscal": amount("2500000.5", "元")}},
                   "indicators": [{"period": "annual", "name": "保洁频次",
                                   "target": {"raw": "每日1次", "value": "1", "unit": "次"}}]},
        "errors": [{"code": "missing-fields", "message": "缺少 goal_annual"}],
    }
    monitoring = {
        "status": "ok", "source": {"path": "dept/执行监控.docx", "sha256": "cd" * 32, "format": "docx",
                                   "reader": "docx"},
        "form": {"type": "execution_monitoring", "year": 2024},
        "fields": {"project_name": "智慧安防", "months": 7,
                   "funds": {"total": {"initial_budget": amount("12.5"), "executed": amount("6.25"),
                                       "rate_pct": "50"}},
                   "indicators": [{"name": "设备安装", "deviation_causes": ["经费保障", "其他"],
                                   "likelihood": "有可能"}, {"name": "培训"}]},
        "checkboxes": [{"question": "完成目标可能性", "field": "indicators.1.likelihood",
                        "options": [{"label": "确定能", "checked": False}, {"label": "有可能", "checked": True}]}],
        "sections": [{"heading": "一、情况", "text": "正文", "subsections": [{"heading": "1、背景", "text": "a"}]}],
    }
    return [Record.model_validate(item).model_dump_json() for item in (self_eval, declaration, monitoring)]


def build_outdir(base: Path) -> Path:
    """A batch OUTDIR over the sample reports, a byte-identical copy, a broken file, plus the
    family records: records.jsonl, summary.json (with a duplicate path) and fields.parquet."""
    inputs = base / "in"
    shutil.copytree(SAMPLES, inputs)
    shutil.copy(inputs / "seed-huacao-tabs.txt", inputs / "seed-副本.txt")
    (inputs / "损坏.docx").write_bytes(b"PK\x03\x04 not really a zip")
    outdir = base / "out"
    done = run_jixiao("batch", str(inputs), "-o", str(outdir), "--quiet", "--workers", "2")
    assert done.returncode == 1, done.stderr  # the broken file is a failed record
    with (outdir / "records.jsonl").open("a", encoding="utf-8") as fh:
        for line in family_records():
            fh.write(line + "\n")
    return outdir


@pytest.fixture(scope="session")
def built_outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One OUTDIR for the session (copy it before changing it: `outdir`)."""
    return build_outdir(tmp_path_factory.mktemp("warehouse"))


@pytest.fixture
def outdir(built_outdir: Path, tmp_path: Path) -> Path:
    """A private copy of the session's OUTDIR."""
    copy = tmp_path / "out"
    shutil.copytree(built_outdir, copy)
    return copy


@pytest.fixture
def postgres_db(postgres_url: str) -> str:
    """The URL of a new, empty database on the session's server."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return postgres_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["duckdb", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database of each kind."""
    if request.param == "duckdb":
        return f"duckdb:///{(tmp_path / 'audit.duckdb').as_posix().lstrip('/')}"
    return str(request.getfixturevalue("postgres_db"))
