"""One record -> its rows in every warehouse table (`tables.TABLES`), values typed per column.

Works on the validated pydantic `Record`, so the row values come from the same models as
the columns. A value that does not fit its column (a decimal string that is no number, or
one of more than 18 digits) is stored as NULL and listed in `RecordRows.unconvertible`,
never silently.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from extract.lineage import reader_for
from extract.warehouse.columns import Column, NotConvertible, block_rows, value_of
from extract.warehouse.tables import COMPOSITE_NAMES, TABLES, Table, fields_table_name
from schemas.fields import Amount
from schemas.record import Record
from schemas.section import Section


@dataclass
class RecordRows:
    """The identity of a record and its rows: {table name: [row tuple in column order]}."""

    doc_key: str
    file_key: str
    path: str
    record_hash: str
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    unconvertible: list[str] = field(default_factory=list)


def identity(record: dict[str, Any]) -> tuple[str, str, int]:
    """(doc_key, file_key, part index) of a record's JSON: ``<sha256>:<reader>`` (or
    ``path:<path>``) and ``:<part index>`` (1 for a file holding one form)."""
    source = record.get("source") if isinstance(record, dict) else None
    source = source if isinstance(source, dict) else {}
    path = str(source.get("path"))
    reader = source.get("reader") or reader_for(path)
    file_key = f"{source['sha256']}:{reader}" if source.get("sha256") else f"path:{path}"
    part = source.get("part")
    index = int(part["index"]) if isinstance(part, dict) and isinstance(part.get("index"), int) else 1
    return f"{file_key}:{index}", file_key, index


def content_hash(record: dict[str, Any]) -> str:
    """The sha256 of a record's JSON in canonical form (sorted keys, no spaces): the same
    record written with other spacing or key order has the same hash."""
    canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class _Builder:
    def __init__(self, out: RecordRows) -> None:
        self.out = out

    def add(self, table: Table, keys: tuple[Any, ...], obj: Any) -> None:
        values = list(keys)
        for column in table.columns:
            values.append(self._value(obj, column, table.name))
        self.out.rows.setdefault(table.name, []).append(tuple(values))

    def _value(self, obj: Any, column: Column, table: str) -> Any:
        try:
            return value_of(obj, column)
        except NotConvertible as exc:
            self.out.unconvertible.append(f"{table}.{column.name}: {exc}")
            return None


def _amounts(value: Any, path: str) -> Iterator[tuple[str, Amount]]:
    if isinstance(value, Amount):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _amounts(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _amounts(item, f"{path}.{index}")


def _sections(sections: list[Section], parent: int | None, depth: int,
              counter: list[int]) -> Iterator[tuple[int, int | None, int, Section]]:
    for section in sections:
        counter[0] += 1
        position = counter[0]
        yield position, parent, depth, section
        yield from _sections(section.subsections, position, depth + 1, counter)


def _composite_rows(fields: BaseModel, name: str) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(key tail, item) of a composite: (position,) for a list, (row, position) for a block."""
    value = getattr(fields, name, None)
    if isinstance(value, list):
        for position, item in enumerate(value, start=1):
            yield (position,), item
    elif isinstance(value, BaseModel):
        for row, _model, repeated in block_rows(type(value)):
            items = getattr(value, row)
            for position, item in enumerate(items if repeated else [items], start=1):
                if item is not None:
                    yield (row, position), item


def _has_content(fields: BaseModel) -> bool:
    return any(value not in (None, [], {}) for value in fields.__dict__.values())


def record_rows(record: Record, load_id: str, key: tuple[str, str, int], digest: str) -> RecordRows:
    """Every row of `record`, keyed by its identity `key` (see `identity`)."""
    doc_key, file_key, part = key
    out = RecordRows(doc_key, file_key, record.source.path, digest)
    build = _Builder(out)
    build.add(TABLES["documents"], (doc_key, file_key, part, out.record_hash, load_id), record)
    form_type = record.form.type or "monitoring"
    fields = record.fields
    if _has_content(fields):
        build.add(TABLES[fields_table_name(form_type)], (doc_key,), fields)
    for name in COMPOSITE_NAMES:
        for tail, item in _composite_rows(fields, name):
            build.add(TABLES[name], (doc_key, form_type, *tail), item)
    for path, amount in _amounts(fields, ""):
        build.add(TABLES["amounts"], (doc_key, form_type, path), amount)
    _record_parts(build, record, doc_key)
    return out


def _record_parts(build: _Builder, record: Record, doc_key: str) -> None:
    rules = record.rules or {}
    for g, group in enumerate(record.checkboxes, start=1):
        for o, option in enumerate(group.options, start=1):
            build.add(TABLES["checkboxes"], (doc_key, g, o), {"group": group, "option": option})
    for d, item in enumerate(record.discrepancies, start=1):
        build.add(TABLES["discrepancies"], (doc_key, d, rules.get(item.rule)), item)
        for e, evidence in enumerate(item.evidence, start=1):
            build.add(TABLES["evidence"], (doc_key, d, e), evidence)
    for position, error in enumerate(record.errors, start=1):
        build.add(TABLES["read_errors"], (doc_key, position), error)
    for position, parent, depth, section in _sections(record.sections, None, 1, [0]):
        build.add(TABLES["sections"], (doc_key, position, parent, depth), section)
    for path, entry in record.provenance.items():
        build.add(TABLES["provenance"], (doc_key, path), entry)
