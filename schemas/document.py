"""The format-neutral document model every reader produces and every parser reads.

Readers (`parsers.readers.*`) build *blocks*: paragraphs and tables, in reading order. A
check box is an element of the cell or paragraph that holds it (`Checkbox`: its state, how
sure the reading is, what it was read from, the option label beside it, where it stands);
the text view shows it as ☑ (ticked), ☐ (empty) or ⍰ (unknown) at `Checkbox.offset`, for
provenance and evidence. A cell or paragraph may carry its box on the page (`bbox`, points,
top-left origin) and a reading confidence where the reader knows them (an OCR'd cell: the lowest
recognizer score of its text). One shared builder
(`parsers.lines.build_document`) attaches the boxes and numbers the blocks into *lines*,
which give every field and every piece of evidence its `{page, line}`. Field parsing,
sections and the checker read only this.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.discrepancy import Location
from schemas.record import Source

_FROZEN = ConfigDict(extra="forbid", frozen=True)

BBox = tuple[float, float, float, float]
"""x0, top, x1, bottom in points from the page's top-left corner."""
BoxState = Literal["checked", "unchecked", "unknown"]
BoxSource = Literal["w14", "formfield", "glyph", "acroform", "drawn", "ocr", "pixels", "picture"]


class Checkbox(BaseModel):
    """A check box as an element of its cell or paragraph.

    `source` is what it was read from: a Word content control (w14), a legacy form field, a
    box glyph in the text (a symbol font, ☑/☐ in OCR text), a PDF AcroForm widget, a square
    drawn on a PDF page, an OCR engine's word, a scan's pixels, or a small picture standing
    for a box in a Word run (its state unknown: a picture is not read). `label` is the text beside
    it in its element (after it when the element opens with a box, else before it:
    `label_side`), the option it answers as printed; `offset` is where its glyph stands in the
    element's text.
    """

    model_config = _FROZEN

    state: BoxState
    source: BoxSource
    offset: int
    label: str = ""
    label_side: Literal["before", "after"] = "after"
    confidence: float | None = None
    bbox: BBox | None = None

    @property
    def checked(self) -> bool | None:
        """True ticked, False empty, None when the reading could not tell."""
        return None if self.state == "unknown" else self.state == "checked"


class Cell(BaseModel):
    """One table cell after span resolution: a merged cell appears exactly once."""

    model_config = _FROZEN

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str
    page: int | None = None
    boxes: tuple[Checkbox, ...] = ()
    bbox: BBox | None = None
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
    boxes: tuple[Checkbox, ...] = ()
    bbox: BBox | None = None
    confidence: float | None = None
    """The lowest OCR score of its lines (0..1); None when not read by OCR."""
    empty_after: int = 0
    """Cells the text marks as left empty right after this one (one cell a line with pipe
    endings prints an empty cell as a line of only `|`); 0 where the text does not say."""


Block = Annotated[Paragraph | Table, Field(discriminator="kind")]


class Line(BaseModel):
    """A numbered line: a paragraph, or one table row with its cell texts joined by tabs."""

    model_config = _FROZEN

    text: str
    loc: Location
    block: int
    row: int | None = None
    cells: tuple[int, ...] = ()
    bbox: BBox | None = None
    confidence: float | None = None
    empty_after: int = 0
    """The empty cells printed right after this line's (`Paragraph.empty_after`)."""


class Document(BaseModel):
    """A whole input document in the model every parser reads."""

    model_config = _FROZEN

    source: Source
    blocks: tuple[Block, ...]
    lines: tuple[Line, ...] = ()
