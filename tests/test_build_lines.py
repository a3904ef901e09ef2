"""`build_document`'s table rows and boxes read as the straightforward readings they replaced.

The rows of a table are grouped and split into lines in one loop, and a table's boxes are found
by one scan over all its cells; both are compared with the plain readings (every cell read on
its own, rows sorted with a key) on awkward tables: cells out of column order, several lines
in a cell, empty and blank cells, a cell's page unknown, boxes in the first, last, adjacent and
empty-neighboured cells, several in one cell, marks beside glyphs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest

from parsers import box_elements, lines
from parsers.readers.checkbox_glyphs import MARKS
from schemas.document import Block, Cell, Table

_MARK = next(iter(MARKS))


def _reference_rows(table: Table, index: int) -> Iterator[tuple[int, str, int, int | None, tuple[int, ...]]]:
    rows: dict[int, list[int]] = defaultdict(list)
    for cell_index, cell in enumerate(table.cells):
        rows[cell.row].append(cell_index)
    for row in sorted(rows):
        members = sorted(rows[row], key=lambda i: table.cells[i].col)
        page = next((p for i in members if (p := table.cells[i].page)), table.page)
        split = [table.cells[i].text.splitlines() for i in members]
        depth = max((len(parts) for parts in split), default=0)
        for k in range(max(depth, 1)):
            text = "\t".join([ls[k] if k < len(ls) else "" for ls in split]).rstrip("\t")
            if text.strip():
                yield page, text, index, row, tuple(members)


def _reference_boxes(block: Block) -> Block:
    assert isinstance(block, Table)
    cells = []
    for cell in block.cells:
        text, boxes = box_elements.read_boxes(cell.text)
        cells.append(cell.model_copy(update={"text": text, "boxes": boxes}) if boxes else cell)
    if all(a is b for a, b in zip(cells, block.cells, strict=True)):
        return block
    return block.model_copy(update={"cells": tuple(cells)})


def _table(*cells: tuple[int, int, str, int | None], page: int = 2) -> Table:
    return Table(page=page, cells=tuple(Cell(row=r, col=c, text=t, page=p) for r, c, t, p in cells))


_TABLES = [
    _table((0, 0, "项目名称", None), (0, 1, "某项目", None)),
    _table((0, 2, "c", 3), (0, 0, "a", None), (0, 1, "b\nb2\n", 4), (1, 1, "", None), (1, 0, " ", None)),
    _table((1, 0, "下\n行", None), (0, 0, "上", 5), (0, 0, "同列", 6), (2, 1, "\n\nx", None)),
    _table((0, 0, "", None)),
    _table((0, 0, "a\r\nb\x0bc\u2028d", 1), (0, 1, "\t", 1)),
    _table((0, 0, "☑确定能完成 ☐有可能完成", None), (0, 1, "", None), (0, 2, "是☐ 否☑", None)),
    _table((0, 0, "", None), (0, 1, "x☐", None), (0, 2, "☑", None), (1, 0, "", None), (1, 1, "无", None)),
    _table((0, 0, "无框", None), (0, 1, "", None), (0, 2, f"末格{_MARK}是 ☐否", None)),
    _table((0, 0, f"{_MARK}", None), (0, 1, "\n", None), (0, 2, "尾", None)),
]


@pytest.mark.parametrize("table", _TABLES)
def test_rows_read_as_the_plain_reading(table: Table) -> None:
    assert list(lines._table_lines(table, 7)) == list(_reference_rows(table, 7))


@pytest.mark.parametrize("table", _TABLES)
def test_boxes_found_as_every_cell_read_on_its_own(table: Table) -> None:
    made, expected = box_elements.attach_boxes(table), _reference_boxes(table)
    assert made == expected and (made is table) == (expected is table)
    assert [cell.model_fields_set for cell in made.cells] == [cell.model_fields_set for cell in expected.cells]
