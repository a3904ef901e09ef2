"""An independent oracle for the family generator's tests: which forms-v1 rules an expected
self-evaluation record breaks. Reads only the expected record, never the generator's spec."""

from __future__ import annotations

from decimal import Decimal

HUNDRED = Decimal(100)
COLUMNS = ("initial_budget", "annual_budget", "executed")
NO_CONTENT = (None, "", "无", "—", "/")
TIME_OR_MONEY = ("天", "小时", "个工作日", "月", "元", "万元")
MET_WORDS = ("达成预期指标", "达成年度指标", "已完成")
TEMPLATE_MARKS = ("请填写", "字以内", "填写说明", "XX单位")


def _d(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _yuan(amount: dict | None) -> Decimal:
    return Decimal(amount["yuan"]) if amount else Decimal(0)


def _band(total: Decimal) -> str:
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


def _met(target: dict, actual: dict) -> bool | None:
    """Whether the actual meets its target; None when the rule cannot tell."""
    if target["value"] is None:
        if actual["raw"] == target["raw"] or actual["raw"] in MET_WORDS:
            return True
        return None
    if actual["value"] is None or actual["unit"] != target["unit"]:
        return None
    t, a, op = Decimal(target["value"]), Decimal(actual["value"]), target["op"]
    if op is None:
        op = "<=" if target["unit"] in TIME_OR_MONEY else ">="
    return {">=": a >= t, "<=": a <= t, "=": a == t, ">": a > t, "<": a < t}[op]


def _funds_rules(funds: dict | None, out: set[str]) -> Decimal | None:
    if not funds or not funds.get("total"):
        return None
    total = funds["total"]
    parts = [funds[k] for k in ("fiscal", "carryover", "other") if funds.get(k)] + list(funds.get("extra", []))
    for column in COLUMNS:
        if total[column] and parts and _yuan(total[column]) != sum((_yuan(p[column]) for p in parts), Decimal(0)):
            out.add("funds-sum")
    for row in [total, *parts]:
        if row["rate_pct"] is not None and row["annual_budget"] and _yuan(row["annual_budget"]):
            true = _yuan(row["executed"]) / _yuan(row["annual_budget"]) * HUNDRED
            if abs(Decimal(row["rate_pct"]) - true) > Decimal("0.5"):
                out.add("execution-rate")
        for column in COLUMNS:
            if row[column] and row[column]["unit"] != row[column]["stated_unit"]:
                out.add("unit-mismatch")
    weight, score, rate = _d(total["weight"]), _d(total["score"]), _d(total["rate_pct"])
    if weight is not None and score is not None:
        if rate is not None and abs(score - weight * min(rate, HUNDRED) / HUNDRED) > Decimal("0.1"):
            out.add("budget-score")
        if score > weight or score < 0:
            out.add("score-bounds")
    return weight


def violations(record: dict) -> set[str]:
    """Rule ids whose identity the record breaks."""
    f, out = record["fields"], set()
    budget_weight = _funds_rules(f["funds"], out)
    budget_score = _d(f["funds"]["total"]["score"]) if f["funds"] and f["funds"]["total"] else None
    inds = f["indicators"]
    for ind in inds:
        weight, score = _d(ind["weight"]), _d(ind["score"])
        if weight is None or score is None:
            continue
        if score > weight or score < 0:
            out.add("score-bounds")
        met = _met(ind["target"], ind["actual"])
        if (met is True and score < weight) or (met is False and score >= weight and ind["target"]["value"]):
            out.add("target-score")
        if score < weight and ind["deviation_reason"] in NO_CONTENT:
            out.add("deviation-reason")
    weights = [_d(i["weight"]) for i in inds if i["weight"] is not None]
    if weights and budget_weight is not None:
        total_weight = _d(f["total_weight"]) or HUNDRED
        if sum(weights, budget_weight) != total_weight:
            out.add("weight-sum")
    if f["total_score"] is not None:
        scores = [_d(i["score"]) or Decimal(0) for i in inds]
        if Decimal(f["total_score"]) != sum(scores, budget_score or Decimal(0)):
            out.add("total-score")
        if f["grade"] is not None and f["grade"] != _band(Decimal(f["total_score"])):
            out.add("grade-band")
    texts = [f[k] for k in ("project_name", "department", "implementing_unit", "goal_planned", "goal_actual",
                            "conclusion", "problems", "improvements")]
    texts += [i["deviation_reason"] for i in inds]
    if any(t and any(m in t for m in TEMPLATE_MARKS) for t in texts):
        out.add("template-text")
    department_wide = "部门整体" in (record["form"]["title"] or "")
    if (f["project_name"] is None and not department_wide) or record["form"]["year"] is None \
            or not f["funds"] or not f["funds"]["total"] or not inds:
        out.add("missing-field")
    return out
