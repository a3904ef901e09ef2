"""PDF reader: page primitives from PDFium (or pdfplumber) -> paragraphs and tables, boxes as ☑/☐.

Owns choosing the engine and assembling the pages into blocks. Two engines read a page into
the same neutral `pdf_primitives` (characters, lines, rects, curves, check-box widgets):
`pdf_pdfium` (PDFium, the default: fast, and the renderer scans will need) and
`pdf_plumber` (pdfplumber/pdfminer: the fallback and the reference the tests compare
against). PDFium repairs damaged files silently, so whatever it opens only by repairing,
cannot open, or finds no text in at all is read by pdfplumber, which decides as before.
The layout code is the same for both: `pdf_page` (one page laid out), `pdf_tables` (grids
from rules, merged cells), `pdf_text` (lines and wrapped-line joining), `pdf_boxes`
(symbol-font glyphs, drawn squares, widgets); tables are stitched across pages
(`pdf_stitch`), headers and footers repeated on every page dropped (a line naming a form is a
title, kept).

Errors (the same codes whichever engine read the file):

    not %PDF in the first KiB                 -> NotADocument   (not-a-document)
    a password is needed to open it           -> EncryptedDocument (encrypted)
    PDFSyntaxError, PSEOF, broken xref, …     -> CorruptDocument (corrupt)
    more pages than limits.max_pages          -> LimitExceeded (too-many-pages), before parsing
    no character on any page (a scan)         -> NoTextLayer (no-text-layer), unless OCR reads it
    pages without text (or all, ocr=always)   -> read by OCR (`scan_pdf`, PDFium renders them) when
                                                 the extra is installed
    LimitExceeded (the pipeline's timeout)    -> passes through, also when a library wrapped it
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

import regex

from parsers.forms import names_a_form
from parsers.lines import build_document
from parsers.readers import pdf_pdfium, pdf_plumber, scan_pdf
from parsers.readers.boundary import reading_errors
from parsers.readers.gc_pause import collector_paused
from parsers.readers.pdf_page import PageLayout, TablePart, layout_page
from parsers.readers.pdf_primitives import PagePrimitives
from parsers.readers.pdf_stitch import TableBuilder
from parsers.readers.pdf_text import TextLine, paragraph_runs, paragraphs
from parsers.unit_caption import caption_unit
from schemas.document import Block, Document, Paragraph
from schemas.errors import EmptyDocument, NotADocument, NoTextLayer
from schemas.limits import Limits
from schemas.record import Source
from schemas.trusted import maker

Engine = Literal["pdfium", "pdfplumber"]
ENGINES: dict[str, Callable[[bytes, Limits], Iterator[PagePrimitives]]] = {
    "pdfium": pdf_pdfium.pages,
    "pdfplumber": pdf_plumber.pages,
}
_HEADER_SCAN_BYTES = 1024
# Lines in the top or bottom band of this share of the page height may be headers/footers.
FURNITURE_BAND = 0.1
_DIGITS = regex.compile(r"\d+")
_YEAR_LINE = regex.compile(r"^[（(]?\s*(?:19|20)\d{2}\s*年\s*度?\s*[)）]?$")  # 2020年度 under a title
_paragraph = maker(Paragraph, "page", "text")  # a text layer's paragraphs (`schemas.trusted`)
# Kept under its old name: the pdfminer boundary, for callers that wrap pdfplumber calls.
_pdf_errors = pdf_plumber.pdf_errors


def read(data: bytes, source: Source, limits: Limits) -> Document:
    """Read a PDF's bytes into a Document with PDFium, pdfplumber deciding doubtful files."""
    return read_with(data, source, limits, "pdfium")


def read_with(data: bytes, source: Source, limits: Limits, engine: Engine) -> Document:
    """Read a PDF's bytes into a Document with the named engine (see the module docstring)."""
    if b"%PDF-" not in data[:_HEADER_SCAN_BYTES]:
        raise NotADocument("文件不是 PDF（缺少 %PDF 文件头）")
    pages: list[PageLayout] | None = None
    if engine == "pdfium":
        try:
            pages = layouts(pdf_pdfium.pages(data, limits))
        except pdf_pdfium.NeedsReference:
            pages = None
        if pages is not None and not any(page.has_text for page in pages):
            pages = None  # a scan, or text PDFium cannot see: the reference engine decides
    if pages is None:
        pages = layouts(pdf_plumber.pages(data, limits))
    if not pages:
        raise EmptyDocument("PDF 没有页面")
    update: dict[str, object] = {"pages": len(pages), "format": "pdf"}
    if numbers := scan_pdf.wanted(data, pages, limits):  # pages without a text layer, read by OCR
        pages, scanned = scan_pdf.ocr_pages(data, pages, numbers, limits)
        update["ocr"] = scanned.info()
    if not any(page.has_text for page in pages):
        raise NoTextLayer("PDF 没有文字层（可能是扫描件），需要先做 OCR: pip install 'jixiao[ocr]'")
    with reading_errors("PDF 文件"):  # odd geometry met while joining pages is the PDF's, not ours
        blocks = assemble(pages)
    return build_document(source.model_copy(update=update), blocks)


def layouts(primitives: Iterable[PagePrimitives]) -> list[PageLayout]:
    """Every page laid out, in order (odd geometry met there is the PDF's, not ours); each
    page read and laid out with the cyclic collector paused (`gc_pause`), and its primitives
    freed before the collector resumes (else its first pass walks all of them)."""
    out: list[PageLayout] = []
    pages = iter(primitives)
    while True:
        with collector_paused():
            page = next(pages, None)
            if page is None:
                return out
            with reading_errors("PDF 文件"):
                out.append(layout_page(page))
            del page


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
                if repeated and _furniture_key(item, page) in repeated:  # (no key asked when none recurs)
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
        return [_paragraph(page=page, text=text) for text in paragraphs(lines, right, page=True)]
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
    """Keys of header/footer lines that recur on at least two pages (and half of them); a line
    naming a form is a title, a unit caption (单位：万元) is the caption of a form's tables, and a
    line of a year alone (2020年度) is the title's year (a file of one form per page opens every
    page with them)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {key for i in page.items if isinstance(i, TextLine)
                and (key := _furniture_key(i, page))
                and not names_a_form(i.text) and not caption_unit(i.text)
                and not _YEAR_LINE.match(i.text)}  # band lines only asked
        counts.update(keys)
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= need}
