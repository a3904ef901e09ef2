"""String fields: CJK-internal spaces removed, seal marks such as （盖章） stripped, trimmed.

A box whose state is unknown (⍰: a small picture beside the text, a scan's faint square) is
no text and is dropped from the value.
"""

from __future__ import annotations

from functools import cache

import regex

from parsers.normalize import one_line
from parsers.readers.checkbox_glyphs import UNKNOWN

_EMPTY = frozenset({"", "-", "—", "/", "／", "无", "——", "--"})


@cache
def _seal_pattern(marks: tuple[str, ...]) -> regex.Pattern[str]:
    words = "|".join(regex.escape(mark) for mark in marks)
    return regex.compile(rf"[（(【\[]\s*(?:{words})\s*[)）】\]]|(?:{words})$")


def parse_text(text: str, strip: tuple[str, ...] = ()) -> str | None:
    """The cleaned value, or None when the cell is empty."""
    value = one_line(text.replace(UNKNOWN, ""))
    if strip:
        value = _seal_pattern(strip).sub("", value)
    value = value.strip(" ：:;；,，。")
    return None if value in _EMPTY else value
