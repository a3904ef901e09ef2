"""Rows of cell texts as OCR tools print them (tab-separated or markdown pipes) -> a Table.

The two dialects share one convention for merged cells: a row's trailing empty cells are
padding, so the last filled cell spans them; an empty first cell continues the cell above
it (a row span). Interior empty cells are real empty cells.
"""

from __future__ import annotations

from schemas.document import Cell, Table


def padded_table(rows: list[list[str]], pages: list[int] | None = None) -> Table:
    """A Table from rows of cell texts; `pages[r]` is row r's page (1 when not given)."""
    width = max(len(row) for row in rows)
    cells: list[dict] = []
    first_col_owner: dict | None = None
    for r, row in enumerate(rows):
        row = row + [""] * (width - len(row))
        last = max((c for c, text in enumerate(row) if text), default=-1)
        for c, text in enumerate(row[: last + 1]):
            if c == 0 and not text and first_col_owner is not None:
                first_col_owner["row_span"] += 1
                continue
            cell = {"row": r, "col": c, "row_span": 1, "col_span": width - c if c == last else 1, "text": text}
            if pages is not None:
                cell["page"] = pages[r]
            cells.append(cell)
            if c == 0:
                first_col_owner = cell
    return Table(page=pages[0] if pages else 1, cells=tuple(Cell(**cell) for cell in cells))
