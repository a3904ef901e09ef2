"""The single per-document boundary: any unexpected exception becomes an `internal-error` record.

`extract_records` already turns unreadable input into failed records; this catches what would
otherwise be a bug taking the whole run down, so every input still yields one record.
"""

from __future__ import annotations

import logging
from pathlib import Path

from extract.pipeline import extract_records, failed_record
from extract.settings import Settings
from schemas.record import Record

log = logging.getLogger("jixiao")


def extract_safely(path: Path, settings: Settings) -> Record:
    """The first record of `path` (see `extract_records_safely`), never raising."""
    return extract_records_safely(path, settings)[0]


def extract_records_safely(path: Path, settings: Settings) -> list[Record]:
    """extract_records (one record per form, at least one), never raising."""
    try:
        return extract_records(path, settings)
    except Exception as exc:  # the one boundary: a bug must not lose the other documents
        log.exception("internal error on %s", path)
        message = f"内部错误 {type(exc).__name__}: {exc}".splitlines()[0][:500]
        return [failed_record(path, "internal-error", message)]
