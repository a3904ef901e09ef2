"""One hanging, crashing or buggy document is recorded as failed and the run goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.batch import run_batch
from extract.batch.progress import QuietReporter
from extract.settings import Limits, Settings

FAKE = "batch_fakes:fake_extract"


def _records(outdir: Path) -> dict[str, dict]:
    lines = (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return {Path(r["source"]["path"]).name: r for r in map(json.loads, lines)}


@pytest.fixture
def faulty_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["ok-1.txt", "hang-py.txt", "hang-c.txt", "crash.txt", "segv.txt", "boom.txt",
             "ok-2.txt", "ok-3.txt"]
    for number, name in enumerate(names):
        (folder / name).write_text(f"项目 {number} {name}\n", encoding="utf-8")
    return folder


def test_hangs_crashes_and_bugs_become_failed_records(faulty_folder: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    # The hangs sleep 120 s: a limit of several seconds still stops them, and leaves a busy
    # machine's worker start-up time to spare for the well-behaved documents.
    settings = Settings(limits=Limits(timeout_seconds=6.0))
    paths = sorted(faulty_folder.iterdir())
    stats = run_batch(paths, outdir, settings, workers=2, extractor=FAKE,
                      reporter=QuietReporter(), grace=2.0)
    records = _records(outdir)
    assert len(records) == len(paths) == stats.planned
    assert not stats.interrupted

    def codes(name: str) -> list[str]:
        return [e["code"] for e in records[name]["errors"]]

    for name in ("ok-1.txt", "ok-2.txt", "ok-3.txt"):
        assert records[name]["status"] == "ok"
    assert codes("hang-py.txt") == ["timeout"]  # ended in the worker by SIGALRM
    assert codes("hang-c.txt") == ["timeout"]  # killed by the parent
    assert "终止" in records["hang-c.txt"]["errors"][0]["message"]
    assert codes("crash.txt") == ["worker-crashed"]
    assert codes("segv.txt") == ["worker-crashed"]
    assert "SIGSEGV" in records["segv.txt"]["errors"][0]["message"]
    assert codes("boom.txt") == ["internal-error"]
    message = records["boom.txt"]["errors"][0]["message"]
    assert "boom happened" in message and "\n" not in message and "Traceback" not in message

    for record in records.values():
        assert record["jixiao_version"] and record["schema_version"] == "1"
        assert record["source"]["sha256"]  # parent-built records keep the hash: resume skips them
    log = (outdir / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ValueError: boom happened" in log
    assert "worker-crashed" in log and "timeout" in log

    # timeout and worker-crashed are not final: the next run reads them once more (and the
    # new record replaces the old); boom's internal-error is final.
    again = run_batch(paths, outdir, settings, workers=2, extractor=FAKE, reporter=QuietReporter(),
                      grace=1.0)
    assert again.planned == 4 and again.skipped == len(paths) - 4
    assert sorted(_records(outdir)) == sorted(p.name for p in paths)
    assert sum(1 for _ in (outdir / "records.jsonl").open(encoding="utf-8")) == len(paths)
    third = run_batch(paths, outdir, settings, workers=2, extractor=FAKE, reporter=QuietReporter())
    assert third.planned == 0 and third.skipped == len(paths)
    on_demand = run_batch(paths, outdir, settings, workers=2, extractor=FAKE,
                          reporter=QuietReporter(), grace=1.0, retry_failed=True)
    assert on_demand.planned == 5  # --retry-failed: every failed document, boom included
    assert sum(1 for _ in (outdir / "records.jsonl").open(encoding="utf-8")) == len(paths)
