"""OCR dialect 1: tab-separated table rows with inline HTML (`<p>`, checkbox `<input>`).

Consecutive lines holding tabs form one table. A row's trailing empty cells are padding: the
last filled cell spans them. An empty first cell continues the cell above it (a row span).
Lines without tabs are paragraphs (the title, 街镇名称：…). A pipe at the edge of a cell is
table-drawing debris (`| 项目名称\t| 城镇建设 |`) and is dropped; a pipe inside a cell's text
stays (`道路养护 | 二期`). Each cell's inline HTML is read by
`html_inline`, so `<p>` become lines and `<input … checkbox>` become ☑/☐.
"""

from __future__ import annotations

import regex

from parsers.lazy_pattern import LazyPattern
from parsers.readers.html_inline import inline_html_to_text
from parsers.readers.padded_rows import padded_table
from schemas.document import Block, Paragraph

_CHECKBOX_INPUT = LazyPattern(r"<input\b[^>]*checkbox", regex.IGNORECASE)
_EDGE_PIPE = LazyPattern(r"^[ \u3000]*\|[ \u3000]*|[ \u3000]*\|[ \u3000]*$")


def sniff(text: str) -> bool:
    """Tab-separated rows: several lines with two or more tabs, many label/value lines with one
    tab (a two-column grid), tab rows making up half the lines of a short file, or any tab row
    beside checkbox inputs."""
    lines = text.splitlines()
    tab_rows = sum(1 for line in lines if line.count("\t") >= 2)
    pairs = sum(1 for line in lines if "\t" in line.strip(" \t\u3000"))
    filled = sum(1 for line in lines if line.strip())
    return tab_rows >= 3 or pairs >= 6 or (pairs >= 1 and (2 * pairs >= filled or bool(_CHECKBOX_INPUT.search(text))))


def parse(text: str) -> list[Block]:
    """Blocks of a tab-separated OCR text."""
    blocks: list[Block] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append([inline_html_to_text(_EDGE_PIPE.sub("", part)) for part in line.split("\t")])
            continue
        if rows:
            blocks.append(padded_table(rows))
            rows = []
        paragraph = inline_html_to_text(line)
        if paragraph:
            blocks.append(Paragraph(text=paragraph))
    if rows:
        blocks.append(padded_table(rows))
    return blocks
