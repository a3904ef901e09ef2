"""Fields of the 项目支出绩效目标申报表 (target declaration, 财预〔2015〕88号 and local layouts)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from schemas.fields import Amount
from schemas.forms.common import Target

_STRICT = ConfigDict(extra="forbid", defer_build=True)  # built on first use: a monitoring run never builds it


class DeclarationFundsRow(BaseModel):
    """资金总额 / 其中：财政拨款 / 其他资金 of one period (中期 or 年度)."""

    model_config = _STRICT

    total: Amount | None = None
    fiscal: Amount | None = None
    other: Amount | None = None


class DeclarationFunds(BaseModel):
    """The 项目资金 block: the medium-term and the annual row."""

    model_config = _STRICT

    medium_term: DeclarationFundsRow | None = None
    annual: DeclarationFundsRow | None = None


class DeclarationIndicator(BaseModel):
    """One indicator of the 中期 or 年度 table."""

    model_config = _STRICT

    period: Literal["medium_term", "annual"]
    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target: Target | None = None


class TargetDeclarationFields(BaseModel):
    """The fields of a target declaration."""

    model_config = _STRICT

    project_name: str | None = None
    department: str | None = None
    implementing_unit: str | None = None
    project_attribute: str | None = None
    project_period: str | None = None
    funds: DeclarationFunds | None = None
    goal_medium_term: str | None = None
    goal_annual: str | None = None
    indicators: list[DeclarationIndicator] = []
