"""Decide a record's status from the fields found: ok, partial, or (set elsewhere) failed."""

from __future__ import annotations

from schemas.record import ErrorItem, Record, Status

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


def decide_status(record: Record) -> tuple[Status, list[ErrorItem]]:
    """ok when every expected field was found, partial otherwise (with an error item saying which).

    Scanned pages the OCR engine could not read make an ok record partial (ocr-page-failed)."""
    status, errors = _decide(record)
    failed = record.source.ocr.pages_failed if record.source.ocr else []
    if failed and status != Status.FAILED:
        pages = ", ".join(map(str, failed))
        errors = [*errors, ErrorItem(code="ocr-page-failed", message=f"OCR 无法识别第 {pages} 页，其余页面照常读取")]
        status = Status.PARTIAL
    return status, errors


def _decide(record: Record) -> tuple[Status, list[ErrorItem]]:
    if record.status == Status.FAILED:
        return Status.FAILED, []
    missing = [name for name in expected_fields(record) if getattr(record.fields, name) is None]
    if record.form.type is None and len(missing) == len(expected_fields(record)):
        message = "文件中没有“财政项目支出绩效运行监控（跟踪评价）”表的任何字段"
        return Status.FAILED, [ErrorItem(code="unrecognized-form", message=message)]
    if record.form.type is None:
        message = "未识别为“财政项目支出绩效运行监控（跟踪评价）”表，仅按该表尝试读取"
        missing = [name for name in expected_fields(record) if getattr(record.fields, name) is None]
        return Status.PARTIAL, [ErrorItem(code="unknown-form", message=message)] + _missing(missing)
    missing = [name for name in expected_fields(record) if getattr(record.fields, name) is None]
    if not missing:
        return Status.OK, []
    return Status.PARTIAL, _missing(missing)


def _missing(missing: list[str]) -> list[ErrorItem]:
    if not missing:
        return []
    return [ErrorItem(code="missing-fields", message="未读到字段: " + ", ".join(missing))]
