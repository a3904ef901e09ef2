"""extract_records: read -> split into forms -> per form: parse -> check -> Record.

Owns the order of the steps and the translation of `ReadError` into a failed record. It
knows no file format and no label: readers, `parsers.recognize` (which forms a file holds),
`parsers.form_parser` (the monitoring form) and `parsers.family_parser` (every other form
of the family, by its template) do. A file holding several forms gives one record per form,
each with `source.part`; a file holding none gives one failed `unrecognized-form` record, on
which no rule runs. `extract_file` returns the first record, for callers of one document.
"""

from __future__ import annotations

from pathlib import Path

from extract.checks import run_checks
from extract.lineage import reader_for, rule_versions
from extract.settings import DEFAULT_SETTINGS, Settings
from extract.status import decide_family_status, decide_status, unrecognized
from extract.timelimit import time_limit
from extract.version import __version__
from parsers.form_parser import parse_document
from parsers.funds_units import read_funds_units
from parsers.geometry import locate
from parsers.readers import read_bytes, read_document, source_for
from parsers.readers.gc_pause import collector_paused
from parsers.recognize import FormPart, split_forms
from parsers.units import units_decided, with_units
from schemas.document import Document
from schemas.errors import ReadError
from schemas.record import ErrorItem, FormInfo, Part, Record, Status

MONITORING = "monitoring"


def extract_records(path: Path, settings: Settings = DEFAULT_SETTINGS) -> list[Record]:
    """One record per form in the file at `path` (at least one: a failed record if unreadable),
    read, parsed and checked with the cyclic collector paused (`gc_pause`)."""
    path = Path(path)
    data: bytes | None = None
    try:
        data = read_bytes(path, settings.limits)
        with time_limit(settings.limits.timeout_seconds), collector_paused():
            document = read_document(path, data, settings.limits)
            return extract_document_records(document, settings)
    except ReadError as exc:
        return [failed_record(path, exc.code, exc.message, data)]


def extract_file(path: Path, settings: Settings = DEFAULT_SETTINGS) -> Record:
    """The first record of the file at `path` (its only one unless it holds several forms)."""
    return extract_records(path, settings)[0]


def extract_document_records(document: Document, settings: Settings = DEFAULT_SETTINGS) -> list[Record]:
    """Parse and check every form of an already-read document.

    The cyclic collector is paused meanwhile (`gc_pause`): parsing and checking one document
    make thousands of short-lived objects, freed by reference counting, and no cycle worth
    collecting before the document is done; each collection would walk the document too."""
    with collector_paused():
        parts = split_forms(document)
        records = [_fragment_marked(part, _extract_part(part, settings)) for part in parts]
    if len(parts) == 1:
        return records
    out = []
    for index, (part, record) in enumerate(zip(parts, records, strict=True), 1):
        source = record.source.model_copy(update={"part": _part(index, len(parts), part)})
        out.append(record.model_copy(update={"source": source}))
    return out


def extract_document(document: Document, settings: Settings = DEFAULT_SETTINGS) -> Record:
    """The first record of an already-read document."""
    return extract_document_records(document, settings)[0]


def _part(index: int, count: int, part: FormPart) -> Part:
    """Where the form lies: its lines in a text file, its pages otherwise."""
    pages = sorted({line.loc.page for line in part.document.lines}) or [1]
    if part.document.source.format == "txt":
        return Part(index=index, count=count, lines=(part.first_line, part.last_line))
    return Part(index=index, count=count, pages=(pages[0], pages[-1]))


FRAGMENT_MESSAGE = "文件开头是另一张表的后半部分（其标题与项目名称不在本文件中），已单独列为一条记录，请核对原件"


def _fragment_marked(part: FormPart, record: Record) -> Record:
    """A form's tail read before the file's first title: its own record, never folded into
    the titled form nor dropped, `partial` at best and saying why (`form-fragment`)."""
    if not part.fragment:
        return record
    status = Status.FAILED if record.status == Status.FAILED else Status.PARTIAL
    errors = [*record.errors, ErrorItem(code="form-fragment", message=FRAGMENT_MESSAGE)]
    return record.model_copy(update={"status": status, "errors": errors})


def _extract_part(part: FormPart, settings: Settings) -> Record:
    template = part.template
    if template is None or template.form == MONITORING:
        return _monitoring(part.document, settings)
    from parsers.family_parser import parse_family  # local: a monitoring form never needs it

    record = _located(part.document, parse_family(part.document, template, FormInfo(type=template.form, title=part.title)))
    ceiling = settings.checks.options_for("unit-mismatch").max_plausible_yuan
    record = read_funds_units(record, ceiling)  # reading decides the funds amounts' units
    record = run_checks(part.document, record, settings.checks)
    status, errors = decide_family_status(record, template)
    return _finished(record, status, errors, checked=True)


def _monitoring(document: Document, settings: Settings) -> Record:
    record = _located(document, parse_document(document))
    failed = unrecognized(record)
    if failed is not None:  # no known form: one clear error, and no rule runs on it
        return _finished(record.model_copy(update={"errors": []}), Status.FAILED, [failed], checked=False)
    decided = units_decided(document, record, settings.checks)  # reading decides the amounts' units
    record = run_checks(document, with_units(record, decided), settings.checks, units_decided=decided)
    status, errors = decide_status(record)
    return _finished(record, status, errors, checked=True)


def _located(document: Document, record: Record) -> Record:
    """`record` with the page box and OCR score of every field read from a scanned page."""
    if document.source.ocr is None:
        return record
    return record.model_copy(update={"provenance": locate(document, record.provenance)})


def _finished(record: Record, status: Status, errors: list[ErrorItem], *, checked: bool) -> Record:
    """`record` with its status, errors, version, reader and (when rules ran) rule versions."""
    source = record.source.model_copy(update={"reader": reader_for(record.source.path)})
    return record.model_copy(
        update={"status": status, "errors": record.errors + errors, "jixiao_version": __version__,
                "source": source, "rules": rule_versions() if checked else None}
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
