"""The HTML walker of the html text dialect (`text_html`): markup to tables and paragraphs.

Owns walking the markup with the standard library's `html.parser`, placing cells on the grid
the way browsers do, flattening nested tables into their cell's text, dropping comments and
`<script>`/`<style>`, and the text outside tables as Paragraph blocks (see `text_html` for the
dialect's rules). Imported only when a text is HTML: `html.parser` and its patterns cost a
text file of another dialect nothing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

import regex

from parsers.normalize import is_page_furniture
from parsers.readers.checkbox_glyphs import render
from parsers.readers.html_inline import inline_html_to_text
from parsers.readers.text_cells import PageTracker
from parsers.readers.text_html import MAX_COLSPAN, MAX_ROWSPAN
from schemas.document import Block, Cell, Paragraph, Table

_MARKDOWN_MARKS = regex.compile(r"^\s{0,3}#{1,6}\s+|\*\*")
_BREAK_TAGS = frozenset(
    ["p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "pre", "blockquote", "section", "article", "header", "footer", "center", "address", "figure", "figcaption", "caption", "body"]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_DROPPED_TAGS = frozenset(("script", "style", "template"))


@dataclass
class _RawCell:
    rowspan: int
    colspan: int
    parts: list[str] = field(default_factory=list)


@dataclass
class _RawTable:
    rows: list[list[_RawCell]] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)  # text inside <table> but in no cell (<caption>)
    cell: _RawCell | None = None
    row_open: bool = False

    def start_row(self) -> None:
        self.rows.append([])
        self.cell, self.row_open = None, True

    def start_cell(self, attrs: dict[str, str | None]) -> None:
        if not self.row_open:
            self.start_row()
        self.cell = _RawCell(_span(attrs.get("rowspan"), MAX_ROWSPAN), _span(attrs.get("colspan"), MAX_COLSPAN))
        self.rows[-1].append(self.cell)

    def write(self, part: str) -> None:
        (self.cell.parts if self.cell else self.stray).append(part)


def _span(value: str | None, cap: int) -> int:
    """A rowspan/colspan attribute: digits only, 0 kept (rowspan=0 spans to the end)."""
    digits = regex.match(r"\s*(\d{1,6})(?!\d)", value or "")
    if not digits:
        return 1
    return min(int(digits.group(1)), cap)


class Walker(HTMLParser):
    """Collects paragraphs and tables; a nested table is written into its parent cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.pages = PageTracker()
        self._outside: list[str] = []
        self._table: _RawTable | None = None
        self._nested = 0
        self._dropping = 0
        self._in_title = False
        self._heading = 0  # inside <h1>…<h6>: a <br> there only wraps the one heading line

    # -- events -------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"
        if tag in _DROPPED_TAGS:
            self._dropping += 1
        elif tag in ("table", "tr", "td", "th"):
            self._heading = 0
            self._table_tag(tag, dict(attrs))
        elif tag == "input":
            self._write(_checkbox(dict(attrs)))
        elif tag == "br" and self._heading:
            return
        elif tag in _BREAK_TAGS:
            self._heading = int(tag in _HEADINGS)  # an unclosed heading ends at the next block
            self._write("<br>")

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False
        if tag in _DROPPED_TAGS:
            self._dropping = max(0, self._dropping - 1)
        elif tag == "table":
            self._end_table()
        elif tag in ("td", "th") and self._table and not self._nested:
            self._table.cell = None
        elif tag == "tr" and self._table and not self._nested:
            self._table.cell, self._table.row_open = None, False
        elif tag == "br" and self._heading:
            return
        elif tag in _BREAK_TAGS:
            if tag in _HEADINGS:
                self._heading = 0
            self._write("<br>")

    def handle_data(self, data: str) -> None:
        if not self._dropping and not self._in_title:
            self._write(html.escape(data, quote=False))

    # -- structure ----------------------------------------------------------------------
    def _table_tag(self, tag: str, attrs: dict[str, str | None]) -> None:
        if self._nested or (tag == "table" and self._table and self._table.cell):
            self._nested += tag == "table"
            self._write({"table": "<br>", "tr": "<br>"}.get(tag, " "))
            return
        if tag == "table" or self._table is None:
            self._flush_table()
            self._flush_outside()
            self._table = _RawTable()
        if tag == "tr":
            self._table.start_row()
        elif tag in ("td", "th"):
            self._table.start_cell(attrs)

    def _end_table(self) -> None:
        if self._nested:
            self._nested -= 1
            self._write("<br>")
        else:
            self._flush_table()

    def _write(self, part: str) -> None:
        if self._table is not None:
            self._table.write(part)
        else:
            self._outside.append(part)

    # -- output -------------------------------------------------------------------------
    def finish(self) -> list[Block]:
        self._flush_table()
        self._flush_outside()
        return self.blocks

    def _flush_outside(self, parts: list[str] | None = None) -> None:
        parts = self._outside if parts is None else parts
        for line in inline_html_to_text("".join(parts)).split("\n"):
            line = _MARKDOWN_MARKS.sub("", line).strip()
            if not line:
                continue
            if is_page_furniture(line):
                self.pages.furniture(line)
            else:
                self.blocks.append(Paragraph(text=line, page=self.pages.content()))
        parts.clear()

    def _flush_table(self) -> None:
        table, self._table, self._nested = self._table, None, 0
        if table is None:
            return
        self._flush_outside(table.stray)
        cells = _place(table.rows)
        if any(cell.text for cell in cells):
            self.blocks.append(Table(page=self.pages.content(), cells=tuple(cells)))


def _checkbox(attrs: dict[str, str | None]) -> str:
    """☑/☐ for a checkbox or radio `<input>`; "" for any other input."""
    if (attrs.get("type") or "").strip().lower() not in ("checkbox", "radio"):
        return ""
    checked = "checked" in attrs and (attrs["checked"] or "").strip().lower() not in ("false", "0")
    return render(checked)


def _place(rows: list[list[_RawCell]]) -> list[Cell]:
    """Grid placement as browsers do it: skip slots taken by rowspans from rows above."""
    taken: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    for r, row in enumerate(rows):
        col = 0
        for raw in row:
            while (r, col) in taken:
                col += 1
            height = len(rows) - r if raw.rowspan == 0 else min(raw.rowspan, len(rows) - r)
            width = max(raw.colspan, 1)
            taken.update((rr, cc) for rr in range(r, r + height) for cc in range(col, col + width))
            text = inline_html_to_text("".join(raw.parts))
            cells.append(Cell(row=r, col=col, row_span=height, col_span=width, text=text))
            col += width
    return cells
