"""What a new user meets: unwritable outputs, the summary line, --version, help, --lang,
--fail-on shared by check and batch, Chinese column headers."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.cli_common import exit_code
from extract.vocabulary import document_state, header, review_result
from tests.unprivileged import open_folder, privileged, run_jixiao_unprivileged

SEED = Path(__file__).resolve().parent.parent / "corpus" / "txt" / "seed-huacao-tabs.txt"
CLEAN = Path(__file__).resolve().parent.parent / "corpus" / "txt" / "md_key_meilong_yuan.md"
runner = CliRunner()


@pytest.fixture
def blocked(tmp_path: Path) -> Path:
    """A path whose parent is a regular file: no one (root included) can create it."""
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    return tmp_path / "a-file" / "sub" / "out.jsonl"


@pytest.mark.parametrize("command", [["extract"], ["check"], ["check", "--format", "json"]])
def test_an_unwritable_output_is_one_message_and_exit_74(command, blocked):
    result = runner.invoke(app, [*command, str(SEED), "-o", str(blocked)])
    assert result.exit_code == 74, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"jixiao {command[0]}: 无法写入")
    assert "Traceback" not in result.output and "Errno" not in result.stderr


def test_an_unusable_outdir_is_one_chinese_message_and_exit_2(blocked):
    result = runner.invoke(app, ["batch", str(SEED), "-o", str(blocked.parent)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("jixiao batch: 无法创建输出文件夹"), lines
    assert lines[0].endswith(("路径中有一段不是文件夹", "路径中有同名的文件"))  # no library text
    assert "Traceback" not in result.output


def test_a_read_only_folder_is_exit_74():
    with open_folder() as scratch:
        folder = scratch / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        if privileged():  # root writes anywhere: run as an ordinary user
            result = run_jixiao_unprivileged("extract", str(SEED), "-o", str(folder / "out.jsonl"),
                                             cwd=scratch)
            code, stderr = result.returncode, result.stderr
        else:
            invoked = runner.invoke(app, ["extract", str(SEED), "-o", str(folder / "out.jsonl")])
            code, stderr = invoked.exit_code, invoked.stderr
        assert code == 74, stderr
        lines = [line for line in stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "没有写入权限" in lines[0] and "Traceback" not in stderr, lines
        assert list(folder.iterdir()) == []


def test_extract_to_a_file_ends_with_one_summary_line(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(SEED, tmp_path / "in" / "seed.txt")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines() == [
        f"2 个文档：读取完整 1 · 部分读取 0 · 读取失败 1；问题：错误 6 · 警告 0 · 提示 2；记录写入 {out}"]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_extract_to_stdout_keeps_the_summary_off_the_records():
    result = runner.invoke(app, ["extract", str(SEED), "--lang", "en"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["status"] == "ok"
    assert result.stderr.strip() == ("1 document: read completely 1 · partly read 0 · not read 0; "
                                     "problems: error 6 · warning 0 · note 2; records on standard output")


@pytest.mark.parametrize("command", [[], ["extract"], ["check"], ["batch"], ["schema"]])
def test_version_on_every_command(command):
    from extract.version import __version__

    result = runner.invoke(app, [*command, "--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"jixiao {__version__}"


def test_help_shows_metavars_and_defaults():
    check = runner.invoke(app, ["check", "--help"], terminal_width=200).stdout
    batch = runner.invoke(app, ["batch", "--help"], terminal_width=200).stdout
    assert "INPUT..." in check and "<list" not in check and "{inputs}" not in check
    assert "[default: text]" in check and "[default: error]" in check
    assert "SECONDS" in batch and "[default: 120" in batch and "OUTDIR" in batch


@pytest.mark.parametrize("command", ["extract", "check", "batch"])
def test_help_keeps_the_bracketed_setting_name(command):
    # `[limits]` is the settings file's table; rich markup must not swallow it.
    shown = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    assert "[default: [limits] ocr, else auto]" in shown


def test_check_says_read_status_and_review_result_together():
    result = runner.invoke(app, ["check", str(SEED)])
    assert result.exit_code == 1
    assert "状态：读取完整 · 发现 6 个错误、2 个提示" in result.stdout
    english = runner.invoke(app, ["check", str(SEED), "--lang", "en"]).stdout
    assert "status: read completely · found 6 errors, 2 notes" in english


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on_decides_check_exit(fail_on, code):
    assert runner.invoke(app, ["check", str(SEED), "--fail-on", fail_on]).exit_code == code


def test_fail_on_levels():
    assert exit_code(0, {"error": 0, "warning": 2}, "error") == 0
    assert exit_code(0, {"error": 0, "warning": 2}, "warning") == 1
    assert exit_code(1, {}, "error") == 1
    assert exit_code(1, {"error": 3}, "never") == 0


def test_batch_and_check_agree_on_a_run_with_errors(tmp_path):
    check = runner.invoke(app, ["check", str(SEED)])
    batch = runner.invoke(app, ["batch", str(SEED), "-o", str(tmp_path / "out"), "--quiet", "--workers", "1"])
    assert check.exit_code == batch.exit_code == 1, batch.output
    assert "读取完整 1" in batch.stdout and "错误 6" in batch.stdout
    never = runner.invoke(app, ["batch", str(SEED), "-o", str(tmp_path / "out"), "--quiet", "--fail-on", "never"])
    assert never.exit_code == 0


def test_usage_errors_have_one_style(tmp_path):
    for command in ("extract", "check", "batch"):
        args = [command, str(tmp_path / "nope.txt")] + (["-o", str(tmp_path / "o")] if command == "batch" else [])
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"jixiao {command}: 输入路径不存在"), result.stderr
    bad = runner.invoke(app, ["check", str(SEED), "--lang", "fr"])
    assert bad.exit_code == 2 and bad.stderr.startswith("jixiao check: --lang 的取值")


def test_batch_tables_can_carry_chinese_headers(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(SEED), "-o", str(out), "--quiet", "--headers", "zh"])
    assert result.exit_code == 1, result.output
    with (out / "fields.csv").open(encoding="utf-8-sig") as fh:
        fields_header = next(csv.reader(fh))
    with (out / "discrepancies.csv").open(encoding="utf-8-sig") as fh:
        disc_header = next(csv.reader(fh))
    assert fields_header[:4] == ["文件路径", "SHA-256", "格式", "读取状态"]
    assert "项目名称" in fields_header and "当年预算数（元）" in fields_header
    assert disc_header == ["文件路径", "项目名称", "规则", "严重程度", "字段", "说明", "证据", "位置"]
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "project_name" in records[0]["fields"]  # the record keys stay the contract's


def test_vocabulary_words():
    assert document_state("ok", {"error": 6}) == "读取完整 · 发现 6 个错误"
    assert document_state("failed", {}) == "读取失败 · 未能审核"
    assert review_result({"info": 1}, "en") == "found 1 note"
    assert header("annual_budget_yuan", "zh") == "当年预算数（元）"
    assert header("annual_budget_yuan") == "annual_budget_yuan"


def test_extract_summary_counts_files_and_forms_apart(tmp_path):
    """Two files, one of them holding two forms: the line says 2 files and 3 forms."""
    import shutil
    from pathlib import Path

    from typer.testing import CliRunner

    from extract.cli import app

    samples = Path(__file__).resolve().parents[1] / "corpus" / "samples"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(samples / "self_evaluation_two_forms.docx", folder)
    shutil.copy(samples / "seed-huacao-tabs.txt", folder)
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 0, result.output
    assert "2 个文件、3 张表：读取完整 3" in result.output
    assert len((tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_batch_summary_counts_files_and_forms_apart(tmp_path):
    """The same two files through `batch`: its line and summary.json say 2 files, 3 forms."""
    import json
    import shutil
    from pathlib import Path

    from typer.testing import CliRunner

    from extract.cli import app

    samples = Path(__file__).resolve().parents[1] / "corpus" / "samples"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(samples / "self_evaluation_two_forms.docx", folder)
    shutil.copy(samples / "seed-huacao-tabs.txt", folder)
    outdir = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(outdir), "--workers", "1", "--quiet",
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert "2 个文件、3 张表：读取完整 3" in result.output
    summary = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    assert (summary["files"], summary["documents"]) == (2, 3)
    english = CliRunner().invoke(app, ["batch", str(folder), "-o", str(outdir), "--workers", "1",
                                       "--quiet", "--lang", "en"])
    assert "2 files, 3 forms: " in english.output, english.output
