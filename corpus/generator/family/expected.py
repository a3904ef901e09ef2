"""The expected record of a synthetic self-evaluation form (forms-v1.md), and of a monitoring
form when it shares a file with self-evaluation forms.

Owns the conventions: an amount printed "—" is null, `raw` as printed (commas kept), `yuan` by
Decimal arithmetic in the unit the figures are really in; targets `{raw, op, value, unit}` with
an actual printed without unit taking its target's unit; an empty text cell null, "无" and "/"
kept; level labels as printed (the generator never prints points after them); placeholder rows
are no indicator. Each record validates against `schemas.record.Record`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from corpus.generator.family.model import (
    CENT,
    EMPTY_NUMBER,
    UNIT_FACTOR,
    FundsRow,
    Indicator,
    Printed,
    SelfEvalSpec,
    dec_text,
)


def amount(spec: SelfEvalSpec, yuan: Decimal | None) -> dict[str, Any] | None:
    """The expected Amount of a funds cell (None when printed "—")."""
    raw = spec.figure(yuan)
    if raw == EMPTY_NUMBER:
        return None
    value = (Decimal(raw.replace(",", "")) * UNIT_FACTOR[spec.real_unit]).quantize(CENT)
    return {"raw": raw, "stated_unit": spec.stated_unit, "unit": spec.real_unit, "yuan": str(value),
            "unit_inferred": spec.real_unit != spec.stated_unit}


def _score(value: Decimal | None) -> str | None:
    return None if value is None else dec_text(value)


def _row(spec: SelfEvalSpec, row: FundsRow) -> dict[str, Any]:
    out = {"initial_budget": amount(spec, row.initial), "annual_budget": amount(spec, row.annual),
           "executed": amount(spec, row.executed), "weight": _score(row.weight),
           "rate_pct": None if row.rate is None else f"{row.rate:.2f}", "score": _score(row.score)}
    if row.key == "extra":
        out["label"] = row.label
    return out


def funds(spec: SelfEvalSpec) -> dict[str, Any]:
    """The funds block: named rows or null, the others in `extra`."""
    out: dict[str, Any] = {"total": None, "fiscal": None, "carryover": None, "other": None, "extra": []}
    for row in spec.funds:
        if row.key == "extra":
            out["extra"].append(_row(spec, row))
        else:
            out[row.key] = _row(spec, row)
    return out


def target(printed: Printed, of: Printed | None = None) -> dict[str, Any]:
    """A target (or, with `of` its target, an actual) in the contract's shape."""
    if printed.qualitative:
        return {"raw": printed.raw, "op": None, "value": None, "unit": None}
    unit = printed.unit or (of.unit if of is not None else "") or None
    return {"raw": printed.raw, "op": printed.op, "value": printed.figure, "unit": unit}


def indicator(spec: SelfEvalSpec, ind: Indicator) -> dict[str, Any]:
    """One expected indicator."""
    deviation = ind.deviation or spec.empty_text
    return {"level1": ind.level1, "level2": ind.level2, "name": ind.name, "target": target(ind.target),
            "actual": target(ind.actual, ind.target), "weight": _score(ind.weight), "score": _score(ind.score),
            "deviation_reason": deviation or None}


def fields(spec: SelfEvalSpec) -> dict[str, Any]:
    """Every self-evaluation field."""
    return {
        "project_name": spec.project_name, "department": spec.department,
        "implementing_unit": spec.implementing_unit, "funds": funds(spec),
        "goal_planned": spec.goal_planned, "goal_actual": spec.goal_actual,
        "indicators": [indicator(spec, i) for i in spec.indicators],
        "total_weight": _score(spec.total_weight) if spec.scored else None,
        "total_score": _score(spec.total_score) if spec.scored else None,
        "grade": spec.grade if spec.show_grade else None,
        "conclusion": spec.conclusion, "problems": spec.problems, "improvements": spec.improvements,
    }


def self_evaluation_record(spec: SelfEvalSpec, name: str, fmt: str) -> dict[str, Any]:
    """The Record-shaped expectation of one self-evaluation form (`source.part` added by the caller)."""
    year = spec.year or None
    missing = (spec.project_name is None and spec.variant != "department") or year is None
    return {"schema_version": "1", "status": "partial" if missing else "ok", "errors": [],
            "source": {"path": name, "format": fmt},
            "form": {"type": "self_evaluation", "variant": None, "title": spec.title, "year": year},
            "fields": fields(spec), "checkboxes": [], "sections": [], "discrepancies": [], "provenance": {}}


def faults(spec: SelfEvalSpec) -> list[dict[str, Any]]:
    """The findings a checker must raise (error or warning) for the planted faults."""
    return [{"rule": rule, "fields": spec.fault_fields.get(rule, [])} for rule in spec.faults]


def monitoring_record(expected: dict[str, Any], year: int, name: str, fmt: str) -> dict[str, Any]:
    """A monitoring generator's expectation reshaped as a Record (for a file mixing forms)."""
    form = dict(expected["form"], year=year)
    return {"schema_version": "1", "status": expected["status"], "errors": [],
            "source": {"path": name, "format": fmt}, "form": form, "fields": expected["fields"],
            "checkboxes": expected["checkboxes"], "sections": [], "discrepancies": [], "provenance": {}}
