"""The program's start-up: what it imports is kept out of the cycle collector's way.

Importing the command line and the pipeline creates a few hundred thousand objects (modules,
classes, pydantic validators, compiled patterns) that live as long as the process; Python's
cyclic garbage collector would walk all of them again at each full collection. The `jixiao`
entry point (`extract.cli_main`) imports the command line with the collector paused and then
moves everything alive into the permanent generation (`gc.freeze`), which the collector no
longer walks; a command imports its own modules inside `command_imports()`, to do the same
for those. Only the program does this: a process that calls the command line in-process
(a test, an embedding program) is left as it is, and `command_imports()` does nothing there.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_PROGRAM = False


@contextmanager
def _paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def program_imports() -> Iterator[None]:
    """The `jixiao` program's own imports: the collector paused during them, their objects frozen."""
    global _PROGRAM
    _PROGRAM = True
    with _paused():
        yield


@contextmanager
def command_imports() -> Iterator[None]:
    """A command's imports: as `program_imports` in the program, as they are anywhere else."""
    if not _PROGRAM:
        yield
        return
    with _paused():
        yield
