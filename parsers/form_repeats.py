"""Where a second form of the same type begins without its title printed again.

Forms are often filed one after the other in one file with the title printed only once, or
with only `附件2` and `（2023年度）` above the next one. The field a form is known by (the first
of its template's `required` keys: 项目名称, or 项目名称 | 主管部门) is printed once a form, at a
row's head; printed again with another value, it starts the next form. The new form begins
at that row, or at the short lines right above it that belong to its head (the year line, an
annex number). The same row printed again (a page header repeating the project name) starts
nothing.
"""

from __future__ import annotations

import regex

from parsers.normalize import clean_text
from parsers.tables import header_key
from schemas.document import Line
from schemas.template import FormTemplate

MAX_HEAD_LINE = 8  # a short line above a form's first row (附件2) that belongs to it
INLINE_HEAD = regex.compile(r"^\s*([^:：\t]{2,20}?)\s*[:：]")
"""A line's head label before its colon (`项目名称：…`)."""


def identity_keys(template: FormTemplate) -> frozenset[str]:
    """The label keys of the field(s) a form of `template` is known by."""
    return frozenset(header_key(label)[0] for name in template.identity_fields() for label in template.fields[name].labels)


def repeat_starts(lines: list[Line], start: int, end: int, template: FormTemplate) -> list[int]:
    """The indices in (start, end) where a new form of `template` begins untitled."""
    keys = identity_keys(template)
    if not keys:
        return []
    seen: dict[str, set[str]] = {}  # label key -> the rows it heads so far
    out: list[int] = []
    for i in range(start, end):
        key = _head_key(lines[i])
        if key not in keys:
            continue
        text = clean_text(lines[i].text)
        if seen.get(key) and text not in seen[key]:
            out.append(_with_head_lines(lines, i, out[-1] if out else start, template))
            seen = {}
        seen.setdefault(key, set()).add(text)
    return out


def _head_key(line: Line) -> str:
    first = line.text.split("\t", 1)[0]
    match = INLINE_HEAD.match(first)
    return header_key(match.group(1) if match else first)[0]


def _with_head_lines(lines: list[Line], i: int, floor: int, template: FormTemplate) -> int:
    year = regex.compile(template.title.year) if template.title.year else None
    while i - 1 > floor and lines[i - 1].row is None:
        text = clean_text(lines[i - 1].text)
        if not (len(text) <= MAX_HEAD_LINE or (year is not None and year.search(text) and len(text) <= 2 * MAX_HEAD_LINE)):
            break
        i -= 1
    return i
