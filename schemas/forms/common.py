"""Value shapes the forms of the family share beyond record-v1's amount: targets, scores.

A **score** (分值/权重, 得分) and a **percent** (执行率) are decimal strings as printed ("9.5",
"86.18"); a **target** is an indicator's value as printed, split into operator, figure and unit.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from schemas.fields import DecimalString

Operator = Literal[">=", "<=", "=", ">", "<"]
Score = DecimalString
"""A score or weight as a decimal string, as printed ("9.5", "10")."""
Percent = DecimalString
"""A percentage as a decimal string without the sign ("86.18" for 86.18%)."""


class Target(BaseModel):
    """An indicator's target or actual: `≥95%` -> op ">=", value "95", unit "%".

    `value` is None for a qualitative value ("及时", "达标"); then only `raw` holds it."""

    model_config = ConfigDict(extra="forbid")

    raw: str
    op: Operator | None = None
    value: str | None = None
    unit: str | None = None
