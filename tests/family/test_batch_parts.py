"""A batch writes one line per form; resume knows a file of several forms as done."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extract.cli_batch import batch_command
from tests.conftest import CORPUS


def test_one_line_per_form_identity_and_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JIXIAO_BATCH_EXTRACTOR", raising=False)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / "self_evaluation" / "tabs_two_forms_yuan.txt", folder)
    shutil.copy(CORPUS / "txt" / "seed-huacao-tabs.txt", folder)
    outdir = tmp_path / "out"
    assert batch_command([folder], outdir, workers=1, timeout=60, quiet=True, config=None,
                         fail_on="never") == 0  # the seed has errors: the exit code is not the point here
    lines = (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    identity = [(r["source"]["sha256"], (r["source"].get("part") or {}).get("index")) for r in records]
    assert len(records) == 3 and len(set(identity)) == 3
    assert sorted(index for _, index in identity if index) == [1, 2]
    assert batch_command([folder], outdir, workers=1, timeout=60, quiet=True, config=None,
                         fail_on="never") == 0  # the seed has errors: the exit code is not the point here
    assert (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines() == lines
