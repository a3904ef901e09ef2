"""The batch without the Linux-only parts (spawn start method, the parent's deadline), the
OUTDIR lock, orphaned workers, unusable OUTDIRs, part files and record identity."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from batch_helpers import REPO, subprocess_env

from extract.batch import run_batch
from extract.batch.lock import LOCK_NAME, DirLock, LockBusyError
from extract.batch.parts import parts_dir, write_part
from extract.batch.pool import Outcome, Task
from extract.batch.progress import QuietReporter
from extract.batch.store import document_key, record_identity
from extract.settings import Limits, Settings

FAKE = "batch_fakes:fake_extract"


def _write(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(names):
        (folder / name).write_text(f"项目 {number} {name}\n", encoding="utf-8")
    return sorted(folder.iterdir())


def _records(outdir: Path) -> dict[str, dict]:
    lines = (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return {Path(r["source"]["path"]).name: r for r in map(json.loads, lines)}


def test_spawned_workers_with_the_parent_s_deadline(tmp_path: Path) -> None:
    paths = _write(tmp_path / "in", ["ok-1.txt", "hang-c.txt", "crash.txt", "ok-2.txt"])
    outdir = tmp_path / "out"
    stats = run_batch(paths, outdir, Settings(limits=Limits(timeout_seconds=1.0)), workers=2,
                      extractor=FAKE, reporter=QuietReporter(), grace=1.0, start_method="spawn")
    records = _records(outdir)
    assert stats.planned == len(records) == 4
    assert records["ok-1.txt"]["status"] == records["ok-2.txt"]["status"] == "ok"
    assert [e["code"] for e in records["hang-c.txt"]["errors"]] == ["timeout"]  # parent's kill
    assert [e["code"] for e in records["crash.txt"]["errors"]] == ["worker-crashed"]
    assert not (outdir / LOCK_NAME).exists()  # the lock does not outlive its run


def test_the_lock_is_held_then_gone(tmp_path: Path) -> None:
    lock = DirLock(tmp_path).acquire()
    try:
        try:
            DirLock(tmp_path).acquire()
        except LockBusyError:
            pass
        else:
            raise AssertionError("a second holder got the lock")
    finally:
        lock.release()
    assert not (tmp_path / LOCK_NAME).exists()
    DirLock(tmp_path).acquire().release()  # free again


def _live_in_group(pgid: int) -> list[int]:
    live = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            live.append(int(entry.name))
    return live


def test_orphaned_workers_exit_quietly_when_the_parent_is_killed(tmp_path: Path) -> None:
    names = ["0-slow-a.txt", "0-slow-b.txt"] + [f"1-hang-py-{n}.txt" for n in range(4)]
    folder, outdir = tmp_path / "in", tmp_path / "out"
    _write(folder, names)
    proc = subprocess.Popen([sys.executable, "-m", "extract", "batch", str(folder), "-o",
                             str(outdir), "--workers", "2", "--timeout", "300"],
                            cwd=REPO, env=subprocess_env(FAKE), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    records = outdir / "records.jsonl"
    deadline = time.monotonic() + 300
    while not (records.exists() and records.read_bytes().count(b"\n") >= 2):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers are now hanging orphans
    proc.wait()
    deadline = time.monotonic() + 120  # far less than the documents' 300 s
    while _live_in_group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _live_in_group(proc.pid) == []
    _, err = proc.communicate(timeout=30)
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_an_outdir_that_cannot_be_made_is_one_message_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder, ["ok.txt"])
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = subprocess.run(check=False, args=[sys.executable, "-m", "extract", "batch", str(folder), "-o",
                           str(blocker / "out")], cwd=REPO, env=subprocess_env(FAKE),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_records_that_cannot_be_written_are_one_message_and_exit_74(tmp_path: Path) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    _write(folder, ["ok.txt"])
    (outdir / "records.jsonl").mkdir(parents=True)  # in the way of the record file
    done = subprocess.run(check=False, args=[sys.executable, "-m", "extract", "batch", str(folder), "-o",
                           str(outdir)], cwd=REPO, env=subprocess_env(FAKE),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 74
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (outdir / LOCK_NAME).exists()


def _outcome(task: Task, part: object) -> Outcome:
    record = {"status": "ok", "errors": [], "source": {"path": task.path, "sha256": task.sha256,
                                                      "part": {"index": part}}}
    return Outcome(task, json.dumps(record, ensure_ascii=False), "ok", [], 0.0, None, part)


def test_parts_left_by_a_stopped_run_are_taken_in_once(tmp_path: Path) -> None:
    paths = _write(tmp_path / "in", ["ok-1.txt", "ok-2.txt", "ok-3.txt"])
    outdir = tmp_path / "out"
    import hashlib

    sha = hashlib.sha256(paths[0].read_bytes()).hexdigest()
    task = Task(0, str(paths[0]), sha)
    # A file with two forms; the part was written twice (a shard run again), kept once.
    write_part(outdir, "left", [_outcome(task, 1), _outcome(task, 2)])
    write_part(outdir, "left-again", [_outcome(task, 1), _outcome(task, 2)])
    stats = run_batch(paths, outdir, Settings(), workers=1, extractor=FAKE,
                      reporter=QuietReporter())
    assert stats.skipped == 1 and stats.planned == 2  # resume counts the part's document
    lines = [json.loads(x) for x in (outdir / "records.jsonl").read_text().splitlines()]
    identities = [record_identity(r) for r in lines]
    assert len(lines) == 4 and len(set(identities)) == 4
    assert (document_key(sha, str(paths[0])), 2) in identities
    assert not parts_dir(outdir).exists()


def test_identity_without_part_is_index_one() -> None:
    record = {"source": {"path": "a.txt", "sha256": "ab"}}
    assert record_identity(record)[1] == 1
    assert record_identity({"source": {"path": "a.txt", "sha256": "ab", "part": 3}})[1] == 3
