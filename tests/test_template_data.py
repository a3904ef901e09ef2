"""The shipped parsed templates (`parsers/forms/templates.json`) are the YAML files' own data,
recorded under their text's digest; a run with the templates as shipped imports no PyYAML; a
template whose text differs from its digest is read from its YAML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

from parsers import template_data
from parsers.forms import TEMPLATE_FILES, load_template
from schemas.errors import TemplateError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "txt" / "seed-huacao-tabs.txt"


def _text(name: str) -> str:
    return resources.files("parsers").joinpath("forms", name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", TEMPLATE_FILES)
def test_the_shipped_data_is_the_yamls(name: str) -> None:
    entry = json.loads(template_data.SHIPPED.read_text(encoding="utf-8"))[name]
    text = _text(name)
    assert entry["sha256"] == template_data.digest(text)
    assert json.dumps(entry["data"], sort_keys=True) == json.dumps(yaml.safe_load(text), sort_keys=True)
    assert template_data.template_data(name, text) == entry["data"]


def test_every_shipped_template_and_nothing_else() -> None:
    assert list(json.loads(template_data.SHIPPED.read_text(encoding="utf-8"))) == list(TEMPLATE_FILES)


def test_the_script_writes_the_shipped_file(tmp_path: Path) -> None:
    out = tmp_path / "templates.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_template_data.py"), "--out", str(out)],
                            capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.read_bytes() == template_data.SHIPPED.read_bytes()


def test_an_edited_template_is_read_from_its_yaml() -> None:
    text = _text("monitoring.yaml").replace("form: monitoring", "form: monitoring  # edited", 1)
    assert text != _text("monitoring.yaml")
    edited = template_data.template_data("monitoring.yaml", text)
    assert edited == yaml.safe_load(text) and edited is not template_data.template_data("monitoring.yaml",
                                                                                          _text("monitoring.yaml"))
    with pytest.raises(TemplateError, match="x.yaml"):
        template_data.template_data("x.yaml", "a: [1,")


def test_a_template_from_a_changed_yaml_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    # The shipped copy of monitoring.yaml no longer matches a changed text: the YAML is read.
    original = _text("monitoring.yaml")
    changed = original.replace("form: monitoring", "form: nonsense", 1)
    assert changed != original
    from parsers import forms

    class _Files:
        def joinpath(self, *parts: str) -> _Files:
            return self

        def read_text(self, encoding: str) -> str:
            return changed

    monkeypatch.setattr(forms.resources, "files", lambda package: _Files())
    with pytest.raises(TemplateError, match="nonsense"):
        load_template("monitoring.yaml")


def test_a_run_as_shipped_imports_no_yaml(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_bytes(SEED.read_bytes())
    code = ("import sys, json; from extract.cli_main import main\n"
            "sys.argv = ['jixiao', 'extract', 'one.txt', '-o', 'x.jsonl']\n"
            "try: main()\n"
            "except SystemExit as exc: code = exc.code\n"
            "print(json.dumps({'code': code, 'yaml': 'yaml' in sys.modules}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            check=False, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"code": 0, "yaml": False}
