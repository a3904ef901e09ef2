"""Rules on ticked boxes: `checkbox-state` and `adjustment-flag`.

`checkbox-state` reads `record.checkboxes` on every form of the family (every group is
answered by exactly one box); the field such a group feeds is then null, and `missing-field` leaves it to this
rule. `adjustment-flag` reads the 是否需要预算调整 answer against 调减/调增 after unit inference.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.checks.base import CheckContext, Finding, rule, show
from parsers.normalize import label_key
from schemas.checkbox import CheckboxGroup
from schemas.discrepancy import Evidence, Severity
from schemas.forms import FORM_TYPES


def bad_groups(ctx: CheckContext) -> list[CheckboxGroup]:
    """Groups with no box or several boxes ticked."""
    return [group for group in ctx.record.checkboxes if group.options and len(group.ticked) != 1]


def _group_evidence(ctx: CheckContext, group: CheckboxGroup) -> list[Evidence]:
    if group.field:
        evidence = ctx.evidence_for(group.field)
        if evidence:
            return evidence
    key = label_key(group.question)
    for line in ctx.document.lines:
        if key and key in label_key(line.text):
            return [Evidence(text=line.text, location=line.loc)]
    return []


@rule(
    "checkbox-state",
    Severity.ERROR,
    fields=("recurring", "adjustment_needed", "budget_outlook", "goal_outlook"),
    forms=FORM_TYPES,
)
def checkbox_state(ctx: CheckContext) -> Iterator[Finding]:
    """A yes/no or single-choice group must have exactly one box ticked."""
    for group in bad_groups(ctx):
        options = "/".join(option.label for option in group.options)
        if group.ticked:
            ticked = "”和“".join(group.ticked)
            message = f"“{group.question}”同时勾选了“{ticked}”，只能勾选一项（{options}），无法确定答案"
        else:
            message = f"“{group.question}”未勾选任何选项（{options}），应勾选一项"
        fields = (group.field,) if group.field else ()
        yield Finding(message, _group_evidence(ctx, group), fields)


@rule("adjustment-flag", Severity.ERROR, fields=("adjustment_needed", "decrease", "increase"))
def adjustment_flag(ctx: CheckContext) -> Iterator[Finding]:
    """是否需要预算调整 must agree with 调减/调增: 否 with a non-zero amount, or 是 with both zero, is a fault."""
    needed = getattr(ctx.record.fields, "adjustment_needed", None)  # a monitoring rule
    decrease, increase = ctx.yuan("decrease"), ctx.yuan("increase")
    evidence = ctx.evidence_for("adjustment_needed", "decrease", "increase")
    if needed is False:
        nonzero = [n for n, v in (("decrease", decrease), ("increase", increase)) if v]
        if nonzero:
            amounts = "、".join(f"{'调减金额' if n == 'decrease' else '调增金额'}{show(ctx.amount(n))}" for n in nonzero)
            message = f"“是否需要预算调整”勾选“否”，但表中{amounts}不为零；应勾选“是”或核对调整金额"
            yield Finding(message, evidence)
    elif needed is True and decrease == 0 and increase == 0:
        message = "“是否需要预算调整”勾选“是”，但调减金额与调增金额均为0；应勾选“否”或填写调整金额"
        yield Finding(message, evidence)
