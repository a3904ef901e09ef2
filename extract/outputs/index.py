"""One streaming pass over records.jsonl: the small per-document index the outputs sort by,
the totals they report, and `atomic_output` (write to a temp file in OUTDIR, fsync, then
replace: a crash or a full disk leaves the previous file or none, never a truncated one).

The index keeps, per document, only its path, part, form type, byte offset and severity
counts (about a hundred bytes), never the record itself; writers re-read one record at a time by offset.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from extract.batch.store import RECORDS_NAME, iter_records, read_record_at
from extract.outputs.flatten import severity_counts


@dataclass(frozen=True)
class Entry:
    """One document in the index."""

    path: str
    offset: int
    status: str
    n_error: int
    n_warning: int
    n_info: int
    form_type: str | None = None
    part: int = 0
    """`source.part.index` for a form of a file holding several, else 0."""

    def count(self, severity: str) -> int:
        """Discrepancies of `severity`."""
        return getattr(self, f"n_{severity}")

    @property
    def review_rank(self) -> tuple[int, str, int]:
        """Errors first, then warnings, then failed, then info, then clean; by path within."""
        if self.n_error:
            rank = 0
        elif self.n_warning:
            rank = 1
        elif self.status == "failed":
            rank = 2
        else:
            rank = 3 if self.n_info else 4
        return rank, self.path, self.part


@dataclass
class Totals:
    """Counts over every record in the store."""

    documents: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    severities: Counter[str] = field(default_factory=Counter)
    rules: dict[str, Counter[str]] = field(default_factory=dict)  # rule -> severity -> n
    error_codes: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)  # form type (variant) -> documents

    def add(self, record: dict[str, Any]) -> None:
        """Count one record."""
        self.documents += 1
        self.statuses[str(record.get("status"))] += 1
        form = record.get("form") or {}
        kind = form.get("type") or ""
        self.forms[f"{kind}（{form['variant']}）" if kind and form.get("variant") else kind] += 1
        for error in record.get("errors") or []:
            self.error_codes[str(error.get("code"))] += 1
        for item in record.get("discrepancies") or []:
            rule, sev = str(item.get("rule")), str(item.get("severity"))
            self.severities[sev] += 1
            self.rules.setdefault(rule, Counter())[sev] += 1


@dataclass
class StoreIndex:
    """The sorted index of records.jsonl plus its totals."""

    path: Path
    entries: list[Entry]
    totals: Totals

    @contextmanager
    def reader(self) -> Iterator[BinaryIO]:
        """The store opened for `record_at`."""
        with self.path.open("rb") as fh:
            yield fh

    @staticmethod
    def record_at(fh: BinaryIO, entry: Entry) -> dict[str, Any]:
        """Re-read one record."""
        return read_record_at(fh, entry.offset)


def build_index(outdir: Path) -> StoreIndex:
    """Stream records.jsonl once; entries sorted by path."""
    path = outdir / RECORDS_NAME
    totals = Totals()
    entries: list[Entry] = []
    for offset, record in iter_records(path):
        totals.add(record)
        counts = severity_counts(record)
        source_path = str((record.get("source") or {}).get("path") or "")
        form_type = (record.get("form") or {}).get("type")
        part = ((record.get("source") or {}).get("part") or {}).get("index")
        entries.append(Entry(source_path, offset, str(record.get("status")),
                             counts["error"], counts["warning"], counts["info"],
                             form_type=str(form_type) if form_type else None,
                             part=part if isinstance(part, int) else 0))
    entries.sort(key=lambda e: (e.path, e.part, e.offset))
    return StoreIndex(path, entries, totals)


@contextmanager
def atomic_output(final: Path) -> Iterator[Path]:
    """A temp path next to `final`; renamed over it only when the block succeeds."""
    tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}")
    try:
        yield tmp
        # A failed fsync (ENOSPC, EIO) means the data may never reach the disk: it raises,
        # and the half-written temp file is removed instead of replacing `final`.
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
