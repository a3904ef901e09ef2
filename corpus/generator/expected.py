"""The expected record of a synthetic form: what a perfect extractor returns for it.

Owns the conventions of the expected values (see the brief and record-v1): CJK wrap spaces
and seal marks removed, `raw` ASCII with commas kept, `yuan` by Decimal arithmetic, a group
without exactly one ticked box -> null, an emptied field -> null.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import regex

from corpus.generator.model import (
    AMOUNT_KEYS, CENT, FIELD_KEYS, GROUPS, SECTION_1, SECTION_2, SECTION_3, TITLES, UNIT_FACTOR, FormSpec,
)

_SEAL = regex.compile(r"[（(]\s*盖章\s*[)）]")


def town_value(printed: str) -> str | None:
    """街镇名称 without its seal mark."""
    return _SEAL.sub("", printed).strip() or None


def amount(spec: FormSpec, key: str) -> dict[str, Any]:
    """The expected Amount of `key`."""
    raw = spec.figure(key)
    yuan = (Decimal(raw.replace(",", "")) * UNIT_FACTOR[spec.real_unit]).quantize(CENT)
    return {"raw": raw, "stated_unit": spec.stated_unit, "unit": spec.real_unit, "yuan": str(yuan),
            "unit_inferred": spec.real_unit != spec.stated_unit}


def _choice(spec: FormSpec, field: str, labels: tuple[str, ...]) -> Any:
    ticked = [label for label, on in zip(labels, spec.boxes[field], strict=True) if on]
    if len(ticked) != 1:
        return None
    return ticked[0] == "是" if labels == ("是", "否") else ticked[0]


def fields(spec: FormSpec) -> dict[str, Any]:
    """All 18 fields."""
    period = None
    if spec.period_start is not None:
        period = {"start": spec.period_start.isoformat(),
                  "end": spec.period_end.isoformat() if spec.period_end else None}
    out: dict[str, Any] = {
        "town": town_value(spec.town_printed),
        "project_name": spec.project_name,
        "budget_unit": spec.budget_unit,
        "implementing_unit": spec.implementing_unit,
        "tracking_period": period,
        "execution_progress_pct": f"{spec.table_pct:.2f}",
        "key_tracking_reason": spec.key_reason if spec.variant == "key" else None,
        "stage_conclusion": None if spec.empty_subsection == SECTION_3 else spec.category,
    }
    for _question, field, labels in GROUPS:
        out[field] = _choice(spec, field, labels)
    for key in AMOUNT_KEYS:
        out[key] = amount(spec, key)
    return {key: out[key] for key in FIELD_KEYS}


def checkboxes(spec: FormSpec) -> list[dict[str, Any]]:
    """The four groups with each option's state."""
    return [{"question": q, "field": f,
             "options": [{"label": label, "checked": on} for label, on in zip(labels, spec.boxes[f], strict=True)]}
            for q, f, labels in GROUPS]


def expected_record(spec: FormSpec, fmt: str, dialect: str) -> dict[str, Any]:
    """The whole `<name>.expected.json` document."""
    return {
        "status": "partial" if None in (spec.project_name, spec.budget_unit, spec.implementing_unit) else "ok",
        "form": {"type": "monitoring", "variant": spec.variant, "title": TITLES[spec.variant]},
        "fields": fields(spec),
        "checkboxes": checkboxes(spec),
        "section_headings": [SECTION_1, SECTION_2, SECTION_3],
        "planted_faults": list(spec.faults),
        "format": fmt,
        "dialect": dialect,
        "seed": spec.seed,
    }
