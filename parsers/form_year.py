"""The budget year a form reports on (`form.year`): from its title, else from its fields.

A title states it as （2023年度） or 2023年度; a monitoring form's title seldom does, so its year
is the one its project name begins with (`2024年华漕镇…项目`), else the tracking period's.
"""

from __future__ import annotations

from datetime import date

import regex

_TITLE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?:度)?")
_NAME_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-—~～至]\s*(?:19|20)\d{2})?\s*年")


def title_year(title: str | None) -> int | None:
    """The year a title states (`项目支出绩效自评表（2023年度）` -> 2023), or None."""
    match = _TITLE_YEAR.search(title or "")
    return int(match.group(1)) if match else None


def name_year(name: str | None) -> int | None:
    """The first budget year a project name states, or None."""
    match = _NAME_YEAR.search(name or "")
    return int(match.group(1)) if match else None


def monitoring_year(title: str | None, project_name: str | None, period_start: date | None) -> int | None:
    """A monitoring form's budget year: title, else project name, else the period's start."""
    return title_year(title) or name_year(project_name) or (period_start.year if period_start else None)
