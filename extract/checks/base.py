"""The shape of a consistency rule and the context every rule reads.

Owns: `Rule` (id, default severity, fields, check function), the `@rule` decorator and the
`RULES` registry it fills, `Finding` (what a check yields), and `CheckContext` (typed field
access, the narrative's figures, evidence quoted from provenance and document lines).
The rules themselves live one family per module (amounts, units, boxes, narrative,
completeness); `extract.checks.run_checks` runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

import regex

from extract.settings import CheckSettings
from parsers.narrative import Fact, Narrative, scan_document
from parsers.normalize import label_key
from schemas.discrepancy import Evidence, Location, Severity
from schemas.document import Document
from schemas.fields import AMOUNT_FIELDS, UNIT_FACTORS, Amount
from schemas.record import Record

FIELD_LABELS: dict[str, str] = {
    "town": "街镇名称",
    "project_name": "项目名称",
    "budget_unit": "预算单位",
    "implementing_unit": "具体实施（内设机构）",
    "tracking_period": "跟踪时段",
    "recurring": "是否为经常性项目",
    "adjustment_needed": "是否需要预算调整",
    "annual_budget": "当年预算数",
    "executed": "预算执行数",
    "execution_progress_pct": "预算执行进度",
    "adjusted_budget": "调整后预算数",
    "decrease": "调减金额",
    "increase": "调增金额",
    "ex_ante_review_budget": "事前绩效评估评审预算",
    "key_tracking_reason": "选择重点跟踪理由",
    "stage_conclusion": "阶段性跟踪结论",
    "budget_outlook": "年度项目预算完成可能性",
    "goal_outlook": "年度绩效目标完成可能性",
}
"""Chinese label of each field key, as messages name them."""


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

    @property
    def doc(self) -> str:
        """The rule's documentation: its check function's docstring."""
        return (self.check.__doc__ or "").strip()


RULES: dict[str, Rule] = {}


def rule(id: str, severity: Severity, fields: tuple[str, ...] = ()) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated check function under `id`; duplicate ids are a programming error."""

    def register(check: CheckFunction) -> CheckFunction:
        if id in RULES:
            raise ValueError(f"duplicate rule id {id!r}")
        RULES[id] = Rule(id=id, severity=severity, fields=fields, check=check)
        return check

    return register


@dataclass
class CheckContext:
    """What a rule reads: the record (units already inferred), its document and settings."""

    document: Document
    record: Record
    settings: CheckSettings = field(default_factory=CheckSettings)
    unit_findings: dict[str, Finding] = field(default_factory=dict)

    def with_record(self, record: Record, unit_findings: dict[str, Finding]) -> CheckContext:
        """A context for the unit-corrected `record`, sharing the narrative already scanned
        (unit inference changes amounts, never the document or the provenance)."""
        ctx = CheckContext(self.document, record, self.settings, unit_findings)
        if "narrative" in self.__dict__:
            ctx.__dict__["narrative"] = self.__dict__["narrative"]
        return ctx

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
        years = budget_years(self.record.fields.project_name)
        period = self.record.fields.tracking_period
        if years is None and period is not None and period.start is not None:
            years = (period.start.year, period.start.year)
        return years

    @cached_property
    def narrative(self) -> Narrative:
        """The narrative's figures (the table's value lines left out). A figure its sentence sets
        apart (上年/同期, 预计/计划, 其中, another year than the budget year) keeps no quantity."""
        table = (*AMOUNT_FIELDS, "execution_progress_pct")
        skip = [Location(page=p.page, line=p.line) for k, p in self.record.provenance.items() if k in table]
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

    # -- evidence -------------------------------------------------------------------------
    def evidence_for(self, *names: str) -> list[Evidence]:
        """Provenance lines of `names` (each line once), as evidence."""
        evidence: list[Evidence] = []
        for name in names:
            entry = self.record.provenance.get(name)
            if entry is None:
                continue
            item = Evidence(text=entry.text, location=Location(page=entry.page, line=entry.line))
            if item not in evidence:
                evidence.append(item)
        return evidence

    @staticmethod
    def fact_evidence(*facts: Fact) -> list[Evidence]:
        """Narrative facts quoted with their location."""
        return [Evidence(text=fact.snippet, location=fact.location) for fact in facts]

    def label_evidence(self, name: str) -> list[Evidence]:
        """The first document line naming field `name`'s label (spacing and brackets ignored)."""
        key = label_key(regex.split(r"[（(]", FIELD_LABELS.get(name, name))[0])
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


_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-—~～至]\s*((?:19|20)\d{2}))?\s*年")


def budget_years(project_name: str | None) -> tuple[int, int] | None:
    """The budget year(s) a project name states: `2024年华漕镇…项目` -> (2024, 2024)."""
    match = _YEAR.search(project_name or "")
    if match is None:
        return None
    first = int(match.group(1))
    return first, int(match.group(2) or first)


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


def label(name: str) -> str:
    """The field's Chinese label."""
    return FIELD_LABELS.get(name, name)


__all__ = [
    "AMOUNT_FIELDS",
    "FIELD_LABELS",
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
