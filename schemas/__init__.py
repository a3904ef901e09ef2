"""Pydantic models: the record contract (record-v1.md) and the document model readers feed."""

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
