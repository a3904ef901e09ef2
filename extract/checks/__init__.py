"""Consistency checks: every contradiction a reviewer would find in one record.

Owns the rule registry and the order of a run. One rule is one small function registered
with `@rule` (`base.py`), one family per module:

- `units.py`: unit-mismatch (reports the units reading decided, `parsers.units`)
- `amounts.py`: budget-identity, execution-rate
- `boxes.py`: checkbox-state, adjustment-flag
- `narrative.py`: narrative-mismatch, text-arithmetic
- `conclusion.py`: conclusion-rate
- `completeness.py`: missing-field, period
- the form family (self-evaluation first; execution monitoring and target declaration
  where cheap): `funds.py` (funds-sum, execution-rate, unit-mismatch), `scores.py`
  (budget-score, score-bounds, weight-sum, total-score, grade-band), `indicators.py`
  (target-score, deviation-reason, likelihood), `wording.py` (template-text),
  `required.py` (missing-field), `targets.py` (target-quality, the target declaration's)
- `ocr.py`: ocr-confidence (a field read from a scan with a low recognizer score; info)
- `unread.py`: unread-value (values under a table header or beside a row label the template does not
  know; info)

A rule runs on a record when its form's template lists it (`rules:`), else when the rule
declares the form (`applicable`). A record whose form was not recognised
(`unrecognized-form`) gets no discrepancy at all. Checks only report: the record's fields
are final when reading ends (the monitoring form's units are decided by
`parsers.units.read_units`, which the pipeline runs after field parsing, handing its
decisions to `run_checks` for the unit rule to report), and `run_checks`
returns the record with its fields untouched and its discrepancies sorted by severity (error, warning, info), then rule id. A rule's severity is
its default unless `CheckSettings.severities` overrides it; a finding may carry its own
(missing-field's empty subsections are `info`). One fault is reported once: rules skip
silently when their inputs are missing, and the few overlaps are settled in the rules
(see `amounts.identity_repair`, `completeness.missing_field`).
"""

from __future__ import annotations

from extract.checks import (  # noqa: F401  (registers rules)
    amounts,
    boxes,
    completeness,
    conclusion,
    funds,
    indicators,
    narrative,
    ocr,
    required,
    scores,
    targets,
    units,
    unread,
    wording,
)
from extract.checks.base import (
    IMPLEMENTATIONS,
    RULE_OPTIONS,
    RULES,
    CheckContext,
    Finding,
    Rule,
    rule,
)
from extract.checks.forms import applicable
from extract.settings import CheckSettings
from parsers.units import UnitDecisions
from schemas.discrepancy import Discrepancy, Severity
from schemas.document import Document
from schemas.record import Record

__all__ = [
    "IMPLEMENTATIONS",
    "RULES",
    "RULE_OPTIONS",
    "CheckContext",
    "Finding",
    "Rule",
    "applicable",
    "check_record",
    "rule",
    "run_checks",
]

UNRECOGNIZED = "unrecognized-form"


def run_checks(
    document: Document, record: Record, settings: CheckSettings | None = None, units_decided: UnitDecisions | None = None
) -> Record:
    """`record` with its discrepancies added, sorted; its fields are never changed.

    `units_decided`: what reading decided about the amounts' units (`parsers.units.units_decided` of
    the record as parsed), when the caller has it; else the `unit-mismatch` rule asks again.
    A record of no known form (`unrecognized-form`) is returned without any discrepancy."""
    if any(error.code == UNRECOGNIZED for error in record.errors):
        return record.model_copy(update={"discrepancies": []})
    discrepancies = check_record(document, record, settings or CheckSettings(), units_decided)
    ordered = sorted(record.discrepancies + discrepancies, key=lambda d: (Severity(d.severity).rank, d.rule))
    return record.model_copy(update={"discrepancies": ordered})


def check_record(
    document: Document, record: Record, settings: CheckSettings, units_decided: UnitDecisions | None = None
) -> list[Discrepancy]:
    """The discrepancies of every registered rule on `record`, unsorted (`units_decided`: as `run_checks`)."""
    ctx = CheckContext(document, record, settings, units_decided)
    form = ctx.form_type
    found: list[Discrepancy] = []
    for registered in IMPLEMENTATIONS:
        if not applicable(registered, form):
            continue
        default = settings.severities.get(registered.id, registered.severity)
        for finding in registered.check(ctx):
            found.append(
                Discrepancy(
                    rule=registered.id,
                    severity=finding.severity or default,
                    fields=list(finding.fields if finding.fields is not None else registered.fields),
                    message=finding.message,
                    evidence=finding.evidence,
                )
            )
    return found
