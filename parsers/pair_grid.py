"""A `grid` table printed as label | value pairs (`TableSpec.pairs`): the 财预〔2015〕88号 项目资金
block, where each period is a run of pairs and each line a column of the grid:

    项目资金（万元） | 中期资金总额： | 1200 | 年度资金总额： | 400
                    | 其中：财政拨款 | 1000 | 其中：财政拨款 | 360
                    | 其他资金       | 200  | 其他资金       | 40

A pair's label names the grid column (资金总额, 财政拨款, 其他资金, after the period words and a
leading 其中 are set aside) and, where it says so, the row (中期资金总额 -> the 中期 row); a pair
that names no row takes the row of the pair above it, else the row of its place (the template's
rows in order). `中期资金总额：1200` in one cell is a pair too. Units as `parsers.tables`: the
cell's, the label's, the block label's, then the caption's. A pair whose label names no column
(社会资本 | 200) is kept in the read's `unread` list, for `parsers.unread_cells`.
"""

from __future__ import annotations

import regex

from parsers.fields.amount import parse_amount
from parsers.fields.target import is_empty_cell
from parsers.normalize import label_key, one_line, split_unit
from parsers.tables import TableRead, _Lines, _tables, header_key
from schemas.document import Cell, Document, Line, Table
from schemas.record import ProvenanceEntry
from schemas.template import TableSpec

_INLINE = regex.compile(r"^\s*([^\d:：]{2,16}?)\s*[:：]\s*(.*\d.*)$")
_DIGIT = regex.compile(r"\d")


def _column_of(key: str, spec: TableSpec) -> str | None:
    key = regex.sub(r"^其中", "", key)
    best: tuple[int, str] | None = None
    for name, column in spec.columns.items():
        for label in column.labels:
            word = regex.sub(r"^其中", "", header_key(label)[0])
            if word and key.endswith(word) and (best is None or len(word) > best[0]):
                best = (len(word), name)
    return best[1] if best else None


def _row_of(key: str, spec: TableSpec) -> str | None:
    for name, row in spec.rows.items():
        words = spec.periods.get(name, ()) or row.labels
        if any(key.startswith(label_key(word)) for word in words):
            return name
    return None


def _pairs(cells: list[Cell]) -> list[tuple[Cell, str, str]]:
    """(label cell, label text, value text) of a row's filled cells, in order; a label followed
    by another label has an empty value."""
    cells = [cell for cell in cells if one_line(cell.text)]
    out: list[tuple[Cell, str, str]] = []
    i = 0
    while i < len(cells):
        text = one_line(cells[i].text)
        inline = _INLINE.match(text)
        if inline:
            out.append((cells[i], inline.group(1), inline.group(2)))
            i += 1
        elif not _DIGIT.search(text) and i + 1 < len(cells) and _is_value(one_line(cells[i + 1].text)):
            out.append((cells[i], text, one_line(cells[i + 1].text)))
            i += 2
        elif not _DIGIT.search(text):
            out.append((cells[i], text, ""))
            i += 1
        else:
            i += 1
    return out


def _is_value(text: str) -> bool:
    return bool(_DIGIT.search(text)) or is_empty_cell(text)


def read_pairs(document: Document, spec: TableSpec, caption_unit: str | None) -> TableRead:
    """The grid's {row: {column: amount}} from label | value pairs, or an empty read."""
    lines = _Lines(document)
    own = {header_key(label)[0] for label in spec.labels}
    rows = list(spec.rows)
    for block, table in _tables(document):
        label = next((c for c in table.cells if header_key(c.text)[0] in own), None)
        if label is None:
            continue
        read = _read_from(table, block, label, spec, caption_unit, rows, lines)
        if read.value:
            return read
    return TableRead()


def _read_from(table: Table, block: int, label: Cell, spec: TableSpec, caption_unit: str | None,
               rows: list[str], lines: _Lines) -> TableRead:
    block_unit = header_key(label.text)[1]
    read = TableRead(value={}, used=set())
    place_rows: list[str | None] = []
    for r in range(label.row, table.n_rows):
        cells = sorted((c for c in table.cells if c.row == r and c.col > label.col), key=lambda c: c.col)
        first = next((c for c in table.cells if c.row == r and c.col <= label.col < c.col + c.col_span), None)
        if r > label.row + label.row_span - 1 and first is not None and one_line(first.text):
            break  # the next block of the form
        pairs = _pairs(cells)
        if not pairs or not any(_DIGIT.search(value) for _, _, value in pairs):
            if r > label.row:
                break
            continue
        found = False
        for k, (cell, text, value) in enumerate(pairs):
            key, label_unit = header_key(text)
            column = _column_of(key, spec)
            if column is None:
                if _DIGIT.search(value) and not is_empty_cell(value):
                    read.unread.append((text, value, block, r, cell.col))  # a pair of no column (社会资本 | 200)
                continue
            row = _row_of(key, spec) or (place_rows[k] if k < len(place_rows) else None) \
                or (rows[k] if k < len(rows) else None)
            if row is None:
                continue
            while len(place_rows) <= k:
                place_rows.append(None)
            place_rows[k] = row
            value_unit = split_unit(value)[1]
            unit = value_unit or label_unit or block_unit or caption_unit
            amount = parse_amount(value, unit)
            read.value.setdefault(row, {})[column] = amount
            entry = lines.entry(block, r, cell.col)
            if entry is not None:
                read.provenance[f"{row}.{column}"] = entry
                read.provenance.setdefault(row, entry)
            found = True
        if found:
            read.used.add((block, r))
    return read


def stream_pairs(lines: list[Line], spec: TableSpec, caption_unit: str | None) -> TableRead:
    """The grid's pairs from one-cell lines (`label`, then `value`, or `label：value` on one):
    the pairs of the first line of the grid each name their row (中期资金总额, 年度资金总额);
    the pairs after them take those rows in turn, as the lines of the printed grid do."""
    own = {header_key(label)[0] for label in spec.labels}
    start = next((i for i, line in enumerate(lines) if header_key(line.text)[0] in own), None)
    if start is None:
        return TableRead()
    block_unit = header_key(lines[start].text)[1]
    found: list[tuple[Line, str, str]] = []
    i = start + 1
    while i < len(lines):
        text = one_line(lines[i].text)
        inline = _INLINE.match(text)
        if inline:
            pair, step = (inline.group(1), inline.group(2)), 1
        elif not _DIGIT.search(text) and i + 1 < len(lines) and _is_value(one_line(lines[i + 1].text)):
            pair, step = (text, one_line(lines[i + 1].text)), 2
        else:
            break
        if _column_of(header_key(pair[0])[0], spec) is None:
            break
        found.append((lines[i], *pair))
        i += step
    named: list[str] = []
    for _, text, _ in found:
        row = _row_of(header_key(text)[0], spec)
        if row is None or row in named:
            break
        named.append(row)
    if not named:
        return TableRead()
    read = TableRead(value={}, used=set())
    for k, (line, text, value) in enumerate(found):
        key, label_unit = header_key(text)
        column = _column_of(key, spec)
        row = _row_of(key, spec) or named[k % len(named)]
        if column is None:
            continue
        unit = split_unit(value)[1] or label_unit or block_unit or caption_unit
        read.value.setdefault(row, {})[column] = parse_amount(value, unit)
        entry = ProvenanceEntry(page=line.loc.page, line=line.loc.line, text=line.text)
        read.provenance[f"{row}.{column}"] = entry
        read.provenance.setdefault(row, entry)
    return read
