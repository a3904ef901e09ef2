"""Flatten one record (its JSON dict) into one typed row for fields.csv / fields.parquet.

Owns the column list and the Python type of each column; `tables.py` turns the kinds into
Arrow types and CSV text. Works on the parsed JSON dict (not the pydantic model) so that
streaming thousands of records costs no validation, and tolerates missing keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from schemas.fields import AMOUNT_FIELDS

# Column kinds: str, date, bool, int, yuan (Decimal, 2 places), pct (Decimal, 4 places).
YUAN_SCALE = Decimal("0.01")
PCT_SCALE = Decimal("0.0001")
MAX_DECIMAL_DIGITS = 18

TEXT_FIELDS = ("town", "project_name", "budget_unit", "implementing_unit")
TAIL_TEXT_FIELDS = ("key_tracking_reason", "stage_conclusion", "budget_outlook", "goal_outlook")
SEVERITIES = ("error", "warning", "info")


def _columns() -> list[tuple[str, str]]:
    cols = [("path", "str"), ("sha256", "str"), ("format", "str"), ("status", "str"),
            ("error_codes", "str"), ("form_variant", "str"), ("title", "str")]
    cols += [(name, "str") for name in TEXT_FIELDS]
    cols += [("tracking_period_start", "date"), ("tracking_period_end", "date"),
             ("recurring", "bool"), ("adjustment_needed", "bool")]
    cols += [(name, "str") for name in TAIL_TEXT_FIELDS]
    cols += [("execution_progress_pct", "pct")]
    for name in AMOUNT_FIELDS:
        cols += [(f"{name}_yuan", "yuan"), (f"{name}_raw", "str"), (f"{name}_stated_unit", "str"),
                 (f"{name}_unit", "str"), (f"{name}_unit_inferred", "bool")]
    cols += [(f"n_{sev}", "int") for sev in SEVERITIES]
    cols += [("jixiao_version", "str"), ("schema_version", "str")]
    return cols


COLUMNS: list[tuple[str, str]] = _columns()
COLUMN_NAMES: list[str] = [name for name, _ in COLUMNS]


def to_decimal(value: Any, scale: Decimal) -> Decimal | None:
    """A decimal string quantized to `scale`, or None when absent, malformed or too large."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip().rstrip("%")).quantize(scale)
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or len(number.as_tuple().digits) > MAX_DECIMAL_DIGITS:
        return None
    return number


def to_date(value: Any) -> date | None:
    """An ISO date string as a date, or None."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def to_bool(value: Any) -> bool | None:
    """A JSON boolean, or None for anything else."""
    return value if isinstance(value, bool) else None


def severity_counts(record: dict[str, Any]) -> dict[str, int]:
    """Number of discrepancies per severity."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for item in record.get("discrepancies") or []:
        sev = item.get("severity")
        if sev in counts:
            counts[sev] += 1
    return counts


def _amount_cells(name: str, amount: Any) -> Iterator[tuple[str, Any]]:
    amount = amount if isinstance(amount, dict) else {}
    yield f"{name}_yuan", to_decimal(amount.get("yuan"), YUAN_SCALE)
    yield f"{name}_raw", amount.get("raw")
    yield f"{name}_stated_unit", amount.get("stated_unit")
    yield f"{name}_unit", amount.get("unit")
    yield f"{name}_unit_inferred", to_bool(amount.get("unit_inferred")) if amount else None


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One row (column name -> typed value) for a record."""
    source = record.get("source") or {}
    form = record.get("form") or {}
    fields = record.get("fields") or {}
    period = fields.get("tracking_period") or {}
    row: dict[str, Any] = {
        "path": source.get("path"),
        "sha256": source.get("sha256"),
        "format": source.get("format"),
        "status": record.get("status"),
        "error_codes": ";".join(e.get("code", "") for e in record.get("errors") or []) or None,
        "form_variant": form.get("variant"),
        "title": form.get("title"),
        "tracking_period_start": to_date(period.get("start")),
        "tracking_period_end": to_date(period.get("end")),
        "recurring": to_bool(fields.get("recurring")),
        "adjustment_needed": to_bool(fields.get("adjustment_needed")),
        "execution_progress_pct": to_decimal(fields.get("execution_progress_pct"), PCT_SCALE),
        "jixiao_version": record.get("jixiao_version"),
        "schema_version": record.get("schema_version"),
    }
    for name in TEXT_FIELDS + TAIL_TEXT_FIELDS:
        row[name] = fields.get(name)
    for name in AMOUNT_FIELDS:
        row.update(_amount_cells(name, fields.get(name)))
    for sev, count in severity_counts(record).items():
        row[f"n_{sev}"] = count
    return {name: row.get(name) for name in COLUMN_NAMES}


def location_text(location: Any) -> str:
    """第N页第M行 for an evidence location, '' when unknown."""
    if not isinstance(location, dict) or location.get("line") is None:
        return ""
    return f"第{location.get('page') or 1}页第{location['line']}行"


DISCREPANCY_COLUMNS = ("path", "project_name", "rule", "severity", "fields", "message",
                       "evidence", "location")
DISCREPANCY_HEADERS_ZH = ("文档", "项目名称", "规则", "严重程度", "字段", "说明", "证据原文", "位置")


def document_path(record: dict[str, Any]) -> str:
    """The record's path, with `#<part index>` for one form of a file holding several."""
    source = record.get("source") or {}
    part = source.get("part") or {}
    path = str(source.get("path") or "")
    return f"{path}#{part['index']}" if isinstance(part, dict) and part.get("index") else path


def discrepancy_rows(record: dict[str, Any], severity: str) -> Iterator[list[str]]:
    """One row per discrepancy of `severity` in `record` (columns as DISCREPANCY_COLUMNS)."""
    path = document_path(record)
    fields = record.get("fields") or {}
    project = fields.get("project_name") or fields.get("department") or ""
    for item in record.get("discrepancies") or []:
        if item.get("severity") != severity:
            continue
        evidence = item.get("evidence") or []
        yield [
            path,
            project,
            item.get("rule") or "",
            severity,
            ", ".join(map(str, item.get("fields") or [])),
            item.get("message") or "",
            " | ".join(str(ev.get("text") or "") for ev in evidence if isinstance(ev, dict)),
            "; ".join(filter(None, (location_text(ev.get("location")) for ev in evidence
                                    if isinstance(ev, dict)))),
        ]
