"""Consistency checks: every contradiction a reviewer would find in one record.

Owns the rule registry and the order of a run. One rule is one small function registered
with `@rule` (`base.py`), one family per module:

- `units.py`: unit-mismatch (unit inference; runs first and corrects the record)
- `amounts.py`: budget-identity, execution-rate
- `boxes.py`: checkbox-state, adjustment-flag
- `narrative.py`: narrative-mismatch, text-arithmetic
- `conclusion.py`: conclusion-rate
- `completeness.py`: missing-field, period

`run_checks` infers units first, so every other rule reads amounts in the unit they are
really in; then runs every rule on the corrected record and returns it with its
discrepancies sorted by severity (error, warning, info), then rule id. A rule's severity is
its default unless `CheckSettings.severities` overrides it; a finding may carry its own
(missing-field's empty subsections are `info`). One fault is reported once: rules skip
silently when their inputs are missing, and the few overlaps are settled in the rules
(see `amounts.identity_repair`, `completeness.missing_field`).
"""

from __future__ import annotations

from extract.checks import amounts, boxes, completeness, conclusion, narrative, units  # noqa: F401  (registers rules)
from extract.checks.base import RULES, CheckContext, Finding, Rule, rule
from extract.checks.units import infer_units
from extract.settings import CheckSettings
from schemas.discrepancy import Discrepancy, Severity
from schemas.document import Document
from schemas.record import Record

__all__ = ["RULES", "CheckContext", "Finding", "Rule", "check_record", "rule", "run_checks"]


def run_checks(document: Document, record: Record, settings: CheckSettings | None = None) -> Record:
    """`record` with amounts in their inferred units and its discrepancies added, sorted."""
    record, discrepancies = check_record(document, record, settings or CheckSettings())
    ordered = sorted(record.discrepancies + discrepancies, key=lambda d: (Severity(d.severity).rank, d.rule))
    return record.model_copy(update={"discrepancies": ordered})


def check_record(document: Document, record: Record, settings: CheckSettings) -> tuple[Record, list[Discrepancy]]:
    """The unit-corrected record and the discrepancies of every registered rule, unsorted."""
    first = CheckContext(document, record, settings)
    corrected, unit_findings = infer_units(first)
    ctx = first.with_record(corrected, unit_findings)
    found: list[Discrepancy] = []
    for registered in RULES.values():
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
    return corrected, found
