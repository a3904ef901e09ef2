"""The record: one per form found in an input file, the code form of record-v1.md and forms-v1.md.

`fields` holds the model of the record's form type (`schemas.forms.FIELDS_MODELS`): a record
read back from JSON is validated against the model its `form.type` names. Keys the contract
calls absent when unknown (`source.part`, a provenance entry's `bbox`) are left out of the
serialised record rather than written as null.

Building the record model does not build every form's field model: `fields` is validated by
the model its form type names and serialised by the model it holds, so a monitoring record
builds the monitoring fields alone and the other forms' models are built on first use. The
JSON Schema (`Record.model_json_schema()`) is the contract's all the same: `fields` is any
form's fields, one of `AnyFields`.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializeAsAny,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from schemas.checkbox import CheckboxGroup
from schemas.discrepancy import Discrepancy
from schemas.fields import Fields
from schemas.forms import FIELDS_MODELS, FORM_TYPES
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


class Part(BaseModel):
    """Where one form lies in a file holding several: its 1-based index, how many forms the
    file holds, and the first and last page (PDF, Word) or line (text) it occupies."""

    model_config = ConfigDict(extra="forbid")

    index: int
    count: int
    pages: tuple[int, int] | None = None
    lines: tuple[int, int] | None = None

    @model_serializer(mode="wrap")
    def _drop_unknown(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _without_none(handler(self), ("pages", "lines"))


class LowConfidence(BaseModel):
    """A piece of text the OCR engine read with a low score: page, text, score (0..1)."""

    model_config = ConfigDict(extra="forbid")

    page: int
    text: str
    score: float


class OcrInfo(BaseModel):
    """How the scanned pages of a document were read: engine, resolution, which pages."""

    model_config = ConfigDict(extra="forbid")

    engine: str
    dpi: int
    pages_ocr: list[int] = []
    pages_failed: list[int] = []
    pages_no_text: list[int] = []  # pages with ink from which the engine read no text
    low_confidence: list[LowConfidence] = []


class Source(BaseModel):
    """The input file a record was read from (and, for a file of several forms, which part).

    `format` is "image" for a PNG, JPEG or TIFF; `ocr` says how pages without a text layer
    were read (absent when no page was read by OCR)."""

    model_config = ConfigDict(extra="forbid")

    path: str
    sha256: str | None = None
    format: Literal["txt", "docx", "pdf", "image"] | None = None
    pages: int | None = None
    dialect: str | None = None
    part: Part | None = None
    reader: str | None = None
    """The reader the suffix selects ("text", "docx", "doc", "pdf"): with `sha256` and
    `part.index` (1 when absent) the record's identity, as batch resume and warehouses key it."""
    ocr: OcrInfo | None = None

    @model_serializer(mode="wrap")
    def _drop_unknown(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _without_none(handler(self), ("part", "ocr"))


class FormInfo(BaseModel):
    """Which form the document is: type, variant and the title as written."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["monitoring", "self_evaluation", "target_declaration", "execution_monitoring"] | None = None
    variant: Literal["key", "general"] | None = None
    title: str | None = None
    year: int | None = None


class ProvenanceEntry(BaseModel):
    """Where a field's value was read: page, line and that line's text (plus table cell).

    For a page read by OCR also its box on the page (`bbox`, points) and `confidence`, the
    recognizer's lowest score for the text of the value (0..1), an extension of forms-v1;
    both are left out when not known."""

    model_config = ConfigDict(extra="forbid")

    page: int = 1
    line: int
    text: str
    block: int | None = None
    row: int | None = None
    col: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    confidence: float | None = None

    @model_serializer(mode="wrap")
    def _drop_unknown(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _without_none(handler(self), ("bbox", "confidence"))


class Record(BaseModel):
    """Everything jixiao knows about one document."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    jixiao_version: str | None = None
    run_id: str | None = None
    """The batch run that read this record (null outside `jixiao batch`)."""
    rules: dict[str, str] | None = None
    """{rule id: version} of every rule that checked this record (null when none ran)."""
    status: Status
    errors: list[ErrorItem] = []
    source: Source
    form: FormInfo = Field(default_factory=FormInfo)
    if TYPE_CHECKING:
        from schemas.forms import AnyFields

        fields: AnyFields = Field(default_factory=Fields)
    else:
        fields: SerializeAsAny[BaseModel] = Field(default_factory=Fields)
    checkboxes: list[CheckboxGroup] = []
    sections: list[Section] = []
    discrepancies: list[Discrepancy] = []
    provenance: dict[str, ProvenanceEntry] = {}

    @model_validator(mode="before")
    @classmethod
    def _fields_of_form(cls, data: Any) -> Any:
        """Validate a `fields` mapping against the model its form type names."""
        if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
            return data
        form = data.get("form")
        form_type = form.get("type") if isinstance(form, dict) else getattr(form, "type", None)
        model = FIELDS_MODELS.get(form_type or "monitoring", Fields)
        return {**data, "fields": model.model_validate(data["fields"])}

    @model_validator(mode="after")
    def _fields_model(self) -> Record:
        """`fields` holds a form's field model, never another object."""
        if not isinstance(self.fields, tuple(FIELDS_MODELS.values())):
            raise ValueError(f"fields must be a form's field model, not {type(self.fields).__name__}")  # noqa: TRY004 (pydantic reports a ValueError)
        return self

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The contract's JSON Schema of a record, `fields` any form's fields (`AnyFields`)."""
        if cls is Record:
            return _contract_record().model_json_schema(*args, **kwargs)
        return super().model_json_schema(*args, **kwargs)


@cache
def _contract_record() -> type[BaseModel]:
    """The record with `fields` typed as the union of every form's fields: built only for the
    JSON Schema (it builds every form's model), named and documented as the record is."""
    from schemas.forms import AnyFields

    class Record(_RecordBase):
        __doc__ = _RecordBase.__doc__

        fields: AnyFields = Field(default_factory=Fields)

    return Record


_RecordBase = Record


def _without_none(dumped: Any, keys: tuple[str, ...]) -> Any:
    if isinstance(dumped, dict):
        for key in keys:
            if dumped.get(key) is None:
                dumped.pop(key, None)
    return dumped


__all__ = ["FORM_TYPES", "SCHEMA_VERSION", "ErrorItem", "FormInfo", "LowConfidence", "OcrInfo", "Part", "ProvenanceEntry", "Record", "Source", "Status"]
