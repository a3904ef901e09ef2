"""Batch throughput and memory: docs/s with 1 and 2 workers, peak RSS of the process tree.

Not a test: prints figures. Generates N tab-dialect documents (the shared seed with varied
town, figures and project year), runs `python -m extract batch` on them in a subprocess and
samples the RSS of the whole process tree (parent + forkserver + workers) from /proc every
50 ms. Usage: python benchmarks/batch_speed.py [--sizes 200 2000] [--workers 1 2]
(`benchmarks/speed.py` runs this memory measurement, the in-process engine throughput
and the per-format comparison with the libraries underneath; figures in BENCHMARKS.md.)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seeds" / "000_e4d372a10ec87f57.txt"
TOWNS = ["华漕镇", "七宝镇", "梅陇镇", "虹桥镇", "马桥镇", "吴泾镇", "浦江镇", "颛桥镇"]


def make_corpus(folder: Path, n: int) -> None:
    """N distinct documents (distinct bytes, so none is deduplicated)."""
    seed = SEED.read_text(encoding="utf-8")
    for i in range(n):
        text = seed.replace("华漕镇", TOWNS[i % len(TOWNS)]).replace("58.1万元", f"{50 + i % 40}.{i}万元")
        text = text.replace("56.875", f"{56 + i % 7}.875") + f"\n<p>编号 {i}</p>\n"
        (folder / f"doc-{i:05d}.txt").write_text(text, encoding="utf-8")


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kib(root: int) -> int:
    """Sum of VmRSS over `root` and all its descendants."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kib(pid)
        todo += _children(pid)
    return total


def run(folder: Path, outdir: Path, workers: int) -> tuple[float, int, int]:
    """(seconds, peak tree RSS KiB, exit code) of one batch run."""
    command = [sys.executable, "-m", "extract", "batch", str(folder), "-o", str(outdir),
               "--workers", str(workers), "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kib(proc.pid))
        time.sleep(0.05)
    return time.perf_counter() - started, peak, proc.returncode


def main() -> None:
    """Print one line per (size, workers)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    print(f"cpus={os.cpu_count()} python={sys.version.split()[0]}")
    print(f"{'docs':>6} {'workers':>7} {'seconds':>8} {'docs/s':>8} {'peak RSS MiB':>13} exit")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            make_corpus(folder, size)
            for workers in args.workers:
                seconds, peak, code = run(folder, Path(tmp) / f"out-{workers}", workers)
                print(f"{size:>6} {workers:>7} {seconds:>8.2f} {size / seconds:>8.1f} "
                      f"{peak / 1024:>13.1f} {code}", flush=True)


if __name__ == "__main__":
    main()
