"""Benchmark: how long a 3,000-document report.html takes to open in headless Chromium.

    python benchmarks/report_open.py [--documents 3000] [--runs 3]

Writes a records.jsonl of N documents (`benchmarks/report_data.py`: copies of the seed form,
one in ten failed), builds report.html from it, then opens it in headless Chromium with
`--dump-dom`. Two figures per run: the *open time* the page itself measures (a copy of the
page with one line added before `</body>`, run after the page's own script: milliseconds
from navigation start, layout forced, so the file read, the HTML parse, the JSON parse and
the first page of documents rendered and laid out), and the wall time of the whole browser
process (start-up, open, DOM dump, exit), beside the same for an empty page. Prints the
median of each, the page size, how many failed documents the rendered DOM lists, and the
target (open < 3 s). A figure, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.report_data import write_records
from extract.outputs.index import build_index
from extract.outputs.report_html import write_report

TARGET_SECONDS = 3.0


TIMING = ('<script>document.documentElement.setAttribute("data-open-ms", '
          "String(document.body.offsetHeight && performance.now()));</script>")


def timed_copy(page: Path) -> Path:
    """A copy of `page` that records, after its own script ran, when it was ready."""
    text = page.read_text(encoding="utf-8")
    copy = page.with_name("report-timed.html")
    copy.write_text(text.replace("</body>", TIMING + "</body>"), encoding="utf-8")
    return copy


def open_seconds(browser: str, page: Path, profile: Path) -> tuple[float, str]:
    """Wall time of one headless browser process loading `page`, and the DOM it gave."""
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
        timed = timed_copy(page)
        times: list[float] = []
        opens: list[float] = []
        blanks: list[float] = []
        dom = ""
        for run in range(args.runs):
            seconds, dom = open_seconds(browser, timed, folder / f"profile-{run}")
            times.append(seconds)
            found = re.search(r'data-open-ms="([0-9.]+)"', dom)
            if found is None:
                print("the page's script did not finish (no data-open-ms in the DOM)", file=sys.stderr)
                return 1
            opens.append(float(found.group(1)) / 1000)
            blanks.append(blank_seconds(browser, folder))
    failed_rows = dom.count('class="failed-doc"')
    rendered = dom.count('<section class="doc')
    median = statistics.median(opens)
    load = os.getloadavg()[0]
    print(f"report.html of {args.documents} documents: {size / 1e6:.1f} MB, built in {build:.2f} s")
    print(f"open in headless Chromium (navigation start to first page rendered and laid out), s: "
          f"{', '.join(f'{t:.2f}' for t in opens)}; median {median:.2f}")
    print(f"whole browser process (start, open, DOM dump, exit), s: {', '.join(f'{t:.2f}' for t in times)}; "
          f"median {statistics.median(times):.2f}; the same for an empty page {statistics.median(blanks):.2f}")
    print(f"failed documents listed: {failed_rows} of {args.documents // 10}; document cards rendered: {rendered}")
    print(f"target open < {TARGET_SECONDS:g} s: {'met' if median < TARGET_SECONDS else 'NOT met'} "
          f"(load average {load:.2f}, {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
