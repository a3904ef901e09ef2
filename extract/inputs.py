"""Expand command-line INPUTs (files and folders) into the sorted list of documents to read.

Folders are searched recursively for the supported suffixes; symbolic-link loops are cut by
remembering each folder's real path; the same file named twice is listed once. A named file
is always listed, whatever its suffix, so that it gets a record (failed if unsupported).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from parsers.readers import SUPPORTED_SUFFIXES


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Documents named by `inputs`, deduplicated by real path, in a stable order."""
    seen: set[str] = set()
    result: list[Path] = []
    for item in inputs:
        for path in _expand(Path(item)):
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                result.append(path)
    return result


def _expand(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(_walk(path, set()), key=lambda p: str(p))
    else:
        yield path


def _walk(folder: Path, visited: set[str]) -> Iterator[Path]:
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=True):
                yield from _walk(path, visited)
            elif entry.is_file(follow_symlinks=True) and path.suffix.lower() in SUPPORTED_SUFFIXES:
                if not entry.name.startswith(("~$", ".~lock")):
                    yield path
        except OSError:
            continue
