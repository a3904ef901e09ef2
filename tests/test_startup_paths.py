"""What one `jixiao` run loads: `--version` no parser nor pipeline, one monitoring text file
no other form's field model, `schemas.limits` not the whole package. Checked in a fresh
interpreter by what it imported and built, never by how long it took."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli_main import is_version_request
from schemas.record import Record

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "txt" / "seed-huacao-tabs.txt"


def _run(code: str, cwd: Path) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                            check=False, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _after_extracting_the_seed(probe: str, cwd: Path) -> dict[str, object]:
    """`probe`'s printed JSON, run in the interpreter that has just run `jixiao extract` on the
    seed text file (its exit code in `code`)."""
    (cwd / "one.txt").write_bytes(SEED.read_bytes())
    return _run("import sys, json; from extract.cli_main import main\n"
                "sys.argv = ['jixiao', 'extract', 'one.txt', '-o', 'x.jsonl']\n"
                "try: main()\n"
                "except SystemExit as exc: code = exc.code\n" + probe, cwd)


@pytest.mark.parametrize("args", [["--version"], ["extract", "--version"], ["schema", "--version"]])
def test_version_is_answered_without_the_parser(args: list[str], tmp_path: Path) -> None:
    code = ("import sys, io, json, contextlib; from extract.cli_main import main\n"
            f"sys.argv = ['jixiao', *{args!r}]; out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try: main()\n"
            "    except SystemExit as exc: code = exc.code\n"
            "print(json.dumps({'out': out.getvalue(), 'code': code,"
            " 'loaded': [m for m in ('typer', 'click', 'pydantic', 'schemas', 'extract.pipeline') if m in sys.modules]}))")
    found = _run(code, tmp_path)
    assert found["code"] == 0 and str(found["out"]).startswith("jixiao ") and found["loaded"] == []


def test_other_arguments_go_to_the_command_line() -> None:
    assert not is_version_request(["extract", "-o", "--version"])  # an output file named --version
    assert not is_version_request(["extract", "a.txt", "--version"])
    assert not is_version_request(["--version", "extract"])
    assert is_version_request(["batch", "--version"])


def test_a_monitoring_file_builds_no_other_forms_model(tmp_path: Path) -> None:
    code = ("from schemas.forms import FIELDS_MODELS\n"
            "from parsers.readers.text_labels import vocabulary\n"
            "print(json.dumps({'code': code, 'built': [k for k, m in FIELDS_MODELS.items() if m.__pydantic_complete__],"
            " 'compiled': vocabulary().scanner._pattern is not None}))")
    found = _after_extracting_the_seed(code, tmp_path)
    assert found["code"] == 0 and found["built"] == ["monitoring"] and found["compiled"] is False
    record = json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert record["form"]["type"] == "monitoring" and record["fields"]["project_name"]


def test_importing_the_limits_builds_no_record(tmp_path: Path) -> None:
    found = _run("import sys, json, schemas.limits; print(json.dumps("
                 "[m for m in ('schemas.record', 'schemas.document') if m in sys.modules]))", tmp_path)
    assert found == []


def test_the_record_schema_still_offers_every_forms_fields() -> None:
    schema = Record.model_json_schema()
    refs = [choice["$ref"] for choice in schema["properties"]["fields"]["anyOf"]]
    assert refs == ["#/$defs/Fields", "#/$defs/SelfEvaluationFields", "#/$defs/TargetDeclarationFields",
                    "#/$defs/ExecutionMonitoringFields"]
    assert schema["title"] == "Record" and schema["description"] == "Everything jixiao knows about one document."


def test_a_record_of_another_form_reads_back_with_its_model() -> None:
    record = Record.model_validate({"status": "partial", "source": {"path": "a.txt"},
                                    "form": {"type": "target_declaration"}, "fields": {"project_name": "x"}})
    assert type(record.fields).__name__ == "TargetDeclarationFields"
    again = Record.model_validate_json(record.model_dump_json())
    assert again == record and again.model_dump()["fields"]["project_name"] == "x"
    with pytest.raises(ValueError, match="field model"):
        Record(status="ok", source={"path": "a.txt"}, fields=record.source)  # type: ignore[arg-type]


def test_a_monitoring_text_file_compiles_no_pattern_it_does_not_use(tmp_path: Path) -> None:
    code = ("from parsers.lazy_pattern import LazyPattern\n"
            "from parsers.readers import text_markdown\n"
            "from parsers.fields import target\n"
            "from extract.checks import scores\n"
            "lazy = [(m.__name__, k) for m in (text_markdown, target) for k, v in vars(m).items()"
            " if isinstance(v, LazyPattern) and v._compiled is not None]\n"
            "print(json.dumps({'code': code, 'lazy': lazy, 'options': scores.GradeOptions.__pydantic_complete__}))")
    found = _after_extracting_the_seed(code, tmp_path)
    assert found == {"code": 0, "lazy": [], "options": False}


def test_a_lazy_pattern_matches_as_its_compiled_pattern() -> None:
    import regex

    from parsers.lazy_pattern import LazyPattern

    source, flags = r"(?<=\d)\s*(\p{Han}+)", regex.IGNORECASE
    lazy, compiled = LazyPattern(source, flags), regex.compile(source, flags)
    text = "12 万元 3亿元 x"
    assert lazy._compiled is None and lazy.pattern == source
    assert lazy.search(text).group(1) == compiled.search(text).group(1) == "万元"  # type: ignore[union-attr]
    assert lazy.findall(text) == compiled.findall(text) == ["万元", "亿元"]
    assert lazy.sub("", text) == compiled.sub("", text) == "12 3 x"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.match(text) is None and lazy.split(text) == compiled.split(text)
    assert lazy.compiled.flags == compiled.flags and lazy.compiled is lazy.compiled


def test_a_tab_separated_text_file_loads_no_html_walker_yaml_nor_zhconv(tmp_path: Path) -> None:
    code = ("print(json.dumps({'code': code, 'loaded': [m for m in ('html.parser', 'parsers.readers.html_grid',"
            " 'yaml', 'zhconv') if m in sys.modules]}))")
    found = _after_extracting_the_seed(code, tmp_path)
    assert found == {"code": 0, "loaded": []}


def test_the_program_freezes_its_imports_and_leaves_the_collector_on(tmp_path: Path) -> None:
    code = ("import gc\n"
            "print(json.dumps({'code': code, 'enabled': gc.isenabled(), 'frozen': gc.get_freeze_count()}))")
    found = _after_extracting_the_seed(code, tmp_path)
    assert found["code"] == 0 and found["enabled"] is True and int(str(found["frozen"])) > 10_000


def test_a_command_run_in_process_leaves_the_collector_alone(tmp_path: Path) -> None:
    code = ("import gc, sys, json\n"
            "from extract.startup import command_imports\n"
            "with command_imports():\n"
            "    enabled_inside = gc.isenabled()\n"
            "    from extract import runner\n"
            "print(json.dumps({'inside': enabled_inside, 'enabled': gc.isenabled(), 'frozen': gc.get_freeze_count()}))")
    assert _run(code, tmp_path) == {"inside": True, "enabled": True, "frozen": 0}


@pytest.mark.parametrize("args", [["extract", "--help"], ["check", "--help"], ["batch", "--help"], ["load", "--help"],
                                  ["schema", "--help"], ["extract"], ["batch", "x.txt"], ["check", "--format", "xml", "x"],
                                  ["schema", "--sql", "nope"], ["extract", "--nope"]])
def test_one_commands_app_answers_as_the_whole_app(args: list[str]) -> None:
    from typer.testing import CliRunner

    from extract.cli import app, app_for

    single = app_for(args)
    assert single is not app and [c.callback for c in single.registered_commands] == \
        [c.callback for c in app.registered_commands if c.callback and c.callback.__name__ == args[0]]
    runner = CliRunner()
    whole, one = runner.invoke(app, args, env={"COLUMNS": "120"}), runner.invoke(single, args, env={"COLUMNS": "120"})
    assert (one.exit_code, one.stdout, one.stderr) == (whole.exit_code, whole.stdout, whole.stderr)
    assert whole.exit_code != 0 or "Usage: " in whole.stdout


@pytest.mark.parametrize("args", [[], ["--help"], ["nope"], ["--version"], ["-o", "extract"]])
def test_arguments_naming_no_command_get_the_whole_app(args: list[str]) -> None:
    from extract.cli import app, app_for

    assert app_for(args) is app


def test_the_program_runs_one_command_as_before(tmp_path: Path) -> None:
    found = _after_extracting_the_seed("print(json.dumps({'code': code}))", tmp_path)
    assert found == {"code": 0}
    record = json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert record["status"] == "ok" and len(record["discrepancies"]) == 8
