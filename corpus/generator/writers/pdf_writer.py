"""pdf-glyph / pdf-pua / pdf-drawn / pdf-acroform: a ruled form printed with reportlab.

Eight narrow columns so labels and values wrap over several lines; merged cells by SPAN;
page footers `第 1 页 共 2 页` (two passes, to know the page count). Layout "outside": the
field table, the narrative as paragraphs, then the 四、 table; layout "rows": one table with
a row per narrative paragraph, so it continues onto page 2. Boxes from `pdf_boxes`.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from corpus.generator.layout import N_COLS, LCell, header_lines, outlook_rows, top_rows
from corpus.generator.model import FormSpec
from corpus.generator.narrative import paragraphs_3, paragraphs_12
from corpus.generator.writers.pdf_boxes import Options, Style
from corpus.generator.writers.pdf_fonts import fonts

MARGIN = 50.0
COL_WIDTH = (A4[0] - 2 * MARGIN) / N_COLS


def _styles(body_size: float = 11.0) -> dict[str, ParagraphStyle]:
    cjk = fonts()["cjk"]
    return {"cell": ParagraphStyle("cell", fontName=cjk, fontSize=9, leading=12, wordWrap="CJK"),
            "body": ParagraphStyle("body", fontName=cjk, fontSize=body_size, leading=body_size * 1.8,
                                   wordWrap="CJK", firstLineIndent=2 * body_size, spaceAfter=4),
            "title": ParagraphStyle("title", fontName=cjk, fontSize=14, leading=20, alignment=1)}


def _table(rows: list[list[LCell] | str], box_style: Style, styles: dict[str, ParagraphStyle]) -> Table:
    data, commands = [], [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r, row in enumerate(rows):
        if isinstance(row, str):   # one narrative paragraph spanning the table
            data.append([Paragraph(escape(row), styles["body"])] + [""] * (N_COLS - 1))
            commands.append(("SPAN", (0, r), (N_COLS - 1, r)))
            continue
        line, c = [], 0
        for cell in row:
            if cell.options:
                line.append(Options(cell.options, box_style))
            else:
                line.append(Paragraph(escape(cell.text), styles["cell"]) if cell.text else "")
            if cell.span > 1 or cell.rowspan > 1:
                commands.append(("SPAN", (c, r), (c + cell.span - 1, r + cell.rowspan - 1)))
            line += [""] * (cell.span - 1)
            c += cell.span
        data.append(line)
    return Table(data, colWidths=[COL_WIDTH] * N_COLS, style=TableStyle(commands))


def _story(spec: FormSpec, rng: random.Random, mode: str) -> list:
    styles, box_style = _styles(rng.choice((10.5, 11.0, 12.0))), Style(mode, rng)
    title, town = header_lines(spec)
    story: list = [Paragraph(escape(title), styles["title"]), Spacer(1, 6),
                   Paragraph(escape(town), styles["cell"]), Spacer(1, 4)]
    top = top_rows(spec, rng.choice(("（元）", "(元)")))
    narrative = paragraphs_12(spec) + paragraphs_3(spec)
    if rng.random() < 0.5:   # "rows": one long table
        story.append(_table(top + narrative + outlook_rows(spec), box_style, styles))
        return story
    story.append(_table(top, box_style, styles))
    story.append(Spacer(1, 8))
    story += [Paragraph(escape(p), styles["body"]) for p in narrative]
    story.append(Spacer(1, 8))
    story.append(_table(outlook_rows(spec), box_style, styles))
    return story


def _build(spec: FormSpec, seed_rng_state: object, mode: str, total: int | None) -> tuple[bytes, int]:
    rng = random.Random()
    rng.setstate(seed_rng_state)
    buffer, pages = io.BytesIO(), [0]

    def footer(canvas, doc) -> None:
        pages[0] = doc.page
        if total:
            canvas.setFont(fonts()["cjk"], 9)
            canvas.drawCentredString(A4[0] / 2, 22, f"第 {doc.page} 页 共 {total} 页")

    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=spec.project_name or "",
                            invariant=1)  # no timestamps or random ids: runs repeat byte for byte
    doc.build(_story(spec, rng, mode), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue(), pages[0]


def _writer(mode: str):
    def write(spec: FormSpec, stem: Path, rng: random.Random) -> Path:
        state = rng.getstate()
        _data, total = _build(spec, state, mode, None)
        data, _ = _build(spec, state, mode, total)
        path = stem.with_suffix(".pdf")
        path.write_bytes(data)
        return path

    write.__doc__ = f"Write `stem`.pdf with {mode} checkboxes."
    return write


write_glyph = _writer("glyph")
write_pua = _writer("pua")
write_drawn = _writer("drawn")
write_acroform = _writer("acroform")
