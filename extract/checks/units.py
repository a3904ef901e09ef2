"""The `unit-mismatch` rule: an amount's stated unit contradicts the narrative or the table.

Reading decides the units (`parsers.units.read_units`, a step after field parsing), so the
record every rule sees already holds its amounts in the unit they are really in. This rule
only reports those decisions: the pipeline hands them over (`CheckContext.units_decided`),
else it asks `parsers.units.decide_units` again what the evidence showed for the amounts as
labelled; it words one finding per amount read in another unit than its label states (an
`info` where the label stated none). It never changes a field.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.checks.base import AMOUNT_FIELDS, CheckContext, Finding, in_unit, label, plain, rule
from parsers.record_view import RecordView
from parsers.units import IDENTITY_FIELDS, UnitEvidence, as_labelled, decide_units
from schemas.discrepancy import Evidence, Severity
from schemas.fields import Amount


@rule("unit-mismatch", Severity.ERROR, fields=AMOUNT_FIELDS)
def unit_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """An amount's stated unit contradicts the narrative or the table's arithmetic.

    The decisions were taken by reading (`parsers.units`); this reports them.
    """
    decided = ctx.units_decided
    if decided is None:  # not handed over: ask the evidence again, for the amounts as labelled
        decided = decide_units(RecordView(ctx.document, as_labelled(ctx.record), ctx.settings))
    for name, (amount, evidence) in decided.items():
        fixed = ctx.amount(name)
        if fixed is None or fixed.unit != evidence.unit:
            continue  # the record was not read through `read_units`: nothing was decided
        if amount.stated_unit is not None:
            yield _finding(ctx, name, amount, fixed, evidence)
        else:
            yield _unstated_finding(ctx, name, amount, fixed, evidence)


def _unstated_finding(
    ctx: CheckContext, name: str, amount: Amount, fixed: Amount, evidence: UnitEvidence
) -> Finding:
    """An amount whose label and cell name no unit: nothing was mislabelled, but the record
    says why it reads the figure in the unit the evidence shows (`info`)."""
    why = f"正文“{evidence.fact.snippet}”" if evidence.fact is not None else "表内其他金额的单位"
    message = (
        f"{label(name)}未标注单位；按{why}，数值{amount.raw}应读作{amount.raw}{evidence.unit}"
        f"（即{plain(fixed.yuan_value)}元）"
    )
    facts = ctx.fact_evidence(evidence.fact) if evidence.fact is not None else []
    return Finding(message, ctx.evidence_for(name) + facts, (name,), Severity.INFO)


def _finding(ctx: CheckContext, name: str, amount: Amount, fixed: Amount, evidence: UnitEvidence) -> Finding:
    head = f"{label(name)}标注单位为“{amount.stated_unit}”，"
    unit, yuan = evidence.unit, f"即{plain(fixed.yuan_value)}元"
    table = ctx.evidence_for(name)
    if evidence.how == "table":
        others = "、".join(label(n) for n in evidence.followed)
        note = f"同表金额单位为{unit}：{others}经正文核对应为{unit}，本项无正文佐证，随表格单位"
        message = f"{head}数值{amount.raw}无正文佐证；同表{others}经核对应为{unit}，随表格单位读作{amount.raw}{unit}（{yuan}）"
        # Informational: the fault is the other amounts' label, reported on them as errors.
        return Finding(message, table + [Evidence(text=note)], (name,), Severity.INFO)
    if evidence.how == "arithmetic":
        message = (
            f"{head}但只有按{unit}读取（{amount.raw}{unit}，{yuan}）时，表内金额关系（调整后预算数 = 当年预算数"
            f" − 调减金额 + 调增金额；预算执行进度 = 预算执行数 ÷ 调整后预算数 × 100）才成立，应为{unit}"
        )
        names = (*IDENTITY_FIELDS, "executed", "execution_progress_pct")
        return Finding(message, ctx.evidence_for(*names), (name,))
    fact = evidence.fact
    assert fact is not None  # narrative and figure evidence always carry their fact
    if fact.value == amount.number and fact.unit == unit:
        message = f"{head}数值{amount.raw}与正文“{fact.snippet}”一致，应为{unit}（{yuan}）"
    else:
        message = f"{head}数值{amount.raw}按{unit}读取（{in_unit(fixed.yuan_value, unit)}）才与正文“{fact.snippet}”一致，应为{unit}"
    return Finding(message, table + ctx.fact_evidence(fact), (name,))
