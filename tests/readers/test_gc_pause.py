"""The collector pause around a PDF page: off inside, as it was after (errors included),
and a collector the caller disabled stays disabled; a PDF read under it reads the same."""

from __future__ import annotations

import gc

import pytest

from parsers.readers import pdf
from parsers.readers.gc_pause import collector_paused
from parsers.readers.pdf_primitives import Char, PagePrimitives


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
