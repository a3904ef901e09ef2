"""Benchmark: how long a 3,000-document report.html takes to open in headless Chromium.

    python benchmarks/report_open.py [--documents 3000] [--runs 3]

Writes a records.jsonl of N documents (`benchmarks/report_data.py`: copies of the seed form,
one in ten failed), builds report.html from it, then opens it in headless Chromium with
`--dump-dom` (load, parse, the page's script run, the DOM serialised) and prints the wall
time of each run, the median, the page size, and the target (< 3 s). A figure, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.report_data import write_records  # noqa: E402
from extract.outputs.index import build_index  # noqa: E402
from extract.outputs.report_html import write_report  # noqa: E402

TARGET_SECONDS = 3.0


def open_seconds(browser: str, page: Path, profile: Path) -> tuple[float, str]:
    """Wall time of one headless load of `page` (with its script run) and the DOM it gave."""
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri()]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    return time.perf_counter() - started, result.stdout


def blank_seconds(browser: str, folder: Path) -> float:
    """The browser's own start-up: the same load of an empty page."""
    blank = folder / "blank.html"
    blank.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    return open_seconds(browser, blank, folder / "profile-blank")[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        print("chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_records(folder, args.documents)
        started = time.perf_counter()
        write_report(build_index(folder), {"jixiao_version": "benchmark", "schema_version": "1"})
        build = time.perf_counter() - started
        page = folder / "report.html"
        size = page.stat().st_size
        times = []
        dom = ""
        for run in range(args.runs):
            seconds, dom = open_seconds(browser, page, folder / f"profile-{run}")
            times.append(seconds)
        blank = blank_seconds(browser, folder)
    failed_rows = dom.count('class="failed-doc"')
    median = statistics.median(times)
    load = os.getloadavg()[0]
    print(f"report.html of {args.documents} documents: {size / 1e6:.1f} MB, built in {build:.2f} s")
    print(f"headless Chromium open (load + script + DOM dump), s: "
          f"{', '.join(f'{t:.2f}' for t in times)}; median {median:.2f}; empty page {blank:.2f}")
    print(f"failed documents listed: {failed_rows} of {args.documents // 10}")
    print(f"target < {TARGET_SECONDS:g} s: {'met' if median < TARGET_SECONDS else 'NOT met'} "
          f"(load average {load:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
