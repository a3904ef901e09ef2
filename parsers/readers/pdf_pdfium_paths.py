"""Ruling lines, rectangles and curves from a PDFium page's path objects.

Owns the walk over a page's objects (into form XObjects, their matrices composed) and the
split of every painted path into the pieces pdfminer would make of it, so both engines hand
the layout code the same `Shape`s: each subpath on its own; a move and one line (closed or
not) is a line; a move, three or four lines closing on the start point with axis-aligned
sides is a rect; anything else is a curve with its end points (bezier control points left
out). Paths neither stroked nor filled are clipping only and are skipped.

A page of more than `DENSE_PATHS` path objects (a scatter plot's thousands of markers) has
none of its specks read: a path whose bounds are under `SPECK_PT` both ways on the page can
be no ruling and no check box, and reading its segments would cost more than the page.
Objects and segments are read through bare ctypes prototypes (`pdf_pdfium_calls`, as the
characters are), four C calls a segment and no ctypes conversion.

The same walk counts the text objects PDFium could not measure (`unmeasured_text`): bounds
of no size, drawn in a font the file does not embed. PDFium measures such a font's glyphs
with a system font standing in for it; where the machine has none for the script (a
server without CJK fonts), the characters get no box and PDFium's text page leaves them
out (`是`, `否` missing from a yes/no cell), so the page's text cannot be trusted. Empty text
objects in embedded fonts (word processors write them) are not counted. A text object is
told by its font (`text_fonts`, handed to the characters' reading, which then asks no
object its font again).

Coordinates: PDF user space mapped by the object's matrix, then flipped to top-down.
"""

from __future__ import annotations

import ctypes
from itertools import repeat
from typing import Any

import pypdfium2.raw as pdfium_c

from parsers.readers.pdf_pdfium_calls import Handle, at, bare, lean, ref_of
from parsers.readers.pdf_primitives import Shape

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# Form XObjects nested deeper than this are not walked (a loop guard; PDFium caps too).
_MAX_DEPTH = 16
# Coordinates equal within this (points) are equal (PDFium stores points as floats).
_EQ = 1e-3

_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
_MOVE = pdfium_c.FPDF_SEGMENT_MOVETO
# A page of more path objects than this has no speck read (see the module docstring).
DENSE_PATHS = 2000
SPECK_PT = 4.0
_BEZIER = pdfium_c.FPDF_SEGMENT_BEZIERTO
_I = ctypes.c_int


# bare (`pdf_pdfium_calls`): the page, its objects and segments passed as refs or `Handle`s
_page_count = bare("FPDFPage_CountObjects", _I)
_page_object = bare("FPDFPage_GetObject", Handle)
_form_count = bare("FPDFFormObj_CountObjects", _I)
_form_object = lean("FPDFFormObj_GetObject", Handle, ctypes.c_void_p, ctypes.c_ulong)  # an unsigned long index
_object_type = bare("FPDFPageObj_GetType", _I)
_object_matrix = bare("FPDFPageObj_GetMatrix", _I)
_bounds = bare("FPDFPageObj_GetBounds", _I)
_draw_mode = bare("FPDFPath_GetDrawMode", _I)
_count_segments = bare("FPDFPath_CountSegments", _I)
_segment = bare("FPDFPath_GetPathSegment", Handle)
_segment_type = bare("FPDFPathSegment_GetType", _I)
_segment_point = bare("FPDFPathSegment_GetPoint", None)  # its success not read (`pdf_pdfium_calls`)
_segment_close = bare("FPDFPathSegment_GetClose", _I)
_text_font = bare("FPDFTextObj_GetFont", ctypes.c_void_p)  # an int; None for any object but text
_font_embedded = lean("FPDFFont_GetIsEmbedded", _I, ctypes.c_void_p)


class Shapes:
    """The lines, rects and curves of one page, and how many of its text objects PDFium
    could not measure."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.lines: list[Shape] = []
        self.rects: list[Shape] = []
        self.curves: list[Shape] = []
        # PDFium's answers land in these buffers and are read through memoryviews (a ctypes
        # array unpacked goes through Python's generic item protocol, ten times slower)
        matrix = (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
        self._matrix, self._matrix_at = _view(matrix, "f"), at(matrix)
        floats = (ctypes.c_float * 4)()  # a point (x, y), or bounds (left, bottom, right, top)
        self._floats, self._floats_at = _view(floats, "f"), tuple(at(floats, 4 * k) for k in range(4))
        ints = (ctypes.c_int * 2)()  # fill mode, stroke
        self._ints, self._ints_at = _view(ints, "i"), (at(ints), at(ints, 4))
        self._paths: list[tuple[Handle, Matrix]] = []
        self.unmeasured_text = 0
        # each text object's font, both by address: the characters' reading asks no text
        # object its font again (`pdf_pdfium_chars`)
        self.text_fonts: dict[int, int] = {}
        self._embedded: dict[int, bool] = {}  # by font

    def read_page(self, page: Any) -> Shapes:
        raw = ref_of(page)
        count = _page_count(raw)
        self._walk(list(map(_page_object, repeat(raw, count), range(count))), _IDENTITY, 0)
        dense = len(self._paths) > DENSE_PATHS
        for obj, outer in self._paths:
            if not (dense and self._is_speck(obj, outer)):
                self._path(obj, outer)
        return self

    def _walk(self, objects: list[Handle], outer: Matrix, depth: int) -> None:
        """The objects of a page or form, in order: text objects told by their font (PDFium
        gives none for any other object; one call where the type and the bounds were two)
        and counted where of no size in a font not embedded, paths kept to be read, forms
        walked into."""
        floats = self._floats
        b0, b1, b2, b3 = self._floats_at
        text_fonts, embedded = self.text_fonts, self._embedded
        for obj, font in zip(objects, map(_text_font, objects)):
            if font:
                text_fonts[obj.value or 0] = font  # (a text object's handle is never null)
                known = embedded.get(font)
                if known is None:
                    known = embedded[font] = bool(_font_embedded(font))
                if not known and _bounds(obj, b0, b1, b2, b3):
                    left, bottom, right, top = floats
                    if right - left <= _EQ and top - bottom <= _EQ:
                        self.unmeasured_text += 1
                continue
            kind = _object_type(obj)  # a text object without a font is not counted: skipped
            if kind == _PATH:
                self._paths.append((obj, outer))
            elif kind == _FORM and depth < _MAX_DEPTH:
                matrix = self._compose(obj, outer)
                count = _form_count(obj)
                self._walk(list(map(_form_object, repeat(obj, count), range(count))), matrix, depth + 1)

    def _compose(self, obj: Handle, outer: Matrix) -> Matrix:
        if not _object_matrix(obj, self._matrix_at):
            return outer
        ma, mb, mc, md, me, mf = self._matrix
        a, b, c, d, e, f = outer
        return (ma * a + mb * c, ma * b + mb * d, mc * a + md * c, mc * b + md * d,
                me * a + mf * c + e, me * b + mf * d + f)

    def _is_speck(self, obj: Handle, outer: Matrix) -> bool:
        if not _bounds(obj, *self._floats_at):
            return False
        left, bottom, right, top = self._floats
        a, b, c, d, _, _ = outer  # the bounds' size on the page, through the outer forms
        w, h = right - left, top - bottom
        return abs(a * w) + abs(c * h) < SPECK_PT and abs(b * w) + abs(d * h) < SPECK_PT

    def _path(self, obj: Handle, outer: Matrix) -> None:
        ints = self._ints
        fill_at, stroke_at = self._ints_at
        if not _draw_mode(obj, fill_at, stroke_at):
            return
        fill, stroke = ints[0] != 0, bool(ints[1])
        if not (fill or stroke):
            return
        a, b, c, d, e, f = self._compose(obj, outer)
        height = self.height
        point = self._floats
        x_at, y_at = self._floats_at[0], self._floats_at[1]
        subpaths: list[tuple[str, list[Point]]] = []
        ops = ""
        pts: list[Point] = []
        beziers = 0
        for i in range(_count_segments(obj)):
            seg = _segment(obj, i)
            kind = _segment_type(seg)
            if kind == _BEZIER:
                beziers += 1
                if beziers % 3:
                    continue  # a control point
            _segment_point(seg, x_at, y_at)
            x, y = point[0], point[1]
            pt = (a * x + c * y + e, height - (b * x + d * y + f))
            if kind == _MOVE:
                if ops:
                    subpaths.append((ops, pts))
                ops, pts, beziers = "m", [pt], 0
                continue
            if not ops:
                ops, pts = "m", [pt]
                continue
            ops += "c" if kind == _BEZIER else "l"
            pts.append(pt)
            if _segment_close(seg) and not _same(pt, pts[0]):  # closed back to its start unless already there
                ops += "h"
                pts.append(pts[0])
        if ops:
            subpaths.append((ops, pts))
        for shape, points in subpaths:  # each piece as pdfminer makes it (see the module docstring)
            x0, y0, x1, y1 = _box(points)
            box = Shape(x0, y0, x1, y1, stroke, fill, tuple(points))
            if shape in ("ml", "mlh"):
                self.lines.append(box)
            elif shape in ("mlllh", "mllll") and _same(points[0], points[4]) and _axis_aligned(points):
                self.rects.append(box)
            elif shape != "m":
                self.curves.append(box)


def _box(pts: list[Point]) -> tuple[float, float, float, float]:
    """The least x and y and the greatest, as `min` and `max` of each give them (the first of
    equals), in a few comparisons a point, both axes in one pass over the points, where the
    builtins cost about 2,000 instructions each."""
    x0, y0 = x1, y1 = pts[0]
    for x, y in pts:
        if x < x0:
            x0 = x
        elif x > x1:
            x1 = x
        if y < y0:
            y0 = y
        elif y > y1:
            y1 = y
    return x0, y0, x1, y1


def _view(buffer: Any, kind: str) -> Any:
    view: Any = memoryview(buffer).cast("B")
    return view.cast(kind)


def _same(p: Point, q: Point) -> bool:
    return abs(p[0] - q[0]) <= _EQ and abs(p[1] - q[1]) <= _EQ


def _axis_aligned(pts: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]

    def eq(u: float, v: float) -> bool:
        return abs(u - v) <= _EQ

    return (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or (
        eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0))
