"""The 18 form fields of a record, and the value types they use (Amount, Period).

Owns the shape of `record.fields` from record-v1.md. Parsing text into these values is
`parsers.fields`; deciding an amount's real unit is the checker's `unit-mismatch` rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict

Unit = Literal["元", "万元", "亿元"]


@dataclass(frozen=True)
class Numeric:
    """Marks a decimal-string field: a fixed-point number of `precision` digits, `scale` after
    the point, wherever the record is stored in typed columns (JSON keeps the string)."""

    precision: int
    scale: int


YuanString = Annotated[str, Numeric(18, 2)]
"""A yuan amount as a decimal string with two decimals ("12250.00")."""
DecimalString = Annotated[str, Numeric(18, 4)]
"""A percentage or score as a decimal string ("88.53", "9.5")."""

UNIT_FACTORS: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
YUAN_QUANT = Decimal("0.01")


def to_yuan_string(value: Decimal, unit: str) -> str:
    """Return `value` given in `unit` as a yuan amount with exactly two decimals."""
    with localcontext() as context:
        context.prec = 60  # room for 亿元 figures with many digits: quantize never overflows
        return str((value * UNIT_FACTORS[unit]).quantize(YUAN_QUANT, rounding=ROUND_HALF_UP))


class Amount(BaseModel):
    """A money amount as printed, with the unit it states and the unit it is really in."""

    model_config = ConfigDict(extra="forbid")

    raw: str
    stated_unit: Unit | None = None
    unit: Unit | None = None
    yuan: YuanString | None = None
    unit_inferred: bool = False

    @property
    def number(self) -> Decimal | None:
        """The printed figure as a Decimal (in `unit`), or None when it is not a number."""
        from parsers.fields.amount import parse_number  # local: schemas stay import-light

        return parse_number(self.raw)

    @property
    def yuan_value(self) -> Decimal | None:
        """`yuan` as a Decimal."""
        return Decimal(self.yuan) if self.yuan is not None else None

    def in_unit(self, unit: str) -> Amount:
        """A copy of this amount read in `unit` (the printed figure unchanged)."""
        number = self.number
        yuan = to_yuan_string(number, unit) if number is not None else None
        return self.model_copy(
            update={"unit": unit, "yuan": yuan, "unit_inferred": unit != (self.stated_unit or "元")}
        )


class Period(BaseModel):
    """A tracking period; either end may be missing (then the `period` rule speaks)."""

    model_config = ConfigDict(extra="forbid")

    start: date | None = None
    end: date | None = None


class Fields(BaseModel):
    """The fields of the monitoring form, keyed exactly as in record-v1.md."""

    model_config = ConfigDict(extra="forbid")

    town: str | None = None
    project_name: str | None = None
    budget_unit: str | None = None
    implementing_unit: str | None = None
    tracking_period: Period | None = None
    recurring: bool | None = None
    adjustment_needed: bool | None = None
    annual_budget: Amount | None = None
    executed: Amount | None = None
    execution_progress_pct: DecimalString | None = None
    adjusted_budget: Amount | None = None
    decrease: Amount | None = None
    increase: Amount | None = None
    ex_ante_review_budget: Amount | None = None
    key_tracking_reason: str | None = None
    stage_conclusion: str | None = None
    budget_outlook: Literal["确定能完成", "有可能完成", "确定不能完成"] | None = None
    goal_outlook: Literal["确定能完成", "有可能完成", "确定不能完成"] | None = None


AMOUNT_FIELDS: tuple[str, ...] = tuple(
    name for name, info in Fields.model_fields.items() if "Amount" in str(info.annotation)
)
