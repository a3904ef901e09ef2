"""Tables of a template read from a stream of one-cell lines (OCR's one-cell-per-line text).

When a document has no table grid (the cells dialect: every cell on its own line, empty and
covered cells left out), a table is a run of header lines (the columns, in order) followed by
its cells in reading order. `grid` tables: a row label line, then its figures in column order.
`rows` tables: level labels (lines ending in 指标, two in a row being level 1 then level 2),
then each row's name and values in column order; a number column whose line is text was left
empty, and a text line after the actual is the row's deviation reason when it reads like one
(a sentence, 无, —), else the next row's name; the empty cells a text marks after a cell
(`Line.empty_after`) are taken as such. Best effort by nature: the stream has lost the
cells' positions.
"""

from __future__ import annotations

from typing import Any

import regex

from parsers.fields.target import EMPTY_CELLS, parse_target
from parsers.normalize import one_line
from parsers.row_boxes import box_cell
from parsers.tables import (
    TableRead,
    _column_keys,
    _label_keys,
    _take_unit,
    _value,
    compiled,
    header_key,
    place_grid_row,
)
from schemas.document import Document, Line, Table
from schemas.record import ProvenanceEntry
from schemas.template import TableSpec

_NUMBERISH = regex.compile(r"^[-+]?[\d,，.]+\s*(?:%|亿元|万元|元|分)?$")  # a figure, its unit in the cell (85.6万元)
_LEVEL = regex.compile(r"指标\s*(?:[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）])?$")
_SENTENCE = regex.compile(r"[，。；,;]")
NUMBER_TYPES = frozenset({"amount", "score", "percent"})


def stream_lines(document: Document) -> list[Line]:
    """The paragraph lines of a document without table grids (else empty)."""
    if any(isinstance(block, Table) for block in document.blocks):
        return []
    return [line for line in document.lines if line.row is None]


def _entry(line: Line) -> ProvenanceEntry:
    return ProvenanceEntry(page=line.loc.page, line=line.loc.line, text=line.text)


def _header_run(lines: list[Line], spec: TableSpec) -> tuple[int, list[tuple[str, int | None]], dict[int, str], str | None] | None:
    keys = _column_keys(spec)
    own = _label_keys(spec.labels)
    for i, line in enumerate(lines):
        block_unit = None
        j = i
        if header_key(line.text)[0] in own:
            block_unit = header_key(line.text)[1]
            j = i + 1
        columns: list[tuple[str, int | None]] = []
        units: dict[int, str] = {}
        while j < len(lines) and (header_key(lines[j].text)[0] in keys or _wrapped_header(lines, j, keys)):
            wrapped = header_key(lines[j].text)[0] not in keys
            key, unit = header_key(lines[j].text + lines[j + 1].text if wrapped else lines[j].text)
            j += wrapped
            found = keys[key]
            if found[1] is not None and not any(keys.get(header_key(x.text)[0], ("", None))[1] is not None
                                                and header_key(x.text)[0] != "指标值" for x in lines[i:j + 3]):
                found = (found[0], None)
            if unit:
                units[len(columns)] = unit
            columns.append(found)
            j += 1
        if spec.kind == "grid" and len(columns) > 1 and columns[0][0] in {name for name, _ in columns[1:]}:
            # The corner over the row labels names a column the run names again
            # (年度预算数（万元） before 年初预算 | 调整后预算数 …): it heads the labels, and its
            # unit is the block's.
            block_unit = block_unit or units.get(0)
            columns = columns[1:]
            units = {k - 1: unit for k, unit in units.items() if k}
        if len({name for name, _ in columns}) >= (2 if spec.kind == "grid" else 3):
            return j, columns, units, block_unit
    return None


def _wrapped_header(lines: list[Line], j: int, keys: dict[str, tuple[str, int | None]]) -> bool:
    """Whether line j and the next are one header cell wrapped over two lines (`年度` / `指标值`,
    `年初` / `预算数`): joined, they name a column (the caller asks only where line j alone does not)."""
    return j + 1 < len(lines) and header_key(one_line(lines[j].text) + one_line(lines[j + 1].text))[0] in keys


def _numberish(text: str) -> bool:
    value = one_line(text)
    return value in EMPTY_CELLS or bool(_NUMBERISH.match(value.replace(" ", "")))


def stream_grid(lines: list[Line], spec: TableSpec, caption_unit: str | None, stop_keys: frozenset[str]) -> TableRead:
    """A grid table from a line stream."""
    found = _header_run(lines, spec)
    if found is None:
        return TableRead()
    start, columns, units, block_unit = found
    row_keys = {header_key(label)[0].removeprefix("其中"): name for name, row in spec.rows.items() for label in row.labels}
    read = TableRead(value={})
    extra: list[dict[str, Any]] = []
    i = start
    while i < len(lines):
        label = one_line(lines[i].text)
        key, row_unit = header_key(label)
        name = row_keys.get(key.removeprefix("其中"))
        figures: list[Line] = []
        j = i + 1
        while j < len(lines) and _numberish(lines[j].text) and len(figures) < len(columns):
            figures.append(lines[j])
            j += 1
        if name is None and not figures and not read.value and not extra and key not in stop_keys \
                and not _numberish(label) and i - start < 2:
            i += 1  # a header of a column the template does not read (原因)
            continue
        if name is None and not figures and key not in stop_keys and not _numberish(label) and (read.value or extra) \
                and i + 1 < len(lines) and header_key(one_line(lines[i + 1].text))[0].removeprefix("其中") in row_keys:
            i += 1  # the text of a column the template does not read (原因), before the next named row
            continue
        if name is None and (key in stop_keys or not figures or _numberish(label)):
            break
        values: dict[str, Any] = {}
        for k, line in enumerate(figures):
            column_name = columns[k][0]
            unit = units.get(k) or row_unit or block_unit or caption_unit
            values[column_name] = _value(spec.columns[column_name], line.text, unit)
        path = place_grid_row(read, extra, spec, name, label, values)
        if path is None:
            break
        read.provenance[path] = _entry(lines[i])
        for k, line in enumerate(figures):
            read.provenance[f"{path}.{columns[k][0]}"] = _entry(line)
        i = j
    if spec.extra:
        read.value[spec.extra] = extra
    return read


def stream_rows(lines: list[Line], spec: TableSpec, stop_keys: frozenset[str]) -> TableRead:
    """A rows table from a line stream."""
    found = _header_run(lines, spec)
    if found is None:
        return TableRead()
    start, columns, _, _ = found
    lines = lines[:start] + _wrapped_levels(lines[start:])
    end_keys = _label_keys(spec.end) | stop_keys
    slots = [c for c in columns if c[0] not in spec.inherit]
    levels = [name for name in spec.inherit]
    placeholders = [compiled(p) for p in spec.placeholders]
    read = TableRead(value=[])
    targets = [k for k, slot in enumerate(slots) if spec.columns[slot[0]].type == "target"]
    level_after = max(targets) + 1 if targets else 1  # a level label never stands before the actual
    inherited: dict[str, str | None] = {}
    row: list[tuple[tuple[str, int | None], Line]] = []

    def flush() -> None:
        if row:
            _finish(row, spec, inherited, read, placeholders)
            row.clear()

    i = start
    while i < len(lines):
        line = lines[i]
        text = one_line(line.text)
        if header_key(text)[0] in end_keys:
            break
        if _LEVEL.search(text) and (not row or len(row) >= level_after) and levels:
            flush()
            if i + 1 < len(lines) and _LEVEL.search(one_line(lines[i + 1].text)) and len(levels) > 1:
                inherited[levels[0]] = _value(spec.columns[levels[0]], text, None)
                inherited[levels[1]] = _value(spec.columns[levels[1]], one_line(lines[i + 1].text), None)
                i += 2
                continue
            inherited[levels[-1]] = _value(spec.columns[levels[-1]], text, None)
            i += 1
            continue
        position = len(row)
        while position < len(slots) and spec.columns[slots[position][0]].type in NUMBER_TYPES \
                and not _numberish(text) and position >= 2:
            position += 1  # that number cell was left empty
        fits = position < len(slots)
        if fits and row and spec.columns[slots[position][0]].type == "text" and position >= 3:
            after = one_line(lines[i + 1].text) if i + 1 < len(lines) else ""
            # A row's name is followed by its values; a text cell followed by a level label, the
            # table's end or nothing is the last cell of this row.
            # A figure names no row: it is this row's cell (a deviation column holding `0`).
            fits = len(text) > 12 or bool(_SENTENCE.search(text)) or text in EMPTY_CELLS or _numberish(text) \
                or not after or bool(_LEVEL.search(after)) or header_key(after)[0] in end_keys
        if not fits:
            flush()
            position = 0
        while len(row) < position:
            row.append((("", None), line))  # a skipped empty cell
        row.append((slots[position], line))
        for _ in range(min(line.empty_after, len(slots) - len(row))):
            row.append((("", None), line))  # an empty cell the text marks as such
        i += 1
    flush()
    return read


def _wrapped_levels(lines: list[Line]) -> list[Line]:
    """The lines with a level label wrapped before its last word joined (`经济效益` / `指标`)."""
    out: list[Line] = []
    for line in lines:
        if out and one_line(line.text) == "指标" and not _LEVEL.search(one_line(out[-1].text)) \
                and not out[-1].empty_after:
            out[-1] = out[-1].model_copy(update={"text": one_line(out[-1].text) + "指标"})
            continue
        out.append(line)
    return out


def _finish(row: list[tuple[tuple[str, int | None], Line]], spec: TableSpec, inherited: dict[str, str | None],
            read: TableRead, placeholders: list[regex.Pattern[str]]) -> None:
    values: dict[str, Any] = dict(inherited)
    parts: dict[str, list[str]] = {}
    for (name, part), line in row:
        if not name:
            continue
        if part is not None:
            parts.setdefault(name, []).append(one_line(line.text))
        elif spec.columns[name].type in ("boxes", "option"):
            values[name] = box_cell(one_line(line.text), spec.columns[name], spec.columns[name].label)
        else:
            values[name] = _value(spec.columns[name], line.text, None)
    for name, texts in parts.items():
        values[name] = parse_target("".join(texts))
    filled = [v for k, v in values.items() if k not in spec.inherit and v is not None]
    if not filled or all(isinstance(v, str) and any(p.search(v) for p in placeholders) for v in filled):
        return
    for name, column in spec.columns.items():
        if column.unit_of:
            _take_unit(values, name, column.unit_of)
    index = len(read.value)
    read.value.append(values)
    read.provenance[str(index)] = _entry(row[0][1])
    for (name, _), line in row:
        if name:
            read.provenance[f"{index}.{name}"] = _entry(line)
