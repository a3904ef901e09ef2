"""A table continued over several pages stitched into one `Table` on one column grid.

Owns: whether a table part on a new page continues the table before it (same outer left and
right edges, and nothing but page furniture between them, which the caller checks); the
column grid shared by all parts (union of their column rules); and what to do with the
first row of a continued part:

- the same row structure as the last row before the break, its first cell empty, the cell
  above spanning one row: the row itself was split by the page break -> its texts are
  appended to the cells above (a narrative cell running over the page); when the cell above
  is empty too (an empty label column), the first column with text on either side decides
  as the first cell would (`效益指标` under an empty cell starts a row of its own); and
  when several cells of the new row hold text, none of them under a cell whose last line
  runs to its border (each cell above ended), or more of them under cells that ended than
  under cells that run on, it is a row of its own too;
- its first cell empty under a cell spanning several rows: a vertically merged label cell
  split by the break -> the empty piece is absorbed into that cell (row_span + 1);
- a single full-width cell not starting a new numbered section (一、…): a split row too;
- its first cell not empty, but every cell above that goes on below ends in a line that
  fills the cell to its border without closing a sentence or bracket (`年度项目` /
  `预算完成可能性`, `确定不` / `能完成☐`), the label cell among them: a split row
  (Word and LibreOffice let a row break across pages by default);
- a repetition of the table's first row (a repeated header row): dropped;
- but never a split row when a figure complete in itself stands over another (`4` over `10`):
  that is the next row of a table whose first column is an empty merged label column.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter

import regex

from parsers.readers.pdf_page import PartCell, TablePart
from parsers.readers.pdf_text import join_wrapped
from schemas.document import Cell, Table
from schemas.trusted import maker

# Parts whose outer edges differ by less than this (points) share a column grid.
EDGE_MATCH_PT = 3.0
# A new row under a split one: at least this many of its cells under cells that had ended.
ENDED_MIN_CELLS = 2
_WHOLE_FIGURE = regex.compile(r"[-+]?\d(?:[\d,]*\d)?(?:\.\d+)?%?")
_SECTION_START = regex.compile(r"^\s*[一二三四五六七八九十]+、")
# A text layer's cells and the table are built from values made here (`schemas.trusted`).
_cell = maker(Cell, "row", "col", "row_span", "col_span", "text", "page")
_table = maker(Table, "page", "cells")


@dataclass
class _Out:
    row: int
    row_span: int
    x0: float
    x1: float
    text: str
    page: int
    open_end: bool
    full: bool = False
    top: float = 0.0
    bottom: float = 0.0
    confidence: float | None = None
    scanned: bool = False


_reading_order = attrgetter("row", "x0")


class TableBuilder:
    """Collects the parts of one table, page after page."""

    def __init__(self, part: TablePart) -> None:
        self.parts = [part]
        self.cells: list[_Out] = []
        self.rows = 0
        self._add(part, skip=set())

    def accepts(self, part: TablePart) -> bool:
        """True when `part` continues this table (same outer column edges)."""
        last = self.parts[-1]
        return (
            part.page > last.page
            and abs(part.xs[0] - last.xs[0]) <= EDGE_MATCH_PT
            and abs(part.xs[-1] - last.xs[-1]) <= EDGE_MATCH_PT
        )

    def add(self, part: TablePart) -> None:
        """Append a continuation part, joining a row split by the page break."""
        first = sorted((c for c in part.cells if c.r0 == 0), key=lambda c: c.x0)
        skip: set[int] = set()
        if self._is_repeated_header(first):
            skip = {id(c) for c in first}
        else:
            skip = self._join_split_row(first)
        self.parts.append(part)
        self._add(part, skip)

    def _add(self, part: TablePart, skip: set[int]) -> None:
        first_row = [c for c in part.cells if c.r0 == 0]
        base = 1 if first_row and all(id(c) in skip for c in first_row) else 0
        for cell in part.cells:
            if id(cell) in skip:
                continue
            self.cells.append(_Out(self.rows + cell.r0 - base, cell.r1 - cell.r0, cell.x0, cell.x1,
                                   cell.text, part.page, cell.open_end, cell.full, cell.top, cell.bottom,
                                   cell.confidence, cell.scanned))
        self.rows += part.n_rows - base

    def _bottom_row(self) -> list[_Out]:
        return sorted((c for c in self.cells if c.row + c.row_span == self.rows), key=lambda c: c.x0)

    def _is_repeated_header(self, first: list[PartCell]) -> bool:
        head = sorted((c for c in self.cells if c.row == 0), key=lambda c: c.x0)
        return bool(first) and any(c.text for c in first) and [c.text for c in first] == [c.text for c in head]

    def _join_split_row(self, first: list[PartCell]) -> set[int]:
        """Merge the split first row into the row above; the ids of the cells used up."""
        above = self._bottom_row()
        # The first cell may be a merged label that goes on below the split row (`四、绩效跟踪
        # 后项` / `目总体判断` beside two rows): `tall` more rows than the split row itself.
        if not first or any(c.r1 != 1 for c in first[1:]) or not _same_columns(first, above):
            return set()
        tall = first[0].r1 - 1
        if not first[0].text and above[0].row_span > 1:
            if len(first) < 2 or not _continues(above[1:], first[1:]):
                above[0].row_span += first[0].r1
                return {id(first[0])}
            # The row beside a merged label was split by the break (`年度绩效` / `目标完成
            # 可能性`, `确定能` / `完成`): its pieces join the cells above; the label's empty
            # piece is part of the same row, so the label spans no extra row.
            _append(above[1:], first[1:])
            above[0].row_span += tall
            return {id(c) for c in first}
        single_split = len(first) == 1 and first[0].text and not _SECTION_START.match(first[0].text)
        if first[0].text and not single_split and not _continues(above, first):
            return set()
        # An empty first column on both sides of the break (an empty label column) says
        # nothing: the first column with text on either side decides, as the first cell would.
        lead = next((i for i, (old, new) in enumerate(zip(above, first, strict=True)) if old.text or new.text), 0)
        if lead and first[lead].text and not _continues(above[lead:], first[lead:]):
            return set()
        if not first[0].text and _starts_afresh(above, first):
            return set()
        if _figures_over_figures(above, first):  # a row of its own (4 over 10), not a split one
            return set()
        _append(above, first)
        above[0].row_span += tall
        return {id(c) for c in first}

    def build(self) -> Table:
        """The stitched table on the union of all parts' column rules."""
        xs = _columns(x for part in self.parts for x in part.xs)
        cells = []
        rule: dict[float, int] = {}  # edge -> its column rule (the cells share a few edges)
        for out in sorted(self.cells, key=_reading_order):
            if (col := rule.get(out.x0)) is None:
                col = rule[out.x0] = _nearest(xs, out.x0)
            if (end := rule.get(out.x1)) is None:
                end = rule[out.x1] = _nearest(xs, out.x1)
            span = max(end - col, 1)
            if out.scanned:
                cells.append(_scanned_cell(out, col, span))
            else:
                cells.append(_cell(row=out.row, col=col, row_span=out.row_span, col_span=span,
                                   text=out.text, page=out.page))
        return _table(page=self.parts[0].page, cells=tuple(cells))


def _scanned_cell(out: _Out, col: int, span: int) -> Cell:
    """A cell read by OCR, with its box and OCR score (a text layer's cells keep none), validated."""
    bbox = (round(out.x0, 1), round(out.top, 1), round(out.x1, 1), round(out.bottom, 1))
    return Cell(row=out.row, col=col, row_span=out.row_span, col_span=span, text=out.text, page=out.page,
                bbox=bbox, confidence=None if out.confidence is None else round(out.confidence, 3))


def _append(above: list[_Out], first: list[PartCell]) -> None:
    """Append each continued piece to the cell above it."""
    for old, new in zip(above, first, strict=True):
        if new.text:
            glue = not old.open_end or not old.text
            old.text = f"{old.text}\n{new.text}" if glue and old.text else join_wrapped(old.text, new.text)
            old.open_end = new.open_end
            old.full = new.full


def _continues(above: list[_Out], first: list[PartCell]) -> bool:
    """True when the texts above run on into `first`: each one that goes on fills its cell."""
    pairs = [(old, new) for old, new in zip(above, first, strict=True) if new.text]
    return bool(above[0].text) and all(old.text and old.full and not _SECTION_START.match(new.text)
                                       for old, new in pairs)


def _starts_afresh(above: list[_Out], first: list[PartCell]) -> bool:
    """True when several cells of `first` hold text and none of them sits under a cell that
    runs on (its last line full), or more of them, two at least, sit under a cell that ended
    (text whose last line does not fill it) than under one that runs on: `first` is a row of
    its own. A short choice filling a narrow cell (`确定能` over `确定能`) runs on by its
    lines alone, while the name, the figures and the causes beside it had all ended."""
    pairs = [(old, new) for old, new in zip(above, first, strict=True) if new.text]
    running = sum(1 for old, _ in pairs if old.text and old.full)
    ended = sum(1 for old, _ in pairs if old.text and not old.full)
    return len(pairs) > 1 and (running == 0 or ended >= max(ENDED_MIN_CELLS, running + 1))


def _figures_over_figures(above: list[_Out], first: list[PartCell]) -> bool:
    """True when a figure complete in itself stands over another in some column (`4` over `10`:
    two rows' scores); a figure cut by the break ends or starts with its separator instead."""
    return any(_WHOLE_FIGURE.fullmatch(old.text.strip()) and _WHOLE_FIGURE.fullmatch(new.text.strip())
               for old, new in zip(above, first, strict=True) if new.text and old.text)


def _same_columns(first: list[PartCell], above: list[_Out]) -> bool:
    return len(first) == len(above) and all(
        abs(a.x0 - b.x0) <= EDGE_MATCH_PT and abs(a.x1 - b.x1) <= EDGE_MATCH_PT
        for a, b in zip(first, above, strict=True)
    )


def _columns(values) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= EDGE_MATCH_PT:
            continue
        out.append(v)
    return out


def _nearest(xs: list[float], x: float) -> int:
    """Index of the column rule nearest `x` (`xs` ascending; on a tie the left one)."""
    i = bisect_left(xs, x)
    if i == 0:
        return 0
    if i == len(xs) or abs(xs[i - 1] - x) <= abs(xs[i] - x):
        return i - 1
    return i
