"""batch_command: usage errors, empty folders, the plain progress log, quiet mode."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest

from extract.cli_batch import batch_command

FAKE = "batch_fakes:fake_extract"


@pytest.fixture(autouse=True)
def _fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_BATCH_EXTRACTOR", FAKE)


def test_missing_input_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code = batch_command([tmp_path / "nope"], tmp_path / "out", None, None, False, None)
    assert code == 2
    assert "不存在" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("workers", "timeout"), [(0, None), (1, 0.0), (1, -5.0)])
def test_bad_numbers_are_bad_usage(tmp_path: Path, workers: int, timeout: float | None) -> None:
    assert batch_command([tmp_path], tmp_path / "out", workers, timeout, True, None) == 2


def test_bad_config_is_bad_usage(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[limits]\nno_such_key = 1\n", encoding="utf-8")
    assert batch_command([tmp_path], tmp_path / "out", 1, None, True, config) == 2


def test_config_timeout_is_used_unless_overridden(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[limits]\ntimeout_seconds = 33\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    assert batch_command([tmp_path / "in"], tmp_path / "out", 1, None, True, config) == 0
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["settings"]["limits"]["timeout_seconds"] == 33
    assert batch_command([tmp_path / "in"], tmp_path / "out", 1, 7, True, config) == 0
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["settings"]["limits"]["timeout_seconds"] == 7


def test_empty_folder_writes_empty_outputs(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    outdir = tmp_path / "out"
    assert batch_command([tmp_path / "in"], outdir, None, None, True, None) == 0
    assert (outdir / "records.jsonl").read_bytes() == b""
    assert pq.read_table(outdir / "fields.parquet").num_rows == 0
    with (outdir / "fields.csv").open(encoding="utf-8-sig") as fh:
        assert len(list(csv.reader(fh))) == 1
    assert openpyxl.load_workbook(outdir / "discrepancies.xlsx").active.max_row == 1
    assert json.loads((outdir / "summary.json").read_text(encoding="utf-8"))["documents"] == 0
    assert (outdir / "report.html").read_text(encoding="utf-8").endswith("</html>\n")


def test_plain_log_when_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "crash.txt"):
        (folder / name).write_text(name, encoding="utf-8")
    code = batch_command([folder], tmp_path / "out", 2, 30, False, None)
    assert code == 1  # crash.txt failed
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.startswith("[")]
    assert len(lines) == 3 and all(line.startswith(("[1/3]", "[2/3]", "[3/3]")) for line in lines)
    assert any("failed" in line and "crash.txt" in line and "worker-crashed" in line for line in lines)
    assert "3 个文档" in captured.out


def test_quiet_prints_only_the_summary_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    assert batch_command([folder], tmp_path / "out", 1, None, True, None) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.count("\n") == 1 and "1 个文档" in captured.out


def test_outdir_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    outdir = tmp_path / "out"
    assert batch_command([tmp_path], outdir, 1, None, True, None) == 0
    assert batch_command([tmp_path], outdir, 1, None, True, None) == 0  # report.html now exists
    assert (outdir / "records.jsonl").read_text(encoding="utf-8").count("\n") == 1
