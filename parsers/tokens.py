"""The reading-order token stream that label lookup walks: table cells and paragraph lines.

A table contributes each cell once (merged cells already resolved by the reader) with its grid
position; a paragraph contributes each of its lines. Every token knows the Document line it
came from, which gives provenance and evidence their `{page, line}`.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.document import Document, Line, Paragraph, Table


@dataclass(frozen=True)
class Token:
    """A unit of text in reading order: one table cell, or one paragraph line."""

    index: int
    text: str
    line: Line
    block: int
    row: int | None = None
    col: int | None = None
    col_span: int = 1
    row_span: int = 1
    table_width: int = 0

    @property
    def in_table(self) -> bool:
        """True for a table cell."""
        return self.row is not None


def tokens_of(document: Document) -> list[Token]:
    """All tokens of `document` in reading order."""
    tokens: list[Token] = []
    seen_rows: set[tuple[int, int]] = set()
    widths: dict[int, int] = {}
    for line in document.lines:
        block = document.blocks[line.block]
        if isinstance(block, Paragraph) or line.row is None:
            tokens.append(Token(len(tokens), line.text, line, line.block))
            continue
        if (line.block, line.row) in seen_rows:
            continue
        seen_rows.add((line.block, line.row))
        width = widths.get(line.block)
        if width is None:
            width = widths[line.block] = block.n_cols
        tokens.extend(_row_tokens(block, line, len(tokens), width))
    return tokens


def _row_tokens(table: Table, line: Line, start: int, width: int) -> list[Token]:
    out = []
    for offset, cell_index in enumerate(line.cells):
        cell = table.cells[cell_index]
        out.append(
            Token(
                start + offset, cell.text, line, line.block, cell.row, cell.col,
                cell.col_span, cell.row_span, width,
            )
        )
    return out
