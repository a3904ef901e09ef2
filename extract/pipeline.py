"""extract_file: read -> classify the form -> parse fields, boxes, sections -> check -> Record.

Owns the order of the steps and the translation of `ReadError` into a failed record. It
knows no file format and no label: readers and `parsers.form_parser` do.
"""

from __future__ import annotations

from pathlib import Path

from extract.checks import run_checks
from extract.errors import ReadError
from extract.lineage import reader_for, rule_versions
from extract.settings import DEFAULT_SETTINGS, Settings
from extract.status import decide_status
from extract.timelimit import time_limit
from extract.version import __version__
from parsers.form_parser import parse_document
from parsers.readers import read_bytes, read_document, source_for
from schemas.document import Document
from schemas.record import ErrorItem, Record, Status


def extract_file(path: Path, settings: Settings = DEFAULT_SETTINGS) -> Record:
    """One record for the file at `path`; a file that cannot be read gives a failed record."""
    path = Path(path)
    data: bytes | None = None
    try:
        data = read_bytes(path, settings.limits)
        with time_limit(settings.limits.timeout_seconds):
            document = read_document(path, data, settings.limits)
            return extract_document(document, settings)
    except ReadError as exc:
        return failed_record(path, exc.code, exc.message, data)


def extract_document(document: Document, settings: Settings = DEFAULT_SETTINGS) -> Record:
    """Parse and check an already-read document."""
    record = parse_document(document)
    record = run_checks(document, record, settings.checks)
    status, errors = decide_status(record)
    source = record.source.model_copy(update={"reader": reader_for(record.source.path)})
    return record.model_copy(
        update={"status": status, "errors": record.errors + errors, "jixiao_version": __version__,
                "source": source, "rules": rule_versions()}
    )


def failed_record(path: Path, code: str, message: str, data: bytes | None = None) -> Record:
    """The record of a document that could not be read."""
    source = source_for(path, data)
    return Record(
        status=Status.FAILED,
        errors=[ErrorItem(code=code, message=message)],
        source=source.model_copy(update={"reader": reader_for(source.path)}),
        jixiao_version=__version__,
    )
