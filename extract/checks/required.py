"""`missing-field` on the form family's forms: what forms-v1 requires of each form.

self-evaluation: 项目名称, the year, the 年度资金总额 row and at least one indicator; target declaration:
项目名称, the year, the 年度 funds row and at least one 年度 indicator; execution monitoring:
项目名称, the year, the total funds row and at least one indicator. Where a template lists
`required:` keys, those apply instead (`a|b`: either will do), or its `required_when_titled`
keys under a title holding their word (the department-wide 部门整体支出绩效自评表 is known by its
部门, having no 项目名称). A record of no
recognised form never gets here.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from extract.checks.base import CheckContext, Finding, rule
from extract.checks.forms import has_text, label, template_of, value_at
from schemas.discrepancy import Severity

REQUIRED: dict[str, tuple[str, ...]] = {
    "self_evaluation": ("project_name", "form.year", "funds.total", "indicators"),
    "target_declaration": ("project_name", "form.year", "funds.annual", "indicators[annual]"),
    "execution_monitoring": ("project_name", "form.year", "funds.total", "indicators"),
}
"""Form type -> required keys: dotted field keys, `form.year`, `indicators[<period>]`."""


def _filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return has_text(value)
    if isinstance(value, list):
        return bool(value)
    if isinstance(value, BaseModel):
        return any(_filled(getattr(value, name)) for name in type(value).model_fields)
    return True


def is_missing(ctx: CheckContext, required: str) -> bool:
    """Whether the record lacks the required key (`a|b`: lacks both)."""
    if "|" in required:
        return all(is_missing(ctx, one) for one in required.split("|"))
    if required == "form.year":
        return ctx.record.form.year is None
    if required.startswith("indicators[") and required.endswith("]"):
        period = required[len("indicators["):-1]
        return not any(getattr(i, "period", None) == period for i in getattr(ctx.record.fields, "indicators", []))
    return not _filled(value_at(ctx.record.fields, required))


def _describe(ctx: CheckContext, required: str) -> str:
    if "|" in required:
        return "”或“".join(_describe(ctx, one) for one in required.split("|"))
    if required == "form.year":
        return "年度（表头“（XXXX年度）”）"
    if required.startswith("indicators["):
        return f"{label(ctx, 'indicators')}（{required[len('indicators['):-1]}）中的至少一项指标"
    if required == "indicators":
        return f"{label(ctx, 'indicators')}中的至少一项指标"
    return label(ctx, required)


@rule("missing-field", Severity.WARNING, fields=(), forms=tuple(REQUIRED))
def missing_field(ctx: CheckContext) -> Iterator[Finding]:
    """A field the form requires is empty or was not found."""
    template = template_of(ctx.form_type)
    for required in (template.required_for(ctx.record.form.title) if template is not None else ()) \
            or REQUIRED.get(ctx.form_type, ()):
        if is_missing(ctx, required):
            message = f"必填项“{_describe(ctx, required)}”为空或未找到；请核对原表"
            yield Finding(message, [], tuple(one.split("[", 1)[0] for one in required.split("|")))
