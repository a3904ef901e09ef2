"""`jixiao check`: readable blocks, JSON lines, exit codes."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from extract.cli import app

from .seed import SEED_PATH

runner = CliRunner()


@pytest.fixture
def seed_file(tmp_path):
    target = tmp_path / "seed.txt"
    shutil.copy(SEED_PATH, target)
    return target


def test_text_report_of_the_seed_exits_one(seed_file):
    result = runner.invoke(app, ["check", str(seed_file)])
    assert result.exit_code == 1, result.output
    assert "错误（6）" in result.output
    assert "[unit-mismatch] 当年预算数" in result.output
    assert "第1页第21行：调整预算1.225万元" in result.output
    assert "提示（2）" in result.output


def test_json_report_one_object_per_document(seed_file, tmp_path):
    clean = tmp_path / "folder"
    clean.mkdir()
    shutil.copy(seed_file, clean / "a.txt")
    result = runner.invoke(app, ["check", "--format", "json", str(clean)])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.output.splitlines() if x.strip()]
    assert [x["path"].endswith("a.txt") for x in lines] == [True]
    assert {"path", "status", "errors", "discrepancies"} <= set(lines[0])
    assert lines[0]["discrepancies"][0]["severity"] == "error"


def test_clean_document_exits_zero(tmp_path):
    from pathlib import Path

    corpus_case = Path(__file__).resolve().parents[2] / "corpus" / "txt" / "md_key_meilong_yuan.md"
    result = runner.invoke(app, ["check", str(corpus_case)])
    assert result.exit_code == 0, result.output
    assert "读取完整 · 未发现问题" in result.output


def test_unknown_format_is_bad_usage(seed_file):
    assert runner.invoke(app, ["check", "--format", "xml", str(seed_file)]).exit_code == 2


def test_missing_input_is_bad_usage(tmp_path):
    assert runner.invoke(app, ["check", str(tmp_path / "nope.txt")]).exit_code == 2
