"""Output safety: formulas neutralised in CSV/XLSX, document text escaped in report.html,
and the report rendered by a real headless browser runs no injected script."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from extract.batch import run_batch
from extract.batch.progress import QuietReporter
from extract.outputs import write_outputs
from extract.outputs.report_html import read_documents
from extract.outputs.safety import json_for_script, neutralise_cell
from extract.settings import Settings

FAKE = "batch_fakes:fake_extract"
XSS_NAME = "<script>alert(1)</script><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
FORMULA = '=HYPERLINK("http://evil.example/","点我")'
EVIL_RULE = "</script><script>document.body.setAttribute('data-pwned','2')</script>"


def _hostile_record() -> dict:
    evidence = [{"text": "@SUM(A1:A9)\t1.225", "location": {"page": 1, "line": 8}},
                {"text": "-2+3 调整预算1.225万元", "location": {"page": 1, "line": 11}}]
    return {
        "status": "partial",
        "source": {"path": "placeholder"},
        "fields": {"project_name": XSS_NAME, "town": "+七宝镇",
                   "annual_budget": {"raw": "-100", "stated_unit": "元", "unit": "元",
                                     "yuan": "-100.00", "unit_inferred": False}},
        "discrepancies": [
            {"rule": "unit-mismatch", "severity": "error", "fields": ["annual_budget"],
             "message": FORMULA, "evidence": evidence},
            {"rule": EVIL_RULE, "severity": "warning", "fields": [], "message": "\t制表符开头",
             "evidence": []},
            {"rule": "period", "severity": "info", "fields": ["tracking_period"],
             "message": "跟踪时段缺少结束日期", "evidence": []},
        ],
    }


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    folder.mkdir()
    (folder / "evil.txt").write_text(json.dumps(_hostile_record(), ensure_ascii=False), encoding="utf-8")
    (folder / "clean.txt").write_text("一个干净的项目\n", encoding="utf-8")
    outdir = root / "out"
    settings = Settings()
    stats = run_batch(sorted(folder.iterdir()), outdir, settings, workers=1, extractor=FAKE,
                      reporter=QuietReporter())
    write_outputs(outdir, stats, settings, 1)
    return outdir


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_prefixed(text: str) -> None:
    assert neutralise_cell(text) == "'" + text


def test_numbers_and_plain_text_are_untouched() -> None:
    from decimal import Decimal

    assert neutralise_cell(Decimal("-100.00")) == Decimal("-100.00")
    assert neutralise_cell(3) == 3
    assert neutralise_cell("七宝镇 = 1") == "七宝镇 = 1"


def test_json_for_script_cannot_close_the_script() -> None:
    text = json_for_script({"a": "</script><b>&\u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><b>&\u2028\u2029"}


def test_csv_cells_hold_plain_text(hostile_out: Path) -> None:
    with (hostile_out / "discrepancies.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["severity"] == "error"  # errors first
    assert rows[0]["message"] == "'" + FORMULA
    assert rows[0]["evidence"].startswith("'@SUM")
    assert rows[1]["message"] == "'\t制表符开头"
    assert [r["severity"] for r in rows] == ["error", "warning", "info"]
    with (hostile_out / "fields.csv").open(encoding="utf-8-sig", newline="") as fh:
        evil = next(r for r in csv.DictReader(fh) if r["path"].endswith("evil.txt"))
    assert evil["annual_budget_yuan"] == "-100.00"  # a number stays a number
    assert evil["town"] == "'+七宝镇"


def test_xlsx_cells_are_strings_not_formulas(hostile_out: Path) -> None:
    sheet = openpyxl.load_workbook(hostile_out / "discrepancies.xlsx").active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert cells and all(cell.data_type != "f" for cell in cells)
    messages = [row[5].value for row in sheet.iter_rows(min_row=2)]
    assert messages[0] == "'" + FORMULA


def test_report_escapes_document_text(hostile_out: Path) -> None:
    page = (hostile_out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "<img" not in page
    # document text sits in the JSON block, every `<` escaped, and comes back intact as data
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert page.count("<script") == 3  # the two JSON data blocks and our own script, nothing else
    names = [document[0] for document in read_documents(page)]
    assert XSS_NAME in names


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _dump_dom(report: Path, profile: Path) -> str:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); .ci/run installs it")
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=2000",
               "--dump-dom", report.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_report_in_a_headless_browser(hostile_out: Path, tmp_path: Path) -> None:
    dom = _dump_dom(hostile_out / "report.html", tmp_path / "profile")
    assert 'id="total-documents">2<' in dom
    assert 'id="total-error">1<' in dom and 'id="total-warning">1<' in dom
    assert "显示 2 个文档，3 条问题" in dom  # the inline script ran and counted the rows
    assert "跟踪时段缺少结束日期" in dom and "HYPERLINK" in dom
    assert "data-pwned" not in dom.replace("data-pwned','1'", "").replace("data-pwned','2'", "")
    assert "<body data-pwned" not in dom and "alert(1)" in dom  # shown as text, not run
    assert '<option value="unit-mismatch">unit-mismatch</option>' in dom  # filled from the JSON
