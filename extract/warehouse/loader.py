"""`load_outdir`: stream a batch OUTDIR's records.jsonl into the warehouse, idempotently.

* **Identity**: a record is keyed by ``doc_key`` (`rows.identity`: sha256, reader, part).
  Its ``record_hash`` (sha256 of its canonical JSON) says whether the stored copy is the same: then
  the record is not even validated and nothing is written (a reload of the same OUTDIR changes zero rows). A record
  whose hash differs replaces its document row and every child row in one transaction.
  A second record with a key already written by this same load (records.jsonl holding one
  document twice) is counted as a duplicate and left out: the first one wins, as in resume.
* **Streaming**: records are read, validated and written `CHUNK_RECORDS` at a time (one
  transaction per chunk); existing hashes are looked up per chunk, so memory stays flat
  however large the OUTDIR.
* **Paths**: every record's path and summary.json's ``run.duplicate_paths`` go to
  ``document_paths`` (added when missing).
* **Lineage**: one ``load_runs`` row per load: jixiao and schema versions, the rule versions
  and settings of summary.json, the records' jixiao versions and run ids, and the counts.
* A line that is no valid record is *rejected*: counted, listed in the report, never loaded
  half.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extract.lineage import new_run_id
from extract.version import __version__
from extract.warehouse.backends import Backend, connect
from extract.warehouse.ddl import quote
from extract.warehouse.rows import RecordRows, content_hash, identity, record_rows
from extract.warehouse.tables import DOC_TABLES, TABLES
from schemas.record import SCHEMA_VERSION, Record

CHUNK_RECORDS = 200
MAX_LISTED = 20  # rejected lines / unconvertible values listed in the report
MAX_DISTINCT = 1000  # distinct record versions / run ids kept for lineage


class LoadError(Exception):
    """The OUTDIR cannot be loaded (no records.jsonl)."""


@dataclass
class LoadReport:
    """What one load did."""

    load_id: str
    target: str
    records: int = 0
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: int = 0
    paths_added: int = 0
    rows_written: int = 0
    rows_deleted: int = 0
    rows_by_table: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    versions: set[str] = field(default_factory=set)
    run_ids: set[str] = field(default_factory=set)
    rules: dict[str, str] = field(default_factory=dict)

    @property
    def changed_rows(self) -> int:
        """Rows written or deleted in the data tables (the load_runs row not counted)."""
        return self.rows_written + self.rows_deleted + self.paths_added

    def note(self, problem: str) -> None:
        """Keep a problem for the report (the first `MAX_LISTED`)."""
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                yield number, line


def _chunks(path: Path) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for item in _lines(path):
        chunk.append(item)
        if len(chunk) >= CHUNK_RECORDS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass(frozen=True)
class _Entry:
    """A record line before validation: its line number, identity and hash."""

    number: int
    line: str
    key: tuple[str, str, int]
    digest: str
    path: str


class _Load:
    def __init__(self, backend: Backend, report: LoadReport) -> None:
        self.db = backend
        self.report = report

    def _entries(self, chunk: list[tuple[int, str]]) -> list[_Entry]:
        entries = []
        for number, line in chunk:
            try:
                data = json.loads(line)
            except ValueError as exc:
                self._reject(number, str(exc))
                continue
            if not isinstance(data, dict):
                self._reject(number, "not a JSON object")
                continue
            self._lineage(data)
            doc_key, file_key, part = identity(data)
            path = str((data.get("source") or {}).get("path"))
            entries.append(_Entry(number, line, (doc_key, file_key, part), content_hash(data), path))
        return entries

    def _reject(self, number: int, why: str) -> None:
        self.report.rejected += 1
        self.report.note(f"records.jsonl 第 {number} 行不是有效记录: {why}")

    def _lineage(self, data: dict[str, Any]) -> None:
        report = self.report
        version, run_id, rules = data.get("jixiao_version"), data.get("run_id"), data.get("rules")
        if isinstance(version, str) and len(report.versions) < MAX_DISTINCT:
            report.versions.add(version)
        if isinstance(run_id, str) and len(report.run_ids) < MAX_DISTINCT:
            report.run_ids.add(run_id)
        if isinstance(rules, dict) and not report.rules:
            report.rules = {str(k): str(v) for k, v in rules.items()}

    def _existing(self, keys: list[str]) -> dict[str, tuple[str, str]]:
        rows = self.db.query(f"SELECT doc_key, record_hash, load_id FROM documents "
                             f"WHERE doc_key IN ({_placeholders(len(keys))})", keys)
        return {key: (digest, load_id) for key, digest, load_id in rows}

    def _classify(self, entries: list[_Entry]) -> tuple[list[_Entry], list[_Entry], set[str]]:
        """(entries to write, unchanged entries, keys stored before that are written anew)."""
        existing = self._existing(sorted({e.key[0] for e in entries})) if entries else {}
        write, same, stored_before, this_load = [], [], set(), set()
        for entry in entries:
            doc_key = entry.key[0]
            stored = existing.get(doc_key)
            if doc_key in this_load or (stored and stored[1] == self.report.load_id):
                self.report.duplicates += 1
            elif stored and stored[0] == entry.digest:
                same.append(entry)
            else:
                if stored:
                    stored_before.add(doc_key)
                write.append(entry)
                this_load.add(doc_key)
        return write, same, stored_before

    def _rows(self, entries: list[_Entry]) -> list[RecordRows]:
        built = []
        for entry in entries:
            try:
                record = Record.model_validate_json(entry.line)
            except ValidationError as exc:
                self._reject(entry.number, exc.errors()[0]["msg"])
                continue
            rows = record_rows(record, self.report.load_id, entry.key, entry.digest)
            for problem in rows.unconvertible:
                self.report.note(f"{entry.path}: {problem}")
            built.append(rows)
        return built

    def _delete(self, keys: list[str]) -> None:
        marks = _placeholders(len(keys))
        for table in DOC_TABLES:
            ((count,),) = self.db.query(f"SELECT COUNT(*) FROM {quote(table.name)} WHERE doc_key IN ({marks})", keys)
            if count:
                self.db.execute(f"DELETE FROM {quote(table.name)} WHERE doc_key IN ({marks})", keys)
                self.report.rows_deleted += count

    def _insert(self, write: list[RecordRows]) -> None:
        for table in DOC_TABLES:
            rows = [row for rr in write for row in rr.rows.get(table.name, ())]
            self.db.insert_rows(table, rows)
            self.report.rows_written += len(rows)
            self.report.rows_by_table[table.name] += len(rows)

    def add_paths(self, pairs: list[tuple[str, str, str]]) -> None:
        """(file_key, path, first_path) rows of document_paths, added when missing."""
        if not pairs:
            return
        keys = sorted({file_key for file_key, _, _ in pairs})
        known = set(self.db.query(f"SELECT file_key, path FROM document_paths "
                                  f"WHERE file_key IN ({_placeholders(len(keys))})", keys))
        new: dict[tuple[str, str], tuple[str, str, str, str]] = {}
        for file_key, path, first in pairs:
            if (file_key, path) not in known:
                new.setdefault((file_key, path), (file_key, path, first, self.report.load_id))
        self.db.insert_rows(TABLES["document_paths"], list(new.values()))
        self.report.paths_added += len(new)

    def chunk(self, chunk: list[tuple[int, str]]) -> None:
        entries = self._entries(chunk)
        write, same, stored_before = self._classify(entries)
        built = self._rows(write)  # only new and changed records are validated and built
        replace = [rows.doc_key for rows in built if rows.doc_key in stored_before]
        report = self.report
        report.records += len(same) + len(built)
        report.unchanged += len(same)
        report.replaced += len(replace)
        report.inserted += len(built) - len(replace)
        with self.db.transaction():
            if replace:
                self._delete(replace)
            self._insert(built)
            self.add_paths([(e.key[1], e.path, e.path) for e in same]
                           + [(rows.file_key, rows.path, rows.path) for rows in built])

    def duplicate_paths(self, duplicates: list[dict[str, Any]]) -> None:
        pairs = []
        for item in duplicates:
            path, first = item.get("path"), item.get("same_as")
            found = self.db.query("SELECT file_key FROM documents WHERE source_path = ? LIMIT 1", [first])
            if path and found:
                pairs.append((found[0][0], str(path), str(first)))
            elif path:
                self.report.note(f"summary.json: 重复文件 {path} 的原文件 {first} 不在记录中")
        for start in range(0, len(pairs), CHUNK_RECORDS):
            with self.db.transaction():
                self.add_paths(pairs[start:start + CHUNK_RECORDS])


def _summary(outdir: Path) -> dict[str, Any]:
    try:
        data = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _load_run_row(report: LoadReport, outdir: Path, summary: dict[str, Any], started: datetime) -> list[Any]:
    counts = {"duplicate_records": report.duplicates, "rows_by_table": dict(sorted(report.rows_by_table.items())),
              "problems": report.problems}
    values = {
        "load_id": report.load_id, "started_at": started, "finished_at": datetime.now(UTC),
        "outdir": str(outdir.resolve()), "target": report.target, "jixiao_version": __version__,
        "schema_version": SCHEMA_VERSION, "record_jixiao_versions": sorted(report.versions),
        "run_ids": sorted(report.run_ids), "rules": summary.get("rules") or report.rules,
        "settings": summary.get("settings"), "records": report.records, "inserted": report.inserted,
        "replaced": report.replaced, "unchanged": report.unchanged, "rejected": report.rejected,
        "paths_added": report.paths_added, "rows_written": report.rows_written,
        "rows_deleted": report.rows_deleted, "counts": counts,
    }
    row = []
    for column in TABLES["load_runs"].all_columns:
        value = values[column.name]
        row.append(json.dumps(value, ensure_ascii=False, sort_keys=True) if column.kind == "json" else value)
    return row


def load_outdir(outdir: Path, url: str) -> LoadReport:
    """Load OUTDIR/records.jsonl (and summary.json's duplicate paths) into the database at `url`."""
    records = outdir / "records.jsonl"
    if not records.is_file():
        raise LoadError(f"{outdir} 中没有 records.jsonl（先运行 jixiao batch … -o {outdir}）")
    summary = _summary(outdir)
    started = datetime.now(UTC)
    backend = connect(url)
    try:
        backend.create_schema()
        report = LoadReport(load_id=new_run_id(), target=backend.target)
        load = _Load(backend, report)
        for chunk in _chunks(records):
            load.chunk(chunk)
        load.duplicate_paths(list((summary.get("run") or {}).get("duplicate_paths") or []))
        with backend.transaction():
            backend.insert_rows(TABLES["load_runs"], [_load_run_row(report, outdir, summary, started)])
    finally:
        backend.close()
    return report
