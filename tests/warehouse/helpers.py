"""Reading a loaded warehouse back, and counting what records.jsonl says it should hold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract.warehouse.backends import connect
from extract.warehouse.ddl import quote
from extract.warehouse.tables import TABLES

DATA_TABLES = [name for name in TABLES if name != "load_runs"]


def query(url: str, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    db = connect(url)
    try:
        return db.query(sql, params or [])
    finally:
        db.close()


def counts(url: str) -> dict[str, int]:
    return {name: query(url, f"SELECT COUNT(*) FROM {quote(name)}")[0][0] for name in DATA_TABLES}


def _normal(value: Any, kind: str) -> Any:
    if kind == "json" and isinstance(value, str):
        return json.loads(value)
    return value


def table_content(url: str, name: str) -> list[tuple[Any, ...]]:
    """Every row of a data table but its load ids, as comparable Python values, sorted."""
    columns = [c for c in TABLES[name].all_columns if c.name != "load_id"]
    sql = f"SELECT {', '.join(quote(c.name) for c in columns)} FROM {quote(name)}"
    rows = [tuple(_normal(v, c.kind) for v, c in zip(row, columns, strict=True)) for row in query(url, sql)]
    return sorted(rows, key=repr)


def records(outdir: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _amounts(value: Any) -> int:
    if isinstance(value, dict):
        if {"raw", "yuan", "unit_inferred"} <= set(value):
            return 1
        return sum(_amounts(v) for v in value.values())
    if isinstance(value, list):
        return sum(_amounts(v) for v in value)
    return 0


def _sections(sections: list[dict[str, Any]]) -> int:
    return sum(1 + _sections(s.get("subsections") or []) for s in sections)


def _funds_rows(funds: dict[str, Any] | None) -> int:
    if not funds:
        return 0
    return sum(len(v) if isinstance(v, list) else 1 for v in funds.values() if v)


def expected_counts(outdir: Path, paths_seen: int) -> dict[str, int]:
    """Rows each table must hold for the records of OUTDIR, counted from the JSON alone."""
    want = dict.fromkeys(DATA_TABLES, 0)
    for record in records(outdir):
        fields, form_type = record["fields"], record["form"]["type"] or "monitoring"
        want["documents"] += 1
        if any(v not in (None, [], {}) for v in fields.values()):
            want[f"fields_{form_type}"] += 1
        want["indicators"] += len(fields.get("indicators") or [])
        want["funds"] += _funds_rows(fields.get("funds"))
        want["amounts"] += _amounts(fields)
        want["checkboxes"] += sum(len(g["options"]) for g in record["checkboxes"])
        want["discrepancies"] += len(record["discrepancies"])
        want["evidence"] += sum(len(d["evidence"]) for d in record["discrepancies"])
        want["read_errors"] += len(record["errors"])
        want["sections"] += _sections(record["sections"])
        want["provenance"] += len(record["provenance"])
    want["document_paths"] = paths_seen
    return want
