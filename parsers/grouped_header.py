"""The group cells of a table's first header row and the sub-labels printed under them.

A header printed on two rows (绩效指标 over 一级指标 | 二级指标 | 三级指标, 年度指标值 over
指标性质 | 指标值 | 度量单位, the cells right of them merged down from the first row) has, in
its first row, group cells: a filled cell of that row alone (not merged down) heading several
grid columns, by its own span or by the empty cells right of it that stand for one (the text
dialects print a merged cell as a filled cell and empty ones). Its sub-cells are the cells of
the row below under those columns. Format-neutral: it reads `Table` grids; which sub-labels
name columns is the caller's (`parsers.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.normalize import one_line
from schemas.document import Cell


@dataclass(frozen=True)
class Group:
    """A group cell of the first header row and the grid columns it heads."""

    cell: Cell
    cols: range


def _alone(cell: Cell | None, r: int, c: int) -> bool:
    """The cell starts at (r, c) and covers row r only."""
    return cell is not None and cell.row == r and cell.col == c and cell.row_span == 1


def groups(grid: list[list[Cell | None]], top: int) -> list[Group]:
    """The group cells of header row `top`, left to right."""
    row = grid[top]
    out: list[Group] = []
    c = 0
    while c < len(row):
        cell = row[c]
        if not _alone(cell, top, c) or not one_line(cell.text):  # type: ignore[union-attr]
            c += 1
            continue
        end = c + cell.col_span  # type: ignore[union-attr]
        while end < len(row) and _alone(row[end], top, end) and not one_line(row[end].text):  # type: ignore[union-attr]
            end += row[end].col_span  # type: ignore[union-attr]
        if end - c > 1:
            out.append(Group(cell, range(c, end)))  # type: ignore[arg-type]
        c = end
    return out


def sub_cells(grid: list[list[Cell | None]], top: int, group: Group) -> dict[int, Cell]:
    """grid col -> the cell of the row below `top` under `group` there (cells of that row only)."""
    below = top + 1
    out: dict[int, Cell] = {}
    for c in group.cols:
        cell = grid[below][c]
        if cell is not None and cell.row == below:
            out[c] = cell
    return out


def stray_cells(grid: list[list[Cell | None]], top: int, found: list[Group]) -> bool:
    """Whether the row below `top` has a filled cell of its own that starts under no group
    (a row of values, or a header that is not the groups' second row)."""
    below = top + 1
    headed = {c for group in found for c in group.cols}
    return any(cell is not None and cell.row == below and cell.col == c and c not in headed and one_line(cell.text)
               for c, cell in enumerate(grid[below]))
