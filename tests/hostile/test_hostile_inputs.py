"""Every hostile sample, read in-process with the network blocked: the right status and code,
never an exception, never a connection to the canary server."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import samples

from extract.pipeline import extract_file
from extract.runner import extract_safely
from extract.settings import Limits, Settings, load_settings
from parsers.readers import read_bytes, read_document
from schemas.errors import ReadError
from tests.unprivileged import open_folder, privileged, run_jixiao_unprivileged

READ_CODES = {"unsupported-format", "not-a-document", "corrupt", "encrypted", "empty", "no-text-layer",
              "unknown-encoding", "unsafe-content", "too-large", "too-many-pages", "timeout",
              "file-unreadable", "internal-error", "worker-crashed", "unreadable"}
# Generous: a sample's code must not depend on how busy the machine is (the time limit itself
# is tested on slow.pdf alone).
FAST_SETTINGS = Settings(limits=Limits(timeout_seconds=60))
QUICK = [s for s in samples.SAMPLES if s.name != "slow.pdf"]


def check_outcome(record, sample: samples.Sample) -> None:
    codes = [error.code for error in record.errors]
    assert record.status.value in sample.statuses(), (sample.name, record.status, record.errors)
    expected = sample.codes()
    if expected is None:
        assert not READ_CODES & set(codes), (sample.name, record.errors)
    else:
        assert codes and codes[0] in expected, (sample.name, record.errors)


@pytest.mark.parametrize("name", [s.name for s in QUICK] + ["dangling.txt", "self.pdf", "fifo.txt"])
def test_each_hostile_file_gives_its_code(name, hostile_dir, no_network, canary):
    root, written = hostile_dir
    path = root / name
    sample = written[str(path)]
    record = extract_file(path, FAST_SETTINGS)  # not extract_safely: an exception must show
    check_outcome(record, sample)
    assert record.source.path == str(path)
    assert no_network == [] and canary.hits == []


def test_a_parser_that_runs_too_long_is_stopped(hostile_dir, no_network, monkeypatch):
    from parsers.readers import pdf as pdf_reader

    # slow.pdf takes pdfminer minutes (PDFium reads its page at once): read it with pdfminer.
    monkeypatch.setattr(pdf_reader, "read", lambda data, source, limits: pdf_reader.read_with(
        data, source, limits, "pdfplumber"))
    root, _ = hostile_dir
    settings = Settings(limits=Limits(timeout_seconds=1.0))
    started = time.monotonic()
    record = extract_safely(root / "slow.pdf", settings)
    assert time.monotonic() - started < 60  # stopped, not run to its end; generous for a busy machine
    assert record.status.value == "failed" and record.errors[0].code == "timeout"


def test_a_50_mb_line_is_refused_by_the_line_limit(long_line_file, no_network):
    record = extract_file(long_line_file)
    assert record.errors[0].code == "too-large" and "单行长度" in record.errors[0].message


def test_the_file_size_limit_refuses_before_reading(long_line_file):
    record = extract_file(long_line_file, Settings(limits=Limits(max_file_bytes=1 << 20)))
    assert record.status.value == "failed" and record.errors[0].code == "too-large"


def test_limits_come_from_a_toml_config(tmp_path, hostile_dir, monkeypatch):
    root, _ = hostile_dir
    config = tmp_path / "limits.toml"
    config.write_text("[limits]\nmax_pages = 1\nmax_unzipped_bytes = 1000\ntimeout_seconds = 0.5\n"
                      "max_line_chars = 10\n", encoding="utf-8")
    settings = load_settings(config)
    limits = settings.limits
    assert (limits.max_pages, limits.max_unzipped_bytes, limits.timeout_seconds, limits.max_line_chars) == (
        1, 1000, 0.5, 10)
    # The size limits are checked without the 0.5 s clock, which a busy machine could run out
    # of before a reader is even imported (a timeout instead of the code under test).
    unhurried = settings.model_copy(update={"limits": limits.model_copy(update={"timeout_seconds": 600.0})})
    pdf = tmp_path / "two-pages.pdf"
    pdf.write_bytes(samples._pdf_many_pages("", pages=2))
    assert extract_file(pdf, unhurried).errors[0].code == "too-many-pages"
    docx = tmp_path / "normal.docx"
    docx.write_bytes(samples.corpus_docx())
    assert extract_file(docx, unhurried).errors[0].code == "unsafe-content"
    assert extract_file(root / "带 空格 的文件.txt", unhurried).errors[0].code == "too-large"
    from parsers.readers import pdf as pdf_reader

    # slow.pdf is slow for pdfminer only (PDFium reads it at once): time out pdfminer.
    monkeypatch.setattr(pdf_reader, "read", lambda data, source, limits: pdf_reader.read_with(
        data, source, limits, "pdfplumber"))
    assert extract_safely(root / "slow.pdf", settings).errors[0].code == "timeout"


@pytest.mark.parametrize("text", ["[limits]\nmax_pages = 0\n", "[limits]\ntimeout_seconds = -1\n",
                                  "[limits]\nmax_bytes = 5\n"])
def test_nonsense_limits_are_refused(tmp_path, text):
    from extract.settings import SettingsError

    config = tmp_path / "bad.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(config)


def test_readers_raise_only_read_errors_with_codes(hostile_dir):
    """The reader layer itself (below the pipeline): a ReadError with a known code, or a Document."""
    root, written = hostile_dir
    for path_text, sample in written.items():
        path = Path(path_text)
        if sample.name == "slow.pdf":
            continue
        try:
            read_document(path, read_bytes(path, Limits()), Limits())
        except ReadError as exc:
            assert exc.code in READ_CODES, (sample.name, exc.code)


def test_a_directory_with_a_document_suffix_is_not_a_file(hostile_dir):
    root, _ = hostile_dir
    record = extract_file(root / "folder.txt")
    assert record.errors[0].code == "file-unreadable"


def test_an_unreadable_file():
    with open_folder() as scratch:
        path = scratch / "locked.txt"
        path.write_text("项目名称", encoding="utf-8")
        path.chmod(0)
        if privileged():  # root reads any file: read it as an ordinary user
            result = run_jixiao_unprivileged("extract", str(path), cwd=scratch)
            assert "Traceback" not in result.stderr, result.stderr
            record = json.loads(result.stdout.splitlines()[0])
            assert result.returncode == 1 and record["errors"][0]["code"] == "file-unreadable"
        else:
            assert extract_file(path).errors[0].code == "file-unreadable"


def test_debris_that_once_escaped_the_readers_is_a_record(tmp_path):
    """Huge span attributes, page numbers and figures are OCR debris, never an internal error."""
    from extract.pipeline import extract_file

    cases = {
        "span.html": '<table><tr><td rowspan="' + "9" * 5000 + '">项目名称</td><td>x</td></tr></table>',
        "page.txt": "项目名称\n测试\n第 " + "9" * 5000 + " 页\n",
        "figure.txt": "项目名称\t测试\n当年预算数（元）\t" + "1" * 30 + "\n",
        "runon.txt": "项目名称\n测试\n一、项目基本情况：\n" + "本项目调减1万元，" * 4000 + "\n" + "1+" * 4000 + "\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        record = extract_file(path)
        assert not any(e.code == "internal-error" for e in record.errors), (name, record.errors)
        assert record.status in ("ok", "partial", "failed")
