"""Writing records: canonical JSONL lines (UTF-8, Chinese kept readable), to a file or stdout."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from schemas.record import Record


def jsonl_line(record: Record) -> str:
    """One record as a JSON line (ensure_ascii off; money stays a decimal string)."""
    return record.model_dump_json(exclude_none=False) + "\n"


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """A text stream to `path`, or stdout (UTF-8) when `path` is None."""
    if path is None:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        yield stream
