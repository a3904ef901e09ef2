"""What the form family's rules share: which rules run on a form, Chinese labels from the
templates, values read by dotted key, decimals as printed, cells named for reviewers.

A rule runs on a record when the template of the record's form lists it (`rules:` in
parsers/forms/<form>.yaml); a template that lists no rules leaves it to the forms each rule
declares. Labels come from the template too (`FormTemplate.label_of`), so no check holds
a form's field names in Chinese. Keys are the provenance's dotted paths (`funds.total.executed`,
`indicators.3.actual`): `key()` builds them, `value_at()` reads the record by them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel

from extract.checks.base import CheckContext, Rule
from extract.checks.base import label as base_label
from parsers.forms import template_for
from schemas.fields import Amount
from schemas.template import FormTemplate

EMPTY_TEXT = frozenset({"", "无", "—", "——", "-", "/", "／"})
"""What a text cell holds when it says nothing (forms-v1: 无, — and / are no content)."""


def template_of(form_type: str) -> FormTemplate | None:
    """The template of `form_type`, or None when no template describes it."""
    try:
        return template_for(form_type)
    except KeyError:
        return None


def applicable(rule: Rule, form_type: str) -> bool:
    """Whether `rule` runs on a record of `form_type`: the template's `rules:` decide, else the
    forms the rule declares. An implementation never runs on a form it was not written for."""
    if form_type not in rule.forms:
        return False
    template = template_of(form_type)
    return template is None or not template.rules or rule.id in template.rules


def label_of(form_type: str, dotted: str) -> str:
    """The Chinese label of field `dotted` on `form_type`'s form, as its template names it
    (`funds.total.executed` -> `年度资金总额·全年执行数`); the key itself when no template does."""
    return base_label(dotted, form_type)


def label(ctx: CheckContext, dotted: str) -> str:
    """`label_of` for the record's form."""
    return label_of(ctx.form_type, dotted)


def where(ctx: CheckContext, dotted: str) -> str:
    """A cell as a reviewer finds it: its label, after the indicator's position and name for an
    indicator's cell (`第5项指标“居民满意度”的实际完成值`)."""
    parts = dotted.split(".")
    if len(parts) >= 3 and parts[0] == "indicators" and parts[1].isdigit():
        item = value_at(ctx.record.fields, key(*parts[:2]))
        name = getattr(item, "name", None) or getattr(item, "level2", None) or ""
        return f"{position(int(parts[1]))}“{name}”的{label(ctx, dotted)}"
    return label(ctx, dotted)


def key(*parts: object) -> str:
    """A dotted key: key("indicators", 3, "actual") -> "indicators.3.actual"."""
    return ".".join(str(p) for p in parts)


def value_at(fields: Any, dotted: str) -> Any:
    """The value at `dotted` in a fields model (attributes and list indexes), or None."""
    value = fields
    for part in dotted.split("."):
        if value is None:
            return None
        if isinstance(value, list):
            value = value[int(part)] if part.isdigit() and int(part) < len(value) else None
        else:
            value = getattr(value, part, None)
    return value


def number(value: str | None) -> Decimal | None:
    """A score or percent string as a Decimal ("9.5", "86.18%"), None when empty or malformed."""
    if value is None:
        return None
    try:
        result = Decimal(str(value).strip().rstrip("%").replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return result if result.is_finite() else None


def yuan(amount: Amount | None) -> Decimal | None:
    """An amount's figure in yuan, or None."""
    return amount.yuan_value if amount is not None and amount.yuan is not None else None


def has_text(value: str | None) -> bool:
    """Whether a text cell says something (not empty, 无, —, /)."""
    return value is not None and value.strip() not in EMPTY_TEXT




def show_amount(amount: Amount) -> str:
    """An amount as printed with the unit it is in."""
    return amount.raw if amount.raw.endswith("元") else f"{amount.raw}{amount.unit or amount.stated_unit or '元'}"




def half_ulp(raw: str | None) -> Decimal:
    """Half a unit of the last digit printed in `raw` ("9.5" -> 0.05, "10" -> 0.5)."""
    digits = (raw or "").strip().rstrip("%")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return Decimal(5).scaleb(-decimals - 1)


def rows(funds: BaseModel | None) -> Iterator[tuple[str, BaseModel]]:
    """(dotted key, row) of every printed funds row, the `extra` lines as `funds.extra.<i>`."""
    if funds is None:
        return
    for name in type(funds).model_fields:
        value = getattr(funds, name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield key("funds", name, index), item
        elif isinstance(value, BaseModel):
            yield key("funds", name), value


def indicators(ctx: CheckContext) -> Iterator[tuple[int, BaseModel]]:
    """(index, indicator) of the record's indicator table, in table order."""
    yield from enumerate(getattr(ctx.record.fields, "indicators", None) or [])






def position(index: int) -> str:
    """The indicator's position as a reviewer counts rows: 第1项 for index 0."""
    return f"第{index + 1}项指标"


__all__ = [
    "EMPTY_TEXT",
    "applicable",
    "half_ulp",
    "has_text",
    "indicators",
    "key",
    "label",
    "label_of",
    "number",
    "position",
    "rows",
    "show_amount",
    "template_of",
    "value_at",
    "where",
    "yuan",
]
