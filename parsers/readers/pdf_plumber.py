"""The pdfplumber engine: page primitives read with pdfplumber/pdfminer (fallback and reference).

Owns opening a PDF with pdfplumber (pdfminer's errors translated where they enter), the
page count the page tree declares (checked before any page is parsed), and each page's
characters, lines, rects, curves and AcroForm check-box widgets (/FT /Btn that is no push
button; /AS or /V other than /Off is ticked) turned into `pdf_primitives`, one page at a
time, each page closed after it is read to keep memory flat. pdfminer shows a turned page
(`/Rotate`) upright; its widgets' rects, as drawn, are turned the same way (`pdf_rotation`).

    PDFPasswordIncorrect, PDFEncryptionError  -> EncryptedDocument (encrypted)
    PDFSyntaxError, PSEOF, broken xref, …     -> CorruptDocument (corrupt)
    more pages than limits.max_pages          -> LimitExceeded (too-many-pages), before parsing
    LimitExceeded (the pipeline's timeout)    -> passes through, also when pdfplumber wrapped it
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfminer.psparser import PSLiteral
from pdfplumber.utils.exceptions import PdfminerException

from parsers.readers.boundary import reading_errors
from parsers.readers.pdf_primitives import Char, PagePrimitives, Shape, Widget
from parsers.readers.pdf_rotation import Turn
from schemas.errors import CorruptDocument, EncryptedDocument, JixiaoError, LimitExceeded, ReadError
from schemas.limits import Limits

_ENCRYPTED: dict[type[BaseException], type[ReadError]] = {PDFPasswordIncorrect: EncryptedDocument, PDFEncryptionError: EncryptedDocument}
_FF_PUSHBUTTON = 1 << 16
_F_HIDDEN = 1 << 1


def pages(data: bytes, limits: Limits) -> Iterator[PagePrimitives]:
    """The primitives of every page, in order (errors raised as ReadErrors)."""
    with pdf_errors():
        pdf = pdfplumber.open(io.BytesIO(data))
    try:
        with pdf_errors():
            count = _page_count(pdf)
        too_many(count, limits)
        with pdf_errors():
            plumber_pages = pdf.pages
        too_many(len(plumber_pages), limits)
        for page in plumber_pages:
            with pdf_errors():  # damaged annotations or drawing operators surface here
                prims = _primitives(page)
            yield prims
            page.close()
    finally:
        # Not pdf.close(): it would build every Page object (also after too-many-pages);
        # the pages read were closed one by one and the stream is an in-memory buffer.
        pdf.stream.close()


def too_many(count: int, limits: Limits) -> None:
    """Refuse a document with more pages than the limit (before any page is parsed)."""
    if count > limits.max_pages:
        raise LimitExceeded(f"PDF 共 {count} 页，超过上限 {limits.max_pages} 页", code="too-many-pages")


def _primitives(page: Any) -> PagePrimitives:
    height = float(page.height)
    turn = _turn(page)
    found = widgets(page.page_obj.annots, turn.height)  # annotation rects are as drawn
    return PagePrimitives(
        number=page.page_number,
        height=height,
        chars=[Char(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], fontname=c.get("fontname"))
               for c in page.chars],
        lines=[_shape(o) for o in page.lines],
        rects=[_shape(o) for o in page.rects],
        curves=[_shape(o) for o in page.curves],
        widgets=[turn.widget(w) for w in found] if turn.degrees else found,
    )


def _turn(page: Any) -> Turn:
    """The page's `/Rotate` and its size as drawn (pdfplumber reports the size as shown)."""
    degrees = int(page.rotation or 0)
    width, height = float(page.width), float(page.height)
    if degrees % 180 == 90:
        width, height = height, width
    return Turn.of(degrees, width, height)


def _shape(obj: dict[str, Any]) -> Shape:
    return Shape(obj["x0"], obj["top"], obj["x1"], obj["bottom"], bool(obj.get("stroke", True)),
                 bool(obj.get("fill", False)), tuple(obj.get("pts") or ()))


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
def pdf_errors() -> Iterator[None]:
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


# ---------------------------------------------------------------- AcroForm widgets


def widgets(annots: Any, page_height: float) -> list[Widget]:
    """Visible check-box widgets among a page's raw /Annots."""
    found = []
    for ref in resolve1(annots) or []:
        annot = resolve1(ref)
        if not isinstance(annot, dict) or _name(annot.get("Subtype")) != "Widget":
            continue
        if _inherited(annot, "FT") != "Btn" or int(resolve1(_inherited(annot, "Ff", raw=True)) or 0) & _FF_PUSHBUTTON:
            continue
        if int(resolve1(annot.get("F")) or 0) & _F_HIDDEN:
            continue
        rect = [float(resolve1(v)) for v in resolve1(annot.get("Rect")) or []]
        if len(rect) != 4:
            continue
        x0, x1 = sorted((rect[0], rect[2]))
        y0, y1 = sorted((rect[1], rect[3]))
        state = _name(annot.get("AS")) or _inherited(annot, "V")
        found.append(Widget(x0, page_height - y1, x1, page_height - y0, state not in (None, "", "Off")))
    return found


def _name(value: Any) -> str | None:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value if isinstance(value, str) else None


def _inherited(annot: dict, key: str, *, raw: bool = False) -> Any:
    """A field attribute from the widget or its /Parent chain (checkbox kids inherit /FT)."""
    node: Any = annot
    for _ in range(16):
        if not isinstance(node, dict):
            return None
        if key in node:
            return node[key] if raw else _name(node[key])
        node = resolve1(node.get("Parent"))
    return None
