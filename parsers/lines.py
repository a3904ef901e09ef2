"""Number a document's blocks into lines: the one place that assigns `{page, line}`.

A paragraph is one line per text line; a table row is one line with its cell texts joined by
tabs (a cell holding several paragraphs spreads the row over as many lines). Line numbers
restart at 1 on every page, so txt, docx and pdf locations read the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from parsers.box_elements import attach_boxes
from schemas.discrepancy import location
from schemas.document import Block, Document, Line, Paragraph, Table
from schemas.record import Source
from schemas.trusted import maker, trusted_copy

# Lines and the document are built from values made here (`schemas.trusted`).
_line = maker(Line, "text", "loc", "block", "row", "cells")
_document = maker(Document, "source", "blocks", "lines")


def build_document(source: Source, blocks: Sequence[Block]) -> Document:
    """Freeze `blocks` into a Document with numbered lines; fills `source.pages` if unset.

    Each block's boxes become elements of their cell or paragraph first (`attach_boxes`)."""
    blocks = tuple(attach_boxes(block) for block in blocks)
    lines = _with_empty_cells(tuple(_number(_raw_lines(blocks))), blocks)
    pages = source.pages or max((line.loc.page for line in lines), default=1)
    return _document(source=source.model_copy(update={"pages": pages}), blocks=blocks, lines=lines)


def _with_empty_cells(lines: tuple[Line, ...], blocks: Sequence[Block]) -> tuple[Line, ...]:
    """The last line of each paragraph followed by empty cells carries their count."""
    counts = {index: block.empty_after for index, block in enumerate(blocks)
              if isinstance(block, Paragraph) and block.empty_after}
    if not counts:
        return lines
    last = {line.block: k for k, line in enumerate(lines) if line.block in counts}
    out = list(lines)
    for block, k in last.items():
        out[k] = trusted_copy(out[k], empty_after=counts[block])
    return tuple(out)


def _raw_lines(blocks: Iterable[Block]) -> Iterator[tuple[int, str, int, int | None, tuple[int, ...]]]:
    """Yield (page, text, block index, row, cell indexes) in reading order."""
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            for text in block.text.splitlines() or [""]:
                if text.strip():
                    yield block.page, text, index, None, ()
        else:
            yield from _table_lines(block, index)


def _table_lines(table: Table, index: int) -> Iterator[tuple[int, str, int, int | None, tuple[int, ...]]]:
    cells = table.cells
    keys = [(cell.row, cell.col) for cell in cells]
    # The cells by row, then column (cells of one column in table order: the sort is stable),
    # each row a run of this order.
    order = sorted(range(len(keys)), key=keys.__getitem__)
    split = [cell.text.splitlines() for cell in cells]
    start, count = 0, len(order)
    while start < count:
        row = keys[order[start]][0]
        stop = start + 1
        while stop < count and keys[order[stop]][0] == row:
            stop += 1
        members = tuple(order[start:stop])
        start = stop
        page = table.page
        for cell_index in members:
            if cell_page := cells[cell_index].page:
                page = cell_page
                break
        parts = [split[cell_index] for cell_index in members]
        for k in range(max(1, *map(len, parts))):
            text = "\t".join([lines[k] if k < len(lines) else "" for lines in parts]).rstrip("\t")
            if text.strip():
                yield page, text, index, row, members


def _number(raw: Iterable[tuple[int, str, int, int | None, tuple[int, ...]]]) -> Iterator[Line]:
    counters: dict[int, int] = defaultdict(int)
    for page, text, block, row, cells in raw:
        counters[page] += 1
        yield _line(text=text, loc=location(page, counters[page]), block=block, row=row, cells=cells)
