"""Values a table printed where its template has no place: a column or a row a local form added.

A table's header row names the template's columns; a header cell naming none of them (and no
label of the table) heads a column the record has no place for (结余资金 beside the funds'
执行率, 佐证材料 after the indicators' 偏差原因). In a `grid` table, a row whose label names
none of the template's rows (单位自筹资金 under 年度资金总额, where the table keeps no `extra`
list) is read by no field either, nor a pair of the 项目资金 block printed as label | value
pairs whose label names no column (社会资本 | 200, `parsers.pair_grid`). Their filled cells would vanish unread: `unread_cells`
lists them with the header or row label as printed, so that the check `unread-value` can
name them for the reviewer. Format-neutral: it reads the `Table` grids of the document model,
the headers `parsers.tables.find_header` finds and the rows the table read (its provenance).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from parsers.fields.target import is_empty_cell
from parsers.normalize import one_line
from parsers.pair_grid import read_pairs
from parsers.tables import _Header, find_header, header_key
from schemas.document import Cell, Document, Table
from schemas.template import TableSpec

_FIGURE = regex.compile(r"^[-+]?[¥￥]?\d[\d,，.]*\s*(?:%|亿元|万元|元|分)?$")


@dataclass(frozen=True)
class UnreadCell:
    """A filled cell nothing read: the header or row label and the cell as printed, and where."""

    header: str
    text: str
    block: int
    row: int
    col: int
    kind: str = "column"  # "column": under an unknown header; "row": beside an unknown row label


def unread_cells(document: Document, spec: TableSpec, rows: set[tuple[int, int]]) -> list[UnreadCell]:
    """Filled cells of `spec`'s tables nothing read, in reading order: under a header cell
    naming no column of `spec` in the rows the table read (`rows`: (block, row)), and, in a
    grid table, the figures of a labelled row among them that the table did not read."""
    out: list[UnreadCell] = []
    if spec.pairs:
        out += [UnreadCell(label, value, block, r, col, "row") for label, value, block, r, col
                in read_pairs(document, spec, None).unread if any(b == block for b, _ in rows)]
    for block in sorted({b for b, _ in rows}):
        table = document.blocks[block]
        if not isinstance(table, Table):
            continue
        headers = _headers(table, block, spec)
        grid = table.grid()
        for k, header in enumerate(headers):
            stop = _first_row(headers[k + 1]) if k + 1 < len(headers) else table.n_rows
            unknown = _unknown_heads(table, header, spec)
            read = [r for r in range(header.row + 1, stop) if (block, r) in rows]
            for r in read:
                out.extend(_filled(grid[r], r, block, unknown))
            if spec.kind == "grid" and read:
                out.extend(_unread_rows(table, block, header, range(header.row + 1, stop), rows))
    return sorted(out, key=lambda cell: (cell.block, cell.row, cell.col))


def _headers(table: Table, block: int, spec: TableSpec) -> list[_Header]:
    headers: list[_Header] = []
    start = 0
    while (header := find_header(table, block, spec, start)) is not None:
        headers.append(header)
        start = header.row + 1
    return headers


def _first_row(header: _Header) -> int:
    return header.top


def _unknown_heads(table: Table, header: _Header, spec: TableSpec) -> dict[int, str]:
    """grid col -> header text, for the header cells naming nothing of `spec`."""
    known = {header_key(label)[0] for label in spec.labels}
    for column in spec.columns.values():
        known |= {header_key(label)[0] for label in (*column.labels, *column.split, *column.options)}
    taken = set(header.columns) | header.label_cols | set(header.options)
    out: dict[int, str] = {}
    for cell in table.cells:
        if not header.top <= cell.row <= header.row:
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


def _unread_rows(table: Table, block: int, header: _Header, span: range, rows: set[tuple[int, int]]) -> list[UnreadCell]:
    """Figures of the rows in `span` that the grid did not read, beside a label of their own,
    from the header down to the first row after the last one read that is no such row."""
    last = max(r for r in span if (block, r) in rows)
    first_value = min(header.columns)
    out: list[UnreadCell] = []
    for r in span:
        if (block, r) in rows:
            continue
        cells = sorted((c for c in table.cells if c.row == r), key=lambda c: c.col)
        labels = [c for c in cells if c.col < first_value and c.col not in header.label_cols and one_line(c.text)]
        figures = [c for c in cells if c.col in header.columns and _FIGURE.match(one_line(c.text).replace(" ", ""))]
        if not labels or not figures or _FIGURE.match(one_line(labels[-1].text)):
            if r > last:
                break
            continue
        label = one_line(labels[-1].text)
        out.extend(UnreadCell(label, one_line(c.text), block, r, c.col, "row") for c in figures)
    return out
