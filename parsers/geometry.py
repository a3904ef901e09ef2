"""Where on its page a field was read: the box and OCR score of its provenance's cells.

Owns filling `bbox` (points) and `confidence` into provenance entries that point at table
cells or paragraphs read by OCR (`bbox`, `confidence`, set by the scan reader): an entry
naming a cell gets that cell's box; one naming a whole row gets the union of the row's cells
on the entry's page and the lowest score among them; one naming a paragraph line gets the
paragraph's. Entries of text-layer pages are left as they
are (their records do not change). `value_cell` finds the cell an entry names, for rules that
quote what was read.
"""

from __future__ import annotations

from schemas.document import Cell, Document, Paragraph, Table
from schemas.record import ProvenanceEntry


def value_cells(document: Document, entry: ProvenanceEntry) -> list[Cell]:
    """The cells an entry names: its cell, or every cell of its row when no column is given."""
    if entry.block is None or entry.row is None or not 0 <= entry.block < len(document.blocks):
        return []
    table = document.blocks[entry.block]
    if not isinstance(table, Table) or entry.row >= table.n_rows:
        return []
    row = table.grid()[entry.row]
    if entry.col is not None:
        cell = row[entry.col] if 0 <= entry.col < len(row) else None
        return [cell] if cell is not None else []
    out: list[Cell] = []
    for cell in row:
        if cell is not None and cell not in out:
            out.append(cell)
    return out


def value_cell(document: Document, entry: ProvenanceEntry) -> Cell | None:
    """The one cell an entry names (None for a row or a paragraph)."""
    cells = value_cells(document, entry) if entry.col is not None else []
    return cells[0] if cells else None


def locate(document: Document, provenance: dict[str, ProvenanceEntry]) -> dict[str, ProvenanceEntry]:
    """`provenance` with the box and OCR score of every entry whose cells were read by OCR."""
    if document.source.ocr is None:
        return provenance
    out = dict(provenance)
    lines = {(line.loc.page, line.loc.line): line.block for line in document.lines}
    for key, entry in provenance.items():
        cells: list[Cell | Paragraph] = [
            c for c in value_cells(document, entry) if c.bbox is not None and (c.page or entry.page) == entry.page]
        if entry.col is None:
            cells = [c for c in cells if c.text.strip()]
        if not cells and entry.row is None:
            block = lines.get((entry.page, entry.line))
            paragraph = document.blocks[block] if block is not None else None
            if isinstance(paragraph, Paragraph) and paragraph.bbox is not None:
                cells = [paragraph]
        if not cells:
            continue
        boxes = [c.bbox for c in cells if c.bbox is not None]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        scores = [c.confidence for c in cells if c.confidence is not None]
        out[key] = entry.model_copy(update={"bbox": bbox, "confidence": min(scores) if scores else None})
    return out
