"""OCR dialect 3: HTML with `<table>` markup (rowspan/colspan), as table-recognition OCR emits.

Owns the dialect's sniffing and its rules; the walk itself is `html_grid`'s, imported only for
a text that is HTML: the standard library's `html.parser` (no network, no external
entities, tolerant of unclosed tags and uppercase names), placing cells on the grid the way
browsers do (a cell whose slot is taken by a rowspan from above shifts right), flattening a
nested table into the text of the cell holding it, dropping comments and `<script>`/`<style>`,
and turning text outside tables into Paragraph blocks (one per line; page furniture sets the
page). The text of every cell and paragraph goes through `html_inline.inline_html_to_text`, so
`<p>`/`<br>` become "\\n", entities are decoded and checkbox `<input>`s become ☑/☐.

Line breaks in the source text are kept as line breaks (unlike a browser): OCR HTML puts one
line of the page per source line, and the section splitter needs headings at a line start.
Leading markdown heading marks and `**` outside tables are dropped, for markdown files whose
tables are HTML (the html dialect is sniffed first).
"""

from __future__ import annotations

import regex

from schemas.document import Block

_SNIFF = regex.compile(r"<\s*(?:table|tr|td|th)\b|<!doctype\s+html|<\s*html\b", regex.IGNORECASE)
MAX_COLSPAN = 100  # the form has under 20 columns; caps hostile spans
MAX_ROWSPAN = 500


def sniff(text: str) -> bool:
    """HTML table markup (`<table`, `<tr`, `<td`, `<th`) or an HTML document root."""
    return bool(_SNIFF.search(text))


def parse(text: str) -> list[Block]:
    """Blocks of an HTML OCR text: tables and paragraphs in document order (`html_grid`)."""
    from parsers.readers.html_grid import Walker

    walker = Walker()
    walker.feed(text.lstrip("\ufeff"))
    walker.close()
    return walker.finish()
