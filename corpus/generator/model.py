"""The content of one synthetic form (`FormSpec`) and the expected record derived from it.

Owns the numbers-first model: amounts are held in yuan (Decimal, never float) together with
the unit the table really prints them in; what the table and the narrative print, and what
the extractor must return, are both *derived* from the same spec, so they cannot drift.
Choosing the content is `content.py`; planting faults is `faults.py`; printing is `writers/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
WAN = Decimal(10_000)
UNIT_FACTOR = {"元": Decimal(1), "万元": WAN}

FIELD_KEYS: tuple[str, ...] = (
    "town", "project_name", "budget_unit", "implementing_unit", "tracking_period",
    "recurring", "adjustment_needed", "annual_budget", "executed", "execution_progress_pct",
    "adjusted_budget", "decrease", "increase", "ex_ante_review_budget", "key_tracking_reason",
    "stage_conclusion", "budget_outlook", "goal_outlook",
)
AMOUNT_KEYS: tuple[str, ...] = (
    "annual_budget", "executed", "adjusted_budget", "decrease", "increase", "ex_ante_review_budget",
)
YES_NO = ("是", "否")
OUTLOOK = ("确定能完成", "有可能完成", "确定不能完成")
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("是否为经常性项目", "recurring", YES_NO),
    ("是否需要预算调整", "adjustment_needed", YES_NO),
    ("年度项目预算完成可能性", "budget_outlook", OUTLOOK),
    ("年度绩效目标完成可能性", "goal_outlook", OUTLOOK),
)
TITLES = {"key": "财政项目支出绩效运行监控（跟踪评价）（重点）",
          "general": "财政项目支出绩效运行监控（跟踪评价）（一般）"}
SECTION_1 = "一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）："
SECTION_2 = "二、项目具体实施情况（对照阶段性绩效目标的完成情况）："
SECTION_3 = "三、阶段性跟踪结论："
CATEGORIES = {
    "运行正常": "（执行率和目标完成度均在75%以上）",
    "运行基本正常": "（执行率或目标完成度在60%-75%之间）",
    "运行偏差较大": "（执行率或目标完成度低于60%）",
}


def wan(yuan: Decimal) -> str:
    """`yuan` printed in 万元 with no trailing zeros: 581000 -> '58.1'."""
    text = format((yuan / WAN).normalize(), "f")
    return "0" if text in ("0", "-0") else text


def pct(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator ÷ denominator × 100, rounded half-up to two decimals."""
    return (numerator / denominator * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def pct_text(value: Decimal) -> str:
    """A percentage as the narrative writes it: '88.24', '100', '3.5'."""
    return format(value.normalize(), "f") if value != 0 else "0"


def category_for(rate: Decimal) -> str:
    """The stage-conclusion category whose threshold the execution rate meets."""
    if rate >= 75:
        return "运行正常"
    return "运行基本正常" if rate >= 60 else "运行偏差较大"


@dataclass
class FormSpec:
    """Everything one synthetic form says, before any format prints it."""

    seed: int
    variant: str
    year: int
    town: str
    town_printed: str
    project_name: str | None
    budget_unit: str | None
    implementing_unit: str | None
    key_reason: str | None
    period_start: date | None
    period_end: date | None
    period_style: int
    stated_unit: str            # the unit the labels state
    real_unit: str              # the unit the figures are really in
    amount_style: str           # "comma", "plain2", "plain" (元 only)
    pct_style: str              # "sign" ("88.24%") or "bare" ("88.24")
    yuan: dict[str, Decimal]    # the six amounts in yuan, as the table prints them
    boxes: dict[str, list[bool]]
    background: list[str]
    arrangement: str
    progress: str
    extra_section: str | None = None
    purpose: str = "建设监理费"
    # Derived or overridden by faults:
    pct_override: Decimal | None = None
    forced_category: str | None = None
    narrative: dict[str, Decimal] = field(default_factory=dict)  # overrides of annual/adjusted/executed
    adj_clause: str = "full"   # "full", "none" (no adjustment sentence part), "unadjusted"
    adj_rate_override: Decimal | None = None
    show_rate: bool = True
    expression: tuple[Decimal, int] | None = None   # (base in yuan, percent) with base*pct% = executed
    empty_subsection: str | None = None
    period_missing_end: bool = False
    faults: list[str] = field(default_factory=list)

    # ---- derived quantities -------------------------------------------------------------
    @property
    def true_rate(self) -> Decimal:
        """执行数 ÷ 调整后预算数 × 100 from the table's figures."""
        adjusted = self.yuan["adjusted_budget"]
        return pct(self.yuan["executed"], adjusted) if adjusted else Decimal(0)

    @property
    def table_pct(self) -> Decimal:
        """The 预算执行进度 the table prints."""
        return self.pct_override if self.pct_override is not None else self.true_rate

    @property
    def category(self) -> str:
        """The stage-conclusion category as written."""
        return self.forced_category or category_for(self.true_rate)

    @property
    def conclusion(self) -> str:
        """The stage-conclusion paragraph: category, then its threshold explanation."""
        return self.category + CATEGORIES[self.category]

    def figure(self, key: str) -> str:
        """An amount as the table prints it (ASCII), in the unit it is really in."""
        value = self.yuan[key]
        if self.real_unit == "万元":
            return wan(value)
        if value == 0 and self.amount_style != "comma":
            return "0"
        if self.amount_style == "comma":
            return f"{value:,.2f}"
        return f"{value:.2f}" if self.amount_style == "plain2" else f"{value:.0f}"

    def narrated(self, key: str) -> Decimal:
        """The yuan value the narrative states for annual_budget / adjusted_budget / executed."""
        return self.narrative.get(key, self.yuan[key])
