"""What a batch worker does for scans: the OCR engine loaded once, OCR'd pages reported.

Owns deciding from a batch's paths whether its workers preload the OCR engine (the batch
holds image files, which are always read by OCR, and the extra is installed; text batches
never pay for loading models) and whether they report pages (images or PDFs, whose pages
without a text layer are read by OCR), and wiring both inside a worker: `preload` before
the worker says it is ready, and `parsers.readers.scan_pages`' hooks sending
("page", "seen") as a page's OCR starts and ("page", "done") when it is read. Also how many
threads a worker's engine uses: the CPUs shared out among the workers (at least one), so
two workers on two cores do not run four threads (JIXIAO_OCR_THREADS, when set, wins).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PAGE = "page"  # the first item of a worker's page message
SCAN_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})  # always read by OCR
MAY_SCAN_SUFFIXES = SCAN_SUFFIXES | {".pdf"}  # a PDF's pages without text are OCR'd too


def ocr_needs(paths: Iterable[str]) -> tuple[bool, bool]:
    """(preload the OCR engine, report OCR'd pages) for a batch of these paths."""
    suffixes = {Path(path).suffix.lower() for path in paths}
    return bool(suffixes & SCAN_SUFFIXES), bool(suffixes & MAY_SCAN_SUFFIXES)


THREADS_ENV = "JIXIAO_OCR_THREADS"


def worker_threads(workers: int) -> int:
    """OCR threads for each of `workers` workers on this machine."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def prepare_worker(conn: Any, preload: bool, pages: bool, threads: int = 0) -> None:
    """In a worker, before it is ready: its OCR threads, the engine loaded (`preload`), pages
    reported (`pages`)."""
    if threads and not os.environ.get(THREADS_ENV):
        os.environ[THREADS_ENV] = str(threads)
    if preload:
        with contextlib.suppress(Exception):  # a missing extra fails each scan with its own code
            from parsers.ocr import engine

            engine.preload()
    if pages:
        from parsers.readers import scan_pages

        scan_pages.on_page_start = lambda number: conn.send((PAGE, "seen"))
        scan_pages.on_page = lambda number, seconds: conn.send((PAGE, "done"))
