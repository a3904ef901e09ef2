"""OCR dialect 2: markdown with pipe tables (`| a | b |` plus a `|---|---|` separator row).

Owns: finding pipe tables and resolving their spans the way the tab dialect does (a row's
trailing empty cells are padding the last filled cell spans; an empty first cell continues
the cell above), markdown markup stripped from cells and from the narrative between tables
(headings `#`, bold `**`, bullets, quotes, links, images, backslash escapes), `<br>` read as
a line break inside a cell or paragraph, and page furniture (shared `PageTracker`).
Box glyphs stay as written (☑☐ ■□ √□ [√] [ ]) except the unambiguous ones, made canonical
by `html_inline` / `checkbox_glyphs`; `parsers.fields.choice` reads the look-alikes.
"""

from __future__ import annotations

import itertools

from parsers.lazy_pattern import LazyPattern
from parsers.normalize import is_page_furniture
from parsers.readers.html_inline import inline_html_to_text
from parsers.readers.padded_rows import padded_table
from parsers.readers.text_cells import PageTracker
from schemas.document import Block, Paragraph, Table

# GFM: each delimiter cell is one or more dashes with optional colons (`|-|:-:|`).
SEPARATOR = LazyPattern(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_RULE = LazyPattern(r"^\s*(?:[-*_]\s*){3,}$")
_HEADING = LazyPattern(r"^\s{0,3}#{1,6}\s*")
_QUOTE = LazyPattern(r"^\s*(?:>\s?)+")
_BULLET = LazyPattern(r"^\s*[-*+]\s+")
_BOLD = LazyPattern(r"\*\*")
_IMAGE = LazyPattern(r"!\[[^\]]*\]\([^)]*\)")
_LINK = LazyPattern(r"\[([^\]]*)\]\([^)]*\)")
_ESCAPE = LazyPattern(r"\\([!-/:-@\[-`{-~])")
_ESCAPED_PIPE = "\x00"


def sniff(text: str) -> bool:
    """A pipe row directly followed by a separator row (`|---|---|`)."""
    lines = text.split("\n")
    return any(_is_separator(line) and "|" in above and not _is_separator(above) for above, line in itertools.pairwise(lines))


def _is_separator(line: str) -> bool:
    """`|---|:---:|`; a bare `---` (a rule) is no separator."""
    return "|" in line and bool(SEPARATOR.match(line))


def parse(text: str) -> list[Block]:
    """Blocks of a markdown OCR text: pipe tables and paragraphs in reading order."""
    blocks: list[Block] = []
    pages = PageTracker()
    rows: list[tuple[int, list[str]]] = []
    in_table = False
    lines = text.lstrip("\ufeff").split("\n")
    for i, line in enumerate(lines):
        if is_page_furniture(line) and not _RULE.match(line):
            pages.furniture(line.strip())
            continue
        in_table = _is_table_line(line, lines, i, in_table)
        if in_table:
            cells = [] if _is_separator(line) else _split_row(line)
            if any(cells):
                rows.append((pages.content(), cells))
            continue
        if rows:
            blocks.append(_table(rows))
            rows = []
        paragraph = _paragraph_text(line)
        if paragraph:
            blocks.append(Paragraph(text=paragraph, page=pages.content()))
    if rows:
        blocks.append(_table(rows))
    return blocks


def _is_table_line(line: str, lines: list[str], i: int, in_table: bool) -> bool:
    """A separator row, a row inside a table, or the header row just above a separator."""
    stripped = line.strip()
    if "|" not in stripped:
        return False
    if in_table or _is_separator(line):
        return True
    # A header row (with or without outer pipes) directly above a separator row.
    return i + 1 < len(lines) and _is_separator(lines[i + 1])


def _split_row(line: str) -> list[str]:
    """Cell texts of one pipe row (`\\|` is a literal pipe)."""
    body = line.strip().replace("\\|", _ESCAPED_PIPE)
    body = body.removeprefix("|")
    body = body.removesuffix("|")
    return [_cell_text(part.replace(_ESCAPED_PIPE, "|")) for part in body.split("|")]


def _strip_markup(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub("", text)
    return _ESCAPE.sub(r"\1", text)


def _cell_text(raw: str) -> str:
    """A cell's text: markup stripped, `<br>` as "\\n", entities decoded, boxes canonical."""
    return inline_html_to_text(_strip_markup(raw.strip()))


def _paragraph_text(line: str) -> str:
    """A narrative line without its heading, quote or bullet marker; "" for rules and blanks."""
    if not line.strip() or _RULE.match(line):
        return ""
    text = _HEADING.sub("", line)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub("", text)
    return inline_html_to_text(_strip_markup(text))


def _table(rows: list[tuple[int, list[str]]]) -> Table:
    """A Table with the tab dialect's span conventions; each cell keeps its row's page."""
    return padded_table([cells for _, cells in rows], [page for page, _ in rows])
