"""Split the narrative into numbered sections (一、 二、 …) and subsections (1、 2、 …).

The narrative is every token from the first top-level heading on that no field consumed, in
reading order (a wide table cell with paragraphs, or body paragraphs after the table). A
subsection heading is a short numbered line (`1、项目背景概况`); a long numbered paragraph
(`1、对于数据归集方面，一是…`) is text, not a heading. A heading wrapped over two lines (an
open bracket) is joined. Numbered table labels that hold boxes (四、绩效跟踪后项目总体判断) are
not sections; the template lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from parsers.frozen_init import frozen_init
from parsers.normalize import clean_text, label_key
from parsers.tokens import Token
from schemas.discrepancy import Location, location
from schemas.section import Section

_TOP = regex.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")
_SUB = regex.compile(r"^\s*(?:\d{1,2}\s*[、.．](?!\d)|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]\s*[、.．]?)")
MAX_SUBHEADING_CHARS = 24
_NUMERAL = regex.compile(r"\s*([一二三四五六七八九十]{1,3})")
_COLON = regex.compile(r"[:：]")
_SENTENCE_PUNCT = regex.compile(r"[，。；,;]")
_NUMERALS = "一二三四五六七八九十"
# The patterns above are tried only on a text that can open with what they need: its first
# character past the spaces (str's whitespace holds every `\s`) a numeral, a digit or a bracket.


def is_top_heading(text: str) -> bool:
    """True when `text` opens with a top-level numbered heading (`三、`)."""
    return text.lstrip()[:1] in _NUMERALS and _TOP.match(text) is not None


def _may_be_sub(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isdigit() or first in "（(" or not first


@frozen_init
@dataclass(frozen=True)
class NarrativeLine:
    """One line of narrative text with where it stands."""

    text: str
    loc: Location


def narrative_lines(tokens: Iterable[Token], consumed: set[int]) -> Iterator[NarrativeLine]:
    """Lines of the narrative: unconsumed tokens from the first top-level heading on."""
    started = False
    for token in tokens:
        if token.index in consumed:
            continue
        for offset, raw in enumerate(token.text.splitlines()):
            text = clean_text(raw)
            if not text:
                continue
            started = started or is_top_heading(text)
            if started:
                loc = location(token.line.loc.page, token.line.loc.line + offset)
                yield NarrativeLine(text, loc)


def split_sections(lines: Iterable[NarrativeLine], not_sections: tuple[str, ...] = ()) -> list[Section]:
    """Sections with their text and subsections."""
    sections: list[dict[str, Any]] = []
    current: dict | None = None
    for line in _join_wrapped_headings(lines):
        if is_top_heading(line.text):
            current = _open(line)
            sections.append(current)
            continue
        if current is None:
            continue
        heading, rest = _subheading(line.text)
        if heading:
            current["subsections"].append({"heading": heading, "lines": [rest] if rest else [], "loc": line.loc})
        elif current["subsections"]:
            current["subsections"][-1]["lines"].append(line.text)
        else:
            current["lines"].append(line.text)
    excluded = [label_key(name) for name in not_sections]
    kept = [
        section for section in sections
        if not any(key in label_key(section["heading"] + "".join(section["lines"][:1])) for key in excluded)
    ]
    # Word documents may print 三、 after the table that holds 四、: the record keeps form order.
    kept.sort(key=lambda section: _numeral(section["heading"]))
    return [_freeze(section) for section in kept]


_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def _numeral(heading: str) -> int:
    """The value of a heading's Chinese numeral (`三、` -> 3, `十二、` -> 12)."""
    match = _NUMERAL.match(heading)
    if not match:
        return 0
    text = match.group(1)
    if "十" not in text:
        return _DIGITS.get(text[0], 0)
    tens, _, units = text.partition("十")
    return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(units, 0) if units else 0)


def _open(line: NarrativeLine) -> dict:
    heading, rest = _split_heading(line.text)
    return {"heading": heading, "lines": [rest] if rest else [], "subsections": [], "loc": line.loc}


def _split_heading(text: str) -> tuple[str, str]:
    """`三、阶段性跟踪结论：运行正常…` -> (`三、阶段性跟踪结论：`, `运行正常…`)."""
    match = _COLON.search(text) if ":" in text or "：" in text else None
    if match and match.end() < len(text) and _balanced(text[: match.end()]):
        return text[: match.end()], text[match.end() :].strip()
    return text, ""


def _subheading(text: str) -> tuple[str | None, str]:
    if not _may_be_sub(text) or not _SUB.match(text):
        return None, ""
    head, rest = _split_heading(text)
    if len(head.rstrip("：:")) <= MAX_SUBHEADING_CHARS and not _SENTENCE_PUNCT.search(head):
        return head, rest
    return None, ""


def _balanced(text: str) -> bool:
    return text.count("（") + text.count("(") <= text.count("）") + text.count(")")


def _join_wrapped_headings(lines: Iterable[NarrativeLine]) -> Iterator[NarrativeLine]:
    pending: NarrativeLine | None = None
    for line in lines:
        if pending is not None:
            pending = NarrativeLine(pending.text + line.text, pending.loc)
            if _balanced(pending.text) or len(pending.text) > 200:
                yield pending
                pending = None
            continue
        if is_top_heading(line.text) and not _balanced(line.text):
            pending = line
            continue
        yield line
    if pending is not None:
        yield pending


def _freeze(section: dict) -> Section:
    return Section(
        heading=section["heading"],
        text="\n".join(section["lines"]),
        subsections=[_freeze({**sub, "subsections": []}) for sub in section.get("subsections", [])],
        location=section["loc"],
    )
