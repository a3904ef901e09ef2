"""A page's `/Rotate`: coordinates as the page is shown, whichever way its content was drawn.

A PDF page may be displayed turned by 90, 180 or 270 degrees clockwise (`/Rotate`); printers
use it for landscape forms on a portrait sheet, drawing the content turned the other way so
that it reads upright on screen. pdfminer (the pdfplumber engine) already reports such a
page as shown; PDFium reports the drawn (unturned) coordinates. Owns the one mapping from a
page's drawn coordinates (top-down, `width` x `height` as drawn) to the shown ones, for
points, shapes and widgets, so the layout code always sees upright text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from parsers.readers.pdf_primitives import Shape, Widget

Point = tuple[float, float]


@dataclass(frozen=True)
class Turn:
    """The clockwise display rotation of a page (0, 90, 180 or 270) and its drawn size."""

    degrees: int
    width: float  # as drawn (before the rotation)
    height: float

    @classmethod
    def of(cls, degrees: int, width: float, height: float) -> Turn:
        """A turn normalised to 0/90/180/270 (anything else is no turn)."""
        normal = degrees % 360
        return cls(normal if normal in (90, 180, 270) else 0, width, height)

    @property
    def shown_height(self) -> float:
        """The page's height as shown."""
        return self.width if self.degrees in (90, 270) else self.height

    def top_down(self, x: float, y: float) -> Point:
        """A PDF user-space point (y up) as shown, top-down (the top edge at 0)."""
        return self.point(x, self.height - y)

    def point(self, x: float, top: float) -> Point:
        """A drawn top-down point as shown."""
        if self.degrees == 90:
            return self.height - top, x
        if self.degrees == 180:
            return self.width - x, self.height - top
        if self.degrees == 270:
            return top, self.width - x
        return x, top

    def box(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        """A drawn top-down box as shown: (x0, top, x1, bottom)."""
        (ax, at), (bx, bt) = self.point(x0, top), self.point(x1, bottom)
        return min(ax, bx), min(at, bt), max(ax, bx), max(at, bt)

    def shape(self, shape: Shape) -> Shape:
        """A drawn shape as shown (its box and its points)."""
        x0, top, x1, bottom = self.box(shape.x0, shape.top, shape.x1, shape.bottom)
        pts = tuple(self.point(x, t) for x, t in shape.pts)
        return replace(shape, x0=x0, top=top, x1=x1, bottom=bottom, pts=pts)

    def widget(self, widget: Widget) -> Widget:
        """A drawn widget as shown."""
        x0, top, x1, bottom = self.box(widget.x0, widget.top, widget.x1, widget.bottom)
        return widget._replace(x0=x0, top=top, x1=x1, bottom=bottom)
