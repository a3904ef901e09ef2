"""The lean ctypes prototypes (`pdf_pdfium_calls`) answer what pypdfium2's own bindings do: a
C int read with no result type declared keeps its sign and value, a call whose result type is
None still does its work."""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

from parsers.readers.pdf_pdfium_calls import at, bare, ref


def test_an_int_answer_keeps_its_sign() -> None:
    segment_type = bare("FPDFPathSegment_GetType", ctypes.c_int)
    assert type(segment_type).__name__ == "_IntResult"
    assert segment_type(ref(0)) == pdfium_c.FPDF_SEGMENT_UNKNOWN == -1  # no segment
    close = bare("FPDFPathSegment_GetClose", ctypes.c_int)
    assert close(ref(0)) == 0


def test_int_answers_equal_the_bindings_on_a_drawn_page() -> None:
    document = pdfium_c.FPDF_CreateNewDocument()
    page = pdfium_c.FPDFPage_New(document, 0, 200.0, 200.0)
    try:
        path = pdfium_c.FPDFPageObj_CreateNewPath(10.0, 10.0)
        pdfium_c.FPDFPath_LineTo(path, 50.0, 10.0)
        pdfium_c.FPDFPath_BezierTo(path, 60.0, 20.0, 70.0, 30.0, 80.0, 40.0)
        pdfium_c.FPDFPath_Close(path)
        pdfium_c.FPDFPage_InsertObject(page, path)
        raw = ref(ctypes.cast(path, ctypes.c_void_p).value)
        count = bare("FPDFPath_CountSegments", ctypes.c_int)
        kind = bare("FPDFPageObj_GetType", ctypes.c_int)
        assert count(raw) == pdfium_c.FPDFPath_CountSegments(path) == 5
        assert kind(raw) == pdfium_c.FPDFPageObj_GetType(path) == pdfium_c.FPDF_PAGEOBJ_PATH
        segment = bare("FPDFPath_GetPathSegment", ctypes.c_void_p)
        segment_type = bare("FPDFPathSegment_GetType", ctypes.c_int)
        point = bare("FPDFPathSegment_GetPoint", None)
        xy = (ctypes.c_float * 2)()
        for i in range(5):
            own = pdfium_c.FPDFPath_GetPathSegment(path, i)
            assert segment_type(ref(segment(raw, i))) == pdfium_c.FPDFPathSegment_GetType(own)
            assert point(ref(segment(raw, i)), at(xy), at(xy, 4)) is None
            x, y = ctypes.c_float(), ctypes.c_float()
            assert pdfium_c.FPDFPathSegment_GetPoint(own, x, y)
            assert (xy[0], xy[1]) == (x.value, y.value)
    finally:
        pdfium_c.FPDF_ClosePage(page)
        pdfium_c.FPDF_CloseDocument(document)
