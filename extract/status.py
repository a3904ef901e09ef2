"""Decide a record's status from the fields found: ok, partial, or failed (no known form).

The monitoring form's expected fields are its model's (less the variant-only ones); every other
form's are its template's `required` keys, or those its printed title names
(`required_when_titled`) (dotted paths; `a|b` is satisfied by either;
`indicators[annual]` by an item of that period).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from parsers.forms import all_templates
from schemas.record import ErrorItem, Record, Status
from schemas.template import FormTemplate

# Fields a （一般） form does not have; every other field is expected on every form.
VARIANT_ONLY_FIELDS: dict[str, set[str]] = {"key_tracking_reason": {"key"}}


def expected_fields(record: Record) -> list[str]:
    """The field keys this record's form variant should fill."""
    variant = record.form.variant
    return [
        name
        for name in type(record.fields).model_fields
        if name not in VARIANT_ONLY_FIELDS or variant in VARIANT_ONLY_FIELDS[name]
    ]


def known_forms() -> str:
    """The names of every form jixiao reads, for messages (`“…”、“…”`)."""
    return "、".join(f"“{template.title.match[0]}”" for template in all_templates())


def unrecognized(record: Record) -> ErrorItem | None:
    """The one error of a document of no known form (no title, no field found), else None."""
    if record.status == Status.FAILED or record.form.type is not None:
        return None
    if any(getattr(record.fields, name) is not None for name in expected_fields(record)):
        return None
    message = f"文件不是已知的表（{known_forms()}）：未找到表名，也没有任何一种表的字段"
    return ErrorItem(code="unrecognized-form", message=message)


def decide_status(record: Record) -> tuple[Status, list[ErrorItem]]:
    """ok when every expected field was found, partial otherwise (with an error item saying which).

    Scanned pages the OCR engine could not read make an ok record partial (ocr-page-failed),
    as do pages with ink from which it read no text (ocr-page-no-text)."""
    return _scanned_pages(record, *_decide(record))


def _scanned_pages(record: Record, status: Status, errors: list[ErrorItem]) -> tuple[Status, list[ErrorItem]]:
    """The status and errors with the scanned pages nothing was read from named."""
    ocr = record.source.ocr
    if ocr is None or status == Status.FAILED:
        return status, errors
    if ocr.pages_failed:
        pages = ", ".join(map(str, ocr.pages_failed))
        errors = [*errors, ErrorItem(code="ocr-page-failed", message=f"OCR 无法识别第 {pages} 页，其余页面照常读取")]
        status = Status.PARTIAL
    if ocr.pages_no_text:
        pages = ", ".join(map(str, ocr.pages_no_text))
        message = f"第 {pages} 页有墨迹（印刷、手写或图形），但 OCR 未识别出文字，其内容未读入；请对照原件核对"
        errors = [*errors, ErrorItem(code="ocr-page-no-text", message=message)]
        status = Status.PARTIAL
    return status, errors


def _decide(record: Record) -> tuple[Status, list[ErrorItem]]:
    if record.status == Status.FAILED:
        return Status.FAILED, []
    failed = unrecognized(record)
    if failed is not None:
        return Status.FAILED, [failed]
    missing = [name for name in expected_fields(record) if getattr(record.fields, name) is None]
    if record.form.type is None:
        message = "未识别为“财政项目支出绩效运行监控（跟踪评价）”表，仅按该表尝试读取"
        return Status.PARTIAL, [ErrorItem(code="unknown-form", message=message)] + _missing(missing)
    if not missing:
        return Status.OK, []
    return Status.PARTIAL, _missing(missing)


def decide_family_status(record: Record, template: FormTemplate) -> tuple[Status, list[ErrorItem]]:
    """ok when every required key of the form's template holds a value, else partial (and
    partial when scanned pages were not read: see `decide_status`)."""
    missing = [key for key in template.required_for(record.form.title)
               if not any(_present(record, k) for k in key.split("|"))]
    if not missing:
        return _scanned_pages(record, Status.OK, [])
    return _scanned_pages(record, Status.PARTIAL, _missing(missing))


def _present(record: Record, key: str) -> bool:
    if key.endswith("]") and "[" in key:  # `indicators[annual]`: an item of that period
        name, period = key[:-1].split("[", 1)
        return any(getattr(item, "period", None) == period for item in getattr(record.fields, name, None) or [])
    value: Any = record.form if key.startswith("form.") else record.fields
    for part in key.removeprefix("form.").split(".") if key.startswith("form.") else key.split("."):
        value = value[int(part)] if isinstance(value, list) and part.isdigit() else getattr(value, part, None)
        if value is None:
            return False
    if isinstance(value, BaseModel):  # a row is there when one of its cells is (not a row of blanks)
        return any(getattr(value, name) not in (None, "", []) for name in type(value).model_fields)
    return value != [] and value != ""


def _missing(missing: list[str]) -> list[ErrorItem]:
    if not missing:
        return []
    return [ErrorItem(code="missing-fields", message="未读到字段: " + ", ".join(missing))]
