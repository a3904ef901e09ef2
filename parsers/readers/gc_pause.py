"""The cyclic garbage collector paused while one PDF page is read and laid out, or one
document is parsed and checked.

A page builds thousands of small tuples and lists (characters, glyphs, lines) that hold no
reference cycle and are freed by reference counting, yet each one counts towards the
collector's next pass, and on a long document those passes walk again and again everything
the document has built so far (about a quarter of the CPU time of a 400-page text PDF).
Paused for a page, the collector runs as usual between pages; one the caller has disabled
stays disabled. The field parser and the checks pause it alike for one document
(`extract.pipeline.extract_document_records`): their objects are short-lived too, and the
collections there walked them (and the document just read) for nothing reference counting
does not free anyway.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's state as it was after it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
