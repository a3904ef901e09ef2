"""PDFium characters read run by run (one text object's characters at a time) equal the
same characters read one at a time, on pages built to strain the runs: rotated and
vertically shifted text, kerned words whose gaps PDFium fills with generated spaces, a
symbol font, CJK, tiny text objects side by side, a hyphen at a line's end."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from parsers.readers import pdf_pdfium_chars
from parsers.readers.pdf_pdfium_calls import ref

CJK_FONT = "STSong-Light"


def _draw(path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, 800, "Plain words on one baseline, one text object.")
    text = canvas.beginText(50, 780)
    text.setFont("Helvetica", 10)
    text.textOut("Rise ")
    text.setRise(4)
    text.textOut("up")
    text.setRise(0)
    text.textOut(" and back down")
    canvas.drawText(text)
    canvas.saveState()
    canvas.translate(300, 500)
    canvas.rotate(30)
    canvas.drawString(0, 0, "Rotated text: each character on its own baseline")
    canvas.restoreState()
    text = canvas.beginText(50, 740)
    text.setFont("Helvetica", 10)
    text.setCharSpace(3)
    text.textOut("Spaced out")
    text.setCharSpace(0)
    text.setWordSpace(12)
    text.textOut(" and wide words here")
    canvas.drawText(text)
    canvas.setFont("ZapfDingbats", 10)
    canvas.drawString(50, 720, "no4")  # boxes and ticks in a symbol font
    canvas.setFont(CJK_FONT, 10)
    canvas.drawString(50, 700, "项目名称：某某项目 年初预算（万元）")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, 680, "a line that ends in a hyphen-")
    canvas.setFont("Helvetica", 2)
    for i in range(300):
        canvas.drawString(20 + (i % 100) * 5.5, 600 - (i // 100) * 8, "ab")
    canvas.showPage()
    canvas.save()


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("runs") / "strain.pdf"
    _draw(path)
    return path


def test_runs_read_the_same_characters_as_one_at_a_time(pdf_path: Path) -> None:
    doc = pdfium.PdfDocument(pdf_path)
    try:
        page = doc[0]
        textpage = page.get_textpage()
        height = float(page.get_height())
        by_runs = pdf_pdfium_chars.chars(textpage.raw, height)
        one_by_one = pdf_pdfium_chars.chars(textpage.raw, height, runs=False)
        textpage.close()
        page.close()
    finally:
        doc.close()
    text = "".join(char.text for char in by_runs)
    assert "Rotated" in text and "项目名称" in text and "ab" in text
    assert len(by_runs) > 600
    assert by_runs == one_by_one


@pytest.mark.parametrize("chunk", [pdf_pdfium_chars._BOX_CHUNK, 100, 7])
@pytest.mark.parametrize("thread", [False, True])
def test_page_box_arrays_equal_each_characters_own_box(
        pdf_path: Path, chunk: int, thread: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one-pass arrays hold, for every character, the left and right of the loose box
    PDFium gives when asked for that character alone (through pypdfium2's own binding):
    read a chunk at a time through the thread's buffer, in this thread or a new one."""
    import ctypes
    from concurrent.futures import ThreadPoolExecutor

    import pypdfium2.raw as pdfium_c

    monkeypatch.setattr(pdf_pdfium_chars, "_BOX_CHUNK", chunk)
    doc = pdfium.PdfDocument(pdf_path)
    try:
        page = doc[0]
        textpage = page.get_textpage()
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        page_ref = ref(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        if thread:
            with ThreadPoolExecutor(1) as pool:
                lefts, rights = pool.submit(pdf_pdfium_chars._boxes, page_ref, count).result()
        else:
            lefts, rights = pdf_pdfium_chars._boxes(page_ref, count)
        rect = pdfium_c.FS_RECTF()
        one_by_one = []
        for i in range(count):
            assert pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, rect)
            one_by_one.append((rect.left, rect.right))
        textpage.close()
        page.close()
    finally:
        doc.close()
    assert count > 600
    assert list(zip(lefts, rights, strict=True)) == one_by_one
    assert len(set(lefts)) > 100  # the boxes differ from one character to the next


def test_a_fonts_name_is_read_once_for_all_its_text_objects(pdf_path: Path) -> None:
    doc = pdfium.PdfDocument(pdf_path)
    try:
        page = doc[0]
        textpage = page.get_textpage()
        reader = pdf_pdfium_chars._Page(textpage.raw, float(page.get_height()))
        chars = reader.read()
        textpage.close()
        page.close()
    finally:
        doc.close()
    names = {char.fontname for char in chars}
    assert len(reader.fonts.by_object) > 300  # the tiny text objects, each its own
    assert len(reader.fonts.by_font) == len(names) == 3  # Helvetica, ZapfDingbats, the CJK font
    assert any(name and "Helvetica" in name for name in names)


def test_line_ends_in_the_bulk_text_are_the_characters_own(pdf_path: Path) -> None:
    """The runs' reading skips a line end of the bulk text without asking the character:
    PDFium writes the line ends it generates as they are, in the bulk text and per character."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(pdf_path)
    try:
        page = doc[0]
        textpage = page.get_textpage()
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        codes = pdf_pdfium_chars._codes(ref(ctypes.cast(textpage.raw, ctypes.c_void_p).value), count)
        ends = [i for i, code in enumerate(codes) if code in pdf_pdfium_chars._LINE_ENDS]
        own = [pdfium_c.FPDFText_GetUnicode(textpage.raw, i) for i in ends]
        textpage.close()
        page.close()
    finally:
        doc.close()
    assert len(ends) > 10
    assert own == [codes[i] for i in ends]


@pytest.mark.parametrize("units", [
    [0x41, 0x9879, 0x20, 0xFFFE, 0x0D, 0x0A, 0x42],  # plain, a mark, a line end
    [0xFEFF, 0x41, 0xDC00, 0xD800, 0x42],  # a leading BOM kept, lone surrogates kept
    [0x41, 0xD83D, 0xDE00, 0x42],  # a surrogate pair: still one character a unit
])
def test_bulk_text_is_one_character_a_utf16_unit(units: list[int]) -> None:
    import ctypes

    buffer = (ctypes.c_ushort * len(units))(*units)
    codes = memoryview(buffer).cast("B").cast("H")
    assert pdf_pdfium_chars._as_text(codes) == "".join(map(chr, units))


def test_plain_and_right_to_left_sets_are_the_code_points_they_name() -> None:
    """The page's stretches and its right-to-left test use the standard `re` on plain sets
    of code points: every code point (lone surrogates included) is in the set it names."""
    import sys

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    plain = {ch for match in pdf_pdfium_chars._PLAIN.finditer(every) for ch in match.group()}
    named = {chr(code) for code in (*pdf_pdfium_chars._DOUBTFUL, *range(0xD800, 0xE000))}  # left out
    assert plain == set(every) - named
    right_to_left = {ch for ch in every if pdf_pdfium_chars._RIGHT_TO_LEFT.search(ch)}
    ranges = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFC))
    assert right_to_left == {chr(code) for low, high in ranges for code in range(low, high + 1)}


def test_a_kept_generated_space_has_the_font_size_and_box_of_its_own_queries() -> None:
    """A space PDFium generated gets its font and size only if kept as drawn: the ones kept
    (a LibreOffice PDF has some) equal what the character's own queries give (through
    pypdfium2's bindings), as when every space was read in full."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    from parsers.readers.pdf_primitives import Char

    path = Path(__file__).resolve().parents[2] / "corpus" / "pdf" / "key_libreoffice_word.pdf"
    doc = pdfium.PdfDocument(path)
    kept = 0
    try:
        for number in range(len(doc)):
            page = doc[number]
            textpage = page.get_textpage()
            height = float(page.get_height())
            reader = pdf_pdfium_chars._Page(textpage.raw, height)
            chars = reader.read()
            assert chars == pdf_pdfium_chars.chars(textpage.raw, height, runs=False)
            for n, index in zip(reader.spaces, reader.space_chars, strict=True):
                if reader.out[n].size == 0.0:
                    continue  # dropped
                kept += 1
                x, y, rect = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_RECTF()
                assert pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y)
                assert pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, rect)
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
                obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)
                name, descent = None, 0.0
                if obj and (font := pdfium_c.FPDFTextObj_GetFont(obj)):
                    buffer = ctypes.create_string_buffer(256)
                    if pdfium_c.FPDFFont_GetBaseFontName(font, buffer, 256):
                        name = buffer.value.decode("latin-1")
                    value = ctypes.c_float()
                    if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), value):
                        descent = value.value / 1000.0
                bottom = height - (y.value + descent * size)
                assert reader.out[n] == Char(" ", rect.left, rect.right, bottom - size, bottom, size, None, name)
            textpage.close()
            page.close()
    finally:
        doc.close()
    assert kept >= 3


@pytest.mark.parametrize("drop", [[], [0], [9], [0, 9], [3, 4, 5], [1, 3, 5, 7], list(range(10))])
def test_dropped_spaces_leave_the_rest_in_order(drop: list[int]) -> None:
    items = [pdf_pdfium_chars.Char(str(n), n, n + 1.0, 0.0, 1.0, 1.0, None, "F") for n in range(10)]
    kept = pdf_pdfium_chars._without(items, drop)
    assert kept == [char for n, char in enumerate(items) if n not in drop]
    assert items == [pdf_pdfium_chars.Char(str(n), n, n + 1.0, 0.0, 1.0, 1.0, None, "F") for n in range(10)]
