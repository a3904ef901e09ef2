"""Rules on ticked boxes: `checkbox-state` and `adjustment-flag`.

`checkbox-state` reads `record.checkboxes` on every form of the family (every single-choice
group is answered by exactly one box; a group of a template's `boxes` column, 偏差原因, may hold
several or none); the field such a group feeds is then null, and `missing-field` leaves it to this
rule. A group whose boxes could not be read (⍰ in its evidence: a scan's faint box, a picture
standing for a box) is reported as unreadable, and one whose mark the reading could not place
(`undecided`: a tick between two options) as undecided, not as left unticked. `adjustment-flag` reads the 是否需要预算调整 answer against 调减/调增 after unit inference.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.checks.base import CheckContext, Finding, rule, show
from parsers.forms import template_for
from parsers.normalize import label_key
from parsers.readers.checkbox_glyphs import UNKNOWN
from schemas.checkbox import CheckboxGroup
from schemas.discrepancy import Evidence, Severity
from schemas.forms import FORM_TYPES


def multiple_choice(ctx: CheckContext, group: CheckboxGroup) -> bool:
    """Whether the group may hold several ticks: a `boxes` column of the form's template
    (偏差原因: `indicators.3.deviation_causes`)."""
    if not group.field or ctx.form_type == "monitoring":
        return False
    try:
        template = template_for(ctx.form_type)
    except KeyError:
        return False
    parts = [part for part in group.field.split(".") if not part.isdigit()]
    table = template.tables.get(parts[0]) if len(parts) == 2 else None
    column = table.columns.get(parts[1]) if table is not None else None
    return column is not None and column.type == "boxes"


def bad_groups(ctx: CheckContext) -> list[CheckboxGroup]:
    """Single-choice groups with no box or several boxes ticked, and groups of any kind
    whose boxes could not be read. A family form's group that feeds no field (one its
    template does not name, `parsers.loose_boxes`) may be a multiple choice or left blank:
    only its unreadable boxes count."""
    return [group for group in ctx.record.checkboxes
            if group.options and (group.field or ctx.form_type == "monitoring" or group.undecided)
            and len(group.ticked) != 1
            and (not multiple_choice(ctx, group)
                 or (not group.ticked and (group.undecided or _unreadable(_group_evidence(ctx, group)))))]


def _unreadable(evidence: list[Evidence]) -> bool:
    """Whether the group's evidence shows a box whose state is unknown (⍰)."""
    return any(UNKNOWN in item.text for item in evidence)


def _group_evidence(ctx: CheckContext, group: CheckboxGroup) -> list[Evidence]:
    if group.field:
        evidence = ctx.evidence_for(group.field) or ctx.evidence_for(group.field.rsplit(".", 1)[0])
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
        evidence = _group_evidence(ctx, group)
        if group.ticked:
            ticked = "”和“".join(group.ticked)
            message = f"“{group.question}”同时勾选了“{ticked}”，只能勾选一项（{options}），无法确定答案"
        elif _unreadable(evidence):
            message = f"“{group.question}”的勾选框无法判读（{options}；如以图片代替勾选框），请人工核对原件"
        elif group.undecided:
            message = f"“{group.question}”的勾选标记无法确定对应哪一选项（{options}），请人工核对原件"
        else:
            message = f"“{group.question}”未勾选任何选项（{options}），应勾选一项"
        fields = (group.field,) if group.field else ()
        yield Finding(message, evidence, fields)


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
