"""Lean ctypes prototypes for the PDFium calls the reader makes by the thousand a page.

Owns how `pdf_pdfium_chars` and `pdf_pdfium_paths` call PDFium in their loops, bypassing
pypdfium2's bindings, in two ways:
- `lean`: argument types declared, pointers passed as plain ints; ctypes converts every
  argument through its type on every call (about 2,000 instructions a call of three);
- `bare`: no argument types, so ctypes converts nothing: an int goes as a C int, and a
  pointer must be a ctypes reference, made once and passed again and again (`ref` for a
  handle held as an int, `at` for a place in a buffer of ours) or a `Handle` another bare
  function returned. A bare call costs about half a lean one. Made with no result type
  (`restype` None) where its answer is not read, ctypes makes no int of it; one answering a
  C int is made with none declared at all (`_IntResult`), which ctypes reads as an int by its
  shortest path.
Both are called holding the GIL (`PYFUNCTYPE`): each call is a short look-up in memory PDFium
has already built, and releasing and taking back the GIL around it cost about a seventh of
the call, made once or more a character.
"""

from __future__ import annotations

import ctypes
from _ctypes import FUNCFLAG_CDECL, FUNCFLAG_PYTHONAPI, CFuncPtr
from typing import Any

import pypdfium2.raw as pdfium_c


class Handle(ctypes.c_void_p):
    """A PDFium handle as a bare function returns it (a subclass, so ctypes hands back the
    object, not an int): passed to another bare function as it is; false when null."""


def _address(name: str) -> int:
    return ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value or 0


def lean(name: str, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function called with plain ints for its pointers (converted by ctypes)."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)(_address(name))


class _IntResult(CFuncPtr):
    """A function answering a C int, called holding the GIL: `PYFUNCTYPE(c_int)` but for the
    result type left undeclared, so ctypes makes the int without looking its type up (about a
    tenth of a bare call)."""

    _flags_ = FUNCFLAG_CDECL | FUNCFLAG_PYTHONAPI


def bare(name: str, restype: Any) -> Any:
    """A PDFium function called with C ints and ctypes references only (no conversion)."""
    if restype is ctypes.c_int:
        return _IntResult(_address(name))
    return ctypes.PYFUNCTYPE(restype)(_address(name))


def ref(address: int | None) -> Any:
    """A pointer to `address` (a handle held as an int, as pypdfium2 and lean calls give it)
    for bare calls."""
    return ctypes.byref(ctypes.c_char.from_address(address or 0))


def ref_of(pointer: Any) -> Any:
    """The same reference for a handle as pypdfium2 returns it (a ctypes pointer, not null):
    made from what it points to, without `ctypes.cast` (a ctypes call of its own)."""
    return ctypes.byref(pointer.contents)


def at(buffer: Any, offset: int = 0) -> Any:
    """A pointer `offset` bytes into a ctypes buffer, for bare calls."""
    return ctypes.byref(buffer, offset)
