"""Percentages: `88.53%`, `８８．５３％`, `100` -> the decimal string "88.53" / "100"."""

from __future__ import annotations

import regex

from parsers.normalize import to_ascii

_PERCENT = regex.compile(r"[-+]?\d+(?:\.\d+)?")


def parse_percent(text: str) -> str | None:
    """The percentage figure as printed (ASCII), without the sign; None when there is none."""
    match = _PERCENT.search(to_ascii(text).replace(" ", ""))
    return match.group(0).lstrip("+") if match else None
