"""The record: one per input document, the code form of record-v1.md."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.checkbox import CheckboxGroup
from schemas.discrepancy import Discrepancy
from schemas.fields import Fields
from schemas.section import Section

SCHEMA_VERSION = "1"


class Status(StrEnum):
    """ok: every field found; partial: some missing; failed: the document could not be read."""

    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"


class ErrorItem(BaseModel):
    """Why a document could not be (fully) read: a stable code and a message for people."""

    model_config = ConfigDict(extra="forbid")

    code: str
    message: str


class Source(BaseModel):
    """The input file a record was read from."""

    model_config = ConfigDict(extra="forbid")

    path: str
    sha256: str | None = None
    format: Literal["txt", "docx", "pdf"] | None = None
    pages: int | None = None
    dialect: str | None = None


class FormInfo(BaseModel):
    """Which form the document is: type, variant and the title as written."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["monitoring"] | None = None
    variant: Literal["key", "general"] | None = None
    title: str | None = None


class ProvenanceEntry(BaseModel):
    """Where a field's value was read: page, line and that line's text (plus table cell)."""

    model_config = ConfigDict(extra="forbid")

    page: int = 1
    line: int
    text: str
    block: int | None = None
    row: int | None = None
    col: int | None = None


class Record(BaseModel):
    """Everything jixiao knows about one document."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    jixiao_version: str | None = None
    status: Status
    errors: list[ErrorItem] = []
    source: Source
    form: FormInfo = Field(default_factory=FormInfo)
    fields: Fields = Field(default_factory=Fields)
    checkboxes: list[CheckboxGroup] = []
    sections: list[Section] = []
    discrepancies: list[Discrepancy] = []
    provenance: dict[str, ProvenanceEntry] = {}
