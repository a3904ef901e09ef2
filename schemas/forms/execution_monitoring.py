"""Fields of the 项目支出绩效目标执行监控表 (target-execution monitoring, 财预〔2019〕136号)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from schemas.fields import Amount
from schemas.forms.common import Percent, Target

_STRICT = ConfigDict(extra="forbid", defer_build=True)  # built on first use: a monitoring run never builds it


class ExecutionFundsRow(BaseModel):
    """年初预算数, 1-N月执行数 and 1-N月执行率 of one funding line."""

    model_config = _STRICT

    initial_budget: Amount | None = None
    executed: Amount | None = None
    rate_pct: Percent | None = None


class ExecutionFunds(BaseModel):
    """The funds block: total, fiscal and other rows."""

    model_config = _STRICT

    total: ExecutionFundsRow | None = None
    fiscal: ExecutionFundsRow | None = None
    other: ExecutionFundsRow | None = None


class ExecutionIndicator(BaseModel):
    """One indicator row with its progress, forecast and the ticked deviation causes."""

    model_config = _STRICT

    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target: Target | None = None
    progress: Target | None = None
    forecast: Target | None = None
    deviation_causes: list[str] = []
    deviation_note: str | None = None
    likelihood: Literal["确定能", "有可能", "完全不可能"] | None = None
    remark: str | None = None


class ExecutionMonitoringFields(BaseModel):
    """The fields of a target-execution monitoring form."""

    model_config = _STRICT

    project_name: str | None = None
    department: str | None = None
    implementing_unit: str | None = None
    months: int | None = None
    funds: ExecutionFunds | None = None
    goal_annual: str | None = None
    goal_progress: str | None = None
    indicators: list[ExecutionIndicator] = []
