"""Ruling lines, rectangles and curves from a PDFium page's path objects.

Owns the walk over a page's objects (into form XObjects, their matrices composed) and the
split of every painted path into the pieces pdfminer would make of it, so both engines hand
the layout code the same `Shape`s: each subpath on its own; a move and one line (closed or
not) is a line; a move, three or four lines closing on the start point with axis-aligned
sides is a rect; anything else is a curve with its end points (bezier control points left
out). Paths neither stroked nor filled are clipping only and are skipped.

Coordinates: PDF user space mapped by the object's matrix, then flipped to top-down.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

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
# Path objects on a page beyond which specks are not read (see the module docstring).
DENSE_PATHS = 2000
SPECK_PT = 4.0
_BEZIER = pdfium_c.FPDF_SEGMENT_BEZIERTO


class Shapes:
    """The lines, rects and curves of one page."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.lines: list[Shape] = []
        self.rects: list[Shape] = []
        self.curves: list[Shape] = []
        self._matrix = pdfium_c.FS_MATRIX()
        self._x, self._y = ctypes.c_float(), ctypes.c_float()
        self._fill, self._stroke = ctypes.c_int(), ctypes.c_int()
        self._paths = 0
        self._bounds = [ctypes.c_float() for _ in range(4)]

    def read_page(self, page: Any) -> Shapes:
        for i in range(pdfium_c.FPDFPage_CountObjects(page)):
            self._visit(pdfium_c.FPDFPage_GetObject(page, i), _IDENTITY, 0)
        return self

    def _visit(self, obj: Any, outer: Matrix, depth: int) -> None:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _PATH:
            self._path(obj, outer)
        elif kind == _FORM and depth < _MAX_DEPTH:
            matrix = self._compose(obj, outer)
            for j in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                self._visit(pdfium_c.FPDFFormObj_GetObject(obj, j), matrix, depth + 1)

    def _compose(self, obj: Any, outer: Matrix) -> Matrix:
        m = self._matrix
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
            return outer
        a, b, c, d, e, f = outer
        return (m.a * a + m.b * c, m.a * b + m.b * d, m.c * a + m.d * c, m.c * b + m.d * d,
                m.e * a + m.f * c + e, m.e * b + m.f * d + f)

    def _is_speck(self, obj: Any, outer: Matrix) -> bool:
        left, bottom, right, top = self._bounds
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            return False
        a, b, c, d, _, _ = outer  # the bounds' size on the page, through the outer forms
        w, h = right.value - left.value, top.value - bottom.value
        return abs(a * w) + abs(c * h) < SPECK_PT and abs(b * w) + abs(d * h) < SPECK_PT

    def _path(self, obj: Any, outer: Matrix) -> None:
        self._paths += 1
        if self._paths > DENSE_PATHS and self._is_speck(obj, outer):
            return
        if not pdfium_c.FPDFPath_GetDrawMode(obj, self._fill, self._stroke):
            return
        fill, stroke = self._fill.value != 0, bool(self._stroke.value)
        if not (fill or stroke):
            return
        a, b, c, d, e, f = self._compose(obj, outer)
        height = self.height
        x, y = self._x, self._y
        subpaths: list[tuple[str, list[Point]]] = []
        ops: list[str] = []
        pts: list[Point] = []
        beziers = 0
        for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == _BEZIER:
                beziers += 1
                if beziers % 3:
                    continue  # a control point
            pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
            pt = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
            if kind == _MOVE:
                if ops:
                    subpaths.append(("".join(ops), pts))
                ops, pts, beziers = ["m"], [pt], 0
                continue
            if not ops:
                ops, pts = ["m"], [pt]
                continue
            ops.append("c" if kind == _BEZIER else "l")
            pts.append(pt)
            if pdfium_c.FPDFPathSegment_GetClose(seg) and not _same(pt, pts[0]):
                ops.append("h")
                pts.append(pts[0])
        if ops:
            subpaths.append(("".join(ops), pts))
        for shape, points in subpaths:
            self._add(shape, points, stroke, fill)

    def _add(self, shape: str, pts: list[Point], stroke: bool, fill: bool) -> None:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        box = Shape(min(xs), min(ys), max(xs), max(ys), stroke, fill, tuple(pts))
        if shape in ("ml", "mlh"):
            self.lines.append(box)
        elif shape in ("mlllh", "mllll") and _same(pts[0], pts[4]) and _axis_aligned(pts):
            self.rects.append(box)
        elif shape != "m":
            self.curves.append(box)


def _same(p: Point, q: Point) -> bool:
    return abs(p[0] - q[0]) <= _EQ and abs(p[1] - q[1]) <= _EQ


def _axis_aligned(pts: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]

    def eq(u: float, v: float) -> bool:
        return abs(u - v) <= _EQ

    return (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or (
        eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0))
