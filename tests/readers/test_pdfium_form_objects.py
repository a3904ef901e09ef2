"""Path objects inside form XObjects are read through the forms' matrices (`pdf_pdfium_paths`):
a rectangle and a rule drawn in a form, placed twice (moved, then moved and scaled), and one
form nested in another, are found where the page shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.readers import pdf_pdfium
from schemas.limits import Limits

HEIGHT = 842.0


def _draw(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(595, HEIGHT))
    canvas.beginForm("box")
    canvas.rect(10, 10, 100, 50, stroke=1, fill=0)
    canvas.line(10, 0, 110, 0)
    canvas.endForm()
    canvas.beginForm("outer")
    canvas.doForm("box")
    canvas.endForm()
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, 800, "forms")
    canvas.saveState()
    canvas.translate(100, 200)
    canvas.doForm("box")
    canvas.restoreState()
    canvas.saveState()
    canvas.translate(300, 400)
    canvas.scale(2, 2)
    canvas.doForm("box")
    canvas.restoreState()
    canvas.saveState()
    canvas.translate(50, 600)
    canvas.doForm("outer")
    canvas.restoreState()
    canvas.showPage()
    canvas.save()


def test_paths_in_forms_are_placed_by_the_forms_matrices(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    _draw(path)
    (page,) = pdf_pdfium.pages(path.read_bytes(), Limits())
    rects = sorted((r.x0, r.top, r.x1, r.bottom) for r in page.rects)
    lines = sorted((s.x0, s.top, s.x1, s.bottom) for s in page.lines)
    want_rects = [(110, HEIGHT - 260, 210, HEIGHT - 210), (60, HEIGHT - 660, 160, HEIGHT - 610),
                  (320, HEIGHT - 520, 520, HEIGHT - 420)]
    want_lines = [(110, HEIGHT - 200, 210, HEIGHT - 200), (60, HEIGHT - 600, 160, HEIGHT - 600),
                  (320, HEIGHT - 400, 520, HEIGHT - 400)]
    assert rects == [pytest.approx(r) for r in sorted(want_rects)]
    assert lines == [pytest.approx(s) for s in sorted(want_lines)]
