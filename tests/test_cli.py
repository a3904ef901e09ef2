"""The command line: one JSONL line per input, failed documents still emitted, exit codes."""

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from extract.cli import app

SEED = Path(__file__).resolve().parent.parent / "corpus" / "txt" / "seed-huacao-tabs.txt"
runner = CliRunner()


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_folder_one_line_per_document_and_bad_files_fail_alone(tmp_path):
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "nested").mkdir()
    shutil.copy(SEED, tmp_path / "nested" / "again copy.txt")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    records = {Path(r["source"]["path"]).name: r for r in _lines(out.read_text(encoding="utf-8"))}
    assert set(records) == {"good.txt", "empty.txt", "binary.txt", "again copy.txt"}
    assert records["good.txt"]["status"] == "ok"
    assert records["again copy.txt"]["fields"] == records["good.txt"]["fields"]
    assert records["empty.txt"]["status"] == "failed"
    assert records["empty.txt"]["errors"][0]["code"] == "empty"
    assert records["binary.txt"]["errors"][0]["code"] == "not-a-document"


def test_extract_to_stdout_keeps_chinese_readable():
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0
    (record,) = _lines(result.stdout)
    assert record["schema_version"] == "1"
    assert record["fields"]["town"] == "上海市闵行区华漕镇人民政府"
    assert "华漕镇" in result.stdout


def test_unknown_encoding_and_unsupported_suffix(tmp_path):
    import random

    noise = bytes(random.Random(7).randrange(0x81, 0xFF) for _ in range(6000))
    (tmp_path / "noise.txt").write_bytes(noise)
    (tmp_path / "report.xls").write_bytes(b"whatever")
    result = runner.invoke(app, ["extract", str(tmp_path / "noise.txt"), str(tmp_path / "report.xls")])
    records = _lines(result.stdout)
    assert [r["status"] for r in records] == ["failed", "failed"]
    codes = [r["errors"][0]["code"] for r in records]
    assert codes[0] in {"not-a-document", "unknown-encoding"}
    assert codes[1] == "unsupported-format"
    assert result.exit_code == 1


def test_gb18030_file_reads_like_utf8(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    result = runner.invoke(app, ["extract", str(path)])
    (record,) = _lines(result.stdout)
    assert record["fields"]["project_name"].startswith("2024年华漕镇")


def test_missing_input_is_bad_usage(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2


def test_schema_is_json_schema_of_a_record():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert set(schema["properties"]) >= {"schema_version", "status", "errors", "source", "form", "fields",
                                         "checkboxes", "sections", "discrepancies", "provenance"}
    fields = schema["$defs"]["Fields"]["properties"]
    assert len(fields) == 18
