"""Word automatic numbering: the list labels (一、 1、 （一）) Word draws but never stores as text.

Owns `word/numbering.xml` and the numbering half of `word/styles.xml`. A heading typed as
"项目基本情况" in a list whose level says `chineseCounting` + `%1、` shows as
"一、项目基本情况"; the section parser only sees the text we give it, so the reader renders the
label in front of the paragraph's text, exactly as Word displays it.

Decisions:
- The paragraph's list is its own `w:numPr`, else its paragraph style's (following `basedOn`),
  else none; `w:numId` 0 switches numbering off. A style-linked list with no `w:ilvl` takes the
  level whose `w:pStyle` names that style.
- Counters belong to the abstract list (Word continues a list across `w:num` instances of
  one abstract numbering); a `w:num` with `w:startOverride` restarts its levels the first time
  it is used. Starting a level resets every deeper level.
- Bullets and `none` formats give no label: a bullet is decoration, and Word's box bullets
  (Wingdings U+F0A8, U+F0FE) must never read as checkboxes.
- The label is followed by nothing when it ends in punctuation (一、 （一） 1．), else by one
  space, whatever `w:suff` (tab/space) says.
- A missing or malformed numbering part means no labels, never a failed document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from parsers.readers.docx_boxes import W

VAL = f"{W}val"
_MAX_LEVELS = 9
_NO_SPACE_AFTER = tuple("、．.）)】」:：，,")
_CN_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PLACEHOLDER = re.compile(r"%([1-9])")


def _chinese(n: int, digits: str = _CN_DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """一 … 九十九 … 九百九十九 as Word's chineseCounting writes them (十一, not 一十一)."""
    if n <= 0:
        return digits[0]
    if n >= 1000:
        return str(n)
    out = ""
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    if h:
        out += digits[h] + hundred
        if rest and t == 0:
            out += digits[0]
    if t:
        out += (digits[t] if (t > 1 or h) else "") + ten
    if u:
        out += digits[u]
    return out


def _letters(n: int) -> str:
    if n <= 0:
        return ""
    letter = chr(ord("A") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One counter in a Word number format (unknown formats fall back to decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL_DIGITS, "拾", "佰")
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _EARTHLY[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "decimalEnclosedFullstop",
               "decimalEnclosedParen"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)  # decimal, decimalFullWidth, decimalHalfWidth, ordinal, …


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    style: str | None = None
    legal: bool = False


def _level(lvl: etree._Element) -> _Level:
    def val(name: str) -> str | None:
        element = lvl.find(f"{W}{name}")
        return element.get(VAL) if element is not None else None

    try:
        start = int(val("start") or 1)
    except ValueError:
        start = 1
    legal = lvl.find(f"{W}isLgl")
    return _Level(
        start=start,
        fmt=val("numFmt") or "decimal",
        text=val("lvlText"),
        style=val("pStyle"),
        legal=legal is not None and (legal.get(VAL) or "1").lower() not in ("0", "false", "off"),
    )


def _ilvl(value: str | None) -> int | None:
    try:
        level = int(value) if value is not None else None
    except ValueError:
        return None
    return level if level is not None and 0 <= level < _MAX_LEVELS else None


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, _Level] = field(default_factory=dict)
    restart: dict[int, int] = field(default_factory=dict)
    used: bool = False


@dataclass
class Numbering:
    """List labels for the paragraphs of one document walk, in document order."""

    abstracts: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, _Num] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)
    default_style: str | None = None
    _counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def from_parts(cls, numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
        self = cls()
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)
        return self

    def _read_styles(self, styles: etree._Element) -> None:
        for style in styles.iter(f"{W}style"):
            if style.get(f"{W}type") != "paragraph":
                continue
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            if (style.get(f"{W}default") or "").lower() in ("1", "true", "on"):
                self.default_style = style_id
            num_pr = style.find(f"{W}pPr/{W}numPr")
            num_id = num_pr.find(f"{W}numId") if num_pr is not None else None
            ilvl = num_pr.find(f"{W}ilvl") if num_pr is not None else None
            based = style.find(f"{W}basedOn")
            self.styles[style_id] = (
                num_id.get(VAL) if num_id is not None else None,
                _ilvl(ilvl.get(VAL)) if ilvl is not None else None,
                based.get(VAL) if based is not None else None,
            )

    def _read_numbering(self, numbering: etree._Element) -> None:
        links: dict[str, str] = {}
        for abstract in numbering.iter(f"{W}abstractNum"):
            abstract_id = abstract.get(f"{W}abstractNumId")
            if abstract_id is None:
                continue
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                level = _ilvl(lvl.get(f"{W}ilvl"))
                if level is not None:
                    levels[level] = _level(lvl)
            self.abstracts[abstract_id] = levels
            link = abstract.find(f"{W}numStyleLink")
            if link is not None and link.get(VAL):
                links[abstract_id] = link.get(VAL)
        for num in numbering.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            if num_id is None or ref is None or ref.get(VAL) is None:
                continue
            entry = _Num(abstract=ref.get(VAL))
            for override in num.iter(f"{W}lvlOverride"):
                level = _ilvl(override.get(f"{W}ilvl"))
                if level is None:
                    continue
                start = override.find(f"{W}startOverride")
                if start is not None:
                    try:
                        entry.restart[level] = int(start.get(VAL) or 1)
                    except ValueError:
                        pass
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    entry.overrides[level] = _level(lvl)
            self.nums[num_id] = entry
        # An abstract list that only links to a numbering style borrows that style's list.
        for abstract_id, style_id in links.items():
            num_id = self._style_num(style_id)[0]
            target = self.nums.get(num_id or "")
            if target is not None and target.abstract != abstract_id and not self.abstracts.get(abstract_id):
                self.abstracts[abstract_id] = self.abstracts.get(target.abstract, {})

    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        ilvl: int | None = None
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            num_id, level, based = self.styles[style_id]
            if ilvl is None:
                ilvl = level
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, ilvl

    def label(self, props: etree._Element | None) -> str:
        """The list label of a paragraph with these `w:pPr` (advancing the counters), or ""."""
        if not self.nums:
            return ""
        style = props.find(f"{W}pStyle") if props is not None else None
        style_id = style.get(VAL) if style is not None else self.default_style
        num_pr = props.find(f"{W}numPr") if props is not None else None
        num_id: str | None = None
        ilvl: int | None = None
        if num_pr is not None:
            num_el, ilvl_el = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
            num_id = num_el.get(VAL) if num_el is not None else None
            ilvl = _ilvl(ilvl_el.get(VAL)) if ilvl_el is not None else None
        if num_id is None:
            num_id, style_ilvl = self._style_num(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        num = self.nums.get(num_id or "")
        if num is None:  # numId 0 ("no list") or a dangling reference
            return ""
        levels = self.abstracts.get(num.abstract, {})
        if ilvl is None:
            ilvl = next((k for k, lvl in sorted(levels.items()) if style_id and lvl.style == style_id), 0)
        return self._advance(num, levels, ilvl)

    def _advance(self, num: _Num, levels: dict[int, _Level], ilvl: int) -> str:
        def level(k: int) -> _Level:
            return num.overrides.get(k) or levels.get(k) or _Level()

        counters = self._counters.setdefault(num.abstract, [None] * _MAX_LEVELS)
        starts = {k: level(k).start for k in range(_MAX_LEVELS)}
        if not num.used:
            num.used = True
            for k, start in num.restart.items():
                counters[k] = None
                starts[k] = start
        starts.update(num.restart)
        current = counters[ilvl]
        counters[ilvl] = starts[ilvl] if current is None else current + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            counters[deeper] = None
        this = level(ilvl)
        if this.fmt in ("bullet", "none") or not this.text:
            return ""

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            counted = counters[k]
            value = counted if counted is not None else starts[k]
            fmt = "decimal" if this.legal and k != ilvl else level(k).fmt
            return "" if fmt == "none" else format_number(value, fmt)

        label = _PLACEHOLDER.sub(number, this.text).strip()
        if not label:
            return ""
        return label if label.endswith(_NO_SPACE_AFTER) else label + " "
