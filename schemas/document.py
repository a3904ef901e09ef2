"""The format-neutral document model every reader produces and every parser reads.

Readers (`parsers.readers.*`) build *blocks*: paragraphs and tables, in reading order, with
checkboxes already rendered as ☑ (ticked) or ☐ (empty) inside the text; a table cell read by
OCR also knows its box on the page and how sure the recognizer was of its text. One shared builder
(`parsers.lines.build_document`) numbers them into *lines*, which give every field and every
piece of evidence its `{page, line}`. Field parsing, sections and the checker read only this.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.discrepancy import Location
from schemas.record import Source

_FROZEN = ConfigDict(extra="forbid", frozen=True)


class Cell(BaseModel):
    """One table cell after span resolution: a merged cell appears exactly once."""

    model_config = _FROZEN

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    """The cell on its page (points, top-down) where the reader knows it (scans)."""
    confidence: float | None = None
    """The lowest OCR score of the text in the cell (0..1); None when not read by OCR."""


class Table(BaseModel):
    """A table as a grid of cells (row-major order), on the page where it starts."""

    model_config = _FROZEN

    kind: Literal["table"] = "table"
    page: int = 1
    cells: tuple[Cell, ...]

    @property
    def n_rows(self) -> int:
        """Number of grid rows."""
        return max((c.row + c.row_span for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        """Number of grid columns."""
        return max((c.col + c.col_span for c in self.cells), default=0)

    def grid(self) -> list[list[Cell | None]]:
        """Rows of the grid; every slot a merged cell covers points at that cell."""
        rows: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    rows[r][c] = cell
        return rows


class Paragraph(BaseModel):
    """A paragraph of text outside any table (or one OCR line in the cell-per-line dialect)."""

    model_config = _FROZEN

    kind: Literal["paragraph"] = "paragraph"
    page: int = 1
    text: str
    bbox: tuple[float, float, float, float] | None = None
    """Its lines' box on the page (points, top-down) where the reader knows it (scans)."""
    confidence: float | None = None
    """The lowest OCR score of its lines (0..1); None when not read by OCR."""


Block = Annotated[Paragraph | Table, Field(discriminator="kind")]


class Line(BaseModel):
    """A numbered line: a paragraph, or one table row with its cell texts joined by tabs."""

    model_config = _FROZEN

    text: str
    loc: Location
    block: int
    row: int | None = None
    cells: tuple[int, ...] = ()


class Document(BaseModel):
    """A whole input document in the model every parser reads."""

    model_config = _FROZEN

    source: Source
    blocks: tuple[Block, ...]
    lines: tuple[Line, ...] = ()
