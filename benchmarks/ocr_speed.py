"""OCR speed benchmark: seconds per scanned A4 page and peak memory, on 2 cores.

    python benchmarks/ocr_speed.py [--pages 3] [--dpi 300] [--threads 2] [--rounds 1]
                                   [--batch 6] [--batch-workers 2]

Not a test: prints figures and whether the target (<= 3 s per 300-dpi A4 page) is met.
Pages are the corpus PDFs rendered through PDFium at `--dpi` (needs a CJK font, e.g.
Debian's fonts-wqy-microhei), degraded like a scan (blur, JPEG), and read page by page
with `parsers.ocr.page.read_page` after one warm-up page (model loading is reported
apart). Printed per page: wall seconds and CPU seconds of this process (all its threads),
and the parts: recognizer calls (detection of the page's lines, recognition of their
pieces) against the pixel work around them (grey, turn, deskew, rulings, boxes, layout).
The machine may be shared: the wall figure then says more about the others' load than
about ours, so the CPU figure is the proxy — on an idle 2-core machine a page cannot take
less wall time than its CPU time / 2, and a batch with 2 workers reads 2 pages at once, so
its pages per second are at best 2 / (CPU s per page). The load average is printed before
and after. Peak RSS of this process is printed (it holds one engine, as a batch worker does).

`--batch N` also runs `python -m extract batch` on N one-page scans (PNG, JPEG, TIFF at
`--dpi`) with `--batch-workers` workers and prints the peak RSS of the whole process tree
(parent, forkserver, workers; sampled every 0.2 s), its CPU seconds and its wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for entry in (str(ROOT), str(ROOT / "benchmarks")):
    if entry not in sys.path:
        sys.path.insert(0, entry)

TARGET_SECONDS = 3.0
SOURCES = ("key_drawn_narrative_outside.pdf", "general_widgets_multipage.pdf", "key_glyphs_yuan_multipage.pdf")
BATCH_SUFFIXES = (".png", ".jpg", ".tif")


def scan_pages(count: int, dpi: int) -> list[Any]:
    """`count` page images (PIL) of the corpus PDFs, degraded like a scan."""
    from corpus.scans import make

    if make.cjk_font() is None:
        sys.exit("no CJK font for rendering the corpus PDFs (apt-get install fonts-wqy-microhei)")
    rng = random.Random(0)
    recipe = make.Recipe("x", ".png", dpi=dpi, blur=0.7, jpeg=75)
    pages: list[Any] = []
    while len(pages) < count:
        for source in SOURCES:
            pages += [make.degrade(image, recipe, rng) for image in make.render(make.PDF_DIR / source, dpi)]
    return pages[:count]


def page_figures(pages: int, dpi: int, threads: int, rounds: int) -> dict[str, float]:
    """Read `pages` pages in this process; the figures (seconds per page, MiB)."""
    os.environ["JIXIAO_OCR_THREADS"] = str(threads)
    import numpy as np

    from parsers.ocr import engine
    from parsers.ocr import page as ocr_page

    images = [np.asarray(image) for image in scan_pages(pages, dpi)]
    started, cpu_started = time.perf_counter(), time.process_time()
    engine.engine()
    load, load_cpu = time.perf_counter() - started, time.process_time() - cpu_started

    spent = {"ocr": 0.0}

    def timed(function: Any) -> Any:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return function(*a, **k)
            finally:
                spent["ocr"] += time.process_time() - t
        return wrapper

    real = engine.detect, engine.read_lines, engine.recognize_crop
    engine.detect, engine.read_lines, engine.recognize_crop = (timed(f) for f in real)
    try:
        ocr_page.read_page(images[0], dpi, 1)  # warm-up
        walls, cpus, ocr_cpu = [], [], []
        load_before = os.getloadavg()[0]
        for _ in range(rounds):
            for number, image in enumerate(images, start=1):
                spent["ocr"] = 0.0
                t, c = time.perf_counter(), time.process_time()
                ocr_page.read_page(image, dpi, number)
                walls.append(time.perf_counter() - t)
                cpus.append(time.process_time() - c)
                ocr_cpu.append(spent["ocr"])
    finally:
        engine.detect, engine.read_lines, engine.recognize_crop = real
    return {
        "pages": len(images), "load_s": load, "load_cpu_s": load_cpu,
        "wall": statistics.median(walls), "wall_min": min(walls), "wall_max": max(walls),
        "cpu": statistics.median(cpus), "cpu_min": min(cpus), "cpu_max": max(cpus),
        "ocr_cpu": statistics.median(ocr_cpu),
        "pixel_cpu": statistics.median(c - o for c, o in zip(cpus, ocr_cpu, strict=True)),
        "load_before": load_before, "load_after": os.getloadavg()[0],
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _tree(root: int) -> list[int]:
    from batch_speed import _children

    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += _children(pid)
    return found


def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def batch_figures(count: int, dpi: int, workers: int) -> dict[str, Any]:
    """`python -m extract batch` on `count` one-page scans: wall, tree CPU, peak tree RSS."""
    from batch_speed import tree_rss_kib

    with tempfile.TemporaryDirectory(prefix="jixiao-ocr-batch-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for index, image in enumerate(scan_pages(count, dpi)):
            suffix = BATCH_SUFFIXES[index % len(BATCH_SUFFIXES)]
            kind = {".png": "PNG", ".jpg": "JPEG", ".tif": "TIFF"}[suffix]
            image.save(folder / f"scan{index}{suffix}", kind, dpi=(dpi, dpi))
        command = [sys.executable, "-m", "extract", "batch", str(folder), "-o", str(Path(tmp) / "out"),
                   "--workers", str(workers), "--quiet", "--timeout", "3600"]
        env = {key: value for key, value in os.environ.items() if key != "JIXIAO_OCR_THREADS"}
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, env=env)
        peak, cpu = 0, {}
        while proc.poll() is None:
            peak = max(peak, tree_rss_kib(proc.pid))
            for pid in _tree(proc.pid):
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_seconds(pid))
            time.sleep(0.2)
        wall = time.perf_counter() - started
        lines = (Path(tmp) / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines() \
            if (Path(tmp) / "out" / "records.jsonl").exists() else []
    statuses = Counter(json.loads(line)["status"] for line in lines)
    return {"docs": count, "records": len(lines), "statuses": dict(statuses), "workers": workers, "wall": wall,
            "cpu": sum(cpu.values()),
            "peak_mib": peak / 1024, "exit": proc.returncode, "load_before": load_before,
            "load_after": os.getloadavg()[0]}


def page_report(f: dict[str, float], dpi: int, threads: int, rounds: int) -> list[str]:
    """Printable lines of `page_figures`, and the verdict last."""
    from parsers.ocr import engine

    met = f["cpu"] / 2 <= TARGET_SECONDS
    head = (f"engine {engine.engine_version()}, {threads} thread(s), {f['pages']:.0f} pages at {dpi} dpi, "
            f"{rounds} round(s); model load {f['load_s']:.2f} s wall, {f['load_cpu_s']:.2f} s CPU")
    cpu = (f"OCR CPU s/page (process, all threads): median {f['cpu']:.2f}, min {f['cpu_min']:.2f}, "
           f"max {f['cpu_max']:.2f}; recognizer {f['ocr_cpu']:.2f}, pixel work {f['pixel_cpu']:.2f}")
    wall = f"OCR wall s/page: median {f['wall']:.2f}, min {f['wall_min']:.2f}, max {f['wall_max']:.2f}"
    load = f"load average (1 min) {f['load_before']:.1f} before, {f['load_after']:.1f} after, on {os.cpu_count()} cores"
    verdict = (f"OCR of a {dpi}-dpi A4 page with {threads} thread(s): {f['cpu']:.2f} CPU s, so at best "
               f"{f['cpu'] / 2:.2f} s per page on 2 idle cores (CPU / 2; wall measured {f['wall']:.2f} s "
               f"at load {f['load_after']:.1f}) (target <= {TARGET_SECONDS:.1f} s): {'met' if met else 'MISSED'}")
    return [head, cpu, wall, load, f"peak RSS of this process {f['peak_mib']:.0f} MiB", verdict]


def batch_report(b: dict[str, Any]) -> list[str]:
    """Printable lines of `batch_figures`, and the verdict last."""
    run = (f"batch of {b['docs']:.0f} one-page scans, {b['workers']:.0f} workers: {b['records']:.0f} records {b['statuses']}, "
           f"exit {b['exit']:.0f} (1: a failed record or an error-level discrepancy), wall {b['wall']:.1f} s, CPU of the process tree {b['cpu']:.1f} s "
           f"({b['cpu'] / max(1, b['docs']):.2f} s/page), load average {b['load_before']:.1f} before, "
           f"{b['load_after']:.1f} after")
    verdict = (f"peak RSS of a batch of {b['docs']:.0f} scans with {b['workers']:.0f} workers "
               f"(process tree) {b['peak_mib']:.0f} MiB (24 GiB machine: "
               f"{'well inside' if b['peak_mib'] < 4096 else 'CHECK'})")
    return [run, verdict]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--batch", type=int, default=0, help="also a batch of this many scans (0: none)")
    parser.add_argument("--batch-workers", type=int, default=2)
    args = parser.parse_args()
    if args.pages:
        for line in page_report(page_figures(args.pages, args.dpi, args.threads, args.rounds),
                                args.dpi, args.threads, args.rounds):
            print(line, flush=True)
    if args.batch:
        for line in batch_report(batch_figures(args.batch, args.dpi, args.batch_workers)):
            print(line, flush=True)


if __name__ == "__main__":
    main()
