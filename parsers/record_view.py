"""A read-only view of a parsed record with its document: typed field access and the narrative.

Owns what both the reading steps after field parsing (`parsers.units`, which decides the
units of the monitoring form's amounts) and the consistency rules (`extract.checks`, whose
`CheckContext` extends this view) read: amounts and percentages by field name, the project's
budget years, the narrative's figures with the table's own value lines left out, and how far
a table value may stand from a narrative figure and still be it. The tolerances come from
the settings (`extract.settings.CheckSettings` provides them); this layer only names them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property
from typing import Protocol

import regex

from parsers.narrative import Fact, Narrative, scan_document
from schemas.discrepancy import location
from schemas.document import Document
from schemas.fields import AMOUNT_FIELDS, Amount
from schemas.record import Record

_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-—~～至]\s*((?:19|20)\d{2}))?\s*年")


class Tolerances(Protocol):
    """The tolerances a reading or a check compares figures with (see `CheckSettings`)."""

    @property
    def amount_tolerance_yuan(self) -> Decimal: ...
    @property
    def rate_tolerance_points(self) -> Decimal: ...
    @property
    def narrative_rate_tolerance_points(self) -> Decimal: ...
    @property
    def narrative_allows_rounding(self) -> bool: ...
    @property
    def min_plausible_amount_yuan(self) -> Decimal: ...


@dataclass
class RecordView:
    """A parsed record and its document, read by field name."""

    document: Document
    record: Record
    settings: Tolerances

    @property
    def form_type(self) -> str:
        """The record's form type; a record of no recognised type is read as the monitoring form."""
        return self.record.form.type or "monitoring"

    # -- fields ---------------------------------------------------------------------------
    def amount(self, name: str) -> Amount | None:
        """The amount field `name` when it holds a figure, else None."""
        value = getattr(self.record.fields, name)
        return value if isinstance(value, Amount) and value.yuan is not None else None

    def yuan(self, name: str) -> Decimal | None:
        """The amount field `name` in yuan, or None."""
        amount = self.amount(name)
        return amount.yuan_value if amount is not None else None

    def percent(self, name: str = "execution_progress_pct") -> Decimal | None:
        """A percentage field as a Decimal, or None."""
        value = getattr(self.record.fields, name)
        try:
            return Decimal(value) if value is not None else None
        except ArithmeticError:
            return None

    # -- narrative ------------------------------------------------------------------------
    @cached_property
    def budget_years(self) -> tuple[int, int] | None:
        """The project's budget year(s): from its name, else the tracking period's start."""
        years = budget_years(getattr(self.record.fields, "project_name", None))
        period = getattr(self.record.fields, "tracking_period", None)
        if years is None and period is not None and period.start is not None:
            years = (period.start.year, period.start.year)
        if years is None and self.form_type != "monitoring" and self.record.form.year is not None:
            years = (self.record.form.year, self.record.form.year)
        return years

    @cached_property
    def narrative(self) -> Narrative:
        """The narrative's figures (the table's value lines left out). A figure its sentence sets
        apart (上年/同期, 预计/计划, 其中, another year than the budget year) keeps no quantity."""
        table = (*AMOUNT_FIELDS, "execution_progress_pct")
        every = self.form_type != "monitoring"  # the family's forms: every read cell is table
        skip = [location(p.page, p.line) for k, p in self.record.provenance.items() if every or k in table]
        scanned = scan_document(self.document, skip)
        facts = tuple(replace(f, quantity=None) if self._aside(f) else f for f in scanned.facts)
        return Narrative(facts, scanned.expressions)

    def _aside(self, fact: Fact) -> bool:
        if fact.aside is None or fact.quantity is None:
            return False
        if not fact.aside.isdigit():
            return True
        years = self.budget_years
        return years is not None and not years[0] <= int(fact.aside) <= years[1]

    def narrative_tolerance(self, fact: Fact) -> Decimal:
        """How far a table value may be from `fact` and still be the same figure."""
        base = self.settings.amount_tolerance_yuan if fact.kind == "amount" else self.settings.narrative_rate_tolerance_points
        return max(base, fact.half_ulp) if self.settings.narrative_allows_rounding else base



def budget_years(project_name: str | None) -> tuple[int, int] | None:
    """The budget year(s) a project name states: `2024年华漕镇…项目` -> (2024, 2024)."""
    match = _YEAR.search(project_name or "")
    if match is None:
        return None
    first = int(match.group(1))
    return first, int(match.group(2) or first)
