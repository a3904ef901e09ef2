"""Tracking periods in every way they are written -> Period(start, end).

`2024年01月01日 --- 2024年08月31日`, `2024年1月1日至2024年8月31日`, `2024.01.01-2024.08.31`,
`2024/1/1 — 2024/8/31`, `20240101-20240831`, and an end without its year (`2024年1月1日至8月31日`);
whole months (`2024年1月-2024年8月`, `2024年1-8月`, `2024.01-2024.08`) run from the first day of
the first month to the last day of the last. An impossible date (2月30日) is not a date; the
`period` rule reports what is missing.
"""

from __future__ import annotations

import calendar
from datetime import date

import regex

from parsers.normalize import to_ascii
from schemas.fields import Period

# Digits are ASCII (the text is read through to_ascii first): a digit Python cannot read is none.
_DATE = regex.compile(
    r"(?:(?P<y>(?:19|20)[0-9]{2})\s*[年./\-/]\s*)?(?P<m>[0-9]{1,2})\s*[月./\-/]\s*(?P<d>[0-9]{1,2})(?![0-9]|\s*月)\s*日?"
    r"|(?P<cy>(?:19|20)[0-9]{2})(?P<cm>[01][0-9])(?P<cd>[0-3][0-9])"
)
_MONTHS = regex.compile(
    r"(?P<y1>(?:19|20)[0-9]{2})\s*[年./\-]\s*(?P<m1>[0-9]{1,2})\s*月?\s*(?:[-—–~～至到]+)\s*"
    r"(?:(?P<y2>(?:19|20)[0-9]{2})\s*[年./\-]\s*)?(?P<m2>[0-9]{1,2})\s*月?(?!\s*[./\-]?\s*[0-9])"
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
            y = int(match.group("y")) if match.group("y") is not None else (year or 0)
            m, d = int(match.group("m")), int(match.group("d"))
        year = y
        dates.append(_date(y, m, d))
        if len(dates) == 2:
            break
    if len(dates) < 2:
        months = _month_range(to_ascii(text))
        if months is not None:
            return months
    if not any(dates):
        return None  # no date at all, or only impossible ones: the field is missing
    return Period(start=dates[0], end=dates[1] if len(dates) > 1 else None)


def _month_range(text: str) -> Period | None:
    """`2024年1月-2024年8月` -> 2024-01-01 .. 2024-08-31."""
    match = _MONTHS.search(text)
    if not match:
        return None
    y1, m1 = int(match.group("y1")), int(match.group("m1"))
    y2, m2 = int(match.group("y2") or y1), int(match.group("m2"))
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    last_day = calendar.monthrange(y2, m2)[1]
    return Period(start=date(y1, m1, 1), end=date(y2, m2, last_day))


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
