"""Tracking periods in every way they are written -> Period(start, end).

`2024年01月01日 --- 2024年08月31日`, `2024年1月1日至2024年8月31日`, `2024.01.01-2024.08.31`,
`2024/1/1 — 2024/8/31`, `20240101-20240831`, and an end without its year (`2024年1月1日至8月31日`).
An impossible date (2月30日) is not a date; the `period` rule reports what is missing.
"""

from __future__ import annotations

from datetime import date

import regex

from parsers.normalize import to_ascii
from schemas.fields import Period

_DATE = regex.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*[年./\-/]\s*)?(?P<m>\d{1,2})\s*[月./\-/]\s*(?P<d>\d{1,2})\s*日?"
    r"|(?P<cy>(?:19|20)\d{2})(?P<cm>[01]\d)(?P<cd>[0-3]\d)"
)


def parse_period(text: str) -> Period | None:
    """Start and end dates found in `text`, in order; None when there is no date at all."""
    dates: list[date | None] = []
    year: int | None = None
    for match in _DATE.finditer(to_ascii(text)):
        if match.group("cy"):
            y, m, d = int(match.group("cy")), int(match.group("cm")), int(match.group("cd"))
        else:
            if match.group("y") is None and year is None:
                continue
            y = int(match.group("y") or year)
            m, d = int(match.group("m")), int(match.group("d"))
        year = y
        dates.append(_date(y, m, d))
        if len(dates) == 2:
            break
    if not dates:
        return None
    return Period(start=dates[0], end=dates[1] if len(dates) > 1 else None)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
