"""The shape of a consistency rule and the context every rule reads.

Owns: `Rule` (id, default severity, fields, check function), the `@rule` decorator and the
`RULES` registry it fills, `Finding` (what a check yields), and `CheckContext` (typed field
access, the narrative's figures, evidence quoted from provenance and document lines).

A rule declares the forms it applies to (`forms=`, the monitoring form unless it says
otherwise) and, optionally, a pydantic model of its own settings (`options=`, read from the
TOML's `[checks.<rule-id>]` table). One rule id may have one implementation per form: the
id, its meaning and its severity are shared, the check function is the form's
(`IMPLEMENTATIONS`). The rules themselves live one family per module (amounts, units,
boxes, narrative, completeness, and the form family's funds, scores, indicators, wording);
`extract.checks.run_checks` runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import regex
from pydantic import BaseModel

from extract.settings import CheckSettings
from parsers.forms import template_for
from parsers.narrative import Fact
from parsers.normalize import label_key
from parsers.record_view import RecordView, budget_years
from parsers.units import UnitDecisions
from schemas.discrepancy import Evidence, Severity, location
from schemas.fields import AMOUNT_FIELDS, UNIT_FACTORS, Amount


@dataclass(frozen=True)
class Finding:
    """One problem a rule found; `fields`/`severity` default to the rule's."""

    message: str
    evidence: list[Evidence] = field(default_factory=list)
    fields: tuple[str, ...] | None = None
    severity: Severity | None = None


CheckFunction = Callable[["CheckContext"], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: contract id, default severity, the fields it reads, its check."""

    id: str
    severity: Severity
    fields: tuple[str, ...]
    check: CheckFunction
    forms: tuple[str, ...] = ("monitoring",)
    options: type[BaseModel] | None = None

    @property
    def doc(self) -> str:
        """The rule's documentation: its check function's docstring."""
        return (self.check.__doc__ or "").strip()


RULES: dict[str, Rule] = {}
"""Rule id -> its first implementation (the id's severity, options and documentation)."""
IMPLEMENTATIONS: list[Rule] = []
"""Every implementation, in registration order: one per (rule id, form)."""
RULE_OPTIONS: dict[str, type[BaseModel]] = {}
"""Rule id -> the model of its `[checks.<rule-id>]` settings."""


def rule(
    id: str,
    severity: Severity,
    fields: tuple[str, ...] = (),
    forms: tuple[str, ...] = ("monitoring",),
    options: type[BaseModel] | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated check function as rule `id` on `forms`.

    A second implementation of an id must keep its severity and cover other forms; a
    duplicate (id, form) is a programming error."""

    def register(check: CheckFunction) -> CheckFunction:
        implementation = Rule(id=id, severity=severity, fields=fields, check=check, forms=forms, options=options)
        first = RULES.setdefault(id, implementation)
        if first is not implementation:
            taken = {f for r in IMPLEMENTATIONS if r.id == id for f in r.forms}
            if first.severity != severity or taken & set(forms):
                raise ValueError(f"duplicate rule id {id!r} for forms {sorted(taken & set(forms))}")
        if options is not None and RULE_OPTIONS.setdefault(id, options) is not options:
            raise ValueError(f"rule {id!r} declares two option models")
        IMPLEMENTATIONS.append(implementation)
        return check

    return register


@dataclass
class CheckContext(RecordView):
    """What a rule reads: the record (its units decided by reading), its document and settings."""

    settings: CheckSettings = field(default_factory=CheckSettings)
    units_decided: UnitDecisions | None = None
    """What reading decided about the amounts' units (`parsers.units.units_decided`) when the
    caller hands it over; None: the `unit-mismatch` rule asks the evidence again."""

    def options(self, rule_id: str) -> Any:
        """Rule `rule_id`'s own settings (`[checks.<rule-id>]`), defaults where not set."""
        return self.settings.options_for(rule_id)

    # -- evidence -------------------------------------------------------------------------
    def evidence_for(self, *names: str) -> list[Evidence]:
        """Provenance lines of `names` (each line once), as evidence."""
        evidence: list[Evidence] = []
        for name in names:
            entry = self.record.provenance.get(name)
            if entry is None:
                continue
            item = Evidence(text=entry.text, location=location(entry.page, entry.line))
            if item not in evidence:
                evidence.append(item)
        return evidence

    @staticmethod
    def fact_evidence(*facts: Fact) -> list[Evidence]:
        """Narrative facts quoted with their location."""
        return [Evidence(text=fact.snippet, location=fact.location) for fact in facts]

    def label_evidence(self, name: str) -> list[Evidence]:
        """The first document line naming field `name`'s label (spacing and brackets ignored)."""
        key = label_key(regex.split(r"[（(]", label(name))[0])
        for line in self.document.lines:
            if key and key in label_key(line.text):
                return [Evidence(text=line.text, location=line.loc)]
        return []

    def line_evidence(self, needle: str) -> list[Evidence]:
        """The first document line containing `needle`, as evidence (none if absent)."""
        for line in self.document.lines:
            if needle and needle in line.text:
                return [Evidence(text=line.text, location=line.loc)]
        return []




# -- formatting helpers shared by the rules' messages ---------------------------------------
NOT_GIVEN = "（未填）"
"""What a message shows for a figure the table does not give (rules check presence first)."""


def plain(value: Decimal | None) -> str:
    """A Decimal without exponent or trailing zeros: 12250.00 -> '12250', 1.2250 -> '1.225'."""
    if value is None:
        return NOT_GIVEN
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def in_unit(yuan: Decimal | None, unit: str) -> str:
    """`yuan` written in `unit` (`12250` in 万元 -> '1.225万元')."""
    if yuan is None:
        return NOT_GIVEN
    return f"{plain(yuan / UNIT_FACTORS[unit])}{unit}"


def show(amount: Amount | None) -> str:
    """An amount as a reviewer reads it: the printed figure and the unit it is in."""
    if amount is None:
        return NOT_GIVEN
    if amount.raw.endswith("元"):
        return amount.raw
    return f"{amount.raw}{amount.unit or amount.stated_unit or '元'}"


def label(name: str, form_type: str = "monitoring") -> str:
    """The Chinese label of field `name` (a key or dotted path) as the form's template names it;
    `name` itself when no template does."""
    try:
        return template_for(form_type).label_of(name)
    except KeyError:
        return name


__all__ = [
    "AMOUNT_FIELDS",
    "RULES",
    "CheckContext",
    "Finding",
    "Rule",
    "budget_years",
    "in_unit",
    "label",
    "plain",
    "rule",
    "show",
]
