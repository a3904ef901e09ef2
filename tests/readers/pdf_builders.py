"""Small PDFs drawn with the reportlab canvas for the PDF reader's tests.

Coordinates are given top-down (like pdfplumber) and converted here. Fonts: STSong-Light
(reportlab's built-in CID font) for Chinese, DejaVu Sans for ☑/☐, and the corpus's
`Wingdings2-test.ttf` for symbol-font code points.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[2]
SYMBOL_FONT = ROOT / "corpus" / "pdf" / "fonts" / "Wingdings2-test.ttf"
# A subset of DejaVu Sans (its licence allows redistribution) with ASCII and the box glyphs,
# so the tests need no system fonts.
DEJAVU = ROOT / "corpus" / "fonts" / "DejaVuSans-boxes.ttf"
CJK = "STSong-Light"
HEIGHT = A4[1]


def register_fonts() -> None:
    """Register the fonts once per process."""
    # Each name on its own: other code in the same process (the corpus generator) may have
    # registered some of these names already, with other files.
    registered = set(pdfmetrics.getRegisteredFontNames())
    if CJK not in registered:
        pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    pdfmetrics.registerFont(TTFont("Wingdings2", str(SYMBOL_FONT)))


class Sheet:
    """A canvas with top-down helpers; `pdf()` returns the bytes."""

    def __init__(self, **kwargs: object) -> None:
        register_fonts()
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=1, **kwargs)
        self.widgets = 0

    def text(self, x: float, top: float, text: str, font: str = CJK, size: float = 10) -> float:
        """Draw `text` with its top at `top`; returns the x after it."""
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, HEIGHT - top - size * 0.85, text)
        return x + pdfmetrics.stringWidth(text, font, size)

    def lines(self, x: float, top: float, rows: Iterable[str], leading: float = 14, size: float = 10) -> None:
        """Draw several lines, one under the other."""
        for i, row in enumerate(rows):
            self.text(x, top + i * leading, row, size=size)

    def hline(self, x0: float, x1: float, top: float) -> None:
        self.canvas.line(x0, HEIGHT - top, x1, HEIGHT - top)

    def vline(self, x: float, top: float, bottom: float) -> None:
        self.canvas.line(x, HEIGHT - top, x, HEIGHT - bottom)

    def grid(self, xs: list[float], ys: list[float], merged: Iterable[tuple[int, int, int, int]] = ()) -> None:
        """Rule a grid; `merged` = (row0, col0, row1, col1) end-exclusive regions without inner rules."""
        merged = list(merged)
        for r, y in enumerate(ys):
            for c in range(len(xs) - 1):
                if 0 < r < len(ys) - 1 and _same(merged, r - 1, c, r, c):
                    continue
                self.hline(xs[c], xs[c + 1], y)
        for c, x in enumerate(xs):
            for r in range(len(ys) - 1):
                if 0 < c < len(xs) - 1 and _same(merged, r, c - 1, r, c):
                    continue
                self.vline(x, ys[r], ys[r + 1])

    def square(self, x: float, top: float, side: float = 9) -> None:
        self.canvas.rect(x, HEIGHT - top - side, side, side, stroke=1, fill=0)

    def tick(self, x: float, top: float, side: float = 9) -> None:
        y = HEIGHT - top - side
        self.canvas.lines([(x + 1.5, y + 4, x + 3.5, y + 1), (x + 3.5, y + 1, x + side - 1, y + side - 1)])

    def cross(self, x: float, top: float, side: float = 9) -> None:
        y = HEIGHT - top - side
        self.canvas.lines([(x + 1, y + 1, x + side - 1, y + side - 1), (x + 1, y + side - 1, x + side - 1, y + 1)])

    def four_lines(self, x: float, top: float, side: float = 9) -> None:
        self.hline(x, x + side, top)
        self.hline(x, x + side, top + side)
        self.vline(x, top, top + side)
        self.vline(x + side, top, top + side)

    def widget(self, x: float, top: float, checked: bool, side: float = 9) -> None:
        self.widgets += 1
        self.canvas.acroForm.checkbox(name=f"w{self.widgets}", checked=checked, x=x, y=HEIGHT - top - side, size=side)

    def page(self) -> None:
        self.canvas.showPage()

    def pdf(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()


def _same(merged: list[tuple[int, int, int, int]], ra: int, ca: int, rb: int, cb: int) -> bool:
    return any(r0 <= ra < r1 and c0 <= ca < c1 and r0 <= rb < r1 and c0 <= cb < c1 for r0, c0, r1, c1 in merged)


def build(draw: Callable[[Sheet], None], **kwargs: object) -> bytes:
    """The bytes of a PDF drawn by `draw`."""
    sheet = Sheet(**kwargs)
    draw(sheet)
    return sheet.pdf()


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of `objects` (bodies numbered from 1, the first the catalog) with its
    cross-reference table: for files no PDF library would write."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
