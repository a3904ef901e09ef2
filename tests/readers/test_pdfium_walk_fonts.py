"""The walk over a page's objects (`pdf_pdfium_paths.Shapes`) tells text objects by their font
(PDFium gives no font for any other object) and hands the characters' reading each text
object's font: on a page of text at the top level and inside forms (nested too), rules, a
rectangle and empty text objects, the walk finds exactly the text objects PDFium's own types
name, with their fonts, counts the same unmeasured ones as asking each object's type and
bounds would, and the characters read with its fonts equal the characters read asking
every text object its own."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from parsers.readers import pdf_pdfium_chars
from parsers.readers.pdf_pdfium_paths import Shapes


def _draw(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.beginForm("label")
    canvas.setFont("Courier", 9)
    canvas.drawString(0, 0, "in a form")
    canvas.rect(0, -4, 60, 14)
    canvas.endForm()
    canvas.beginForm("outer")
    canvas.setFont("Times-Roman", 8)
    canvas.drawString(0, 20, "outer form")
    canvas.doForm("label")
    canvas.endForm()
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, 800, "top level text")
    canvas.line(50, 790, 300, 790)
    canvas.drawString(50, 760, "")  # an empty text object, no size
    for k in range(3):
        canvas.saveState()
        canvas.translate(100 + 120 * k, 500)
        canvas.doForm("outer" if k else "label")
        canvas.restoreState()
    canvas.setFont("ZapfDingbats", 12)
    canvas.drawString(50, 700, "4o")
    canvas.showPage()
    canvas.save()


def _reference(page: object) -> tuple[dict[int, int], int]:
    """Every text object's font and the unmeasured count, by each object's type and bounds."""
    fonts: dict[int, int] = {}
    unmeasured = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))

    def walk(objects: list[object]) -> None:
        nonlocal unmeasured
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                font = pdfium_c.FPDFTextObj_GetFont(obj)
                address = ctypes.cast(obj, ctypes.c_void_p).value
                fonts[address] = ctypes.cast(font, ctypes.c_void_p).value
                measured = pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
                if measured and right.value - left.value <= 1e-3 and top.value - bottom.value <= 1e-3:
                    unmeasured += bool(font) and not pdfium_c.FPDFFont_GetIsEmbedded(font)
            else:
                assert not pdfium_c.FPDFTextObj_GetFont(obj)  # what the walk relies on
                if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                    walk([pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))])

    walk([pdfium_c.FPDFPage_GetObject(page, i) for i in range(pdfium_c.FPDFPage_CountObjects(page))])
    return fonts, unmeasured


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("walk") / "fonts.pdf"
    _draw(path)
    return path


def test_the_walk_finds_each_text_objects_font_and_the_unmeasured_ones(pdf_path: Path) -> None:
    doc = pdfium.PdfDocument(pdf_path)
    try:
        page = doc[0]
        shapes = Shapes(float(page.get_height())).read_page(page.raw)
        fonts, unmeasured = _reference(page.raw)
        page.close()
    finally:
        doc.close()
    assert len(fonts) >= 7  # top level, in forms, in a form in a form
    assert len(set(fonts.values())) >= 4
    assert shapes.text_fonts == fonts
    assert shapes.unmeasured_text == unmeasured
    assert shapes.lines and shapes.rects


def test_characters_read_with_the_walks_fonts_equal_each_objects_own(pdf_path: Path) -> None:
    doc = pdfium.PdfDocument(pdf_path)
    try:
        page = doc[0]
        height = float(page.get_height())
        shapes = Shapes(height).read_page(page.raw)
        textpage = page.get_textpage()
        given = pdf_pdfium_chars.chars(textpage.raw, height, text_fonts=shapes.text_fonts)
        asked = pdf_pdfium_chars.chars(textpage.raw, height)
        textpage.close()
        page.close()
    finally:
        doc.close()
    assert "in a form" in "".join(char.text for char in given)
    assert {char.fontname for char in given} >= {"Helvetica", "Courier", "Times-Roman", "ZapfDingbats"}
    assert given == asked
