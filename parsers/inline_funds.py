"""A grid table written out in one text: `总额10606.75万元 财政拨款：6923.36万元 其他：3683.40万元`.

Some local forms print the funds block as one cell of text beside its label (资金总额及构成),
or as a paragraph, instead of a grid: each column's label followed by its figure and unit. The
first text holding two or more of the table's amount columns so, each with its unit, is read
into the table's default row, each amount in the unit it states. Used only where the grid and
its pairs found nothing.
"""

from __future__ import annotations

import regex

from parsers.fields.amount import parse_amount
from parsers.normalize import one_line
from parsers.tables import TableRead
from schemas.document import Document, Paragraph, Table
from schemas.record import ProvenanceEntry
from schemas.template import TableSpec

MIN_COLUMNS = 2
_FIGURE = r"([0-9][0-9,，]*(?:\.[0-9]+)?)\s*(亿元|万元|元)"


_PATTERNS: dict[int, tuple[tuple[str, regex.Pattern[str]], ...]] = {}


def _patterns(spec: TableSpec) -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """(column, its label followed by a figure and unit) for each amount column, once a spec."""
    cached = _PATTERNS.get(id(spec))
    if cached is not None:
        return cached
    out = []
    for name, column in spec.columns.items():
        if column.type != "amount":
            continue
        words = "|".join(regex.escape(word) for word in sorted(column.labels, key=len, reverse=True))
        out.append((name, regex.compile(rf"(?:{words})\s*[:：]?\s*{_FIGURE}")))
    _PATTERNS[id(spec)] = tuple(out)
    return _PATTERNS[id(spec)]


def inline_grid(document: Document, spec: TableSpec) -> TableRead:
    """The default row of `spec` from the first text that writes its amounts out, or an empty read."""
    if spec.kind != "grid" or spec.default_row is None:
        return TableRead()
    for block, row, text in _texts(document):
        values = {}
        for name, pattern in _patterns(spec):
            match = pattern.search(text)
            if match:
                values[name] = parse_amount(match.group(1) + match.group(2), None)
        if len(values) < MIN_COLUMNS:
            continue
        line = next((line for line in document.lines if line.block == block and line.row == row), None)
        read = TableRead(value={spec.default_row: values}, used={(block, row)} if row is not None else set())
        if line is not None:
            entry = ProvenanceEntry(page=line.loc.page, line=line.loc.line, text=line.text, block=block, row=row)
            read.provenance[spec.default_row] = entry
            read.provenance.update({f"{spec.default_row}.{name}": entry for name in values})
        return read
    return TableRead()


def _texts(document: Document) -> list[tuple[int, int | None, str]]:
    out: list[tuple[int, int | None, str]] = []
    for block, item in enumerate(document.blocks):
        if isinstance(item, Table):
            out += [(block, cell.row, one_line(cell.text)) for cell in item.cells]
        elif isinstance(item, Paragraph):
            out.append((block, None, one_line(item.text)))
    return out
