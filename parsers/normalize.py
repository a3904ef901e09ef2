"""Text normalisation shared by every reader and parser.

Owns: removal of the spaces OCR and line wrapping leave between CJK characters, page
furniture, and label keys (a label with its spaces, punctuation width and trailing unit
removed, the unit returned). Full-width to ASCII is `schemas.figures.to_ascii` (the models'
own views need it too), re-exported here. Box glyphs are the business of
`parsers.readers.checkbox_glyphs`.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from parsers.char_sets import any_of
from parsers.readers.checkbox_glyphs import BOX_CHARS
from schemas.figures import to_ascii

# Characters between which a space is an OCR / wrapping artefact, never meaningful.
_CJK = r"[\p{Han}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65“”‘’☑☐]"
_CJK_SPACE = regex.compile(rf"(?<={_CJK})[ \t\u3000]+(?={_CJK})")
_SPACES = regex.compile(r"[ \t\u3000\u00a0]+")

_PAGE_FURNITURE = regex.compile(
    r"^\s*(?:第\s*\d+\s*页\s*(?:[,，/／]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|[-—–]\s*\d+\s*[-—–]|page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*/\s*\d+)\s*$",
    regex.IGNORECASE,
)
_PAGE_NUMBER = regex.compile(
    r"第\s*([0-9]{1,6})\s*页|page\s*([0-9]{1,6})(?![0-9])|^\s*[-—–]\s*([0-9]{1,6})\s*[-—–]\s*$", regex.I
)

_ANY_SPACE = regex.compile(r"\s+")
_UNIT_SUFFIX = regex.compile(r"[（(]\s*(元|万元|亿元|%|％)\s*[)）]\s*[:：]?\s*$")
_NO_BOXES = dict.fromkeys(map(ord, BOX_CHARS))
_ANY_BOX = any_of(BOX_CHARS)
_LABEL_DROP = regex.compile(r"[\s:：()（）\[\]【】、,，.。·•]")


def collapse_cjk_spaces(text: str) -> str:
    """Remove spaces standing between two CJK characters ("运行 管理中心" -> "运行管理中心")."""
    if text.isascii():  # no CJK character, so no space between two (a long line is not scanned)
        return text
    if " " not in text and "\t" not in text and "\u3000" not in text:
        return text  # no space to remove (most cells and lines)
    return _CJK_SPACE.sub("", text)


# A document's cell and line texts are cleaned and keyed again and again (the field parser,
# the checks, the unread-value pass): the pure text functions below keep their recent answers.
_RECENT = 4096


@lru_cache(maxsize=_RECENT)
def clean_text(text: str) -> str:
    """A value as the record holds it: ASCII digits, no CJK-internal spaces, single spaces."""
    text = collapse_cjk_spaces(to_ascii(text))
    lines = (_single_spaced(line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _single_spaced(line: str) -> str:
    """Runs of spaces, tabs, ideographic and no-break spaces as one space (a line with none
    of them but single spaces, most lines, is not scanned)."""
    if "  " in line or "\t" in line or "\u3000" in line or "\xa0" in line:
        return _SPACES.sub(" ", line)
    return line


@lru_cache(maxsize=_RECENT)
def one_line(text: str) -> str:
    """`clean_text` with line breaks joined (without a space between CJK characters)."""
    return collapse_cjk_spaces(clean_text(text).replace("\n", " "))


def is_page_furniture(line: str) -> bool:
    """True for page numbers and footers such as `第 1 页 共 2 页` or `- 3 -`."""
    return bool(_PAGE_FURNITURE.match(to_ascii(line)))


def page_number(line: str) -> int | None:
    """The page number a furniture line states (`第 2 页` -> 2), else None."""
    match = _PAGE_NUMBER.search(to_ascii(line))
    if not match:
        return None
    return int(next(group for group in match.groups() if group))


def split_unit(label: str) -> tuple[str, str | None]:
    """Split a trailing unit off a label: `当年预算数（万元）` -> (`当年预算数`, `万元`).

    Spaces are dropped first: OCR spaces labels out, units included (`（ 万 元 ）`); and
    boxes, as `label_key` drops them (`预算执行数（☑ 元）`).
    """
    text = _ANY_SPACE.sub("", to_ascii(label))
    if _ANY_BOX.search(text):
        text = text.translate(_NO_BOXES)
    match = _UNIT_SUFFIX.search(text) if "(" in text or "（" in text else None  # the unit is bracketed
    if not match:
        return text, None
    unit = match.group(1).replace("％", "%")
    return text[: match.start()].strip(), unit


@lru_cache(maxsize=_RECENT)
def label_key(text: str) -> str:
    """A label reduced for matching: ASCII, no spaces, brackets, punctuation or boxes (no
    label holds a box: one in a label's text is a character a scan's blur closed into a
    square, `调整后预算☑数（元）`), and 其它 written as the 其他 forms print more often."""
    key = _LABEL_DROP.sub("", to_ascii(text))
    key = key.replace("其它", "其他") if "其它" in key else key
    return key.translate(_NO_BOXES) if _ANY_BOX.search(key) else key
