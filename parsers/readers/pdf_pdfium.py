"""The PDFium engine (pypdfium2): page primitives read at the speed of the C library.

Owns opening a PDF with PDFium, its errors translated at the boundary, and each page's
characters (`pdf_pdfium_chars`: text, box, font name), path objects (`pdf_pdfium_paths`) and check-box widgets
(`pdf_pdfium_widgets`: PDFium's form API, or the annotation dictionaries) turned into
`pdf_primitives`, one page at a time, each page closed once read. A page shown turned
(`/Rotate`) has its primitives turned upright (`pdf_rotation`), as pdfminer reports them.

PDFium repairs what pdfminer refuses, so it does not decide alone on a doubtful file:
    wrong password (FPDF_ERR_PASSWORD)                     -> EncryptedDocument (encrypted)
    any other load error, a rebuilt cross-reference table,
    no page, fewer pages declared than page objects seen,
    text PDFium could not measure (a font the file does
    not embed and the machine cannot stand in for)         -> NeedsReference: the caller
                                                              lets the pdfplumber engine
                                                              read (and judge) the file
    more pages than limits.max_pages                       -> LimitExceeded (too-many-pages)
No library text reaches a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.readers import pdf_pdfium_chars, pdf_pdfium_widgets
from parsers.readers.pdf_pdfium_paths import Shapes
from parsers.readers.pdf_plumber import too_many
from parsers.readers.pdf_primitives import PagePrimitives
from parsers.readers.pdf_rotation import Turn
from schemas.errors import EncryptedDocument
from schemas.limits import Limits

# Page dictionaries visible in the file (outside object streams), counted in this much of it.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_SCAN_BYTES = 64 << 20


class NeedsReference(Exception):
    """PDFium opened the file only by repairing it, or not at all: the reference engine decides."""


def pages(data: bytes, limits: Limits) -> Iterator[PagePrimitives]:
    """The primitives of every page, in order."""
    seen = len(_PAGE_OBJECT.findall(data, 0, _SCAN_BYTES))
    if seen > limits.max_pages:
        raise NeedsReference("many pages")  # pdfplumber counts the page tree without loading it
    doc = _open(data)
    try:
        count = len(doc)
        if count == 0:
            raise NeedsReference("no page")
        too_many(count, limits)
        if count < seen:
            raise NeedsReference("page count")  # the tree declares fewer pages than it holds
        forms = pdfium_c.FPDF_GetFormType(doc.raw) != pdfium_c.FORMTYPE_NONE
        if forms:
            doc.init_forms()
        formenv = doc.formenv.raw if forms and doc.formenv else None
        for index in range(count):
            # yielded, not kept: a page's primitives held here while the caller's collector
            # runs would be walked by it (`gc_pause`)
            yield _page(doc, index, formenv)
    finally:
        doc.close()


def _page(doc: pdfium.PdfDocument, index: int, formenv: Any) -> PagePrimitives:
    """One page read through PDFium's own calls (pypdfium2's page objects, their finalizers
    and bookkeeping, cost more than the calls), closed once read."""
    page = pdfium_c.FPDF_LoadPage(doc.raw, index)
    if not page:
        raise NeedsReference("page not loaded")
    if formenv is not None:
        pdfium_c.FORM_OnAfterLoadPage(page, formenv)
    try:
        return _primitives(page, index + 1, formenv)
    except pdfium.PdfiumError as exc:
        raise NeedsReference("page not read") from exc
    finally:
        if formenv is not None:
            pdfium_c.FORM_OnBeforeClosePage(page, formenv)
        pdfium_c.FPDF_ClosePage(page)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedDocument("PDF 文件已加密，需要密码才能打开") from None
        raise NeedsReference("not loaded") from exc
    if not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(doc.raw):
        doc.close()
        raise NeedsReference("repaired")
    return doc


def _primitives(page: Any, number: int, formenv: Any) -> PagePrimitives:
    turn = _turn(page)
    height = turn.height  # as drawn; a turned page's primitives are turned upright below
    shapes = Shapes(height).read_page(page)
    if shapes.unmeasured_text:
        raise NeedsReference("text PDFium cannot measure")  # see pdf_pdfium_paths
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        raise NeedsReference("page not read")
    try:
        chars = pdf_pdfium_chars.chars(textpage, height, turn=turn if turn.degrees else None,
                                       text_fonts=shapes.text_fonts)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    widgets = pdf_pdfium_widgets.widgets(page, height, formenv)
    lines, rects, curves = shapes.lines, shapes.rects, shapes.curves
    if turn.degrees:
        lines, rects, curves = ([turn.shape(s) for s in group] for group in (lines, rects, curves))
        widgets = [turn.widget(w) for w in widgets]
    return PagePrimitives(number=number, height=turn.shown_height, chars=chars, lines=lines,
                          rects=rects, curves=curves, widgets=widgets)


def _turn(page: Any) -> Turn:
    """The page's `/Rotate` and its size as drawn (PDFium reports the size as shown)."""
    quarters = pdfium_c.FPDFPage_GetRotation(page)  # 0-3, -1 when unknown
    degrees = 90 * quarters if 0 <= quarters <= 3 else 0
    width, height = float(pdfium_c.FPDF_GetPageWidthF(page)), float(pdfium_c.FPDF_GetPageHeightF(page))
    if degrees % 180 == 90:
        width, height = height, width
    return Turn.of(degrees, width, height)
