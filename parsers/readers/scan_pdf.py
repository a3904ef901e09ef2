"""The scanned pages of a PDF: rendered through PDFium and read by OCR.

Owns which pages are read by OCR (`auto`: those without a usable text layer that hold an
image; `always`:
every page; `never`: none), rendering them with pypdfium2 at `RENDER_DPI` (less for an
oversized page, so a page stays under `limits.max_image_pixels`), and putting the OCR'd
layouts in place of the empty ones. Without the OCR extra, `auto` leaves the pages as they
are (the PDF reader then reports a PDF with no text as `no-text-layer`).
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.errors import CorruptDocument
from extract.settings import Limits
from parsers.readers.pdf_page import PageLayout
from parsers.readers.scan_pages import PageImage, ScanResult, read_pages

RENDER_DPI = 300


def wanted(data: bytes, pages: list[PageLayout], limits: Limits) -> list[int]:
    """Numbers of the pages to read by OCR under the run's `ocr` setting."""
    if limits.ocr == "never":
        return []
    if limits.ocr == "always":
        return [page.number for page in pages]
    from parsers.ocr.engine import available

    bare = [page.number for page in pages if not page.has_text]
    if not bare or not available():
        return []
    return _with_images(data, bare)


def _with_images(data: bytes, numbers: list[int]) -> list[int]:
    """The pages among `numbers` that hold an image (a page of rules only has nothing to read)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptDocument(f"PDF 无法渲染: {exc}") from exc
    try:
        out = []
        for number in numbers:
            page = pdf[number - 1]
            try:
                if next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4)), None) is not None:
                    out.append(number)
            finally:
                page.close()
        return out
    finally:
        pdf.close()


def ocr_pages(data: bytes, pages: list[PageLayout], numbers: list[int], limits: Limits) -> tuple[list[PageLayout], ScanResult]:
    """`pages` with the pages in `numbers` replaced by their OCR'd layouts."""
    result = read_pages(_render(data, numbers, limits))
    by_number = {layout.number: layout for layout in result.layouts}
    return [by_number.get(page.number, page) for page in pages], result


def _render(data: bytes, numbers: list[int], limits: Limits) -> Iterator[PageImage]:
    import numpy as np
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptDocument(f"PDF 无法渲染: {exc}") from exc
    try:
        for number in numbers:
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                dpi = float(RENDER_DPI)
                pixels = width * height * (dpi / 72) ** 2
                if pixels > limits.max_image_pixels:
                    dpi *= (limits.max_image_pixels / pixels) ** 0.5
                bitmap = page.render(scale=dpi / 72)
                image = np.asarray(bitmap.to_pil().convert("RGB"))
            except pdfium.PdfiumError as exc:
                raise CorruptDocument(f"PDF 第 {number} 页无法渲染: {exc}") from exc
            finally:
                page.close()
            yield number, image, dpi
    finally:
        pdf.close()
