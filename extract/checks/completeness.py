"""Rules on what the form must contain: `missing-field` and `period`.

`missing-field` is the one rule that speaks about absences; every other rule skips silently
when its inputs are missing. It leaves to `checkbox-state` the fields of a group ticked
wrongly (none or several boxes), and does not name 阶段性跟踪结论 again when the whole
section 三 is reported empty. Severities: a missing field or an empty numbered section
(一、二、三、) is a warning (the rule's default); an empty subsection such as the seed's
`2、预算安排` is only `info`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import regex

from extract.checks.base import CheckContext, Finding, budget_years, label, rule
from extract.checks.boxes import bad_groups
from extract.status import expected_fields
from schemas.discrepancy import Evidence, Severity
from schemas.section import Section

REQUIRED_SECTIONS: dict[str, str] = {"一": "项目基本情况", "二": "项目具体实施情况", "三": "阶段性跟踪结论"}


def _has_text(section: Section) -> bool:
    return bool(section.text.strip()) or any(_has_text(sub) for sub in section.subsections)


def _short(section: Section) -> str:
    """`一、项目基本情况（包括…）：` -> `一、项目基本情况`."""
    return regex.split(r"[（(:：]", section.heading.strip(), maxsplit=1)[0]


def _section(ctx: CheckContext, number: str) -> Section | None:
    return next((s for s in ctx.record.sections if s.heading.strip().startswith(number + "、")), None)


def _section_evidence(ctx: CheckContext, section: Section) -> list[Evidence]:
    if section.location is not None:
        return [Evidence(text=section.heading, location=section.location)]
    return ctx.line_evidence(section.heading.strip()) or [Evidence(text=section.heading)]


def _section_findings(ctx: CheckContext) -> Iterator[tuple[str, Finding]]:
    """(number, finding) for each required section missing or empty, then empty subsections."""
    for number, name in REQUIRED_SECTIONS.items():
        section = _section(ctx, number)
        if section is None:
            headed = any(line.text.lstrip().startswith(f"{number}、") for line in ctx.document.lines)
            if ctx.record.sections and not headed:
                yield number, Finding(f"缺少第{number}部分“{number}、{name}”", [])
            continue
        if not _has_text(section):
            message = f"“{section.heading.strip()}”下没有填写任何内容，该部分为必填"
            yield number, Finding(message, _section_evidence(ctx, section))
            continue
        for sub in section.subsections:
            if not _has_text(sub):
                message = f"“{_short(section)}”中的小节“{sub.heading.strip()}”没有内容（仅提示）"
                yield "", Finding(message, _section_evidence(ctx, sub), severity=Severity.INFO)


@rule("missing-field", Severity.WARNING, fields=())
def missing_field(ctx: CheckContext) -> Iterator[Finding]:
    """A field or section the form requires is empty (all fields but 选择重点跟踪理由 on （一般） forms)."""
    sections = list(_section_findings(ctx))
    boxed = {group.field for group in bad_groups(ctx) if group.field}
    if any(number == "三" for number, _ in sections):
        boxed.add("stage_conclusion")
    expected = expected_fields(ctx.record)
    missing = [name for name in expected if _is_missing(ctx, name) and name not in boxed]
    if len(missing) == len(expected):
        yield Finding("未读到表中任何字段，无法核对；请确认文件是“财政项目支出绩效运行监控（跟踪评价）”表", [], tuple(missing))
    else:
        for name in missing:
            yield Finding(f"必填字段“{label(name)}”为空或未找到", ctx.label_evidence(name), (name,))
    for _, finding in sections:
        yield finding


def _is_missing(ctx: CheckContext, name: str) -> bool:
    value = getattr(ctx.record.fields, name)
    if name == "tracking_period" and value is not None:
        return value.start is None and value.end is None
    return value is None or (isinstance(value, str) and not value.strip())


@rule("period", Severity.ERROR, fields=("tracking_period",))
def period(ctx: CheckContext) -> Iterator[Finding]:
    """The tracking period must have a start and an end, in order, within the project's budget year."""
    value = getattr(ctx.record.fields, "tracking_period", None)  # the monitoring form's
    if value is None or (value.start is None and value.end is None):
        return  # missing-field speaks
    evidence = ctx.evidence_for("tracking_period")
    if value.start is None or value.end is None:
        which = "开始日期" if value.start is None else "结束日期"
        yield Finding(f"跟踪时段缺少{which}（读到：{value.start or '—'} 至 {value.end or '—'}）", evidence)
    elif value.end < value.start:
        yield Finding(f"跟踪时段结束日期{value.end}早于开始日期{value.start}", evidence)
    else:
        yield from _outside_budget_year(ctx, value.start, value.end, evidence)


def _outside_budget_year(ctx: CheckContext, start: date, end: date, evidence: list[Evidence]) -> Iterator[Finding]:
    years = budget_years(ctx.record.fields.project_name)  # not the period's own year
    if years is None or (start.year >= years[0] and end.year <= years[1]):
        return
    span = f"{years[0]}年" if years[0] == years[1] else f"{years[0]}—{years[1]}年"
    message = f"跟踪时段{start}至{end}超出项目名称所示预算年度{span}"
    yield Finding(message, evidence + ctx.evidence_for("project_name"), ("tracking_period", "project_name"))
