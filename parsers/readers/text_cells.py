"""OCR dialect 4: one cell per line, as plain OCR emits a form (the fallback dialect).

Owns: one Paragraph per non-empty line (with the count of empty cells another layout's
reader marks after it, `EMPTY_CELL`), page furniture (`第 1 页 共 2 页`, `- 2 -`,
`Page 2 of 3`) dropped and turned into each paragraph's `page`, and `PageTracker`, the page
bookkeeping the markdown dialect shares. Leaves to the field parser: pairing a label with
the value on the next line, labels split over two lines (`具体实施` / `(内设机构)`), spaced
labels (`预 算 单 位`), full-width digits and the box look-alikes (口 √ ■ [√] [ ]), which are
kept as OCR read them; only the unambiguous box glyphs (□ ☒) are made canonical. Nothing is
joined: a wrapped value stays two lines, because only the parser knows what a label is.
"""

from __future__ import annotations

from parsers.lazy_pattern import LazyPattern
from parsers.normalize import is_page_furniture, page_number
from parsers.readers.checkbox_glyphs import canonical_glyphs
from parsers.readers.html_inline import ascii_box_brackets
from schemas.document import Block, Paragraph

_FIRST_INTEGER = LazyPattern(r"(?<!\d)\d{1,6}(?!\d)")


class PageTracker:
    """The current page, moved by furniture lines.

    A furniture line naming page n is a footer when content of page n was already seen
    (so the next line is on page n+1), otherwise a header (the page it names starts here).
    """

    def __init__(self) -> None:
        self.page = 1
        self._has_content = False

    def furniture(self, line: str) -> None:
        """Account for a furniture line (`第 2 页`, `- 2 -`, `2/3`)."""
        number = _stated_page(line)
        if number is None:
            return
        if number == self.page and self._has_content:
            self.page, self._has_content = number + 1, False
        elif number >= self.page:
            self.page, self._has_content = number, False

    def content(self) -> int:
        """Record a content line; return its page."""
        self._has_content = True
        return self.page


def _stated_page(line: str) -> int | None:
    number = page_number(line)
    if number is None:
        match = _FIRST_INTEGER.search(line)
        number = int(match.group()) if match else None
    return number if number and number < 100_000 else None


def sniff(text: str) -> bool:
    """Accepts anything: the fallback dialect."""
    return True


EMPTY_CELL = "\x00"
"""A line that stands for an empty cell (the readers of other layouts write it)."""


def parse(text: str) -> list[Block]:
    """One Paragraph per non-empty line, furniture dropped, pages set from it; a line of
    `EMPTY_CELL` counted as an empty cell after the paragraph before it.

    Where blank lines part the cells (a scraped page: each cell its own paragraph), a line of
    only spaces between them is an empty cell too; a line holding only a unit in brackets
    right under a line (`项目资金` / `(万元)`) is the end of that line's cell."""
    raws = text.lstrip("\ufeff").split("\n")
    spaced_cells = _blank_parted(raws)
    pages = PageTracker()
    blocks: list[Block] = []
    after_blank = True
    for raw in raws:
        line = raw.strip()
        if raw == EMPTY_CELL or (spaced_cells and raw and not line):
            if blocks and isinstance(blocks[-1], Paragraph):
                blocks[-1] = blocks[-1].model_copy(update={"empty_after": blocks[-1].empty_after + 1})
            continue
        if not line:
            after_blank = True
            continue
        if is_page_furniture(line):
            pages.furniture(line)
            continue
        last = blocks[-1] if blocks else None
        if not after_blank and isinstance(last, Paragraph) and not last.empty_after and _UNIT_ONLY.fullmatch(line):
            blocks[-1] = last.model_copy(update={"text": last.text + line})
            continue
        after_blank = False
        blocks.append(Paragraph(text=canonical_glyphs(ascii_box_brackets(line)), page=pages.content()))
    return blocks


_UNIT_ONLY = LazyPattern(r"[（(]\s*(?:单位\s*[:：]\s*)?(?:亿元|万元|元)\s*[)）]")
_MIN_PARTED = 0.6


def _blank_parted(raws: list[str]) -> bool:
    """Whether blank lines part the text's cells: most lines with text have an empty line after them."""
    filled = [k for k, raw in enumerate(raws[:-1]) if raw.strip()]
    if len(filled) < 20:
        return False
    parted = sum(1 for k in filled if not raws[k + 1])
    return parted >= _MIN_PARTED * len(filled)
