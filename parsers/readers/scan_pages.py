"""Page images read by OCR into page layouts, for the image reader and the PDF reader alike.

Owns the loop over a document's page images: each page read on its own (`parsers.ocr.page`),
a page the engine cannot read left empty and listed (the other pages still count), a page
with ink the engine read no text from listed too, and what the record's `source.ocr` says
(engine, dpi, the pages read by OCR, those that failed, those with ink and no text).
Progress per page goes to `on_page_start` and `on_page` when a caller wants it (long OCR batches).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from parsers.readers.pdf_page import PageLayout
from schemas.errors import ReadError
from schemas.record import LowConfidence, OcrInfo

PageImage = tuple[int, Any, float]  # (page number, RGB or grey array, dpi)
# Called after each page read by OCR: (page number, seconds); None: nobody listens.
on_page: Callable[[int, float], None] | None = None
# Called before each page is read by OCR: (page number); None: nobody listens.
on_page_start: Callable[[int], None] | None = None


@dataclass
class ScanResult:
    """The layouts of the OCR'd pages and what `source.ocr` records about them."""

    layouts: list[PageLayout] = field(default_factory=list)
    dpi: int = 0
    pages: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    no_text: list[int] = field(default_factory=list)
    low: list[LowConfidence] = field(default_factory=list)

    def info(self) -> OcrInfo:
        from parsers.ocr.engine import engine_version

        return OcrInfo(engine=engine_version(), dpi=self.dpi, pages_ocr=self.pages, pages_failed=self.failed,
                       pages_no_text=self.no_text, low_confidence=self.low)


def read_pages(images: Iterable[PageImage]) -> ScanResult:
    """OCR every page image; an unreadable page becomes an empty page listed as failed."""
    import time

    from parsers.ocr.engine import OcrFailed, engine
    from parsers.ocr.page import read_page

    engine()  # a missing extra fails the document here, before any page is decoded
    result = ScanResult()
    for number, image, dpi in images:
        if on_page_start is not None:
            on_page_start(number)
        started = time.perf_counter()
        result.dpi = max(result.dpi, round(dpi))
        result.pages.append(number)
        try:
            scan = read_page(image, dpi, number)
        except OcrFailed:
            result.failed.append(number)
            result.layouts.append(PageLayout(number=number, height=float(image.shape[0]) * 72 / dpi))
            continue
        except ReadError:
            raise
        result.layouts.append(scan.layout)
        if scan.inked and not scan.layout.has_text:
            result.no_text.append(number)
        result.low += [LowConfidence(page=number, text=text, score=score) for text, score in scan.low]
        if on_page is not None:
            on_page(number, time.perf_counter() - started)
    return result
