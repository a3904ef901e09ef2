"""OCR speed benchmark: seconds per scanned A4 page and peak memory, on 2 cores.

    python benchmarks/ocr_speed.py [--pages 4] [--dpi 300] [--threads 2] [--rounds 2]

Not a test: prints figures and whether the target (<= 3 s per 300-dpi A4 page) is met.
Pages are the corpus PDFs rendered through PDFium at `--dpi` (needs a CJK font, e.g.
Debian's fonts-wqy-microhei), degraded like a scan (blur, JPEG), and read page by page
with `parsers.ocr.page.read_page` after one warm-up page (model loading is reported
apart). Printed per page: the whole page, and the parts: recognizer calls (detection of
the page's lines, recognition of their pieces in batches) against the pixel work around
them (grey, turn, deskew, rulings, boxes, layout), in wall seconds and in CPU seconds of
this process divided by the threads it may use (on a busy machine the wall figure says
more about the others' load than about ours; the load average is printed before and
after). Peak RSS of this process is printed last (it holds one engine: a batch worker
holds the same).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_SECONDS = 3.0
SOURCES = ("key_drawn_narrative_outside.pdf", "general_widgets_multipage.pdf", "key_glyphs_yuan_multipage.pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    os.environ["JIXIAO_OCR_THREADS"] = str(args.threads)

    import numpy as np

    from corpus.scans import make
    from parsers.ocr import engine
    from parsers.ocr import page as ocr_page

    if make.cjk_font() is None:
        sys.exit("no CJK font for rendering the corpus PDFs (apt-get install fonts-wqy-microhei)")
    rng = random.Random(0)
    recipe = make.Recipe("x", ".png", dpi=args.dpi, blur=0.7, jpeg=75)
    images = []
    for source in SOURCES:
        for image in make.render(make.PDF_DIR / source, args.dpi):
            images.append(np.asarray(make.degrade(image, recipe, rng)))
    images = images[: args.pages]

    started = time.perf_counter()
    engine.engine()
    load = time.perf_counter() - started

    spent = {"ocr": 0.0}
    real_recognize, real_crop = engine.recognize, engine.recognize_crop

    def timed(function):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent["ocr"] += time.perf_counter() - t
        return wrapper

    real_detect, real_read = engine.detect, engine.read_lines
    engine.recognize, engine.recognize_crop = timed(real_recognize), timed(real_crop)
    engine.detect, engine.read_lines = timed(real_detect), timed(real_read)
    ocr_page.read_page(images[0], args.dpi, 1)  # warm-up
    totals, ocr_parts, cpu = [], [], []
    load_before = os.getloadavg()[0]
    for _ in range(args.rounds):
        for number, image in enumerate(images, start=1):
            spent["ocr"] = 0.0
            t, c = time.perf_counter(), time.process_time()
            ocr_page.read_page(image, args.dpi, number)
            totals.append(time.perf_counter() - t)
            cpu.append((time.process_time() - c) / args.threads)
            ocr_parts.append(spent["ocr"])
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    per_page = statistics.median(totals)
    print(f"engine {engine.engine_version()}, threads {args.threads}, {len(images)} pages at {args.dpi} dpi, "
          f"{args.rounds} rounds; model load {load:.2f} s")
    print(f"OCR s/page: median {per_page:.2f}, min {min(totals):.2f}, max {max(totals):.2f}")
    print(f"  recognizer {statistics.median(ocr_parts):.2f} s/page, pixel work "
          f"{statistics.median(t - o for t, o in zip(totals, ocr_parts, strict=True)):.2f} s/page")
    per_cpu = statistics.median(cpu)
    print(f"CPU s/page / {args.threads} threads: median {per_cpu:.2f}, min {min(cpu):.2f}, max {max(cpu):.2f}")
    print(f"load average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    print(f"peak RSS {peak_mib:.0f} MiB")
    print(f"target <= {TARGET_SECONDS:.1f} s/page: wall {'met' if per_page <= TARGET_SECONDS else 'MISSED'}, "
          f"CPU {'met' if per_cpu <= TARGET_SECONDS else 'MISSED'}")


if __name__ == "__main__":
    main()
