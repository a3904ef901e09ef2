"""The unit a caption states for a form's tables (`单位：万元`, `金额单位：元`).

One pattern for every reader and form parser: the monitoring and family parsers read the
caption's unit for amounts that print none, and the PDF reader keeps a caption repeated at
the top of every page (each page opening a form) instead of taking it for a running header.
"""

from __future__ import annotations

import regex

# Not 预算单位 / 实施单位 (the units of an organisation), nor 单位：万元整 in running text.
_CAPTION_UNIT = regex.compile(r"(?<![预实施算])(?:金额|计量|货币|资金)?单位\s*[:：]\s*(亿元|万元|元)(?![\p{Han}])")


def caption_unit(text: str) -> str | None:
    """The unit `text` states as a caption (元, 万元 or 亿元), else None."""
    match = _CAPTION_UNIT.search(text)
    return match.group(1) if match else None
