"""Fields of the 项目支出绩效自评表 (self-evaluation, 财预〔2020〕10号 and local layouts).

Also the department-wide 部门整体支出绩效自评表: its 部门（单位）名称 is `department`, and
`project_name` stays null. Keys as in forms-v1.md.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from schemas.fields import Amount
from schemas.forms.common import Percent, Score, Target

_STRICT = ConfigDict(extra="forbid", defer_build=True)  # built on first use: a monitoring run never builds it


class SelfEvaluationFundsRow(BaseModel):
    """One funding line of the 项目资金 / 预算执行情况 block; unprinted cells are null."""

    model_config = _STRICT

    initial_budget: Amount | None = None
    annual_budget: Amount | None = None
    executed: Amount | None = None
    weight: Score | None = None
    rate_pct: Percent | None = None
    score: Score | None = None


class SelfEvaluationExtraFundsRow(SelfEvaluationFundsRow):
    """A funding line outside the four named ones (单位资金, 财政专户管理资金 …), with its label."""

    label: str


class SelfEvaluationFunds(BaseModel):
    """The funds block: a row per funding line, null when the form does not print it."""

    model_config = _STRICT

    total: SelfEvaluationFundsRow | None = None
    fiscal: SelfEvaluationFundsRow | None = None
    carryover: SelfEvaluationFundsRow | None = None
    other: SelfEvaluationFundsRow | None = None
    extra: list[SelfEvaluationExtraFundsRow] = []


class SelfEvaluationIndicator(BaseModel):
    """One row of the 绩效指标 table (level labels inherited from merged cells above)."""

    model_config = _STRICT

    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target: Target | None = None
    actual: Target | None = None
    weight: Score | None = None
    score: Score | None = None
    deviation_reason: str | None = None


class SelfEvaluationFields(BaseModel):
    """The fields of a self-evaluation form."""

    model_config = _STRICT

    project_name: str | None = None
    department: str | None = None
    implementing_unit: str | None = None
    funds: SelfEvaluationFunds | None = None
    goal_planned: str | None = None
    goal_actual: str | None = None
    indicators: list[SelfEvaluationIndicator] = []
    total_weight: Score | None = None
    total_score: Score | None = None
    grade: Literal["优", "良", "中", "差"] | None = None
    conclusion: str | None = None
    problems: str | None = None
    improvements: str | None = None
