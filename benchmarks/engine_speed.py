"""Engine throughput: one batch on the local pool and on Dask with one and two workers.

Not a test: prints figures (BENCHMARKS.md keeps them). Generates N distinct tab-dialect
documents (as `batch_speed.py` does), then reads them into a fresh OUTDIR with
`extract.batch.run_batch`: on the local pool with 1 and 2 workers, and on a Dask cluster
started here on 127.0.0.1 (scheduler + 1 or 2 `dask worker` processes, dashboard off, one
thread each, each handing its shards to a one-process jixiao pool). The per-document
overhead of the engine is (Dask, 1 worker) minus (local, 1 worker), per document.
Usage: python benchmarks/engine_speed.py [--docs 2000] [--shard-size 16]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import batch_speed
from batch_speed import make_corpus

from extract.batch import run_batch
from extract.batch.pool import DEFAULT_EXTRACTOR
from extract.batch.progress import QuietReporter
from extract.settings import load_settings


class Cluster:
    """A loopback Dask cluster with `workers` single-threaded worker processes."""

    def __init__(self, folder: Path, workers: int) -> None:
        self.procs: list[subprocess.Popen] = []
        dask = str(Path(sys.executable).with_name("dask"))
        env = dict(os.environ, PYTHONPATH=str(REPO))
        sched = folder / f"scheduler-{workers}.json"
        self._start([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(sched)], env)
        while not sched.exists():
            time.sleep(0.2)
        time.sleep(0.5)
        self.address = json.loads(sched.read_text())["address"]
        for _ in range(workers):
            self._start([dask, "worker", self.address, "--host", "127.0.0.1", "--nworkers", "1",
                         "--nthreads", "1", "--no-dashboard"], env)
        from distributed import Client

        with Client(self.address, timeout=120) as client:
            client.wait_for_workers(workers, timeout=300)

    def _start(self, command: list[str], env: dict[str, str]) -> None:
        self.procs.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, start_new_session=True))

    def stop(self) -> None:
        for proc in reversed(self.procs):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            proc.wait(timeout=60)


def _run(docs: list[Path], outdir: Path, **engine: object) -> float:
    settings = load_settings(None)
    stats = run_batch(docs, outdir, settings, extractor=DEFAULT_EXTRACTOR,
                      reporter=QuietReporter(), **engine)  # type: ignore[arg-type]
    assert stats.planned == len(docs) and sum(stats.statuses.values()) == len(docs)
    return stats.wall_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--shard-size", type=int, default=16)
    args = parser.parse_args()
    import distributed

    if not batch_speed.SEED.exists():  # a checkout without shared/ beside it: the corpus copy
        batch_speed.SEED = REPO / "corpus" / "txt" / "seed-huacao-tabs.txt"

    print(f"python {platform.python_version()}, distributed {distributed.__version__}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        make_corpus(root / "in", args.docs)
        docs = sorted((root / "in").iterdir())
        walls: dict[str, float] = {}
        for workers in (1, 2):
            walls[f"local pool, {workers} worker(s)"] = _run(
                docs, root / f"local-{workers}", workers=workers)
        for workers in (1, 2):
            cluster = Cluster(root, workers)
            try:
                walls[f"dask, {workers} worker(s)"] = _run(
                    docs, root / f"dask-{workers}", workers=1, engine="dask",
                    address=cluster.address, shard_size=args.shard_size)
            finally:
                cluster.stop()
        print(f"{args.docs} documents, shard size {args.shard_size}")
        for name, wall in walls.items():
            print(f"  {name:26s} {wall:7.1f} s  {args.docs / wall:7.1f} docs/s")
        one, two = walls["dask, 1 worker(s)"], walls["dask, 2 worker(s)"]
        overhead = (one - walls["local pool, 1 worker(s)"]) / args.docs * 1000
        print(f"  dask speed-up, 2 workers over 1: {one / two:.2f}x")
        print(f"  dask overhead per document (1 worker vs local 1 worker): {overhead:.2f} ms")
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
