"""Rows of the form family's tables: fields-<type> (one row per form), indicators and funds
(long tables: one row per indicator, one per funds line).

Columns come from each form's field model (`schemas.forms.FIELDS_MODELS`) and the kind of
each column from its template (`amount`, `score`, `percent`, `target`); a form without a
template falls back on the model's types (a score then stays text). Nothing here names a
form's field. Like `flatten`, rows are built from the parsed JSON dict, tolerating missing
keys. A record's identity is its sha256 plus `source.part.index` (`document_id`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from extract.outputs.flatten import (
    PCT_SCALE,
    SEVERITIES,
    YUAN_SCALE,
    severity_counts,
    to_bool,
    to_decimal,
)
from parsers.forms import template_for
from schemas.fields import Amount
from schemas.forms import FIELDS_MODELS
from schemas.forms.common import Target

MONITORING = "monitoring"
FAMILY_TYPES: tuple[str, ...] = tuple(t for t in FIELDS_MODELS if t != MONITORING)
INDICATORS, FUNDS = "indicators", "funds"
AMOUNT_PARTS = (("yuan", "yuan"), ("raw", "str"), ("stated_unit", "str"), ("unit", "str"), ("unit_inferred", "bool"))
TARGET_PARTS = (("raw", "str"), ("op", "str"), ("value", "pct"), ("unit", "str"))
HEAD = [("path", "str"), ("sha256", "str"), ("part", "int"), ("part_count", "int"), ("format", "str"),
        ("status", "str"), ("error_codes", "str"), ("title", "str"), ("year", "int")]
TAIL = [(f"n_{sev}", "int") for sev in SEVERITIES] + [("jixiao_version", "str"), ("schema_version", "str")]
LONG_HEAD = [("document_id", "str"), ("sha256", "str"), ("part", "int"), ("path", "str"), ("form_type", "str")]
KIND_OF_TYPE = {"score": "pct", "percent": "pct", "amount": "amount", "target": "target"}


def _inner(annotation: Any) -> Any:
    """`X | None` -> X; `list[X]` stays a list."""
    if get_origin(annotation) in (Union, UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _model(annotation: Any) -> type[BaseModel] | None:
    inner = _inner(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _list_item(annotation: Any) -> Any:
    inner = _inner(annotation)
    return get_args(inner)[0] if get_origin(inner) is list else None


def _template_kind(form_type: str, table: str | None, name: str) -> str | None:
    try:
        template = template_for(form_type)
    except KeyError:
        return None
    if table is None:
        spec = template.fields.get(name)
        return KIND_OF_TYPE.get(spec.type) if spec is not None else None
    spec_table = template.tables.get(table)
    column = spec_table.columns.get(name) if spec_table is not None else None
    return KIND_OF_TYPE.get(column.type) if column is not None else None


def _kind(form_type: str, table: str | None, name: str, annotation: Any) -> str:
    """amount, target, pct, int, str or list (of text)."""
    inner = _inner(annotation)
    if inner is Amount:
        return "amount"
    if inner is Target:
        return "target"
    if inner is int:
        return "int"
    if get_origin(inner) is list:
        return "list"
    return _template_kind(form_type, table, name) or "str"


def _expand(prefix: str, kind: str) -> list[tuple[str, str]]:
    if kind == "amount":
        return [(f"{prefix}_{part}", k) for part, k in AMOUNT_PARTS]
    if kind == "target":
        return [(f"{prefix}_{part}", k) for part, k in TARGET_PARTS]
    return [(prefix, "str" if kind == "list" else kind)]


def _cells(prefix: str, kind: str, value: Any) -> Iterator[tuple[str, Any]]:
    if kind in ("amount", "target"):
        value = value if isinstance(value, dict) else {}
        for part, part_kind in AMOUNT_PARTS if kind == "amount" else TARGET_PARTS:
            yield f"{prefix}_{part}", _typed(part_kind, value.get(part))
    elif kind == "list":
        yield prefix, "；".join(map(str, value)) if isinstance(value, list) and value else None
    else:
        yield prefix, _typed(kind, value)


def _typed(kind: str, value: Any) -> Any:
    if kind == "yuan":
        return to_decimal(value, YUAN_SCALE)
    if kind == "pct":
        return to_decimal(value, PCT_SCALE)
    if kind == "bool":
        return to_bool(value)
    if kind == "int":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    return None if value is None else str(value)


@cache
def field_columns(form_type: str) -> tuple[tuple[str, str, str, str | None, str], ...]:
    """(column prefix, kind, field, row, column) of fields-<type>: scalars, then each funds row's
    columns as `funds.<row>.<column>`; list fields (the long tables) are counted (`n_<field>`)."""
    out: list[tuple[str, str, str, str | None, str]] = []
    for name, info in FIELDS_MODELS[form_type].model_fields.items():
        nested = _model(info.annotation)
        if nested is not None and nested not in (Amount, Target):
            for row, row_info in nested.model_fields.items():
                row_model = _model(row_info.annotation)
                if row_model is None:
                    continue  # the `extra` lines: in funds.csv
                for column, column_info in row_model.model_fields.items():
                    kind = _kind(form_type, name, column, column_info.annotation)
                    out.append((f"{name}.{row}.{column}", kind, name, row, column))
        elif _list_item(info.annotation) is not None and _model(_list_item(info.annotation)) is not None:
            out.append((f"n_{name}", "count", name, None, ""))
        else:
            out.append((name, _kind(form_type, None, name, info.annotation), name, None, ""))
    return tuple(out)


def fields_schema(form_type: str) -> list[tuple[str, str]]:
    """(column, kind) of fields-<type>.csv/.parquet, kinds as `tables.ARROW_TYPES`."""
    cols = list(HEAD)
    for prefix, kind, *_ in field_columns(form_type):
        cols += [(prefix, "int")] if kind == "count" else _expand(prefix, kind)
    return cols + TAIL


def document_id(record: dict[str, Any]) -> str:
    """sha256, plus `#<part index>` for a form of a file holding several."""
    source = record.get("source") or {}
    part = source.get("part") or {}
    sha = str(source.get("sha256") or source.get("path") or "")
    return f"{sha}#{part['index']}" if part.get("index") else sha


def _head(record: dict[str, Any]) -> dict[str, Any]:
    source, form = record.get("source") or {}, record.get("form") or {}
    part = source.get("part") or {}
    return {
        "path": source.get("path"), "sha256": source.get("sha256"), "part": part.get("index"),
        "part_count": part.get("count"), "format": source.get("format"), "status": record.get("status"),
        "error_codes": ";".join(e.get("code", "") for e in record.get("errors") or []) or None,
        "title": form.get("title"), "year": _typed("int", form.get("year")),
    }


def flatten_form(record: dict[str, Any], form_type: str) -> dict[str, Any]:
    """One fields-<type> row for a record of `form_type`."""
    fields = record.get("fields") or {}
    row = _head(record)
    for prefix, kind, name, sub, column in field_columns(form_type):
        if kind == "count":
            row[prefix] = len(fields.get(name) or [])
            continue
        value = fields.get(name)
        if sub is not None:
            value = ((value or {}).get(sub) or {}).get(column) if isinstance(value, dict) else None
        row.update(_cells(prefix, kind, value))
    for sev, count in severity_counts(record).items():
        row[f"n_{sev}"] = count
    row["jixiao_version"], row["schema_version"] = record.get("jixiao_version"), record.get("schema_version")
    return row


@cache
def long_columns(table: str) -> tuple[tuple[str, str, str], ...]:
    """(column prefix, kind, key) of the indicators or funds table: every key any form's rows have."""
    seen: dict[str, tuple[str, str, str]] = {}
    for form_type, model in FIELDS_MODELS.items():
        info = model.model_fields.get(table)
        if info is None:
            continue
        row_models = [_model(_list_item(info.annotation))] if table == INDICATORS else _row_models(info.annotation)
        for row_model in filter(None, row_models):
            for name, field_info in row_model.model_fields.items():
                if name != "label" and name not in seen:
                    seen[name] = (name, _kind(form_type, table, name, field_info.annotation), name)
    return tuple(seen.values())


def _row_models(annotation: Any) -> list[type[BaseModel] | None]:
    funds = _model(annotation)
    if funds is None:
        return []
    return [_model(i.annotation) or _model(_list_item(i.annotation)) for i in funds.model_fields.values()]


def long_schema(table: str) -> list[tuple[str, str]]:
    """(column, kind) of indicators.csv or funds.csv."""
    cols = list(LONG_HEAD) + ([("position", "int")] if table == INDICATORS else [("row", "str"), ("label", "str")])
    for prefix, kind, _ in long_columns(table):
        cols += _expand(prefix, kind)
    return cols


def long_rows(record: dict[str, Any], table: str) -> Iterator[dict[str, Any]]:
    """The record's rows of the indicators or funds table (none for the monitoring form)."""
    form_type = (record.get("form") or {}).get("type")
    if form_type in (None, MONITORING):
        return
    source = record.get("source") or {}
    head = {"document_id": document_id(record), "sha256": source.get("sha256"),
            "part": (source.get("part") or {}).get("index"), "path": source.get("path"), "form_type": form_type}
    value = (record.get("fields") or {}).get(table)
    if table == INDICATORS:
        items = [({"position": i + 1}, item) for i, item in enumerate(value or []) if isinstance(item, dict)]
    else:
        items = list(_funds_items(form_type, value if isinstance(value, dict) else {}))
    for extra, item in items:
        row = {**head, **extra}
        for prefix, kind, name in long_columns(table):
            row.update(_cells(prefix, kind, item.get(name)))
        yield row


def _funds_items(form_type: str, funds: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    try:
        template = template_for(form_type).tables.get(FUNDS)
    except KeyError:
        template = None
    for row, value in funds.items():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield {"row": row, "label": item.get("label")}, item
        elif isinstance(value, dict):
            spec = template.rows.get(row) if template is not None else None
            yield {"row": row, "label": spec.label if spec is not None else None}, value
