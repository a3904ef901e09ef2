"""The PDFium engine (pypdfium2): page primitives read at the speed of the C library.

Owns opening a PDF with PDFium, its errors translated at the boundary, and each page's
characters (text, box, font name), path objects (`pdf_pdfium_paths`) and check-box widgets
(`pdf_pdfium_widgets`: PDFium's form API, or the annotation dictionaries) turned into
`pdf_primitives`, one page at a time, each page closed once read.

Character boxes follow pdfminer's convention, so both engines agree: left and right from
the glyph's advance, the bottom at the baseline plus the font's descent, the top one font
size above it. Characters PDFium generates itself (spaces, line ends it infers) are left out.

PDFium repairs what pdfminer refuses, so it does not decide alone on a doubtful file:
    wrong password (FPDF_ERR_PASSWORD)                     -> EncryptedDocument (encrypted)
    any other load error, a rebuilt cross-reference table,
    no page, fewer pages declared than page objects seen                                               -> NeedsReference: the caller
                                                              lets the pdfplumber engine
                                                              read (and judge) the file
    more pages than limits.max_pages                       -> LimitExceeded (too-many-pages)
No library text reaches a message.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.errors import EncryptedDocument
from extract.settings import Limits
from parsers.readers import pdf_pdfium_widgets
from parsers.readers.pdf_pdfium_paths import Shapes
from parsers.readers.pdf_plumber import too_many
from parsers.readers.pdf_primitives import Char, PagePrimitives

_SKIPPED = frozenset((0, 0xFFFE, 0xFEFF, 10, 13))
_HYPHEN_MARK = 0x02
# Page dictionaries visible in the file (outside object streams), counted in this much of it.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_SCAN_BYTES = 64 << 20
_TOUCH_PT = 0.05


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
        for index in range(count):
            try:
                page = doc[index]
            except pdfium.PdfiumError as exc:
                raise NeedsReference("page not loaded") from exc
            try:
                prims = _primitives(page, index + 1, doc.formenv.raw if forms and doc.formenv else None)
            except pdfium.PdfiumError as exc:
                raise NeedsReference("page not read") from exc
            finally:
                page.close()
            yield prims
    finally:
        doc.close()


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
    height = float(page.get_height())
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage.raw, height)
    finally:
        textpage.close()
    shapes = Shapes(height).read_page(page.raw)
    widgets = pdf_pdfium_widgets.widgets(page.raw, height, formenv)
    return PagePrimitives(number=number, height=height, chars=chars, lines=shapes.lines,
                          rects=shapes.rects, curves=shapes.curves, widgets=widgets)


def _chars(textpage: Any, height: float) -> list[Char]:
    count = pdfium_c.FPDFText_CountChars(textpage)
    unicode_of, generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    loose_box, origin_of = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
    size_of, object_of = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetTextObject
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    fonts = _Fonts()
    # (text, x0, x1, baseline, generated, index) of every character PDFium lists
    raw: list[tuple[str, float, float, float, bool, int]] = []
    i = 0
    while i < count:
        code = unicode_of(textpage, i)
        step = 1
        if code in _SKIPPED:
            i += 1
            continue
        if code == _HYPHEN_MARK:  # PDFium's mark for a hyphen at a line's end
            code = 0x2D
        text = chr(code)
        if 0xD800 <= code < 0xDC00 and i + 1 < count:  # a surrogate pair: one character
            low = unicode_of(textpage, i + 1)
            if 0xDC00 <= low < 0xE000:
                text, step = chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 2
        loose_box(textpage, i, rect)
        origin_of(textpage, i, ox, oy)
        raw.append((text, rect.left, rect.right, oy.value, generated(textpage, i) == 1, i))
        i += step
    out: list[Char] = []
    handle = ctypes.cast(textpage, ctypes.c_void_p)
    for n, (text, x0, x1, baseline, made, index) in enumerate(raw):
        if made and not _drawn_space(raw, n):
            continue
        size = size_of(textpage, index)
        key = _object_address(handle, index)
        font = fonts.cache.get(key)
        if font is None:
            font = fonts.cache[key] = fonts.read(object_of(textpage, index))
        name, descent = font[0], font[1] * size
        bottom = height - (baseline + descent)
        out.append(Char(text, name, x0, x1, bottom - size, bottom, size))
    return out


def _drawn_space(raw: list[tuple[str, float, float, float, bool, int]], n: int) -> bool:
    """PDFium marks the spaces it infers as generated, and also some the PDF draws. A drawn
    one stands in a gap between its neighbours on the line; an inferred one touches one."""
    text, x0, _, baseline, _, _ = raw[n]
    if text != " " or n == 0 or n + 1 >= len(raw):
        return False
    before, after = raw[n - 1], raw[n + 1]
    same_line = abs(before[3] - baseline) <= _TOUCH_PT and abs(after[3] - baseline) <= _TOUCH_PT
    return same_line and not before[4] and not after[4] and x0 - before[2] > _TOUCH_PT and after[1] - x0 > _TOUCH_PT


# FPDFText_GetTextObject returning the bare address: a cheap cache key per text object.
_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0)


class _Fonts:
    """Font name and descent ratio per text object (cached by the object's address)."""

    def __init__(self) -> None:
        self.cache: dict[int | None, tuple[str | None, float]] = {}
        self._buffer = ctypes.create_string_buffer(256)
        self._descent = ctypes.c_float()

    def read(self, text_object: Any) -> tuple[str | None, float]:
        font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
        if not font:
            return None, 0.0
        length = pdfium_c.FPDFFont_GetBaseFontName(font, self._buffer, len(self._buffer))
        name = self._buffer.value.decode("latin-1") if length else None
        ok = pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), self._descent)
        return name, (self._descent.value / 1000.0 if ok else 0.0)
