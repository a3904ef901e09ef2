"""Scans of the corpus forms (made by `corpus.scans.make`) read into the original's record.

Needs the OCR extra and a CJK font for rendering the source PDFs (Debian:
fonts-wqy-microhei); skipped without them. The expected record of every scan is the
hand-checked `.expected.json` of the text-layer PDF it was made from. A PDF whose second
page is a scan (the others keep their text layer) is read too: only that page by OCR.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.scans import make
from extract.pipeline import extract_file
from extract.settings import Limits, Settings
from parsers.ocr import engine
from tests.conftest import load_expected

if not engine.available() or make.cjk_font() is None:
    pytest.skip("needs the OCR extra and a CJK font", allow_module_level=True)

REPO = Path(__file__).resolve().parents[2]
# Every run reads these scans (a few pages of OCR); JIXIAO_SCAN_CORPUS=all reads every
# case of `corpus.scans.make.CASES` (turned pages, hand ticks, JPEG and PNG pages too).
DEFAULT_CASES = ("clean_tif", "skew_blur_jpeg_tif")
CASE_NAMES = tuple(make.CASES) if os.environ.get("JIXIAO_SCAN_CORPUS") == "all" else DEFAULT_CASES
# OCR takes seconds a page; on a loaded 2-core machine the default 60 s is too tight.
SETTINGS = Settings(limits=Limits(timeout_seconds=1800))
MONEY = ("annual_budget", "executed", "adjusted_budget", "decrease", "increase", "ex_ante_review_budget")


def _expected(source: str) -> dict:
    return load_expected(make.PDF_DIR / source.replace(".pdf", ".expected.json"))


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> dict[str, tuple[dict, dict, make.Recipe | None]]:
    folder = tmp_path_factory.mktemp("scans")
    out: dict[str, tuple[dict, dict, make.Recipe | None]] = {}
    for name in CASE_NAMES:
        recipe = make.CASES[name]
        path = make.make(recipe, folder / f"{name}{recipe.suffix}")
        out[name] = (extract_file(path, SETTINGS).model_dump(mode="json"), _expected(recipe.source), recipe)
    mixed = make.mixed_pdf("general_widgets_multipage.pdf", folder / "mixed.pdf", scanned=(2,))
    out["mixed_pdf"] = (extract_file(mixed, SETTINGS).model_dump(mode="json"),
                        _expected("general_widgets_multipage.pdf"), None)
    return out


def _boxes(record: dict) -> dict[tuple[str, str], bool]:
    return {(g["field"], o["label"]): o["checked"] for g in record["checkboxes"] for o in g["options"]}


def test_fields_and_boxes_read_from_scans(scans) -> None:
    fields_right = fields_total = boxes_right = boxes_total = 0
    report = {}
    for name, (record, expected, _) in scans.items():
        assert record["status"] != "failed", (name, record["errors"])
        form = {k: v for k, v in expected["form"].items() if k != "title"}
        assert {k: record["form"].get(k) for k in form} == form, name
        wrong = [k for k, v in expected["fields"].items() if record["fields"].get(k) != v]
        if record["form"]["title"] != expected["form"]["title"]:  # the title counts as a field
            wrong.append("form.title")
        fields_total += len(expected["fields"]) + 1
        fields_right += len(expected["fields"]) + 1 - len(wrong)
        got, want = _boxes(record), _boxes(expected)
        boxes_total += len(want)
        boxes_right += sum(got.get(key) == value for key, value in want.items())
        report[name] = wrong
    assert fields_right >= 0.95 * fields_total, report
    assert boxes_right >= 0.97 * boxes_total, report


def test_no_amount_is_silently_wrong(scans) -> None:
    for name, (record, expected, _) in scans.items():
        flagged = {f for d in record["discrepancies"] for f in d["fields"]}
        for field in MONEY:
            if field in expected["fields"] and record["fields"].get(field) not in (None, expected["fields"][field]):
                assert field in flagged, (name, field, record["fields"][field])


def test_source_says_how_the_scan_was_read(scans) -> None:
    for name, (record, _, recipe) in scans.items():
        source = record["source"]
        ocr = source["ocr"]
        assert ocr["engine"].startswith("rapidocr"), name
        if recipe is None:  # the mixed PDF: only its scanned page went through OCR
            assert source["format"] == "pdf" and ocr["pages_ocr"] == [2], ocr
            continue
        assert source["format"] == ("pdf" if recipe.suffix == ".pdf" else "image"), name
        assert ocr["pages_ocr"] == list(range(1, source["pages"] + 1)), name
        assert abs(ocr["dpi"] - recipe.dpi) <= 2, (name, ocr["dpi"])
        assert ocr["pages_failed"] == []


# Every way out refused and logged: connecting, sending, name look-ups. (Creating a socket
# is allowed: urllib3, imported by the engine's package, probes for IPv6 support that way.)
_GUARD = """
import os, socket, urllib.request

def _refuse(name):
    def refuse(*args, **kwargs):
        with open(os.environ["JIXIAO_NET_LOG"], "a", encoding="utf-8") as fh:
            fh.write(name + "\\n")
        raise OSError("network blocked: " + name)
    return refuse

for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, _name, _refuse("socket." + _name))
socket.create_connection = _refuse("create_connection")
socket.getaddrinfo = _refuse("getaddrinfo")
urllib.request.urlopen = _refuse("urlopen")
"""


def test_a_scan_is_read_with_the_network_blocked(tmp_path) -> None:
    """The models ship in the package: reading a scan opens no connection (sockets refused)."""
    recipe = make.Recipe("key_drawn_narrative_outside.pdf", ".png", dpi=200, jpeg=80, seal=True, seed=7)
    scan = make.make(recipe, tmp_path / "scan.png")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_GUARD, encoding="utf-8")
    config = tmp_path / "limits.toml"
    config.write_text("[limits]\ntimeout_seconds = 1800\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(REPO)]), JIXIAO_NET_LOG=str(tmp_path / "net.log"))
    for key in ("HF_ENDPOINT", "MODELSCOPE_CACHE"):
        env.pop(key, None)
    result = subprocess.run([sys.executable, "-m", "extract", "extract", str(scan), "--config", str(config)],
                            capture_output=True, text=True, env=env, timeout=1800, cwd=tmp_path, check=False)
    record = json.loads(result.stdout.splitlines()[0])
    assert not (tmp_path / "net.log").exists(), (tmp_path / "net.log").read_text(encoding="utf-8")
    assert record["source"]["ocr"]["engine"].startswith("rapidocr")
    assert record["fields"]["project_name"] == _expected(recipe.source)["fields"]["project_name"]
    assert record["status"] in ("ok", "partial"), record["errors"]
