"""A batch killed with SIGKILL or SIGTERM keeps its records; a restart completes the set."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from batch_helpers import REPO, subprocess_env

from extract.batch.store import RecordStore, iter_records, document_key

N_DOCS = 24
FAKE = "batch_fakes:fake_extract"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(N_DOCS):
        (folder / f"slow-{number:02d}.txt").write_text(f"项目 {number}\n", encoding="utf-8")
    return folder


def _start(folder: Path, outdir: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "extract", "batch", str(folder), "-o", str(outdir),
               "--workers", "1"]
    return subprocess.Popen(command, cwd=REPO, env=subprocess_env(FAKE), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_lines(outdir: Path, proc: subprocess.Popen, minimum: int) -> None:
    records = outdir / "records.jsonl"
    for _ in range(600):
        if records.exists() and records.read_bytes().count(b"\n") >= minimum:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the batch never wrote records")


def _lines(outdir: Path) -> list[dict]:
    data = (outdir / "records.jsonl").read_bytes()
    assert data.endswith(b"\n")
    return [json.loads(line) for line in data.splitlines()]


def test_kill_9_then_restart_gives_one_record_per_document(tmp_path: Path) -> None:
    folder, outdir = _folder(tmp_path), tmp_path / "out"
    proc = _start(folder, outdir)
    _wait_for_lines(outdir, proc, 4)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: parent, forkserver, workers
    proc.wait()
    kept = _lines(outdir)  # every line written before the kill parses
    assert 4 <= len(kept) < N_DOCS

    finish = subprocess.run(
        [sys.executable, "-m", "extract", "batch", str(folder), "-o", str(outdir), "--quiet"],
        cwd=REPO, env=subprocess_env(FAKE), capture_output=True, text=True, timeout=300,
    )
    assert finish.returncode == 0, finish.stderr
    records = _lines(outdir)
    assert len(records) == N_DOCS
    assert len({r["source"]["sha256"] for r in records}) == N_DOCS
    assert records[: len(kept)] == kept  # nothing before the kill was rewritten
    summary = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    assert summary["run"]["skipped_already_recorded"] == len(kept)


def test_sigterm_stops_cleanly_with_exit_130(tmp_path: Path) -> None:
    folder, outdir = _folder(tmp_path), tmp_path / "out"
    proc = _start(folder, outdir)
    _wait_for_lines(outdir, proc, 2)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()
    assert len(_lines(outdir)) < N_DOCS


def test_a_torn_last_line_is_cut_before_appending(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    outdir.mkdir()
    good = json.dumps({"status": "ok", "source": {"path": "a.txt", "sha256": "aa"}})
    (outdir / "records.jsonl").write_text(good + "\n" + '{"status": "ok", "sour', encoding="utf-8")
    with RecordStore(outdir) as store:
        assert store.repaired_bytes == len('{"status": "ok", "sour')
        assert document_key("aa", "a.txt") in store
        store.append(json.dumps({"status": "ok", "source": {"path": "b.txt", "sha256": "bb"}}), document_key("bb", "b.txt"))
    assert [r["source"]["path"] for _, r in iter_records(outdir / "records.jsonl")] == ["a.txt", "b.txt"]
