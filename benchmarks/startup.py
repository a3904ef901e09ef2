"""Benchmark: start-up of the command line, in CPU time, with the dependency versions it ran with.

    python benchmarks/startup.py [--python PATH] [--runs 9]

Runs, each `--runs` times in a fresh subprocess of the given interpreter (default: this one;
point it at a fresh install's `bin/python` to measure what a new user gets):

* `jixiao --version`
* `jixiao extract one.txt -o x.jsonl` (one small text report, the seed form)
* `python -c pass` (the interpreter's own start-up, for reference)

and prints, per command, the CPU time (user + system, from `getrusage` of the finished
child: it does not grow with other processes' load the way wall time does) as minimum and
median, and the wall-time median. Then the time `-X importtime` gives each top-level package
during the extract run (self time summed, inflated by the measurement itself: a ranking, not
a figure), the versions of jixiao's dependencies that ran, the machine, and the target
(extract <= 0.3 s CPU). A figure, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "txt" / "seed-huacao-tabs.txt"
TARGET_CPU_SECONDS = 0.3
DEPENDENCIES = ("pydantic", "pydantic-core", "typer", "click", "rich", "regex", "PyYAML",
                "charset-normalizer", "pdfplumber", "pdfminer.six", "python-docx", "lxml",
                "defusedxml", "openpyxl", "pyarrow", "duckdb", "zhconv", "setuptools")
VERSIONS = ("import importlib.metadata as m, sys\n"
            "for name in sys.argv[1:]:\n"
            "    try: print(name, m.version(name))\n"
            "    except m.PackageNotFoundError: print(name, '(not installed)')\n")


def run_once(command: list[str], cwd: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of `command`; raises if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}: {result.stderr[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def measure(command: list[str], cwd: Path, runs: int) -> tuple[float, float, float]:
    """(min CPU, median CPU, median wall) over `runs` runs, after one warm-up run."""
    run_once(command, cwd)  # warm the page cache and the bytecode cache
    samples = [run_once(command, cwd) for _ in range(runs)]
    cpus = [cpu for cpu, _ in samples]
    return min(cpus), statistics.median(cpus), statistics.median(wall for _, wall in samples)


def import_ranking(python: str, jixiao: list[str], cwd: Path, top: int = 12) -> list[tuple[str, float]]:
    """Top-level packages by summed `-X importtime` self time (ms) during one extract run."""
    code = ("import sys; from extract.cli_main import main; "
            "sys.argv = ['jixiao', 'extract', 'one.txt', '-o', 'x.jsonl']; main()")
    result = subprocess.run([python, "-X", "importtime", "-c", code], cwd=cwd, capture_output=True,
                            text=True, check=False)
    totals: Counter[str] = Counter()
    for line in result.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if found:
            totals[found.group(2).split(".")[0]] += int(found.group(1)) / 1000
    return totals.most_common(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter of the install to measure")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    python = args.python
    script = Path(python).with_name("jixiao")
    jixiao = [str(script)] if script.exists() else [python, "-m", "extract"]
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(SEED, folder / "one.txt")
        rows = [
            ("python -c pass", [python, "-c", "pass"]),
            ("jixiao --version", [*jixiao, "--version"]),
            ("jixiao extract one.txt -o x.jsonl", [*jixiao, "extract", "one.txt", "-o", "x.jsonl"]),
        ]
        figures = {label: measure(command, folder, args.runs) for label, command in rows}
        ranking = import_ranking(python, jixiao, folder)
    versions = subprocess.run([python, "-c", VERSIONS, *DEPENDENCIES], capture_output=True, text=True,
                              check=True).stdout.split("\n")
    python_version = subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                                    capture_output=True, text=True, check=True).stdout.strip()
    print(f"start-up, {args.runs} runs each ({' '.join(jixiao)}):")
    print(f"  {'command':38} {'CPU min':>8} {'CPU med':>8} {'wall med':>9}")
    for label, (low, mid, wall) in figures.items():
        print(f"  {label:38} {low:8.3f} {mid:8.3f} {wall:9.3f}")
    print("import time by top-level package during the extract run (ms, -X importtime self time):")
    print("  " + ", ".join(f"{name} {ms:.0f}" for name, ms in ranking))
    print(f"Python {python_version}; " + "; ".join(v for v in versions if v))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; load average "
          f"{load_start:.2f} at start, {os.getloadavg()[0]:.2f} at end")
    extract_cpu = figures["jixiao extract one.txt -o x.jsonl"][0]
    print(f"target jixiao extract <= {TARGET_CPU_SECONDS:g} s CPU: "
          f"{'met' if extract_cpu <= TARGET_CPU_SECONDS else 'NOT met'} ({extract_cpu:.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
