"""The neutral page primitives every PDF engine hands to the layout code.

Owns the small, library-free shapes one page is read into: characters with their box and
font name, straight lines, rectangles and other paths (top-down coordinates in points, the
page's top edge at 0), and AcroForm check-box widgets with their state. The layout code
(`pdf_page`, `pdf_tables`, `pdf_boxes`, `pdf_text`) reads only these, so it neither knows
nor cares which library opened the file: `pdf_pdfium` (the default) and `pdf_plumber`
(the fallback and the reference) both fill them.

Drawing objects are compared by identity (`id()`): the box detector hands the ids of the
objects a check box used up to the grid builder, which then skips them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Char(NamedTuple):
    """One character as the engine decoded it (before symbol-font mapping).

    The layout's `pdf_text.Glyph` is this same shape (its text as it reads after the mapping):
    a page of plain text goes to the layout without a second object a character."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    score: float | None = None  # the OCR score of recognised text (scans); None from a text layer
    fontname: str | None = None


@dataclass(eq=False, slots=True)
class Shape:
    """A painted path piece: a line, a rectangle or a curve (polyline with its points)."""

    x0: float
    top: float
    x1: float
    bottom: float
    stroke: bool = True
    fill: bool = False
    pts: tuple[tuple[float, float], ...] = ()

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


class Widget(NamedTuple):
    """A visible check-box (or radio-button) widget and whether it is on."""

    x0: float
    top: float
    x1: float
    bottom: float
    checked: bool


@dataclass(frozen=True)
class PagePrimitives:
    """Everything the layout code needs from one page, read once."""

    number: int
    height: float
    chars: list[Char] = field(default_factory=list)
    lines: list[Shape] = field(default_factory=list)
    rects: list[Shape] = field(default_factory=list)
    curves: list[Shape] = field(default_factory=list)
    widgets: list[Widget] = field(default_factory=list)
    scanned: bool = False  # the page was read by OCR
