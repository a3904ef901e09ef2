"""The characters of a PDFium text page as `pdf_primitives.Char`s, in as few C calls as can be.

Owns the per-character loop, the hottest code of the PDF path: three calls a character
(its code point, its loose box, its origin) and one for the text object it belongs to,
through lean ctypes prototypes taking bare addresses; the font name, descent and size are
read once per text object (every character of one object shares them).

Character boxes follow pdfminer's convention, so both engines agree: left and right from
the glyph's advance, the bottom at the baseline plus the font's descent, the top one font
size above it. Characters PDFium generates itself (spaces, line ends it infers) are left
out; PDFium marks as generated only spaces and line ends, so only spaces are asked. A
space marked generated that stands in a gap between its neighbours on the line is one the
PDF draws, and is kept.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from parsers.readers.pdf_primitives import Char

_SKIPPED = frozenset((0, 0xFFFE, 0xFEFF, 10, 13))
_HYPHEN_MARK = 0x02
_SPACE = 0x20
_TOUCH_PT = 0.05


def _lean(name: str, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function called with plain ints for its pointers (no ctypes conversions)."""
    address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_P, _I = ctypes.c_void_p, ctypes.c_int
_unicode = _lean("FPDFText_GetUnicode", ctypes.c_uint, _P, _I)
_loose_box = _lean("FPDFText_GetLooseCharBox", _I, _P, _I, _P)
_origin = _lean("FPDFText_GetCharOrigin", _I, _P, _I, _P, _P)
_generated = _lean("FPDFText_IsGenerated", _I, _P, _I)
_size = _lean("FPDFText_GetFontSize", ctypes.c_double, _P, _I)
_text_object = _lean("FPDFText_GetTextObject", _P, _P, _I)


def chars(textpage: Any, height: float) -> list[Char]:
    """Every character PDFium lists on the page and the PDF draws, in PDFium's order."""
    page = ctypes.cast(textpage, ctypes.c_void_p).value
    count = pdfium_c.FPDFText_CountChars(textpage)
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    origin = (ctypes.c_double * 2)()
    rect_at, x_at = ctypes.addressof(rect), ctypes.addressof(origin)
    y_at = x_at + ctypes.sizeof(ctypes.c_double)
    fonts = _Fonts()
    known = fonts.cache
    out: list[Char] = []
    baselines: list[float] = []  # beside `out`: each character's origin, for the spaces' test
    spaces: list[int] = []  # indexes in `out` of spaces PDFium says it generated
    i = 0
    while i < count:
        code = _unicode(page, i)
        if code in _SKIPPED:
            i += 1
            continue
        index, step = i, 1
        if code == _HYPHEN_MARK:  # PDFium's mark for a hyphen at a line's end
            code = 0x2D
        if 0xD800 <= code < 0xDC00 and i + 1 < count:  # a surrogate pair: one character
            low = _unicode(page, i + 1)
            if 0xDC00 <= low < 0xE000:
                code, step = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 2
        i += step
        _loose_box(page, index, rect_at)
        _origin(page, index, x_at, y_at)
        obj = _text_object(page, index)
        font = known.get(obj)
        if font is None:
            font = known[obj] = fonts.read(obj, _size(page, index))
        size = font[2] if obj else _size(page, index)
        baseline = origin[1]
        bottom = height - (baseline + font[1] * size)
        if code == _SPACE and _generated(page, index) == 1:
            spaces.append(len(out))
        out.append(Char(chr(code), font[0], rect[0], rect[2], bottom - size, bottom, size))
        baselines.append(baseline)
    if spaces:
        made = set(spaces)
        drop = {n for n in spaces if not _drawn_space(out, baselines, n, made)}
        out = [char for n, char in enumerate(out) if n not in drop]
    return out


def _drawn_space(out: list[Char], baselines: list[float], n: int, made: set[int]) -> bool:
    """PDFium marks the spaces it infers as generated, and also some the PDF draws. A drawn
    one stands in a gap between its neighbours on the line; an inferred one touches one."""
    if n == 0 or n + 1 >= len(out) or n - 1 in made or n + 1 in made:
        return False
    line = baselines[n]
    if abs(baselines[n - 1] - line) > _TOUCH_PT or abs(baselines[n + 1] - line) > _TOUCH_PT:
        return False
    x0 = out[n].x0
    return x0 - out[n - 1].x1 > _TOUCH_PT and out[n + 1].x0 - x0 > _TOUCH_PT


class _Fonts:
    """Font name, descent ratio and size per text object (keyed by the object's address)."""

    def __init__(self) -> None:
        self.cache: dict[int | None, tuple[str | None, float, float]] = {}
        self._buffer = ctypes.create_string_buffer(256)
        self._descent = ctypes.c_float()

    def read(self, text_object: int | None, size: float) -> tuple[str | None, float, float]:
        font = pdfium_c.FPDFTextObj_GetFont(ctypes.cast(text_object, pdfium_c.FPDF_PAGEOBJECT)) if text_object else None
        if not font:
            return None, 0.0, size
        length = pdfium_c.FPDFFont_GetBaseFontName(font, self._buffer, len(self._buffer))
        name = self._buffer.value.decode("latin-1") if length else None
        ok = pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), self._descent)
        return name, (self._descent.value / 1000.0 if ok else 0.0), size
