"""Expand command-line INPUTs (files and folders) into the sorted list of documents to read.

Folders are searched recursively for the supported suffixes; symbolic-link loops are cut by
remembering each folder's real path; the same file named twice is listed once. A named file
is always listed, whatever its suffix, so that it gets a record (failed if unsupported).
Inside a folder, an entry with a supported suffix that is not a readable regular file (a
broken or self-referring symbolic link, a named pipe) is listed too, so that it gets a failed
`file-unreadable` record instead of vanishing; nothing here ever opens such an entry.
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
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:  # e.g. ELOOP: not a folder; listed below if its suffix is ours
            is_dir = False
        if is_dir:
            yield from _walk(path, visited)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES and not entry.name.startswith(("~$", ".~lock")):
            yield path
