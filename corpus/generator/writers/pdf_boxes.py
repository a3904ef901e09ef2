"""A flowable that draws a group of options with their boxes, in one of four ways.

glyph: a Unicode glyph (☑☐, ☒☐, ■□) in the text layer. pua: U+F052/U+F0A3 in a font named
Wingdings2. drawn: a square (a rect, or four lines) with a drawn tick or cross when ticked,
nothing in the text layer. acroform: an AcroForm checkbox widget. Labels are always text.
Options flow left to right and wrap to the next line in a narrow cell.
"""

from __future__ import annotations

import itertools
import random

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from corpus.generator.writers.pdf_fonts import PUA_CHECKED, PUA_UNCHECKED, fonts

BOX = 7.0
GAP = 3.0
GLYPH_PAIRS = (("☑", "☐"), ("☒", "☐"), ("■", "□"))


class Style:
    """Per-document box style: mode, glyph pair, side of the label, drawing variant."""

    def __init__(self, mode: str, rng: random.Random) -> None:
        self.mode = mode
        self.pair = rng.choice(GLYPH_PAIRS)
        self.before = rng.random() < 0.5
        self.four_lines = rng.random() < 0.5
        self.cross = rng.random() < 0.3
        self.names = itertools.count(1)


class Options(Flowable):
    """Options (label, ticked) with boxes, wrapped to the cell width."""

    def __init__(self, options: tuple[tuple[str, bool], ...], style: Style, size: float = 8.5) -> None:
        super().__init__()
        self.options, self.style, self.size = options, style, size
        self.leading = size + 3
        self._lines: list[list[tuple[str, bool, float]]] = []

    def _item_width(self, label: str) -> float:
        return stringWidth(label, fonts()["cjk"], self.size) + GAP + BOX

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._lines, line, x = [], [], 0.0
        for label, on in self.options:
            width = self._item_width(label)
            if line and x + width > avail_width:
                self._lines.append(line)
                line, x = [], 0.0
            line.append((label, on, width))
            x += width + GAP * 2
        self._lines.append(line)
        self.width = avail_width
        self.height = self.leading * len(self._lines)
        return avail_width, self.height

    def draw(self) -> None:
        for i, line in enumerate(self._lines):
            y = self.height - (i + 1) * self.leading + 3
            x = 0.0
            for label, on, width in line:
                label_x = x + BOX + GAP if self.style.before else x
                box_x = x if self.style.before else x + width - BOX
                self.canv.setFont(fonts()["cjk"], self.size)
                if self.style.before:
                    self._box(box_x, y, on)
                    self.canv.setFont(fonts()["cjk"], self.size)
                    self.canv.drawString(label_x, y, label)
                else:
                    self.canv.drawString(label_x, y, label)
                    self._box(box_x, y, on)
                x += width + GAP * 2

    def _box(self, x: float, y: float, on: bool) -> None:
        mode, canv = self.style.mode, self.canv
        if mode == "glyph":
            canv.setFont(fonts()["glyph"], self.size)
            canv.drawString(x, y, self.style.pair[0] if on else self.style.pair[1])
        elif mode == "pua":
            canv.setFont(fonts()["pua"], self.size)
            canv.drawString(x, y, PUA_CHECKED if on else PUA_UNCHECKED)
        elif mode == "drawn":
            self._drawn(x, y - 1, on)
        else:
            canv.acroForm.checkbox(name=f"box{next(self.style.names)}", x=x, y=y - 1, size=BOX,
                                   checked=on, buttonStyle="check", borderWidth=0.5,
                                   fillColor=None, forceBorder=True, relative=True)

    def _drawn(self, x: float, y: float, on: bool) -> None:
        canv = self.canv
        canv.setLineWidth(0.6)
        if self.style.four_lines:
            for x0, y0, x1, y1 in ((x, y, x + BOX, y), (x + BOX, y, x + BOX, y + BOX),
                                   (x + BOX, y + BOX, x, y + BOX), (x, y + BOX, x, y)):
                canv.line(x0, y0, x1, y1)
        else:
            canv.rect(x, y, BOX, BOX, stroke=1, fill=0)
        if not on:
            return
        if self.style.cross:
            canv.line(x + 1, y + 1, x + BOX - 1, y + BOX - 1)
            canv.line(x + 1, y + BOX - 1, x + BOX - 1, y + 1)
        else:
            canv.line(x + 1.2, y + 3.5, x + 3, y + 1.2)
            canv.line(x + 3, y + 1.2, x + BOX - 0.8, y + BOX - 0.8)
