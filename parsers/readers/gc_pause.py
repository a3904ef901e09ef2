"""The cyclic garbage collector paused while one document is read, parsed and checked (and,
for callers that read PDF pages on their own, while one page is read and laid out).

A page builds thousands of small tuples and lists (characters, glyphs, lines) that hold no
reference cycle and are freed by reference counting, yet each one counts towards the
collector's next pass, and on a long document those passes walk again and again everything
the document has built so far (about a quarter of the CPU time of a 400-page text PDF).
Paused for a page, the collector runs as usual between pages; one the caller has disabled
stays disabled. The pipeline pauses it for a whole document (`extract.pipeline`): reading,
joining the pages into blocks, parsing and checking make short-lived objects too, and the
collections there walked them and the pages read so far (a full pass over the process's
objects now and then) for the few dozen objects a document leaves in reference cycles,
which the collector frees once the document is done.
"""

from __future__ import annotations

import gc
from types import TracebackType


class _Paused:
    """The block of one `collector_paused()`: a plain context manager (a generator-based one
    costs some 4,000 machine instructions a use, and a PDF page uses one)."""

    __slots__ = ("_resume",)

    def __enter__(self) -> None:
        self._resume = gc.isenabled()
        gc.disable()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._resume:
            gc.enable()


def collector_paused() -> _Paused:
    """No cyclic collection inside the block; the collector's state as it was after it."""
    return _Paused()
