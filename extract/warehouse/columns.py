"""Typed columns derived from the record's pydantic models: the one walk the DDL and the rows share.

A model's fields become columns by their annotation, so the tables follow the models (and so
the JSON Schema, which pydantic derives from the same models) and never drift:

* ``str`` / ``Literal`` / ``StrEnum`` -> text; ``bool``; ``int``; ``float``; ``date``;
* a decimal string marked ``Numeric(18, 2)`` (``YuanString``) -> money, ``Numeric(18, 4)``
  (``DecimalString``: percents, scores) -> decimal; a fixed-point number, never a float;
* a nested *flat* model (Amount, Period, Target, Part) -> its columns prefixed ``<name>_``;
* ``tuple[int, int]`` -> ``<name>_first``, ``<name>_last``; other tuples ``<name>_0`` …;
* ``list[str]`` -> a text array; ``dict[str, str]`` -> JSON text.

What does not fit a row — a list of models (indicators) or a block of named rows (funds: a
model whose every field is a model or a list of models) — is a *composite*: it becomes its
own long table (`composites`). A column's ``path`` is the attribute path from the row's
object to its value; `value_of` reads it and converts it to the column's type.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Literal, Union

from pydantic import BaseModel

from schemas.fields import Numeric

KINDS = ("text", "bool", "int", "bigint", "float", "date", "money", "decimal", "text_list",
         "json", "timestamp")
MONEY = Numeric(18, 2)
DECIMAL = Numeric(18, 4)


@dataclass(frozen=True)
class Column:
    """A typed column: its name, its kind (one of KINDS) and where its value is read."""

    name: str
    kind: str
    path: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class Composite:
    """A field stored in a table of its own: ``list`` of item models or a ``rows`` block."""

    name: str
    shape: Literal["list", "rows"]
    models: tuple[type[BaseModel], ...]


class NotConvertible(ValueError):
    """A value that does not fit its column (a decimal string that is no number, too many digits)."""


def _strip(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """(the annotation without Optional and Annotated, the Annotated metadata)."""
    metadata: tuple[Any, ...] = ()
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata += tuple(extra)
        elif origin in (Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(args) != 1:
                raise TypeError(f"no column type for the union {annotation!r}")
            annotation = args[0]
        else:
            return annotation, metadata


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _scalar_kind(annotation: Any, metadata: tuple[Any, ...]) -> str | None:
    numeric = next((m for m in metadata if isinstance(m, Numeric)), None)
    if numeric is not None:
        return "money" if numeric == MONEY else "decimal"
    if typing.get_origin(annotation) is Literal:
        return "text"
    if isinstance(annotation, type):
        for python_type, kind in ((bool, "bool"), (int, "int"), (float, "float"),
                                  (date, "date"), (str, "text"), (Enum, "text")):
            if issubclass(annotation, python_type):
                return kind
    return None


def item_model(annotation: Any) -> type[BaseModel] | None:
    """The item model of ``list[Model]``, else None."""
    annotation, _ = _strip(annotation)
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        item, _ = _strip(item)
        return item if _is_model(item) else None
    return None


def is_rows_block(model: type[BaseModel]) -> bool:
    """A model whose every field is a model or a list of models (the funds block)."""
    if not model.model_fields:
        return False
    for info in model.model_fields.values():
        inner, _ = _strip(info.annotation)
        if not (_is_model(inner) or item_model(info.annotation) is not None):
            return False
    return True


def block_rows(model: type[BaseModel]) -> list[tuple[str, type[BaseModel], bool]]:
    """(row name, row model, repeated) of a rows block."""
    rows = []
    for name, info in model.model_fields.items():
        item = item_model(info.annotation)
        rows.append((name, item, True) if item else (name, _strip(info.annotation)[0], False))
    return rows


def composites(model: type[BaseModel], exclude: frozenset[str] = frozenset()) -> list[Composite]:
    """The fields of `model` (but `exclude`) that go to tables of their own."""
    found = []
    for name, info in model.model_fields.items():
        if name in exclude:
            continue
        inner, _ = _strip(info.annotation)
        item = item_model(info.annotation)
        if item is not None:
            found.append(Composite(name, "list", (item,)))
        elif _is_model(inner) and is_rows_block(inner):
            found.append(Composite(name, "rows", tuple(m for _, m, _ in block_rows(inner))))
    return found


def _field_columns(name: str, annotation: Any, prefix: str, path: tuple[str | int, ...]) -> list[Column]:
    inner, metadata = _strip(annotation)
    full, here = f"{prefix}{name}", (*path, name)
    kind = _scalar_kind(inner, metadata)
    if kind is not None:
        return [Column(full, kind, here)]
    if _is_model(inner):
        return columns_of(inner, f"{full}_", here)
    origin, args = typing.get_origin(inner), typing.get_args(inner)
    if origin is tuple:
        names = ("first", "last") if len(args) == 2 else tuple(map(str, range(len(args))))
        return [Column(f"{full}_{suffix}", _scalar_kind(*_strip(arg)) or "text", (*here, index))
                for index, (suffix, arg) in enumerate(zip(names, args, strict=True))]
    if origin is list and _scalar_kind(*_strip(args[0])) == "text":
        return [Column(full, "text_list", here)]
    if origin in (list, dict):  # other lists (page numbers, nested entries) kept whole as JSON
        return [Column(full, "json", here)]
    raise TypeError(f"no column type for {full}: {annotation!r}")


def columns_of(model: type[BaseModel], prefix: str = "", path: tuple[str | int, ...] = (),
               exclude: frozenset[str] = frozenset()) -> list[Column]:
    """The columns of `model`'s fields, composites and `exclude` left out (see `composites`)."""
    # Lists and row blocks of a table's own fields get tables of their own; deeper down
    # (source.ocr.low_confidence) they stay in their column as JSON.
    skip = ({c.name for c in composites(model, exclude)} if not prefix else set()) | exclude
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        if name not in skip:
            columns += _field_columns(name, info.annotation, prefix, path)
    return columns


def union_columns(models: tuple[type[BaseModel], ...] | list[type[BaseModel]]) -> list[Column]:
    """The columns of several models in one table (first appearance first; one kind per name)."""
    merged: dict[str, Column] = {}
    for model in models:
        for column in columns_of(model):
            known = merged.setdefault(column.name, column)
            if known.kind != column.kind:
                raise TypeError(f"column {column.name} is {known.kind} and {column.kind}")
    return list(merged.values())


def _fixed(value: Any, scale: int) -> Decimal:
    try:
        number = Decimal(str(value).strip().rstrip("%"))
        quantized = number.quantize(Decimal(1).scaleb(-scale))
    except (InvalidOperation, ValueError) as exc:
        raise NotConvertible(f"{value!r} is no decimal number") from exc
    if not quantized.is_finite() or len(quantized.as_tuple().digits) > 18:
        raise NotConvertible(f"{value!r} does not fit 18 digits")
    return quantized


_AS_IS = frozenset({"bool", "int", "bigint", "float", "date", "timestamp"})


def convert(value: Any, kind: str) -> Any:
    """A model value as the column's Python value (Decimal for money, never a float)."""
    if value is None or kind in _AS_IS or (kind == "text" and type(value) is str):
        return value
    if kind == "money":
        return _fixed(value, 2)
    if kind == "decimal":
        return _fixed(value, 4)
    if kind == "text":
        return value.value if isinstance(value, Enum) else str(value)
    if kind == "text_list":
        return [str(item) for item in value]
    if kind == "json":
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def value_of(obj: Any, column: Column) -> Any:
    """The converted value of `column` read from `obj` along its path (None past a None)."""
    value = obj
    for step in column.path:
        if value is None:
            return None
        if isinstance(step, int):
            value = value[step]
        elif isinstance(value, dict):
            value = value.get(step)
        else:  # a column of a sibling model in a union table is None for this one
            value = getattr(value, step, None)
    return convert(value, column.kind)
