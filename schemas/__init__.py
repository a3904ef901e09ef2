"""Pydantic models: the record contract (record-v1.md) and the document model readers feed.

The names below are imported on first use (`from schemas import Record` works as before), so
that importing one module of the package (`schemas.limits`) does not build every model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from schemas.checkbox import CheckboxGroup, CheckboxOption
    from schemas.discrepancy import Discrepancy, Evidence, Location, Severity
    from schemas.document import Block, Cell, Checkbox, Document, Line, Paragraph, Table
    from schemas.fields import AMOUNT_FIELDS, Amount, Fields, Period, Unit
    from schemas.record import (
        SCHEMA_VERSION,
        ErrorItem,
        FormInfo,
        ProvenanceEntry,
        Record,
        Source,
        Status,
    )
    from schemas.section import Section

_HOMES = {
    "schemas.checkbox": ("CheckboxGroup", "CheckboxOption"),
    "schemas.discrepancy": ("Discrepancy", "Evidence", "Location", "Severity"),
    "schemas.document": ("Block", "Cell", "Checkbox", "Document", "Line", "Paragraph", "Table"),
    "schemas.fields": ("AMOUNT_FIELDS", "Amount", "Fields", "Period", "Unit"),
    "schemas.record": ("SCHEMA_VERSION", "ErrorItem", "FormInfo", "ProvenanceEntry", "Record", "Source",
                       "Status"),
    "schemas.section": ("Section",),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'schemas' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "AMOUNT_FIELDS",
    "SCHEMA_VERSION",
    "Amount",
    "Block",
    "Cell",
    "Checkbox",
    "CheckboxGroup",
    "CheckboxOption",
    "Discrepancy",
    "Document",
    "ErrorItem",
    "Evidence",
    "Fields",
    "FormInfo",
    "Line",
    "Location",
    "Paragraph",
    "Period",
    "ProvenanceEntry",
    "Record",
    "Section",
    "Severity",
    "Source",
    "Status",
    "Table",
    "Unit",
]
