"""A real Dask cluster for the engine tests: a scheduler and worker processes on 127.0.0.1.

Each is started in its own session (so the test can stop it and its nanny's children by
its process group id) with the dashboard off, and stopped when the fixture ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from batch_helpers import subprocess_env

STARTUP_SECONDS = 180  # a busy 2-core machine can take long to import dask


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


class DaskCluster:
    """`dask scheduler` + `dask worker` x n, loopback only."""

    def __init__(self, folder: Path, workers: int) -> None:
        self.folder = folder
        self.scheduler_file = folder / "scheduler.json"
        self.procs: list[subprocess.Popen] = []
        self.env = subprocess_env()
        self._start([_bin("dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                     "--no-dashboard", "--scheduler-file", str(self.scheduler_file)], "scheduler")
        self.address = self._wait_address()
        for number in range(workers):
            self.add_worker(number)

    def _start(self, command: list[str], name: str) -> subprocess.Popen:
        log = (self.folder / f"{name}.log").open("wb")
        proc = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.procs.append(proc)
        return proc

    def add_worker(self, number: int) -> None:
        self._start([_bin("dask"), "worker", self.address, "--host", "127.0.0.1",
                     "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                     "--death-timeout", "60"], f"worker-{number}")

    def _wait_address(self) -> str:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError, ValueError, KeyError):
                return json.loads(self.scheduler_file.read_text())["address"]
            assert self.procs[0].poll() is None, (self.folder / "scheduler.log").read_text()
            time.sleep(0.2)
        raise AssertionError("the Dask scheduler did not start")

    def client(self):
        from distributed import Client

        return Client(self.address, timeout=STARTUP_SECONDS, set_as_default=False)

    def wait_for_workers(self, n: int) -> None:
        with self.client() as client:
            client.wait_for_workers(n, timeout=STARTUP_SECONDS)

    def stop(self) -> None:
        for proc in reversed(self.procs):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
