"""PDF files of one or more forms, printed with reportlab (STSong-Light for CJK, no font file).

Each self-evaluation form is a title, a caption where the variant has one, and one ruled table
with merged cells (SPAN) and cells that wrap; long indicator tables continue on the next page
(the page may break beside the 绩效指标 label, which then spans no rows). Forms are separated
by page breaks; zero-size markers record the first and last page of each part. Monitoring
parts reuse the monitoring generator's story.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from corpus.generator.family.layout import Grid
from corpus.generator.family.writers import Part
from corpus.generator.writers import pdf_writer
from corpus.generator.writers.pdf_fonts import fonts

MARGIN = 40.0


class _Marker(Flowable):
    """Records the page it is drawn on into `pages[key]`."""

    def __init__(self, pages: dict, key: tuple[int, str]) -> None:
        super().__init__()
        self.pages, self.key = pages, key
        self.width = self.height = 0

    def wrap(self, *_args) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.key] = self.canv.getPageNumber()


def _styles(size: float) -> dict[str, ParagraphStyle]:
    cjk = fonts()["cjk"]
    return {"cell": ParagraphStyle("cell", fontName=cjk, fontSize=size, leading=size * 1.35, wordWrap="CJK"),
            "title": ParagraphStyle("title", fontName=cjk, fontSize=15, leading=22, alignment=1),
            "line": ParagraphStyle("line", fontName=cjk, fontSize=10, leading=14)}


def _table(grid: Grid, styles: dict[str, ParagraphStyle], max_rowspan: int) -> Table:
    data, commands = [], [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for r, row in enumerate(grid.rows):
        line, c = [], 0
        for cell in row:
            if cell.role == "cont":
                line.append("")
                c += 1
                continue
            line.append(Paragraph(escape(cell.text), styles["cell"]) if cell.text else "")
            rowspan = cell.rowspan if cell.rowspan <= max_rowspan else 1   # a page may break beside it
            if cell.span > 1 or rowspan > 1:
                commands.append(("SPAN", (c, r), (c + cell.span - 1, r + rowspan - 1)))
            line += [""] * (cell.span - 1)
            c += cell.span
        data.append(line)
    width = (A4[0] - 2 * MARGIN) / grid.width
    return Table(data, colWidths=[width] * grid.width, style=TableStyle(commands))


def _self_story(grid: Grid, rng: random.Random, max_rowspan: int) -> list:
    styles = _styles(rng.choice((8.0, 9.0, 10.0)))
    story: list = [Paragraph(escape(grid.header[0]), styles["title"]), Spacer(1, 6)]
    story += [Paragraph(escape(line), styles["line"]) for line in grid.header[1:]]
    story += [_table(grid, styles, max_rowspan), Spacer(1, 6)]
    return story + [Paragraph(escape(line), styles["line"]) for line in grid.footer]


def _build(parts: list[Part], state: object, max_rowspan: int) -> tuple[bytes, list[tuple[int, int]]]:
    rng = random.Random()
    rng.setstate(state)  # type: ignore[arg-type]
    pages: dict[tuple[int, str], int] = {}
    story: list = []
    for i, part in enumerate(parts):
        if i:
            story.append(PageBreak())
        story.append(_Marker(pages, (i, "first")))
        if part.kind == "monitoring":
            story += pdf_writer._story(part.spec, rng, rng.choice(("glyph", "drawn")))
        else:
            story += _self_story(part.grid, rng, max_rowspan)
        story.append(_Marker(pages, (i, "last")))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, invariant=1)
    doc.build(story)
    return buffer.getvalue(), [(pages[(i, "first")], pages[(i, "last")]) for i in range(len(parts))]


def write(parts: list[Part], stem: Path, rng: random.Random) -> tuple[Path, list[tuple[int, int]]]:
    """Write `stem`.pdf holding every part in order.

    Merged cells taller than 8 rows are not merged (the page may break beside them); where a
    table still cannot break, it is printed without vertical merges."""
    state = rng.getstate()
    try:
        data, spans = _build(parts, state, 8)
    except Exception:  # noqa: BLE001 - reportlab's LayoutError and its own errors while explaining it
        data, spans = _build(parts, state, 1)
    path = stem.with_suffix(".pdf")
    path.write_bytes(data)
    return path, spans
