"""Writing records: canonical JSONL lines (UTF-8, Chinese kept readable)."""

from __future__ import annotations

from schemas.record import Record


def jsonl_line(record: Record) -> str:
    """One record as a JSON line (ensure_ascii off; money stays a decimal string)."""
    return record.model_dump_json(exclude_none=False) + "\n"
