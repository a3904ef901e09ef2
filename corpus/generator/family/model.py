"""The content of one synthetic self-evaluation form (`SelfEvalSpec`), before any format prints it.

Owns the numbers-first model: amounts in yuan (Decimal, never float) with the unit the table
prints them in, scores and weights as Decimal, targets and actuals as printed pieces. What the
grid prints (`layout.py`) and what the extractor must return (`expected.py`) are both derived
from this one spec, so they cannot drift. Choosing content is `content.py`; faults `faults.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
WAN = Decimal(10_000)
UNIT_FACTOR = {"元": Decimal(1), "万元": WAN}
VARIANTS: tuple[str, ...] = ("national", "shanghai", "sichuan", "department", "unscored")
EMPTY_NUMBER = "—"


def dec_text(value: Decimal) -> str:
    """A decimal as printed without trailing zeros: 9.50 -> '9.5', 10.00 -> '10'."""
    text = format(value.normalize(), "f")
    return "0" if text in ("0", "-0") else text


def pct(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator ÷ denominator × 100, rounded half-up to two decimals."""
    return (numerator / denominator * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def grade_for(total: Decimal) -> str:
    """The grade band of a total score: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60."""
    if total >= 90:
        return "优"
    if total >= 80:
        return "良"
    return "中" if total >= 60 else "差"


@dataclass
class Printed:
    """A target or actual as printed: operator text, figure, unit (either may be empty)."""

    op_text: str            # "≥", "不低于", "" …
    figure: str             # "95", "及时", "" …
    unit: str               # "%", "个", "" …
    op: str | None          # the operator it means: ">=", "<=", "=", ">", "<" or None
    qualitative: bool = False

    @property
    def raw(self) -> str:
        """The printed text: op, figure and unit joined."""
        return f"{self.op_text}{self.figure}{self.unit}"


@dataclass
class Indicator:
    """One row of the 绩效指标 table."""

    level1: str
    level2: str
    name: str
    kind: str               # "higher", "lower", "time", "money", "equal", "qual"
    target: Printed
    actual: Printed
    met: bool
    weight: Decimal | None = None
    score: Decimal | None = None
    deviation: str = ""     # printed deviation reason ("" = empty cell)


@dataclass
class FundsRow:
    """One funding line: amounts in yuan (None = printed "—"), weight/rate/score as printed."""

    key: str                # total, fiscal, carryover, other, extra
    label: str
    initial: Decimal | None
    annual: Decimal | None
    executed: Decimal | None
    weight: Decimal | None = None
    rate: Decimal | None = None
    score: Decimal | None = None
    rate_override: bool = False


@dataclass
class SelfEvalSpec:
    """Everything one synthetic self-evaluation form says."""

    seed: int
    variant: str
    year: int
    title: str
    project_name: str | None
    department: str | None
    implementing_unit: str | None
    stated_unit: str            # the unit the funds header states
    real_unit: str              # the unit the figures are really in
    comma: bool                 # 元 figures printed with thousands separators
    decimals: int               # decimals of the printed figures
    funds: list[FundsRow]
    goal_planned: str | None
    goal_actual: str | None
    indicators: list[Indicator]
    scored: bool                # prints 分值/得分 columns and 总分
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    grade: str | None = None    # printed grade (None = no grade row)
    show_grade: bool = False
    conclusion: str | None = None
    problems: str | None = None
    improvements: str | None = None
    note: str | None = None     # a printed 填表说明 below the table (not a value cell)
    empty_text: str = ""        # how an empty deviation cell is printed: "", "无", "/"
    level_points: str = ""      # points printed after 一级指标 labels: "", "（{}分）", "({}分)"
    faults: list[str] = field(default_factory=list)
    fault_fields: dict[str, list[str]] = field(default_factory=dict)
    frozen: set[str] = field(default_factory=set)   # derived values a fault fixed

    @property
    def budget(self) -> FundsRow | None:
        """The total row (it carries the budget weight and score)."""
        return next((r for r in self.funds if r.key == "total"), None)

    def figure(self, yuan: Decimal | None) -> str:
        """An amount as the table prints it, in the unit it is really in."""
        if yuan is None:
            return EMPTY_NUMBER
        value = yuan / UNIT_FACTOR[self.real_unit]
        quant = Decimal(1).scaleb(-self.decimals)
        value = value.quantize(quant)
        return f"{value:,}" if self.comma else f"{value}"

    def settle(self) -> None:
        """Recompute every derived value (rates, budget score, total, grade) not frozen by a fault."""
        for row in self.funds:
            if not row.rate_override and row.rate is not None and row.annual:
                row.rate = pct(row.executed or Decimal(0), row.annual)
        total = self.budget
        if self.scored and total is not None and total.weight is not None and "budget_score" not in self.frozen:
            rate = min(total.rate or Decimal(0), Decimal(100))
            total.score = (total.weight * rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        if not self.scored:
            return
        if "total_score" not in self.frozen:
            parts = [i.score or Decimal(0) for i in self.indicators]
            self.total_score = sum(parts, (total.score if total and total.score else Decimal(0)))
        if "total_weight" not in self.frozen:
            self.total_weight = Decimal(100)
        if self.show_grade and "grade" not in self.frozen and self.total_score is not None:
            self.grade = grade_for(self.total_score)
