"""The stage conclusion's category: `运行正常（执行率和目标完成度均在75%以上）` -> `运行正常`.

Read from the section 三、阶段性跟踪结论 (or a table cell labelled 阶段性跟踪结论). When the
conclusion is written as ticked options (`☑运行正常 ☐运行基本正常`), the ticked one is taken.
"""

from __future__ import annotations

import regex

from parsers.normalize import one_line
from parsers.readers.checkbox_glyphs import canonical_glyphs

_CUT = regex.compile(r"[（(，,。；;：:\n]")
_SUBJECT = regex.compile(r"^(?:本项目|该项目|项目|总体|整体|目前|当前)(?=运行)")
_ITEM = regex.compile(r"(?P<box>☑|☐|√|■|□|\[√\]|\[ \])|(?P<label>[\p{Han}]{2,12})")
_TICKED = frozenset({"☑", "√", "■", "[√]"})


def parse_conclusion(text: str) -> str | None:
    """The category as written before its explanation; None when there is no text."""
    text = canonical_glyphs(text).strip()
    if not text:
        return None
    if "☐" in text or "☑" in text or "□" in text:
        return _ticked_option(text)
    first = text.splitlines()[0]
    category = one_line(_CUT.split(first, maxsplit=1)[0]).strip()
    # `项目运行正常，…` / `总体运行正常`: the category is what follows the subject.
    category = _SUBJECT.sub("", category)
    return category or None


def _ticked_option(text: str) -> str | None:
    """The label beside the one ticked box; boxes stand before labels if the text opens with one."""
    items = [(m.lastgroup, m.group(0)) for m in _ITEM.finditer(text)]
    if not items:
        return None
    step = -1 if items[0][0] == "box" else 1
    ticked = []
    for index, (kind, value) in enumerate(items):
        neighbour = index + step
        beside_box = kind == "label" and 0 <= neighbour < len(items) and items[neighbour][0] == "box"
        if beside_box and items[neighbour][1] in _TICKED:
            ticked.append(value)
    return ticked[0] if len(ticked) == 1 else None
