"""PDF reader: pdfplumber pages -> paragraphs and tables, boxes rendered as ☑/☐.

Owns opening the PDF (header sniffing, page limit before any page is parsed, library errors
translated where they enter), reading each page's characters, rules, rects, curves and
annotations exactly once (then closing the page to keep memory flat), and assembling the
pages into blocks: text outside tables joined into paragraphs per page, table parts stitched
across pages (`pdf_stitch`), headers and footers repeated on every page dropped.

The work on a page lives in helpers: `pdf_page` (one page laid out), `pdf_tables` (grids
from rules, merged cells), `pdf_text` (lines and wrapped-line joining), `pdf_boxes`
(symbol-font glyphs, drawn squares, AcroForm widgets).

Errors:

    not %PDF in the first KiB                 -> NotADocument   (not-a-document)
    PDFPasswordIncorrect, PDFEncryptionError  -> EncryptedDocument (encrypted)
    PDFSyntaxError, PSEOF, broken xref, …     -> CorruptDocument (corrupt)
    more pages than limits.max_pages          -> LimitExceeded (too-many-pages), before parsing
    no character on any page (a scan)         -> NoTextLayer (no-text-layer), unless OCR reads it
    pages without text (or all, ocr=always)   -> read by OCR (`scan_pdf`) when the extra is installed
    LimitExceeded (the pipeline's timeout)    -> passes through, also when pdfplumber wrapped it
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pdfplumber
import regex
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extract.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    JixiaoError,
    LimitExceeded,
    NotADocument,
    NoTextLayer,
    ReadError,
)
from extract.settings import Limits
from parsers.lines import build_document
from parsers.readers import scan_pdf
from parsers.readers.boundary import reading_errors
from parsers.readers.pdf_page import PageLayout, RawPage, TablePart, layout_page
from parsers.readers.pdf_stitch import TableBuilder
from parsers.readers.pdf_text import TextLine, paragraph_runs, paragraphs
from schemas.document import Block, Document, Paragraph
from schemas.record import Source

_HEADER_SCAN_BYTES = 1024
# Lines in the top or bottom band of this share of the page height may be headers/footers.
FURNITURE_BAND = 0.1
_ENCRYPTED: dict[type[BaseException], type[ReadError]] = {
    PDFPasswordIncorrect: EncryptedDocument, PDFEncryptionError: EncryptedDocument}
_DIGITS = regex.compile(r"\d+")


def read(data: bytes, source: Source, limits: Limits) -> Document:
    """Read a PDF's bytes into a Document (see the module docstring for the errors)."""
    if b"%PDF-" not in data[:_HEADER_SCAN_BYTES]:
        raise NotADocument("文件不是 PDF（缺少 %PDF 文件头）")
    pages = list(_layouts(data, limits))
    if not pages:
        raise EmptyDocument("PDF 没有页面")
    update: dict[str, object] = {"pages": len(pages), "format": "pdf"}
    if numbers := scan_pdf.wanted(data, pages, limits):  # pages without a text layer, read by OCR
        pages, scanned = scan_pdf.ocr_pages(data, pages, numbers, limits)
        update["ocr"] = scanned.info()
    if not any(page.has_text for page in pages):
        raise NoTextLayer("PDF 没有文字层（可能是扫描件），需要先做 OCR: pip install 'jixiao[ocr]'")
    with _pdf_errors():  # odd geometry met while joining pages is the PDF's, not ours
        blocks = assemble(pages)
    return build_document(source.model_copy(update=update), blocks)


def _layouts(data: bytes, limits: Limits) -> Iterator[PageLayout]:
    with _pdf_errors():
        pdf = pdfplumber.open(io.BytesIO(data))
    try:
        with _pdf_errors():
            count = _page_count(pdf)
        if count > limits.max_pages:
            raise LimitExceeded(f"PDF 共 {count} 页，超过上限 {limits.max_pages} 页", code="too-many-pages")
        with _pdf_errors():
            pages = pdf.pages
        if len(pages) > limits.max_pages:
            raise LimitExceeded(f"PDF 共 {len(pages)} 页，超过上限 {limits.max_pages} 页", code="too-many-pages")
        for page in pages:
            with _pdf_errors():
                raw = RawPage(
                    number=page.page_number, height=float(page.height), chars=page.chars,
                    lines=page.lines, rects=page.rects, curves=page.curves, annots=page.page_obj.annots,
                )
            with _pdf_errors():  # damaged annotations or drawing operators surface here
                layout = layout_page(raw)
            yield layout
            page.close()
    finally:
        # Not pdf.close(): it would build every Page object (also after too-many-pages);
        # the pages read were closed one by one and the stream is an in-memory buffer.
        pdf.stream.close()


def _page_count(pdf: pdfplumber.PDF) -> int:
    """The page count the document's page tree declares (cheap: no page is parsed), 0 when
    the tree does not say: a /Pages reference that does not resolve is no reason to refuse
    a PDF whose pages pdfplumber still finds (the page list is counted against the limit too)."""
    try:
        catalog = resolve1(pdf.doc.catalog)
        tree = resolve1(catalog.get("Pages")) if isinstance(catalog, dict) else None
        count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    except (PSException, KeyError, TypeError, ValueError, RecursionError):  # unresolvable: unknown
        return 0
    return int(count) if isinstance(count, int | float) and not isinstance(count, bool) else 0


@contextmanager
def _pdf_errors() -> Iterator[None]:
    """Translate pdfminer/pdfplumber exceptions; a wrapped ReadError (timeout) passes through."""
    with reading_errors("PDF 文件", extra=_ENCRYPTED):
        try:
            yield
        except PdfminerException as exc:
            inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
            if isinstance(inner, JixiaoError):  # ours (a time limit), wrapped by pdfplumber
                raise inner from None
            if inner is not None and isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
                raise EncryptedDocument("PDF 文件已加密，需要密码") from exc
            raise CorruptDocument("PDF 文件已损坏或无法解析") from exc


def assemble(pages: list[PageLayout]) -> list[Block]:
    """Blocks of the whole document: paragraphs per page, tables stitched across pages."""
    repeated = _repeated_furniture(pages)
    blocks: list[Block] = []
    table: TableBuilder | None = None
    for page in pages:
        pending: list[TextLine] = []
        first = True
        right = max((i.x1 if isinstance(i, TextLine) else i.xs[-1] for i in page.items), default=0.0)
        for item in page.items:
            if isinstance(item, TextLine):
                if _furniture_key(item, page) in repeated:
                    continue
                if table is not None:
                    blocks.append(table.build())
                    table = None
                pending.append(item)
            else:
                blocks += _paragraphs(pending, page.number, right, page.scanned)
                pending = []
                if table is not None and first and table.accepts(item):
                    table.add(item)
                else:
                    if table is not None:
                        blocks.append(table.build())
                    table = TableBuilder(item) if _has_cells(item) else None
            first = False
        blocks += _paragraphs(pending, page.number, right, page.scanned)
    if table is not None:
        blocks.append(table.build())
    return blocks


def _has_cells(part: TablePart) -> bool:
    return bool(part.cells)


def _paragraphs(lines: list[TextLine], page: int, right: float, scanned: bool = False) -> list[Paragraph]:
    if not scanned:
        return [Paragraph(page=page, text=text) for text in paragraphs(lines, right, page=True)]
    out = []
    for text, run in paragraph_runs(lines, right, page=True):  # read by OCR: where, how sure
        bbox = (round(min(r.x0 for r in run), 1), round(min(r.top for r in run), 1),
                round(max(r.x1 for r in run), 1), round(max(r.bottom for r in run), 1))
        scores = [r.score for r in run if r.score is not None]
        out.append(Paragraph(page=page, text=text, bbox=bbox, confidence=round(min(scores), 3) if scores else None))
    return out


def _furniture_key(line: TextLine, page: PageLayout) -> str | None:
    """A key for lines in the header/footer band (digits masked), None elsewhere."""
    band = FURNITURE_BAND * page.height
    if band < line.top < page.height - band:
        return None
    return _DIGITS.sub("#", line.text.replace(" ", ""))


def _repeated_furniture(pages: list[PageLayout]) -> set[str]:
    """Keys of header/footer lines that recur on at least two pages (and half of them)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {_furniture_key(i, page) for i in page.items if isinstance(i, TextLine)}
        counts.update(k for k in keys if k)
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= need}
