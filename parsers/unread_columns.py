"""Value cells under a header no template knows: a column a local form added (结余资金, 佐证材料).

A table's header row names the template's columns; a header cell naming none of them (and no
label of the table) heads a column the record has no place for. Its filled cells in the rows
the table read would vanish unread; `unread_cells` lists them with the header as printed, so
that the check `unread-column` can name them for the reviewer. Format-neutral: it reads the
`Table` grids of the document model and the headers `parsers.tables.find_header` finds.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.fields.target import is_empty_cell
from parsers.normalize import one_line
from parsers.tables import _Header, find_header, header_key
from schemas.document import Cell, Document, Table
from schemas.template import TableSpec


@dataclass(frozen=True)
class UnreadCell:
    """A filled cell under an unknown header: the header and the cell as printed, and where."""

    header: str
    text: str
    block: int
    row: int
    col: int


def unread_cells(document: Document, spec: TableSpec, rows: set[tuple[int, int]]) -> list[UnreadCell]:
    """Filled cells of `rows` ((block, row) the table read) under a header cell of `spec`'s
    header rows that names no column of `spec`, in reading order."""
    out: list[UnreadCell] = []
    for block in sorted({b for b, _ in rows}):
        table = document.blocks[block]
        if not isinstance(table, Table):
            continue
        headers = _headers(table, block, spec)
        grid = table.grid()
        for k, header in enumerate(headers):
            stop = _first_row(headers[k + 1]) if k + 1 < len(headers) else table.n_rows
            unknown = _unknown_heads(table, header, spec)
            for r in range(header.row + 1, stop):
                if (block, r) in rows:
                    out.extend(_filled(grid[r], r, block, unknown))
    return out


def _headers(table: Table, block: int, spec: TableSpec) -> list[_Header]:
    headers: list[_Header] = []
    start = 0
    while (header := find_header(table, block, spec, start)) is not None:
        headers.append(header)
        start = header.row + 1
    return headers


def _first_row(header: _Header) -> int:
    return header.row - 1 if header.options else header.row


def _unknown_heads(table: Table, header: _Header, spec: TableSpec) -> dict[int, str]:
    """grid col -> header text, for the header cells naming nothing of `spec`."""
    known = {header_key(label)[0] for label in spec.labels}
    for column in spec.columns.values():
        known |= {header_key(label)[0] for label in (*column.labels, *column.split, *column.options)}
    taken = set(header.columns) | header.label_cols | set(header.options)
    out: dict[int, str] = {}
    for cell in table.cells:
        if cell.row not in (header.row, _first_row(header)):
            continue
        cols = range(cell.col, cell.col + cell.col_span)
        text = one_line(cell.text)
        key = header_key(text)[0]
        if not key or any(c in taken for c in cols) or key in known:
            continue  # no label (punctuation a wrapped header left), a known column, or a label
        out.update({c: text for c in cols})
    return out


def _filled(cells: list[Cell | None], r: int, block: int, unknown: dict[int, str]) -> list[UnreadCell]:
    out = []
    for c, head in unknown.items():
        cell = cells[c]
        if cell is None or cell.row != r or cell.col != c or is_empty_cell(cell.text) or not one_line(cell.text):
            continue
        out.append(UnreadCell(head, one_line(cell.text), block, r, c))
    return out
