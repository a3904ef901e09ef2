"""Check-box widgets of a page read through PDFium, as `pdf_primitives.Widget`s.

Owns finding a page's visible check-box and radio-button widgets and their states. With an
AcroForm (a form environment), PDFium's form API decides: field type check box or radio
button, `IsChecked`. A page whose widgets the catalog's AcroForm does not list (pages
imported from another file keep their /Annots but lose the form) is read from the
annotation dictionaries, as the pdfplumber engine reads every page: /FT /Btn (on the
widget or up its /Parent chain) that is no push button, not hidden, ticked when /AS (or
the inherited /V) names a state other than /Off.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from parsers.readers.pdf_pdfium_calls import at, bare, ref_of
from parsers.readers.pdf_primitives import Widget

_BUTTONS = frozenset((pdfium_c.FPDF_FORMFIELD_CHECKBOX, pdfium_c.FPDF_FORMFIELD_RADIOBUTTON))
_FF_PUSHBUTTON = 1 << 16
_PARENT_DEPTH = 16
_TEXT_TYPES = (pdfium_c.FPDF_OBJECT_NAME, pdfium_c.FPDF_OBJECT_STRING)
_I = ctypes.c_int

# bare (`pdf_pdfium_calls`): the calls made for every annotation, on references made once
_subtype = bare("FPDFAnnot_GetSubtype", _I)
_field_type = bare("FPDFAnnot_GetFormFieldType", _I)
_flags = bare("FPDFAnnot_GetFlags", _I)
_rect = bare("FPDFAnnot_GetRect", _I)
_checked = bare("FPDFAnnot_IsChecked", _I)


def widgets(page: Any, height: float, formenv: Any | None) -> list[Widget]:
    """Visible check-box widgets of a page (`formenv`: the document's form handle, or None)."""
    found: list[Widget] = []
    count = pdfium_c.FPDFPage_GetAnnotCount(page)
    if count <= 0:
        return found
    rect = pdfium_c.FS_RECTF()
    rect_at = at(rect)
    form = ref_of(formenv) if formenv is not None else None
    for i in range(count):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        if not annot:
            continue
        try:
            handle = ref_of(annot)
            if _subtype(handle) != pdfium_c.FPDF_ANNOT_WIDGET:
                continue
            if form is not None:
                if _field_type(form, handle) not in _BUTTONS:
                    continue
            elif not _is_check_box(annot):
                continue
            if _flags(handle) & pdfium_c.FPDF_ANNOT_FLAG_HIDDEN:
                continue
            if not _rect(handle, rect_at):
                continue
            x0, x1 = sorted((rect.left, rect.right))
            y0, y1 = sorted((rect.bottom, rect.top))
            if form is not None:
                checked = bool(_checked(form, handle))
            else:
                state = _text(annot, b"AS")
                if not state:
                    state = _inherited(annot, b"V", _text)
                checked = state not in (None, "", "Off")
            found.append(Widget(x0, height - y1, x1, height - y0, checked))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return found


def _is_check_box(annot: Any) -> bool:
    if _inherited(annot, b"FT", _text) != "Btn":
        return False
    flags = _inherited(annot, b"Ff", _number)
    return not int(flags or 0) & _FF_PUSHBUTTON


def _inherited(annot: Any, key: bytes, read: Any) -> Any:
    """A field attribute from the widget or its /Parent chain (check-box kids inherit /FT)."""
    node, owned = annot, []
    try:
        for _ in range(_PARENT_DEPTH):
            if pdfium_c.FPDFAnnot_HasKey(node, key):
                return read(node, key)
            parent = pdfium_c.FPDFAnnot_GetLinkedAnnot(node, b"Parent")
            if not parent:
                return None
            owned.append(parent)
            node = parent
        return None
    finally:
        for handle in owned:
            pdfium_c.FPDFPage_CloseAnnot(handle)


def _text(annot: Any, key: bytes) -> str | None:
    if pdfium_c.FPDFAnnot_GetValueType(annot, key) not in _TEXT_TYPES:
        return None
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAnnot_GetStringValue(annot, key, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _number(annot: Any, key: bytes) -> float | None:
    if pdfium_c.FPDFAnnot_GetValueType(annot, key) != pdfium_c.FPDF_OBJECT_NUMBER:
        return None
    value = ctypes.c_float()
    return value.value if pdfium_c.FPDFAnnot_GetNumberValue(annot, key, value) else None
