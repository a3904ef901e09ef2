"""The `template-text` rule: value cells that still hold the template's instructions.

A form filled in carelessly keeps the blank template's guidance in its value cells
(`请填写项目实施单位全称`, `（100字以内）`, `XX单位`, `填写说明：…`). The field keeps the text as
printed (reading never rewrites it); this rule names each such cell once. Labels and printed
notes are not fields, so they are never read here.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from pydantic import BaseModel, ConfigDict

from extract.checks.base import CheckContext, Finding, rule
from extract.checks.forms import key, where
from schemas.discrepancy import Severity
from schemas.fields import Amount
from schemas.forms.common import Target

INSTRUCTIONS: tuple[str, ...] = (
    r"填写说明",
    r"请(?:根据|按照?|在此|如实|据实|简要|简述|详细)?(?:填写|填报|填入|描述|说明|列明|选择)",
    r"\d+\s*字(?:以内|以下|左右)",
    r"(?:[XxＸｘ×]{2,}|某某)(?:单位|部门|项目|镇|区|市|县|公司)",
)
"""What template guidance looks like in a value cell (forms-v1: 填写说明, 请填写…, 100字以内, XX单位)."""


class TemplateTextOptions(BaseModel):
    """template-text's settings: the patterns of template guidance."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    patterns: tuple[str, ...] = INSTRUCTIONS


def text_cells(value: object, prefix: str) -> Iterator[tuple[str, str]]:
    """(dotted key, text) of every text value under `value` (targets by their raw text)."""
    if isinstance(value, str):
        yield prefix, value
    elif isinstance(value, Target):
        yield prefix, value.raw
    elif isinstance(value, Amount):
        return
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from text_cells(getattr(value, name), key(prefix, name) if prefix else name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_cells(item, key(prefix, index))


@rule("template-text", Severity.WARNING, fields=(), forms=("self_evaluation", "target_declaration", "execution_monitoring"),
      options=TemplateTextOptions)
def template_text(ctx: CheckContext) -> Iterator[Finding]:
    """A value cell must hold content, not the template's instructions."""
    patterns = [regex.compile(p) for p in ctx.options("template-text").patterns]
    for dotted, text in text_cells(ctx.record.fields, ""):
        match = next((m for p in patterns if (m := p.search(text))), None)
        if match is None:
            continue
        message = (f"{where(ctx, dotted)}仍是模板的填写说明（“{match.group(0)}”），未填写实际内容："
                   f"“{text.strip()[:60]}”；请按表格要求填写")
        yield Finding(message, ctx.evidence_for(dotted), (dotted,))
