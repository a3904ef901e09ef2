"""Consistency checks (placeholder: the rule registry lands with the checker)."""

from __future__ import annotations

from extract.settings import CheckSettings
from schemas.document import Document
from schemas.record import Record


def run_checks(document: Document, record: Record, settings: CheckSettings) -> Record:
    """Return `record` with units inferred and discrepancies added (none yet)."""
    return record
