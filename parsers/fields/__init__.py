"""Field parsers by template type: FIELD_PARSERS[type](text, spec, label_unit) -> value or None.

Box groups (`yes_no`, `choice`) are not here: their options' states feed both the record's
checkbox group and the field, so `form_parser` reads them once with `choice.option_states`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parsers.fields.amount import parse_amount
from parsers.fields.percent import parse_percent
from parsers.fields.period import parse_period
from parsers.fields.text import parse_text
from schemas.template import FieldSpec


def _text(text: str, spec: FieldSpec, unit: str | None) -> Any:
    return parse_text(text, spec.strip)


def _amount(text: str, spec: FieldSpec, unit: str | None) -> Any:
    return parse_amount(text, unit)


def _percent(text: str, spec: FieldSpec, unit: str | None) -> Any:
    return parse_percent(text)


def _period(text: str, spec: FieldSpec, unit: str | None) -> Any:
    return parse_period(text)


FIELD_PARSERS: dict[str, Callable[[str, FieldSpec, str | None], Any]] = {
    "text": _text,
    "amount": _amount,
    "percent": _percent,
    "period": _period,
}
