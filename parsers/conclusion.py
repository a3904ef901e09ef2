"""The stage conclusion's category: `运行正常（执行率和目标完成度均在75%以上）` -> `运行正常`.

Read from the section 三、阶段性跟踪结论 (or a table cell labelled 阶段性跟踪结论). When the
conclusion is written as ticked options (`☑运行正常 ☐运行基本正常`), the ticked one is taken.
"""

from __future__ import annotations

import regex

from parsers.normalize import one_line
from parsers.readers.checkbox_glyphs import canonical_glyphs

_CUT = regex.compile(r"[（(，,。；;：:\n]")
_TICKED_OPTION = regex.compile(r"(?:☑|√|■|\[√\])\s*([\p{Han}]{2,10})|([\p{Han}]{2,10})\s*(?:☑|√|■|\[√\])")


def parse_conclusion(text: str) -> str | None:
    """The category as written before its explanation; None when there is no text."""
    text = canonical_glyphs(text).strip()
    if not text:
        return None
    if "☐" in text or "☑" in text or "□" in text:
        match = _TICKED_OPTION.search(text)
        return match.group(1) or match.group(2) if match else None
    first = text.splitlines()[0]
    category = one_line(_CUT.split(first, maxsplit=1)[0]).strip()
    return category or None
