"""`jixiao batch --engine ray` on a real one-node Ray cluster on 127.0.0.1 (where ray is installed)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("ray")

from batch_helpers import REPO, subprocess_env

FAKE = "batch_fakes:fake_extract"
RUN_SECONDS = 600


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def ray_address(tmp_path: Path):
    port = _free_port()
    log = (tmp_path / "ray.log").open("wb")
    command = [str(Path(sys.executable).with_name("ray")), "start", "--head", "--block",
               "--node-ip-address", "127.0.0.1", "--port", str(port), "--num-cpus", "2",
               "--include-dashboard=false", "--disable-usage-stats"]
    proc = subprocess.Popen(command, env=subprocess_env(), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def test_hang_and_crash_on_ray_keep_the_shard_s_good_documents(ray_address: str,
                                                               tmp_path: Path) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    names = ["a-ok.txt", "b-hang-py.txt", "c-crash.txt", "d-ok.txt", "e-hang-c.txt", "f-ok.txt"]
    for number, name in enumerate(names):
        (folder / name).write_text(f"项目 {number}\n", encoding="utf-8")
    done = subprocess.run(check=False, args=[
        sys.executable, "-m", "extract", "batch", str(folder), "-o", str(outdir), "--quiet",
        "--engine", "ray", "--address", ray_address, "--workers", "1", "--timeout", "2"],
        cwd=REPO, env=subprocess_env(FAKE), capture_output=True, text=True, timeout=RUN_SECONDS)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()
    records = {Path(r["source"]["path"]).name: r for r in map(json.loads, lines)}
    assert sorted(records) == names and len(lines) == len(names)
    codes = {name: [e["code"] for e in r["errors"]] for name, r in records.items()}
    assert codes["b-hang-py.txt"] == codes["e-hang-c.txt"] == ["timeout"]
    assert codes["c-crash.txt"] == ["worker-crashed"]
    assert all(records[n]["status"] == "ok" for n in ("a-ok.txt", "d-ok.txt", "f-ok.txt"))
