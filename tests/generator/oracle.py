"""An independent oracle for the generator's tests: which record-v1 identities a form breaks.

Reads only the expected record and the narrative text (never the generator's internals), so
it checks the generator rather than restating it.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import regex

from corpus.generator.model import FormSpec
from corpus.generator.narrative import paragraphs_3, subsections

WAN = Decimal(10_000)
THRESHOLDS = {"运行正常": (Decimal(75), Decimal(1000)), "运行基本正常": (Decimal(60), Decimal(75)),
              "运行偏差较大": (Decimal(0), Decimal(60))}


def _yuan(fields: dict, key: str) -> Decimal:
    return Decimal(fields[key]["yuan"])


def _num(pattern: str, text: str) -> Decimal | None:
    match = regex.search(pattern, text)
    return Decimal(match.group(1)) if match else None


def _rate(a: Decimal, b: Decimal) -> Decimal:
    return (a / b * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def narrative_text(spec: FormSpec) -> str:
    """All narrative paragraphs joined."""
    return "".join(t for _h, texts in subsections(spec) for t in texts) + "".join(paragraphs_3(spec))


def violations(expected: dict, spec: FormSpec) -> set[str]:
    """Rule ids whose identity the form breaks."""
    f, out = expected["fields"], set()
    annual, adjusted, executed = (_yuan(f, k) for k in ("annual_budget", "adjusted_budget", "executed"))
    decrease, increase = _yuan(f, "decrease"), _yuan(f, "increase")
    table_pct = Decimal(f["execution_progress_pct"])
    if any(f[k]["unit"] != f[k]["stated_unit"] for k in ("annual_budget", "executed", "adjusted_budget")):
        out.add("unit-mismatch")
    if adjusted != annual - decrease + increase:
        out.add("budget-identity")
    true_rate = _rate(executed, adjusted)
    if abs(table_pct - true_rate) > Decimal("0.5"):
        out.add("execution-rate")
    for group in expected["checkboxes"]:
        if sum(o["checked"] for o in group["options"]) != 1:
            out.add("checkbox-state")
    if f["adjustment_needed"] is not None and f["adjustment_needed"] != bool(decrease or increase):
        out.add("adjustment-flag")
    text = narrative_text(spec)
    n_annual = _num(r"年初预算安排为([\d.]+)万元", text)
    n_adjusted = _num(r"调整预算([\d.]+)万元", text)
    n_executed = _num(r"实际支出([\d.]+)万元", text)
    n_rate = _num(r"预算执行率([\d.]+)%", text)
    stated = [(n_annual, annual), (n_adjusted, adjusted), (n_executed, executed)]
    if any(n is not None and n * WAN != t for n, t in stated) or (n_rate is not None and n_rate != table_pct):
        out.add("narrative-mismatch")
    category = f["stage_conclusion"]
    if category is not None:
        low, high = THRESHOLDS[category]
        if not low <= table_pct < high or not low <= true_rate < high:
            out.add("conclusion-rate")
    period = f["tracking_period"]
    if period is None or period["end"] is None or period["start"] is None:
        out.add("period")
    else:
        start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
        if end < start or {start.year, end.year} != {spec.year}:
            out.add("period")
    adj_rate = _num(r"预算调整率([\d.]+)%", text)
    if adj_rate is not None and n_annual and n_adjusted is not None:
        if adj_rate != _rate(abs(n_annual - n_adjusted), n_annual):
            out.add("text-arithmetic")
    for base, percent, result in regex.findall(r"([\d.]+)\*(\d+)%=([\d.]+)万元", text):
        if Decimal(base) * Decimal(percent) / 100 != Decimal(result):
            out.add("text-arithmetic")
    if any(f[k] is None for k in ("project_name", "budget_unit", "implementing_unit")):
        out.add("missing-field")
    if _empty_section(subsections(spec)) or len(paragraphs_3(spec)) < 2:
        out.add("missing-field")
    return out


def _empty_section(parts: list[tuple[str, list[str]]]) -> bool:
    """Whether a numbered section (一、 二、) has neither text nor subsections with text."""
    for i, (heading, texts) in enumerate(parts):
        if regex.match(r"[一二三四]、", heading) and not texts:
            following = parts[i + 1:]
            end = next((j for j, (h, _t) in enumerate(following) if regex.match(r"[一二三四]、", h)), len(following))
            if not any(t for _h, t in following[:end]):
                return True
    return False
