"""The collector pause around a PDF page: off inside, as it was after (errors included),
and a collector the caller disabled stays disabled; a PDF read under it reads the same."""

from __future__ import annotations

import gc
import io
import weakref

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from parsers.readers import gc_pause, pdf, pdf_pdfium
from parsers.readers.gc_pause import collector_paused
from parsers.readers.pdf_primitives import Char, PagePrimitives
from schemas.limits import Limits


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_turns_the_collector_on_again() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("page")
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pages_are_laid_out_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = pdf.layout_page

    def layout_page(page: PagePrimitives) -> object:
        seen.append(gc.isenabled())
        return real(page)

    def pages() -> object:
        for number in (1, 2):
            seen.append(gc.isenabled())
            yield PagePrimitives(number=number, height=842.0,
                                 chars=[Char("项", 50.0, 60.0, 100.0, 110.0, 10.0, fontname="SimSun")])

    monkeypatch.setattr(pdf, "layout_page", layout_page)
    out = pdf.layouts(pages())  # type: ignore[arg-type]
    assert [page.number for page in out] == [1, 2]
    assert [line.text for page in out for line in page.items] == ["项", "项"]  # type: ignore[union-attr]
    assert seen == [False] * 4  # each page read, then laid out, with the collector off
    assert gc.isenabled()


def test_a_pages_primitives_are_freed_before_the_collector_resumes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Held while the collector runs again, a page's thousands of characters would be walked
    by its next pass: neither the PDFium reader's generator nor `layouts` keeps them."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(2):
        canvas.drawString(50, 800, f"page {page + 1}")
        canvas.showPage()
    canvas.save()
    alive: list[bool] = []
    pages = pdf_pdfium.pages(buffer.getvalue(), Limits())
    read = weakref.ref(next(pages))
    alive.append(read() is not None)  # the generator, suspended, holds the page it yielded?
    real_enable = gc.enable

    def enable() -> None:  # the collector resumes: is any page's primitives still alive?
        alive.append(any(ref() is not None for ref in refs))
        real_enable()

    refs: list[weakref.ref[PagePrimitives]] = []
    real = pdf.layout_page

    def layout_page(page: PagePrimitives) -> object:
        refs.append(weakref.ref(page))
        return real(page)

    monkeypatch.setattr(pdf, "layout_page", layout_page)
    monkeypatch.setattr(gc_pause.gc, "enable", enable)
    out = pdf.layouts(pdf_pdfium.pages(buffer.getvalue(), Limits()))
    assert [page.number for page in out] == [1, 2]
    assert alive == [False] * 4  # the first page after `next`, then at each of three resumptions


def test_a_document_is_parsed_and_checked_with_the_collector_paused(monkeypatch, tmp_path) -> None:
    from extract import pipeline

    seen: list[bool] = []
    real = pipeline._extract_part

    def watched(part, settings):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(part, settings)

    monkeypatch.setattr(pipeline, "_extract_part", watched)
    path = tmp_path / "report.txt"
    path.write_text("项目支出绩效自评表\n项目名称\t道路养护\n", encoding="utf-8")
    records = pipeline.extract_records(path)
    assert records and seen and not any(seen)
    assert gc.isenabled()


def test_a_document_is_read_with_the_collector_paused(monkeypatch, tmp_path) -> None:
    """Reading builds the document's pages and blocks; a collection there walks all of them."""
    from extract import pipeline

    seen: list[bool] = []
    real = pipeline.read_document

    def watched(path, data, limits):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(path, data, limits)

    monkeypatch.setattr(pipeline, "read_document", watched)
    path = tmp_path / "report.txt"
    path.write_text("项目支出绩效自评表\n项目名称\t道路养护\n", encoding="utf-8")
    records = pipeline.extract_records(path)
    assert records and seen == [False]
    assert gc.isenabled()


def test_an_unreadable_document_turns_the_collector_on_again(tmp_path) -> None:
    from extract import pipeline

    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nnot a pdf at all")
    records = pipeline.extract_records(path)
    assert records[0].status == "failed"
    assert gc.isenabled()
