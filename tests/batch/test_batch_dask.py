"""`jixiao batch --engine dask` on a real cluster (scheduler + two workers on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from batch_helpers import REPO, subprocess_env
from cluster_helpers import DaskCluster

FAKE = "batch_fakes:fake_extract"
RUN_SECONDS = 600


@pytest.fixture
def cluster(tmp_path: Path):
    folder = tmp_path / "cluster"
    folder.mkdir()
    running = DaskCluster(folder, workers=2)
    try:
        running.wait_for_workers(2)
        yield running
    finally:
        running.stop()


def _batch(folder: Path, outdir: Path, address: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extract", "batch", str(folder), "-o", str(outdir), "--quiet",
            "--engine", "dask", "--address", address, "--workers", "1", *extra]


def _records(outdir: Path) -> list[dict]:
    lines = (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _names(records: list[dict]) -> Counter[str]:
    return Counter(Path(r["source"]["path"]).name for r in records)


def test_a_killed_worker_leaves_exactly_one_record_per_document(cluster: DaskCluster,
                                                                tmp_path: Path) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    names = [f"slow-{n:02d}.txt" for n in range(40)]
    for number, name in enumerate(names):
        (folder / name).write_text(f"项目 {number}\n", encoding="utf-8")
    proc = subprocess.Popen(_batch(folder, outdir, cluster.address, "--shard-size", "4"),
                            cwd=REPO, env=subprocess_env(FAKE), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        with cluster.client() as client:
            victim = None
            deadline = time.monotonic() + RUN_SECONDS
            while victim is None and time.monotonic() < deadline:
                assert proc.poll() is None, proc.communicate()
                busy = [w for w, tasks in client.processing().items() if tasks]
                records = outdir / "records.jsonl"
                started = records.exists() and records.stat().st_size > 0
                if busy and started:
                    victim = client.run(os.getpid, workers=busy[:1])[busy[0]]
                time.sleep(0.1)
            assert victim is not None, "no worker ever ran a shard"
            done_before = len(_records(outdir))
            os.kill(victim, signal.SIGKILL)  # its nanny starts a new one; its shards run again
        _, err = proc.communicate(timeout=RUN_SECONDS)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert done_before < len(names)  # the kill came mid-run
    assert proc.returncode == 0, err.decode()
    assert b"Traceback" not in err
    records = _records(outdir)
    assert _names(records) == Counter(names)  # exactly one each
    assert {r["status"] for r in records} == {"ok"}
    assert not (outdir / ".jixiao-parts").exists()  # every part taken in and removed
    assert not (outdir / ".jixiao-batch.lock").exists()


def test_hang_and_crash_in_a_shard_keep_the_shard_s_good_documents(cluster: DaskCluster,
                                                                   tmp_path: Path) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    names = ["a-ok.txt", "b-hang-py.txt", "c-ok.txt", "d-crash.txt", "e-ok.txt", "f-hang-c.txt",
             "g-ok.txt"]
    for number, name in enumerate(names):
        (folder / name).write_text(f"项目 {number}\n", encoding="utf-8")
    done = subprocess.run(check=False, args=_batch(folder, outdir, cluster.address, "--shard-size", "16",
                                 "--timeout", "2"),
                          cwd=REPO, env=subprocess_env(FAKE), capture_output=True, text=True,
                          timeout=RUN_SECONDS)
    assert done.returncode == 1, done.stderr  # some documents failed
    assert "Traceback" not in done.stderr
    records = {Path(r["source"]["path"]).name: r for r in _records(outdir)}
    assert sorted(records) == names
    codes = {name: [e["code"] for e in r["errors"]] for name, r in records.items()}
    assert codes["b-hang-py.txt"] == ["timeout"]
    assert codes["f-hang-c.txt"] == ["timeout"]
    assert codes["d-crash.txt"] == ["worker-crashed"]
    for name in ("a-ok.txt", "c-ok.txt", "e-ok.txt", "g-ok.txt"):
        assert records[name]["status"] == "ok"

    # Resume on one machine: the timeout and worker-crashed documents are read once more.
    local = subprocess.run(check=False, args=[sys.executable, "-m", "extract", "batch", str(folder), "-o",
                            str(outdir), "--quiet", "--timeout", "2", "--workers", "1"],
                           cwd=REPO, env=subprocess_env(FAKE), capture_output=True, text=True,
                           timeout=RUN_SECONDS)
    summary = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    assert summary["run"]["skipped_already_recorded"] == 4, local.stderr
    assert _names(_records(outdir)) == Counter(names)
