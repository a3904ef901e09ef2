"""The characters of a PDFium text page as `pdf_primitives.Char`s, in as few C calls as can be.

Owns the per-character loop, the hottest code of the PDF path, through bare ctypes
prototypes (`pdf_pdfium_calls`: no argument converted): the page's code points in one bulk call, every
character's loose box in one pass into the thread's box array, a few thousand characters at
a time (one C call a character, driven by `map`, no Python frame a character), then the characters of a run that one text object
draws built together from those arrays, and two more calls (origin, text object) for each
of the rest. A text object is one text-showing operator: its characters stand together in
PDFium's list (the run's end is searched for, a few calls a run) and, in horizontal
writing, share its baseline (read at the run's two ends, and a character at a time where
they differ). Pages of right-to-left script, whose lines PDFium reorders, are read a
character at a time. The size is read once per text object, the font's name and descent
once per font (PDFium's font handle: the text objects of one font share it; the page's walk
over its objects hands each text object's, `text_fonts`, so no object is asked its own).

Character boxes follow pdfminer's convention, so both engines agree: left and right from
the glyph's advance, the bottom at the baseline plus the font's descent, the top one font
size above it. Characters PDFium generates itself (spaces, line ends it infers) are left
out; PDFium marks as generated only spaces and line ends, so only spaces are asked. A
space marked generated that stands in a gap between its neighbours on the line is one the
PDF draws, and is kept.
"""

from __future__ import annotations

import ctypes
import re
import sys
import threading
from bisect import bisect_left
from collections import deque
from collections.abc import Mapping
from itertools import compress, repeat
from typing import Any

import pypdfium2.raw as pdfium_c

from parsers.readers.pdf_pdfium_calls import at, bare, lean, ref_of
from parsers.readers.pdf_primitives import Char
from parsers.readers.pdf_rotation import Turn

_SKIPPED = frozenset((0, 0xFFFE, 0xFEFF, 10, 13))
_LINE_ENDS = frozenset((10, 13))
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
_HYPHEN_MARK = 0x02
_SPACE = 0x20
_SURROGATE = 0xD800
_DOUBTFUL = frozenset((*range(0x20), *range(0x7F, 0xA0), 0xFEFF, 0xFFFE, 0xFFFF))
# Every this many characters, the bulk-read code point is checked against the character's own.
_CHECK_STRIDE = 64
_TOUCH_PT = 0.05
# Stretches this short are read a character at a time (a run's search costs more).
_SHORT_RUN = 2
# Characters whose loose boxes one pass reads into the thread's buffer (`_BoxBuffer`).
_BOX_CHUNK = 4096
# Plain sets of code points, searched over a page's text with the standard `re` (twice as fast as `regex`)
# A `Char` made of all its fields as `_new(Char, fields)`, as the runs make theirs: without the
# Python frame of the named tuple's own `__new__` (most of the cost of a character read alone).
_new = tuple.__new__
_PLAIN = re.compile(r"[^\x00-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]+")
_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_SPACES = re.compile(" ")
_start = re.Match.start
# Unbounded repeats a run's `zip` takes fields from (it ends with the run's text): never
# exhausted, so one serves every run of every page.
_CHAR_TYPE = repeat(Char)
_NO_SCORE = repeat(None)


_I = ctypes.c_int
# bare: the text page and our buffers passed as ctypes references made once (`pdf_pdfium_calls`)
_unicode = bare("FPDFText_GetUnicode", ctypes.c_uint)
# no result type where the answer (success) is not read: ctypes makes no int of it (a tenth of the call)
_loose_box = bare("FPDFText_GetLooseCharBox", None)
_origin = bare("FPDFText_GetCharOrigin", None)
_generated = bare("FPDFText_IsGenerated", _I)
_size = bare("FPDFText_GetFontSize", ctypes.c_double)
_text_object = bare("FPDFText_GetTextObject", ctypes.c_void_p)  # an int: a key, compared
_text = bare("FPDFText_GetText", _I)
_object_font = lean("FPDFTextObj_GetFont", ctypes.c_void_p, ctypes.c_void_p)
# lean, by the font handle as an int (a few calls a page, one a font)
_font_name = lean("FPDFFont_GetBaseFontName", ctypes.c_size_t, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)
_font_descent = lean("FPDFFont_GetDescent", _I, ctypes.c_void_p, ctypes.c_float, ctypes.c_void_p)


def chars(textpage: Any, height: float, *, runs: bool = True, turn: Turn | None = None,
          text_fonts: Mapping[int, int] | None = None) -> list[Char]:
    """Every character PDFium lists on the page and the PDF draws, in PDFium's order
    (`runs=False`: every character read on its own, the reference the runs must equal).

    `turn`: the page is shown turned (`/Rotate`); each character is then read on its own and
    placed as shown, its box in the same convention measured along the shown baseline.
    `text_fonts`: the font handle of text objects, by address, as the page's walk over its
    objects found them (`pdf_pdfium_paths.Shapes`); any other text object is asked its own."""
    page = _Page(textpage, height, text_fonts)
    if turn is None:
        return page.read(runs)
    page.turn = turn
    return page.read(False)


class _Page:
    """One text page read: its code points in bulk, its characters run by run."""

    def __init__(self, textpage: Any, height: float, text_fonts: Mapping[int, int] | None = None) -> None:
        self.page = ref_of(textpage)
        self.count = pdfium_c.FPDFText_CountChars(textpage)
        self.height = height
        self.codes = _codes(self.page, self.count)
        self.rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
        self.origin = (ctypes.c_double * 2)()
        self.rect_at, self.x_at = at(self.rect), at(self.origin)
        self.origin_y: Any = memoryview(self.origin).cast("B").cast("d")  # read as [1] (no ctypes item protocol)
        self.y_at = at(self.origin, ctypes.sizeof(ctypes.c_double))
        self.fonts = _Fonts(text_fonts or {})
        self.by_object = self.fonts.by_object
        self.lefts: list[float] = []  # each character's loose box, left and right (runs: read in one pass)
        self.rights: list[float] = []
        self.batched = False  # the boxes read in one pass (else each character's asked on its own)
        self.out: list[Char] = []
        self.baselines: list[float] = []  # beside `out`: each character's origin, for the spaces' test
        self.spaces: list[int] = []  # indexes in `out` of spaces PDFium says it generated
        self.space_chars: list[int] = []  # beside `spaces`: their indexes on the text page
        self.whole = True  # the last run took its whole stretch
        self.text = ""
        self.turn: Turn | None = None

    def read(self, runs: bool = True) -> list[Char]:
        page, codes, count = self.page, self.codes, self.count
        text = self.text = _as_text(codes)
        if runs:
            self.lefts, self.rights = _boxes(page, count)
            self.batched = True
        generated = _generated_spaces(page, text) if runs else []
        generated.append(count)  # past every stretch
        i = 0
        for segment in _plain_runs(text) if runs else ():
            start, stop = segment.span()
            while i < start:  # a line end PDFium writes as it is (in the bulk text too) is skipped unasked
                i = i + 1 if codes[i] in _LINE_ENDS else self._one(i)
            while i < stop:  # characters text objects draw: runs of one object, to the next generated space
                end = generated[bisect_left(generated, i)]
                if end > stop:  # noqa: PLR1730 (min() of two costs about a thousand instructions more)
                    end = stop
                if end - i > _SHORT_RUN:
                    i = self._run(i, end)
                elif end == i:
                    i = self._one(i, generated=True)
                else:
                    while i < end:
                        i = self._one(i)
        while i < count:
            i = self._one(i)
        out = self.out
        if self.spaces:
            made = set(self.spaces)
            drop = []
            for n, index in zip(self.spaces, self.space_chars):
                if _drawn_space(out, self.baselines, n, made):
                    out[n] = self._drawn(out[n], index, self.baselines[n])
                else:
                    drop.append(n)
            if drop:
                out = _without(out, drop)
        return out

    def _one(self, i: int, *, generated: bool | None = None) -> int:
        """Character `i` read on its own (any kind; a space known generated or not); the index after it."""
        page, codes, count = self.page, self.codes, self.count
        code = codes[i]
        if code in _DOUBTFUL:  # the bulk text holds PDFium's marks as U+FFFE: ask the character
            code = _unicode(page, i)
        if code in _SKIPPED:
            return i + 1
        index = i
        i += 1
        if code == _HYPHEN_MARK:  # PDFium's mark for a hyphen at a line's end
            code = 0x2D
        elif 0xD800 <= code < 0xDC00 and i < count:  # a surrogate pair: one character
            low = codes[i]
            if 0xDC00 <= low < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                i += 1
        _origin(page, index, self.x_at, self.y_at)
        if code == _SPACE and (_generated(page, index) == 1 if generated is None else generated):
            # most are dropped (`_drawn_space`): its font and size are read if it is kept
            self.spaces.append(len(self.out))
            self.space_chars.append(index)
            self._add(index, " ", None, 0.0, 0.0, self.origin_y[1])
            return i
        obj = _text_object(page, index)
        font = self._font(obj, index)
        size = font[2] if obj else _size(page, index)
        self._add(index, chr(code), font[0], size, font[1], self.origin_y[1])
        return i

    def _drawn(self, space: Char, index: int, baseline: float) -> Char:
        """A generated space kept as drawn (`space`: its box, read by `_add`), with the font,
        size and top and bottom `_add` would have given it."""
        obj = _text_object(self.page, index)
        name, descent, size = self._font(obj, index)
        if not obj:
            size = _size(self.page, index)
        bottom = baseline - descent * size if self.turn is not None else self.height - (baseline + descent * size)
        return _new(Char, (space.text, space.x0, space.x1, bottom - size, bottom, size, None, name))

    def _run(self, i: int, stop: int) -> int:
        """The characters from `i` on (none of them generated, a mark or a surrogate) that share
        its text object, at most to `stop`; the index after them. One text object is one
        text-showing operator: in horizontal writing its characters share one baseline, which
        is read at both its ends (and for every character where the two differ)."""
        page = self.page
        obj = _text_object(page, i)
        if not obj:
            return self._one(i)
        # the object's characters reach `stop` where the run is one long or where the last run
        # took its whole stretch and the object draws the stretch's last one (most runs);
        # else its end is searched for
        last = stop - 1
        if last == i or (self.whole and _text_object(page, last) == obj):
            end = stop
            self.whole = True
        else:
            end = _run_end(page, i, stop, obj)
            self.whole = end == stop
        font = self.by_object.get(obj)
        if font is None:
            font = self._font(obj, i)
        name, descent, size = font
        y, x_at, y_at = self.origin_y, self.x_at, self.y_at
        _origin(page, end - 1, x_at, y_at)
        last_y = y[1]
        _origin(page, i, x_at, y_at)
        baseline = y[1]
        if baseline != last_y:
            for k in range(i, end):
                _origin(page, k, x_at, y_at)
                self._add(k, self.text[k], name, size, descent, y[1])
            return end
        bottom = self.height - (baseline + descent * size)
        # the run's characters built in C: text, left and right edges from the page's box arrays
        # (the zip ends with the text; the rest repeats unbounded)
        self.out += map(tuple.__new__, _CHAR_TYPE, zip(
            self.text[i:end], self.lefts[i:end], self.rights[i:end], repeat(bottom - size),
            repeat(bottom), repeat(size), _NO_SCORE, repeat(name)))
        self.baselines += [baseline] * (end - i)
        return end

    def _font(self, obj: int | None, index: int) -> tuple[str | None, float, float]:
        """Font name, descent ratio and size of the text object `obj` (of character `index`)."""
        font = self.by_object.get(obj)
        if font is None:
            font = self.by_object[obj] = (*self.fonts.read(obj), _size(self.page, index))
        return font

    def _add(self, index: int, char: str, name: str | None, size: float, descent: float, baseline: float) -> None:
        if self.batched:
            left, right = self.lefts[index], self.rights[index]
        else:  # the reference, and turned pages: the character's box asked on its own
            _loose_box(self.page, index, self.rect_at)
            if self.turn is not None:
                self._add_turned(self.turn, char, name, size, descent)
                return
            left, right = self.rect[0], self.rect[2]
        bottom = self.height - (baseline + descent * size)
        self.out.append(_new(Char, (char, left, right, bottom - size, bottom, size, None, name)))
        self.baselines.append(baseline)

    def _add_turned(self, turn: Turn, char: str, name: str | None, size: float, descent: float) -> None:
        """A character of a turned page as shown: its left and right from its loose box, its
        bottom at the shown baseline (the origin) plus the descent, its top one size above."""
        rect, origin = self.rect, self.origin
        x0, _, x1, _ = turn.box(rect[0], turn.height - rect[1], rect[2], turn.height - rect[3])
        _, baseline = turn.top_down(origin[0], origin[1])
        bottom = baseline - descent * size
        self.out.append(_new(Char, (char, x0, x1, bottom - size, bottom, size, None, name)))
        self.baselines.append(baseline)


def _boxes(page: Any, count: int) -> tuple[list[float], list[float]]:
    """The left and right edges of every character's loose box on the page (`page`: the text
    page's `ref`), read in one pass a `_BOX_CHUNK` of characters at a time into the thread's
    `_BoxBuffer` (FS_RECTF: left, top, right, bottom, four floats a character)."""
    if count <= 0:
        return [], []
    buffer = _BUFFER
    lefts: list[float] = []
    rights: list[float] = []
    for start in range(0, count, _BOX_CHUNK):
        n = min(_BOX_CHUNK, count - start)
        refs = buffer.refs if len(buffer.refs) >= n else buffer.grow(n)
        ctypes.memset(buffer.array, 0, 16 * n)
        deque(map(_loose_box, repeat(page, n), range(start, start + n), refs), 0)
        flat = buffer.flat  # only the two edges made Python floats
        lefts += flat[0 : 4 * n : 4].tolist()
        rights += flat[2 : 4 * n : 4].tolist()
    return lefts, rights


class _BoxBuffer(threading.local):
    """One thread's array for the loose boxes of `_BOX_CHUNK` characters, and a bare call's
    reference to each box in it, made once (a reference made a character cost about a
    third of the call)."""

    def __init__(self) -> None:
        self.array = (ctypes.c_float * (4 * _BOX_CHUNK))()
        self.flat: Any = memoryview(self.array).cast("B").cast("f")
        self.refs: list[Any] = []

    def grow(self, n: int) -> list[Any]:
        """References to the first `n` boxes (at most `_BOX_CHUNK`)."""
        have = len(self.refs)
        self.refs += map(ctypes.byref, repeat(self.array, n - have), range(16 * have, 16 * n, 16))
        return self.refs


_BUFFER = _BoxBuffer()


def _codes(page: Any, count: int) -> Any:
    """The page's code points, one a character: one bulk call (FPDFText_GetText) where it lists
    exactly one UTF-16 unit a character (spot-checked), else one call a character. Control
    codes and non-characters in it are `_DOUBTFUL`: those characters are asked again (but
    for line ends in the runs' reading: PDFium writes the ones it generates as they are)."""
    if count <= 0:
        return []
    # a bytearray, not a ctypes array: ctypes would make (and keep) an array type for each page's count
    buffer = bytearray(2 * (count + 1))
    if _text(page, 0, count, ctypes.byref(ctypes.c_char.from_buffer(buffer))) == count + 1:
        codes = memoryview(buffer).cast("H")[:count]
        sample = (*range(0, count, _CHECK_STRIDE), count - 1)
        if all(codes[i] in _DOUBTFUL or _unicode(page, i) == codes[i] for i in sample):
            return codes
    return [_unicode(page, i) for i in range(count)]


def _as_text(codes: Any) -> str:
    """The code points as a string, one character each: the bulk text's UTF-16 units decoded
    at once where no two of them pair into one character, else one `chr` a code point."""
    if isinstance(codes, memoryview):
        text = codes.tobytes().decode(_UTF16, "surrogatepass")  # lone surrogates kept as they are
        if len(text) == len(codes):
            return text
    return "".join(map(chr, codes))


def _plain_runs(text: str) -> Any:
    """Stretches of characters a text object draws: no mark, line end, surrogate or control
    code in them. None on a page of right-to-left script, whose lines PDFium reorders."""
    if _RIGHT_TO_LEFT.search(text):
        return ()
    return _PLAIN.finditer(text)


def _generated_spaces(page: Any, text: str) -> list[int]:
    """The indexes of the page's spaces PDFium says it generated, in order: every space asked
    in one pass (one C call a space, driven by `map`, no Python frame a space)."""
    spaces = list(map(_start, _SPACES.finditer(text)))
    return list(compress(spaces, map((1).__eq__, map(_generated, repeat(page), spaces))))


def _run_end(page: Any, i: int, stop: int, obj: int) -> int:
    """The first index after `i` (at most `stop`) whose character is not drawn by `obj`: an
    object's characters stand together in PDFium's list, so its end is searched for in
    steps from `i` (a stretch of many small objects), then by halves. (`_Page._run` first
    asks whether the object reaches `stop`, where most runs end.)"""
    low, high, step = i, stop, 1  # low is the object's, high is not (or the stretch's end)
    while low + step < high:
        if _text_object(page, low + step) != obj:
            high = low + step
            break
        low += step
        step *= 2
    while high - low > 1:
        mid = (low + high) // 2
        if _text_object(page, mid) == obj:
            low = mid
        else:
            high = mid
    return high


def _without(items: list[Char], drop: list[int]) -> list[Char]:
    """`items` but those at the indexes `drop` (ascending, each once): the stretches between
    them copied whole, not a Python step an item."""
    kept: list[Char] = []
    start = 0
    for n in drop:
        kept += items[start:n]
        start = n + 1
    kept += items[start:]
    return kept


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
    """Font name and descent ratio per font (keyed by PDFium's font handle, read once a font),
    and with the size per text object (keyed by the object's address)."""

    def __init__(self, text_fonts: Mapping[int, int]) -> None:
        self.text_fonts = text_fonts
        self.by_object: dict[int | None, tuple[str | None, float, float]] = {}
        self.by_font: dict[int, tuple[str | None, float]] = {}
        self._buffer = ctypes.create_string_buffer(256)
        self._descent = ctypes.c_float()

    def read(self, text_object: int | None) -> tuple[str | None, float]:
        if not text_object:
            return None, 0.0
        font = self.text_fonts.get(text_object) or _object_font(text_object)
        if not font:
            return None, 0.0
        known = self.by_font.get(font)
        if known is None:
            known = self.by_font[font] = self._read_font(font)
        return known

    def _read_font(self, font: int) -> tuple[str | None, float]:
        length = _font_name(font, self._buffer, len(self._buffer))
        name = self._buffer.value.decode("latin-1") if length else None
        ok = _font_descent(font, 1000.0, ctypes.byref(self._descent))
        return name, (self._descent.value / 1000.0 if ok else 0.0)
