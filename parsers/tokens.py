"""The reading-order token stream that label lookup walks: table cells and paragraph lines.

A table contributes each cell once (merged cells already resolved by the reader) with its grid
position; a paragraph contributes each of its lines. Every token knows the Document line it
came from, which gives provenance and evidence their `{page, line}`, and the check boxes
it holds (a cell's, or those of a paragraph standing on that line, offsets into the token).
The last document's stream is kept: the field parser and the checks walk the same one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from parsers.frozen_init import frozen_init
from schemas.document import Checkbox, Document, Line, Paragraph, Table


@frozen_init
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
    boxes: tuple[Checkbox, ...] = ()

    @property
    def in_table(self) -> bool:
        """True for a table cell."""
        return self.row is not None


# The last document's tokens: the field parser and the unread-value check ask for the same
# document's stream one after the other. The document is held, so `is` cannot be fooled by
# a new object at a freed address; documents are frozen, and no caller changes the list.
_LAST: list[tuple[Document, list[Token]]] = []


def tokens_of(document: Document) -> list[Token]:
    """All tokens of `document` in reading order (the same list for the same document: not
    to be changed)."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is document:
        return last[1]
    tokens = _tokens(document)
    _LAST[:] = [(document, tokens)]
    return tokens


def _tokens(document: Document) -> list[Token]:
    tokens: list[Token] = []
    seen_rows: set[tuple[int, int]] = set()
    widths: dict[int, int] = {}
    paragraph_lines: dict[int, Iterator[tuple[Checkbox, ...]]] = {}
    for line in document.lines:
        block = document.blocks[line.block]
        if isinstance(block, Paragraph) or line.row is None:
            boxes: tuple[Checkbox, ...] = ()
            if isinstance(block, Paragraph) and block.boxes:
                lines = paragraph_lines.setdefault(line.block, _line_boxes(block))
                boxes = next(lines, ())
            tokens.append(Token(len(tokens), line.text, line, line.block, boxes=boxes))
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
                cell.col_span, cell.row_span, width, cell.boxes,
            )
        )
    return out


def _line_boxes(paragraph: Paragraph) -> Iterator[tuple[Checkbox, ...]]:
    """The boxes of each non-blank line of `paragraph` (the lines `Document.lines` holds),
    their offsets counted from the line's start."""
    start = 0
    for text in paragraph.text.splitlines(keepends=True):
        end = start + len(text)
        if text.strip():
            yield tuple(box.model_copy(update={"offset": box.offset - start})
                        for box in paragraph.boxes if start <= box.offset < end)
        start = end
