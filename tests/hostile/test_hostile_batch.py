"""`jixiao batch hostile/ -o out` in a subprocess whose sockets are blocked: it ends normally,
one record per hostile file with the right code, within the time limit, memory bounded, no
traceback, and the XSS / formula document yields a report that runs no script and
spreadsheets that hold plain text."""

from __future__ import annotations

import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
import samples
from netblock import SITECUSTOMIZE
from test_hostile_inputs import READ_CODES

from extract.outputs.report_html import read_documents

REPO = Path(__file__).resolve().parents[2]


def _env(tmp: Path) -> dict[str, str]:
    site = tmp / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(REPO), env.get("PYTHONPATH", "")])
    env["JIXIAO_NET_LOG"] = str(tmp / "net.log")
    env.pop("JIXIAO_BATCH_EXTRACTOR", None)
    return env


@pytest.fixture(scope="module")
def batch_run(hostile_dir, tmp_path_factory):
    root, written = hostile_dir
    tmp = tmp_path_factory.mktemp("batch")
    out = tmp / "out"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "extract", "batch", str(root), "-o", str(out), "--workers", "3",
         "--timeout", str(samples.HOSTILE_TIMEOUT), "--quiet"],
        capture_output=True, text=True, env=_env(tmp), cwd=tmp, timeout=300,
    )
    seconds = time.monotonic() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return result, out, written, seconds, (peak_kib if peak_kib > before else None), tmp


def _records(out: Path) -> dict[str, dict]:
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return {r["source"]["path"]: r for r in records}


def test_batch_ends_normally_without_a_traceback(batch_run):
    result, out, written, seconds, peak, tmp = batch_run
    assert result.returncode == 1, result.stderr[-3000:]  # some documents failed: exit 1
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in (out / "errors.log").read_text() if (out / "errors.log").exists() else True
    assert seconds < 280  # a hang is cut, not waited out (the subprocess itself allows 300)
    assert peak is None or peak < 1_500_000, f"a process peaked at {peak / 1024:.0f} MiB"
    assert not (tmp / "net.log").exists(), (tmp / "net.log").read_text()
    for name in ("records.jsonl", "fields.csv", "fields.parquet", "discrepancies.csv",
                 "discrepancies.xlsx", "report.html", "summary.json"):
        assert (out / name).is_file(), name
    assert not list(out.glob(".*.tmp-*"))


def test_one_record_per_hostile_file_with_its_code(batch_run, canary):
    result, out, written, *_ = batch_run
    records = _records(out)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    # Byte-identical files (the zero-byte ones) are read once; the copies are listed.
    same_as = {d["path"]: d["same_as"] for d in summary["run"]["duplicate_paths"]}
    assert set(same_as) <= {p for p, s in written.items() if s.name.startswith("empty.")}
    assert sorted(list(records) + list(same_as)) == sorted(written)
    wrong = {}
    for path, sample in written.items():
        record = records[same_as.get(path, path)]
        codes = [e["code"] for e in record.get("errors") or []]
        expected = sample.codes()
        ok_status = record["status"] in sample.statuses()
        ok_code = (not READ_CODES & set(codes)) if expected is None else bool(codes) and codes[0] in expected
        if not (ok_status and ok_code):
            wrong[sample.name] = (record["status"], codes)
    assert wrong == {}
    assert canary.hits == []
    assert summary["documents"] == len(written) - len(same_as)
    # slow.pdf: a timeout under pdfminer; PDFium reads its page in time (unrecognized-form)
    assert summary["error_codes"].get("timeout", 0) <= 1


def test_report_runs_no_document_script(batch_run):
    _, out, *_ = batch_run
    page = (out / "report.html").read_text(encoding="utf-8")
    assert samples.XSS not in page and "<img src=x" not in page
    documents = read_documents(page)  # what the page's script shows, as text
    assert samples.XSS in [document[0] for document in documents]
    assert page.count("<script") == 3  # the two JSON data blocks and the page's own script
    assert any(document[1].endswith("换行\n的文件.txt") for document in documents)  # stays text


def test_spreadsheets_hold_plain_text(batch_run):
    _, out, *_ = batch_run
    with (out / "fields.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    xss = next(r for r in rows if r["path"].endswith("xss-formula.txt"))
    assert xss["project_name"] == samples.XSS
    formula_cells = [v for r in rows for v in r.values() if v.lstrip(" \t\r\n").startswith(("=", "+", "-", "@"))]
    assert formula_cells == []
    assert any(v.startswith("'=HYPERLINK") for v in xss.values()), xss
    with (out / "discrepancies.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh):
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    workbook = openpyxl.load_workbook(out / "discrepancies.xlsx")
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value
                assert not (isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@"))), cell.value


def test_report_in_a_headless_browser_runs_nothing(batch_run, tmp_path):
    import shutil

    _, out, *_ = batch_run
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("chromium is not installed")
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000", "--dump-dom",
               (out / "report.html").resolve().as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    assert "显示 " in dom  # the page's own script ran
    assert "<script>alert(1)</script>" not in dom.replace("&lt;script&gt;", "")
    assert "onerror=alert(2)" not in dom.replace("&lt;img src=x onerror=alert(2)&gt;", "")
