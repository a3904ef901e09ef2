"""`target-quality`: a target declaration's indicators that a reviewer would send back.

Three findings, each a warning: an output indicator (一级指标 产出指标) whose target names no
measurable figure (a bare 按时完成, 达标 …; a date such as 2024年12月底前 counts as measurable);
a form without any 效益 or 满意度 indicator; and a 年度 target looser than the 中期 one for the
same indicator (same name, both in %: the 年度 bar of a `≥` target lower than the 中期 one, or
of a `≤` target higher). Quantities in other units are not compared: a year's 5公里 of a
three-year 15公里 is no loosening.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from extract.checks.base import CheckContext, Finding, rule
from extract.checks.forms import indicators, key, label, number, position
from parsers.lazy_pattern import LazyPattern
from parsers.normalize import label_key
from schemas.discrepancy import Severity

OUTPUT_LEVEL = "产出"
OUTCOME_LEVELS = ("效益", "满意度")
_DATE = LazyPattern(r"\d{1,4}\s*(?:年|月|日|季度)")
_FIGURE = LazyPattern(r"\d")


def _level(item: object) -> str:
    return label_key(getattr(item, "level1", None) or "")


def _measurable(item: object) -> bool:
    target = getattr(item, "target", None)
    if target is None:
        return False
    return target.value is not None or bool(_DATE.search(target.raw)) or bool(_FIGURE.search(target.raw))


@rule("target-quality", Severity.WARNING, fields=("indicators",), forms=("target_declaration",))
def target_quality(ctx: CheckContext) -> Iterator[Finding]:
    """Output indicators need measurable targets; a form needs an outcome or satisfaction
    indicator; a 年度 target in % must not be looser than the 中期 one."""
    items = list(indicators(ctx))
    if not items:
        return
    for index, item in items:
        if OUTPUT_LEVEL in _level(item) and not _measurable(item):
            dotted = key("indicators", index, "target")
            raw = item.target.raw if getattr(item, "target", None) is not None else ""  # type: ignore[attr-defined]
            shown = f"“{raw}”" if raw else "为空"
            message = (f"{position(index)}“{getattr(item, 'name', None) or ''}”是产出指标，但{label(ctx, dotted)}{shown}，"
                       f"没有可衡量的目标值；产出指标应填写可量化的数量、质量或时限")
            yield Finding(message, ctx.evidence_for(dotted, key("indicators", index)), (dotted,))
    if not any(word in _level(item) for _, item in items for word in OUTCOME_LEVELS):
        message = "绩效指标中没有效益指标或满意度指标；目标申报应至少设置一项效益或满意度指标"
        yield Finding(message, ctx.evidence_for(key("indicators", items[0][0])), ("indicators",))
    yield from _looser(ctx, items)


def _looser(ctx: CheckContext, items: list[tuple[int, BaseModel]]) -> Iterator[Finding]:
    medium = {label_key(getattr(i, "name", None) or ""): (n, i) for n, i in items
              if getattr(i, "period", None) == "medium_term" and getattr(i, "name", None)}
    for index, item in items:
        if getattr(item, "period", None) != "annual":
            continue
        found = medium.get(label_key(getattr(item, "name", None) or ""))
        if found is None:
            continue
        m_index, m_item = found
        annual_t, medium_t = getattr(item, "target", None), getattr(m_item, "target", None)
        if annual_t is None or medium_t is None or annual_t.unit != "%" or medium_t.unit != "%":
            continue
        a, m = number(annual_t.value), number(medium_t.value)
        op = medium_t.op or ">="
        if a is None or m is None or (annual_t.op or ">=") != op:
            continue
        if (op in (">=", ">", "=") and a < m) or (op in ("<=", "<") and a > m):
            keys = (key("indicators", index, "target"), key("indicators", m_index, "target"))
            message = (f"{position(index)}“{getattr(item, 'name', '')}”的年度指标值“{annual_t.raw}”比中期指标值"
                       f"“{medium_t.raw}”（{position(m_index)}）更宽松；年度目标应不低于中期目标的要求")
            yield Finding(message, ctx.evidence_for(*keys), keys)
