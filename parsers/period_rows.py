"""A `rows` table printed once per period (`TableSpec.periods`: the declaration's 中期 and 年度
indicators), read into one list whose items carry their `period`, the first period's first.

Two layouts: side by side, one header row repeating its columns (一级指标 | 二级指标 | 三级指标 |
指标值 | 二级指标 | 三级指标 | 指标值: each run is a period, columns printed once, like 一级指标, are
shared); or one after the other, each table under its own header. A run's period is named by
the table's label cell or the line before its header (年度绩效指标); side by side, by the short
cells above it (中期指标 | 年度指标), else by its place (the periods in template order); else
`default_period`. Rows are read by `parsers.tables` for each run, going on into the table
blocks that continue the last header's table (a Word table split in two, `_continues`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from parsers.normalize import label_key, one_line
from parsers.tables import (
    TableRead,
    _continues,
    _Header,
    _header_rows,
    _Lines,
    _read_rows_of,
    _tables,
    compiled,
    find_header,
)
from schemas.document import Cell, Document, Table
from schemas.record import ProvenanceEntry
from schemas.template import TableSpec


def _period_named(text: str, spec: TableSpec) -> str | None:
    key = label_key(one_line(text))
    for period, words in spec.periods.items():
        if any(label_key(word) in key for word in words):
            return period
    return None


def _runs(header: _Header) -> list[dict[int, tuple[str, int | None]]]:
    """The header's columns split at each repeat of a column (a merged header cell is one
    column): one run per period."""
    runs: list[dict[int, tuple[str, int | None]]] = [{}]
    for c, (name, part) in sorted(header.columns.items()):
        merged = c > 0 and c - 1 in header.cells and header.cells[c] is header.cells[c - 1]
        if not merged and any(n == name and p == part for n, p in runs[-1].values()):
            runs.append({})
        runs[-1][c] = (name, part)
    if len(runs) > 1:
        first_names = {n for n, _ in runs[0].values()}
        later = {n for run in runs[1:] for n, _ in run.values()}
        shared = {c: v for c, v in runs[0].items() if v[0] in first_names - later}
        for run in runs[1:]:
            run.update(shared)
    return runs


def _run_period(grid: list[list[Cell | None]], header: _Header, run: dict[int, tuple[str, int | None]],
                shared: set[int], spec: TableSpec, document: Document, block: int) -> str | None:
    for c in header.label_cols:
        for r in range(header.top, header.row + 1):
            cell = grid[r][c]
            if cell is not None and (period := _period_named(cell.text, spec)):
                return period
    own = sorted(c for c in run if c not in shared) or sorted(run)
    low, high = own[0], own[-1]
    # The table label a two-row header prints over the run's columns (年度绩效指标 over 一级 | 二级 | 三级).
    titled = {_period_named(text, spec) for c, text in header.titles.items() if low <= c <= high}
    titled.discard(None)
    if len(titled) == 1:
        return titled.pop()
    # Each of the run's own headers names its period (`二级指标（长期）` | `指标值（长期）`).
    named_here = {_period_named(cell.text, spec) for c in own if (cell := header.cells.get(c)) is not None}
    if len(named_here) == 1 and None not in named_here:
        return named_here.pop()
    top = header.top
    for r in range(top - 1, max(top - 3, -1), -1) if shared else ():
        named = {_period_named(cell.text, spec) for c in own if (cell := grid[r][c]) is not None
                 and cell.col >= low and cell.col + cell.col_span - 1 <= high and len(one_line(cell.text)) <= 12}
        named.discard(None)
        if len(named) == 1:
            return named.pop()
    for r in range(top - 1, max(top - 3, -1), -1) if not shared else ():
        # A title row of the table itself over a run alone (中期绩效指标 in one cell).
        filled = [cell for c, cell in enumerate(grid[r]) if cell is not None and cell.col == c and one_line(cell.text)]
        if len(filled) == 1 and len(one_line(filled[0].text)) <= 12 and (period := _period_named(filled[0].text, spec)):
            return period
    before = [line for line in document.lines if line.block == block - 1 and line.row is None]
    if header.top == 0 and before and (period := _period_named(before[-1].text, spec)):
        return period
    return None


def _cut(table: Table, end: int) -> Table:
    """The table's rows above `end`."""
    return table.model_copy(update={"cells": tuple(c for c in table.cells if c.row < end)})


def read_period_rows(document: Document, spec: TableSpec, stop_keys: frozenset[str]) -> TableRead:
    """Every period's rows: a list of row dicts with `period`, or an empty read."""
    lines = _Lines(document)
    end_keys = frozenset(compiled_key for compiled_key in _keys(spec.end)) | stop_keys
    placeholders = [compiled(p) for p in spec.placeholders]
    by_period: dict[str, list[tuple[dict[str, Any], dict[str, ProvenanceEntry]]]] = {p: [] for p in spec.periods}
    used: set[tuple[int, int]] = set()
    order = list(spec.periods)
    tables = _tables(document)
    continued: set[int] = set()  # blocks read as the continuation of a table above
    for position_in_document, (block, table) in enumerate(tables):
        if block in continued:
            continue
        grid = table.grid()
        start = 0
        headers = []
        while (header := find_header(table, block, spec, start)) is not None:
            headers.append(header)
            start = header.row + 1
        for position, header in enumerate(headers):
            piece = _cut(table, _top_of_next(grid, headers, position, table.n_rows, spec))
            runs = _runs(header)
            shared = set(runs[0]) & set().union(*runs[1:]) if len(runs) > 1 else set()
            for k, run in enumerate(runs):
                period = _run_period(grid, header, run, shared, spec, document, block)
                if period is None:
                    period = order[k] if len(runs) > 1 and k < len(order) else spec.default_period or order[-1]
                read = TableRead(value=[], used=_header_rows(header))
                inherited: dict[str, str | None] = {}
                # Another run's cells lead a row of this one (一级指标 of the 中期 run left of the
                # 年度 run's columns): no label of another part of the form.
                run_header = replace(header, columns=run, label_cols=header.label_cols | (set(header.columns) - set(run)))
                ended = _read_rows_of(piece, block, header.row + 1, run_header, spec, lines, read, inherited,
                                      end_keys, placeholders)
                if not ended and position == len(headers) - 1:
                    continued |= _read_on(document, tables[position_in_document + 1:], block, table, run_header,
                                          spec, lines, read, inherited, end_keys, placeholders)
                used |= read.used
                for index, item in enumerate(read.value):
                    item["period"] = period
                    prefix = f"{index}"
                    entries = {key[len(prefix):]: entry for key, entry in read.provenance.items()
                               if key == prefix or key.startswith(prefix + ".")}
                    by_period[period].append((item, entries))
    items = [pair for period in order for pair in by_period[period]]
    if not items:
        return TableRead()
    out = TableRead(value=[], used=used)
    for index, (item, entries) in enumerate(items):
        out.value.append(item)
        out.provenance.update({f"{index}{rest}": entry for rest, entry in entries.items()})
    return out


def _read_on(document: Document, following: list[tuple[int, Table]], block: int, table: Table, header: _Header,
             spec: TableSpec, lines: _Lines, read: TableRead, inherited: dict[str, str | None],
             end_keys: frozenset[str], placeholders: list[Any]) -> set[int]:
    """Rows of the table blocks that continue `table` (a table split in two: adjacent, or a
    续表 note between, the same columns, no header of their own); the blocks read. A block
    with a header is read on its own (a repeated header names its runs again; a period's
    table printed after the other's is no continuation)."""
    read_blocks: set[int] = set()
    last = block
    for next_block, next_table in following:
        if next_table.n_cols != table.n_cols or not _continues(document, last, next_block, spec):
            break
        if find_header(next_table, next_block, spec) is not None:
            break
        read_blocks.add(next_block)
        last = next_block
        if _read_rows_of(next_table, next_block, 0, header, spec, lines, read, inherited, end_keys, placeholders):
            break
    return read_blocks


def _top_of_next(grid: list[list[Cell | None]], headers: list[_Header], position: int, limit: int,
                 spec: TableSpec) -> int:
    """Where the next header's block begins: its header row, or the period label row above it."""
    if position + 1 >= len(headers):
        return limit
    top = headers[position + 1].top
    above = top - 1
    texts = [cell.text for cell in grid[above] if cell is not None and cell.row == above and one_line(cell.text)] \
        if above > headers[position].row else []
    if texts and all(_period_named(text, spec) for text in texts):
        return above
    return top


def _keys(labels: tuple[str, ...]) -> list[str]:
    from parsers.tables import header_key

    return [header_key(label)[0] for label in labels]
