"""Word files of one or more forms, built with python-docx.

Each self-evaluation form is a title paragraph (and caption), one table whose 一级/二级 and
绩效指标 cells are merged vertically and whose label and long value cells are merged
horizontally, and its notes; forms are separated by page breaks or, in some files, by new
sections. Monitoring parts are built by the monitoring generator's Word writer.
"""

from __future__ import annotations

import random
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from corpus.generator.family.layout import Grid
from corpus.generator.family.writers import Part
from corpus.generator.writers import docx_writer

BOXES = ("glyph", "symbol", "sdt", "formfield")


def _table(doc, grid: Grid, rng: random.Random) -> None:
    table = doc.add_table(rows=len(grid.rows), cols=grid.width)
    table.style = "Table Grid"
    cells = table._cells   # once: python-docx recomputes the whole grid on every table.cell()
    width = Cm(16.0 / grid.width)
    for cell in cells:
        cell.width = width
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            if cell.role != "cont":
                target = cells[r * grid.width + c]
                if cell.span > 1 or cell.rowspan > 1:
                    end = cells[(r + cell.rowspan - 1) * grid.width + c + cell.span - 1]
                    target = target.merge(end)
                if cell.text:
                    target.paragraphs[0].add_run(cell.text)
            c += cell.span


def _self(doc, grid: Grid, rng: random.Random) -> None:
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(grid.header[0])
    run.bold, run.font.size = True, Pt(14)
    for line in grid.header[1:]:
        doc.add_paragraph(line)
    _table(doc, grid, rng)
    for line in grid.footer:
        doc.add_paragraph(line)


def write(parts: list[Part], stem: Path, rng: random.Random) -> tuple[Path, list[None]]:
    """Write `stem`.docx holding every part in order."""
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    sections = rng.random() < 0.3
    for i, part in enumerate(parts):
        if i:
            if sections:
                doc.add_section(WD_SECTION.NEW_PAGE)
            else:
                doc.add_page_break()
        if part.kind == "monitoring":
            docx_writer.build(part.spec, rng, rng.choice(BOXES), doc)
        else:
            _self(doc, part.grid, rng)
    path = stem.with_suffix(".docx")
    doc.save(str(path))
    return path, [None] * len(parts)
