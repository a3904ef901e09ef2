"""Forms given once as a grid of spanning cells, written out as .docx, PDF, HTML, tab and
markdown text: one layout, every format a reader meets it in.

A form is a list of rows; a row lists its cells left to right, each text or `Span` (a cell
over several grid columns and rows); the grid positions a cell merged down from a row above
covers are left out of the rows below. Word gets `w:gridSpan`/`w:vMerge`, the PDF a ruled
platypus table with SPAN commands (☐/☑ in DejaVu Sans), HTML `colspan`/`rowspan`, and the text dialects their
padded-row convention (a cell's text, then an empty cell for each further column it spans).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from tests.readers import form_docx, form_pdfs
from tests.readers.docx_builders import body_docx, p
from tests.readers.pdf_builders import register_fonts

BOX_GLYPHS = frozenset("☐☑")


@dataclass(frozen=True)
class Span:
    """A cell over `cols` grid columns and `rows` grid rows."""

    text: str
    cols: int = 1
    rows: int = 1


Row = Sequence["str | Span"]


@dataclass(frozen=True)
class Placed:
    text: str
    row: int
    col: int
    cols: int
    rows: int


def place(rows: Sequence[Row]) -> tuple[list[Placed], int]:
    """Every cell at its grid position, and the grid's width."""
    covered: set[tuple[int, int]] = set()
    out: list[Placed] = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            cell = item if isinstance(item, Span) else Span(item)
            while (r, c) in covered:
                c += 1
            out.append(Placed(cell.text, r, c, cell.cols, cell.rows))
            covered |= {(rr, cc) for rr in range(r, r + cell.rows) for cc in range(c, c + cell.cols)}
            c += cell.cols
        width = max(width, c)
    return out, width


def _grid(rows: Sequence[Row]) -> tuple[list[list[Placed | None]], list[Placed], int]:
    """grid[r][c]: the cell that starts there (None where none starts)."""
    cells, width = place(rows)
    grid: list[list[Placed | None]] = [[None] * width for _ in rows]
    for cell in cells:
        grid[cell.row][cell.col] = cell
    return grid, cells, width


def docx(title: str, rows: Sequence[Row]) -> bytes:
    grid, cells, width = _grid(rows)
    out: list[list[str | form_docx.Cell]] = []
    for r in range(len(rows)):
        line: list[str | form_docx.Cell] = []
        for c in range(width):
            cell = grid[r][c]
            if cell is not None:
                line.append(form_docx.Cell(cell.text, span=cell.cols, merge="restart" if cell.rows > 1 else None))
                continue
            above = next((a for a in cells if a.col == c and a.row < r < a.row + a.rows), None)
            if above is not None:
                line.append(form_docx.Cell(span=above.cols, merge="continue"))
        out.append(line)
    return body_docx(p(title), p("（2024年度）"), form_docx.table(out, cols=width))


def pdf(title: str, rows: Sequence[Row]) -> bytes:
    grid, cells, width = _grid(rows)
    style, heading = form_pdfs._styles()
    register_fonts()
    small = ParagraphStyle("small", parent=style, fontSize=7, leading=9)
    glyph = ParagraphStyle("glyph", fontName="DejaVu", fontSize=8, leading=10, alignment=1)

    def text(value: str) -> Paragraph | str:
        if not value:
            return ""
        return Paragraph(value, glyph) if value in BOX_GLYPHS else Paragraph(html.escape(value), small)

    data = [[text(cell.text) if (cell := grid[r][c]) is not None else "" for c in range(width)]
            for r in range(len(rows))]
    spans = [("SPAN", (cell.col, cell.row), (cell.col + cell.cols - 1, cell.row + cell.rows - 1))
             for cell in cells if cell.cols > 1 or cell.rows > 1]
    size = landscape(A4) if width > 10 else A4
    table = Table(data, colWidths=[(size[0] - 70) / width] * width)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               *spans]))
    return form_pdfs.document([Paragraph(title, heading), Paragraph("（2024年度）", heading), table], size)


def html_page(title: str, rows: Sequence[Row]) -> str:
    grid, _cells, width = _grid(rows)
    body = []
    for r in range(len(rows)):
        tds = []
        for c in range(width):
            cell = grid[r][c]
            if cell is None:
                continue
            spans = (f' colspan="{cell.cols}"' if cell.cols > 1 else "") + (f' rowspan="{cell.rows}"' if cell.rows > 1 else "")
            tds.append(f"<td{spans}>{html.escape(cell.text)}</td>")
        body.append(f"<tr>{''.join(tds)}</tr>")
    return f"<html><body><p>{title}</p><p>（2024年度）</p><table>{''.join(body)}</table></body></html>"


def _padded_rows(rows: Sequence[Row]) -> list[list[str]]:
    """Each row as cell texts: a cell's text and an empty cell per further column it spans;
    positions covered from above empty."""
    grid, _cells, width = _grid(rows)
    out = []
    for r in range(len(rows)):
        line = []
        for c in range(width):
            cell = grid[r][c]
            line.append(cell.text if cell is not None else "")
        while line and not line[-1]:
            line.pop()
        out.append(line)
    return out


def tabs(title: str, rows: Sequence[Row]) -> str:
    return "\n".join([title, "（2024年度）", *("\t".join(line) for line in _padded_rows(rows))]) + "\n"


def markdown(title: str, rows: Sequence[Row]) -> str:
    lines = _padded_rows(rows)
    width = max(len(line) for line in lines)
    padded = [line + [""] * (width - len(line)) for line in lines]
    table = ["| " + " | ".join(padded[0]) + " |", "|" + "---|" * width,
             *("| " + " | ".join(line) + " |" for line in padded[1:])]
    return "\n".join([f"## {title}", "", "（2024年度）", "", *table]) + "\n"
