"""docx-glyph / docx-symbol / docx-sdt / docx-formfield: a Word form built with python-docx.

One table of 8 narrow columns with merged cells (gridSpan across, vMerge down for the 四、
cell); the narrative either inside one wide merged cell (layout "inside"), after the table
as body paragraphs ("after", so 三、 follows the table that holds 四、) or split ("split":
一、二、 inside, 三、 after). Some labels are two paragraphs in their cell. Boxes come from
`docx_boxes`, one representation per dialect.
"""

from __future__ import annotations

import random
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import _Cell

from corpus.generator.layout import N_COLS, LCell, header_lines, outlook_rows, top_rows
from corpus.generator.model import FormSpec
from corpus.generator.narrative import paragraphs_3, paragraphs_12
from corpus.generator.writers.docx_boxes import MAKERS, BoxRenderer

SPLIT_LABELS = {"具体实施（内设机构）": ("具体实施", "（内设机构）"), "选择重点跟踪理由": ("选择重点跟踪", "理由"),
                "事前绩效评估评审预算（元）": ("事前绩效评估评审", "预算（元）")}
LAYOUTS = ("inside", "after", "split")


def _fill(target: _Cell, cell: LCell, boxes: BoxRenderer, before: bool, rng: random.Random) -> None:
    paragraph = target.paragraphs[0]
    if cell.options:
        for i, (label, on) in enumerate(cell.options):
            if i:
                paragraph.add_run(" ")
            if before:
                boxes(paragraph, on)
            paragraph.add_run(label)
            if not before:
                boxes(paragraph, on)
        return
    lines = SPLIT_LABELS.get(cell.text, (cell.text,)) if rng.random() < 0.5 else (cell.text,)
    paragraph.add_run(lines[0])
    for line in lines[1:]:
        target.add_paragraph(line)


def _wide(target: _Cell, paragraphs: list[str]) -> None:
    target.paragraphs[0].add_run(paragraphs[0])
    for text in paragraphs[1:]:
        target.add_paragraph(text)


def _table(doc, rows: list[list[LCell | list[str]]], boxes: BoxRenderer, before: bool, rng: random.Random) -> None:
    table = doc.add_table(rows=len(rows), cols=N_COLS)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        if isinstance(row, list) and row and isinstance(row[0], str):   # a narrative row
            _wide(table.cell(r, 0).merge(table.cell(r, N_COLS - 1)), row)
            continue
        c = 0
        for cell in row:
            if cell.role != "cont":
                target = table.cell(r, c)
                end = table.cell(r + cell.rowspan - 1, c + cell.span - 1)
                if end._tc is not target._tc:
                    target = target.merge(end)
                _fill(target, cell, boxes, before, rng)
            c += cell.span
    for column in table.columns:
        for cell in column.cells:
            cell.width = Cm(2.1)


def build(spec: FormSpec, rng: random.Random, boxes_kind: str, doc=None):
    """The python-docx Document of `spec` with boxes of `boxes_kind` (appended to `doc` if given)."""
    if doc is None:
        doc = Document()
        doc.styles["Normal"].font.size = Pt(10)
    boxes, before = MAKERS[boxes_kind](rng), rng.random() < 0.5
    layout = rng.choice(LAYOUTS)
    title, town = header_lines(spec)
    doc.add_paragraph(title).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(town)
    rows: list = top_rows(spec, rng.choice(("（元）", "(元)", " (元)")))
    if layout in ("inside", "split"):
        rows.append(paragraphs_12(spec))
    if layout == "inside":
        rows.append(paragraphs_3(spec))
    rows += outlook_rows(spec)
    _table(doc, rows, boxes, before, rng)
    after = {"inside": [], "split": paragraphs_3(spec),
             "after": paragraphs_12(spec) + paragraphs_3(spec)}[layout]
    for text in after:
        doc.add_paragraph(text)
    return doc


def _writer(kind: str):
    def write(spec: FormSpec, stem: Path, rng: random.Random) -> Path:
        path = stem.with_suffix(".docx")
        build(spec, rng, kind).save(str(path))
        return path

    write.__doc__ = f"Write `stem`.docx with {kind} checkboxes."
    return write


write_glyph = _writer("glyph")
write_symbol = _writer("symbol")
write_sdt = _writer("sdt")
write_formfield = _writer("formfield")
