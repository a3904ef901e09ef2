"""Batches of scans: each worker loads the OCR engine once, before its first document, and
never for a text batch; the progress display counts OCR'd pages as well as documents."""

from __future__ import annotations

import json
import re
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from extract.batch import run_batch
from extract.batch.progress import QuietReporter, RichReporter
from extract.batch.scans import ocr_needs
from extract.settings import Limits, Settings
from parsers.ocr import engine

PROBE = "ocr_probe:probe_extract"
SETTINGS = Settings(limits=Limits(timeout_seconds=600))  # model loading on a loaded 2-core machine


class PageCounter(QuietReporter):
    """Counts the page events the batch hands to its reporter."""

    def __init__(self) -> None:
        self.pages: Counter[str] = Counter()

    def page(self, event: str) -> None:
        self.pages[event] += 1


def _notes(outdir: Path) -> list[tuple[int, int, int]]:
    lines = (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()
    notes = []
    for line in lines:
        note = json.loads(line)["fields"]["project_name"]
        found = re.fullmatch(r"pid=(\d+) before=(\d+) after=(\d+)", note)
        assert found, note
        notes.append((int(found[1]), int(found[2]), int(found[3])))
    return notes


def _blank_scans(folder: Path, count: int) -> list[Path]:
    from PIL import Image, ImageDraw

    folder.mkdir()
    paths = []
    for index in range(count):
        image = Image.new("RGB", (240 + index, 160), "white")
        ImageDraw.Draw(image).rectangle((10, 10, 200, 140), outline="black", width=2)
        path = folder / f"scan{index}.png"
        image.save(path, dpi=(100, 100))
        paths.append(path)
    return paths


def test_which_batches_preload_and_count_pages() -> None:
    assert ocr_needs(["a.txt", "b.docx"]) == (False, False)
    assert ocr_needs(["a.txt", "b.PDF"]) == (False, True)
    assert ocr_needs(["a.txt", "scan.TIF"]) == (True, True)


@pytest.mark.skipif(not engine.available(), reason="needs the OCR extra")
def test_each_worker_loads_the_engine_once_for_all_its_scans(tmp_path: Path) -> None:
    paths = _blank_scans(tmp_path / "in", 6)
    reporter = PageCounter()
    stats = run_batch(paths, tmp_path / "out", SETTINGS, workers=2, extractor=PROBE, reporter=reporter)
    assert sum(stats.statuses.values()) == 6
    notes = _notes(tmp_path / "out")
    assert len(notes) == 6
    assert len({pid for pid, _, _ in notes}) <= 2
    # loaded before the worker's first document, and never again
    assert all(before == 1 and after == 1 for _, before, after in notes), notes
    # one page each: its OCR began and it was read
    assert reporter.pages == Counter(seen=6, done=6)


def test_a_text_batch_never_loads_the_engine(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for index in range(3):
        path = folder / f"doc{index}.txt"
        path.write_text(f"财政项目支出绩效运行监控（跟踪评价）\n项目名称\t项目{index}\n", encoding="utf-8")
        paths.append(path)
    reporter = PageCounter()
    run_batch(paths, tmp_path / "out", SETTINGS, workers=2, extractor=PROBE, reporter=reporter)
    notes = _notes(tmp_path / "out")
    assert len(notes) == 3
    assert all(before == 0 and after == 0 for _, before, after in notes), notes
    assert not reporter.pages


def test_the_progress_bar_shows_ocr_pages() -> None:
    reporter = RichReporter(Console(file=StringIO(), width=160))
    reporter.start(total=2, skipped=0, duplicates=0)
    try:
        assert reporter.page_text() == ""
        for event in ("seen", "done", "seen", "seen", "done"):
            reporter.page(event)
        assert reporter.page_text() == "OCR 页 2/3"
        assert reporter.progress.tasks[0].fields["pages"] == "OCR 页 2/3"
    finally:
        reporter.stop()


def test_workers_share_the_cpus_out_for_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.batch import scans

    monkeypatch.setattr(scans.os, "cpu_count", lambda: 2)
    assert [scans.worker_threads(n) for n in (1, 2, 3)] == [2, 1, 1]
