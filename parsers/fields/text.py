"""String fields: CJK-internal spaces removed, seal marks such as （盖章） stripped, trimmed."""

from __future__ import annotations

import regex

from parsers.normalize import one_line

_EMPTY = frozenset({"", "-", "—", "/", "／", "无", "——", "--"})


def parse_text(text: str, strip: tuple[str, ...] = ()) -> str | None:
    """The cleaned value, or None when the cell is empty."""
    value = one_line(text)
    for mark in strip:
        value = regex.sub(rf"[（(【\[]\s*{regex.escape(mark)}\s*[)）】\]]|{regex.escape(mark)}$", "", value)
    value = value.strip(" ：:;；,，。")
    return None if value in _EMPTY else value
