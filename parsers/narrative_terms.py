"""The words of the narrative's figures: which keyword names which quantity of the table,
and which words set a figure apart from this year's project totals.

Kept apart from `parsers.narrative` (which reads figures with them) so the vocabulary can
grow without the reader growing. Keys are the form's field keys where the quantity is a
table field; `adjustment_total` is 调减 + 调增, `execution_share_of_annual` is 执行数 ÷ 年初预算.
Alternatives are tried leftmost first, and at one position in the order written: 调整后预算
before 预算, 调减至 (the result) before 调减 (the change).
"""

from __future__ import annotations

import regex

AMOUNT_QUANTITIES: dict[str, tuple[str, ...]] = {
    "adjusted_budget": (
        r"调整后(?:的)?(?:项目)?预算(?:资金|金额|数|总额)?",
        r"调整预算(?:资金|金额|数)?",
        r"(?:现|目前|当前)(?:的)?预算(?:资金|金额|数)?",
        r"(?:预算)?调整(?:后)?(?:为|至|到)",
        r"(?:调减|调增|核减|追加|压减)(?:预算|资金)?(?:至|到)",
        r"(?:调减|调增|核减|追加|压减|调整)[^，。；,;]{0,12}?后(?:的)?(?:预算(?:资金|金额|数|总额)?)?",
    ),
    "annual_budget": (
        r"年初(?:批复|下达)?预算(?:安排)?(?:资金|金额|数|总额)?",
        r"(?:当年|年度|全年|本年|今年)(?:批复|下达)?预算(?:安排)?(?:资金|金额|数|总额)?",
        r"(?:原|初始)预算(?:数|金额)?",
        r"(?<!调整后的?)预算(?:资金)?总额",
        r"(?:批复|下达)(?:的)?预算(?:资金|金额|数)?",
        r"预算安排(?:资金|金额|数)?",
    ),
    "adjustment_total": (r"预算调整(?:数|金额|额)", r"调整(?:数|金额|额)"),
    "decrease": (r"调减(?:预算|金额|资金|数)?", r"(?:核减|压减)(?:预算|金额|资金)?", r"调整减少(?:预算|资金)?"),
    "increase": (r"调增(?:预算|金额|资金|数)?", r"追加(?:预算|金额|资金)?", r"调整增加(?:预算|资金)?"),
    "executed": (
        r"实际(?:完成)?(?:支出|执行|使用|支付)(?:金额|资金|数)?",
        r"(?:预算)?执行(?:数|金额)",
        r"(?:已|累计|共)(?:累计|完成|经)?(?:支出|执行|使用|支付|拨付)(?:金额|资金|款项|费用)?",
    ),
}
RATE_QUANTITIES: dict[str, tuple[str, ...]] = {
    "execution_rate": (
        r"(?:预算|资金)执行率", r"(?<![费款])执行率", r"(?:预算|资金)执行进度", r"(?<!工程|施工|项目)执行进度",
        r"(?:预算|资金)?支出(?:率|进度)", r"(?:预算|资金)使用率",
    ),
    "adjustment_rate": (r"(?:预算)?(?:调整|调减|调增)(?:比率|比例|幅度|率)",),
}
SHARE_OF = regex.compile(
    r"占(?P<base>(?:调整后|调整|年初|当年|全年|本年|年度)?(?:的)?(?:项目)?预算(?:资金|金额|数|总额)?)"
    r"(?:\s*[\d,.]+\s*(?:亿元|万元|元))?(?:的)?(?:比例|比重)?(?:为|达|约)?\s*$"
)
"""`占调整后预算的88.24%`: a rate of the clause's subject (the amount named before it)."""
ASIDE = regex.compile(
    r"(?P<prior>上年|去年|上一年|上期|往年|以前年度|同期)|(?P<plan>预计|计划|预期|力争|争取|拟|将于|目标)"
    r"|(?P<part>其中)|(?P<current>本年|今年|当年|本期)|(?P<year>(?<!\d)(?:19|20)\d{2})(?=\s*年)"
)
"""Words before a figure, in its clause, that say it is not about this year's project totals."""
CLAUSE = regex.compile(r"[。；;！!？?\n]")
SUBCLAUSE = regex.compile(r"[，,。；;！!？?\n]")

__all__ = ["AMOUNT_QUANTITIES", "ASIDE", "CLAUSE", "RATE_QUANTITIES", "SHARE_OF", "SUBCLAUSE"]
