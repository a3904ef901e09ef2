"""PDFium and pdfplumber read every corpus PDF into the same document, and the same record.

The pdfplumber engine is the reference: on every PDF under corpus/, on the PDFs the
corpus generator writes (every PDF dialect) and on the form family's generated PDFs
(self-evaluation forms, several a file, some beside a monitoring form, planted faults),
the PDFium engine must give an identical
Document (blocks, text, cells, spans, pages) and so an identical extraction record; the
failures keep their codes whichever engine read the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.errors import ReadError
from schemas.limits import Limits
from parsers.readers import pdf_pdfium, source_for
from parsers.readers.pdf import read_with
from tests.readers.pdf_builders import Sheet, build

ROOT = Path(__file__).resolve().parents[2]
CORPUS_PDFS = sorted((ROOT / "corpus").rglob("*.pdf"))


def _outcome(data: bytes, path: Path, engine: str) -> object:
    try:
        return read_with(data, source_for(path, data), Limits(), engine).model_dump()  # type: ignore[arg-type]
    except ReadError as exc:
        return ("failed", exc.code)


def test_the_corpus_has_pdfs() -> None:
    assert len(CORPUS_PDFS) >= 10


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: str(p.relative_to(ROOT / "corpus")))
def test_corpus_pdf_reads_the_same_with_both_engines(path: Path) -> None:
    data = path.read_bytes()
    assert _outcome(data, path, "pdfium") == _outcome(data, path, "pdfplumber")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from corpus.generator import DIALECTS, generate

    out = tmp_path_factory.mktemp("generated-pdf")
    docs = generate(out, 2, 5, dialects=[d for d in DIALECTS if d.startswith("pdf")])
    return [Path(doc.path) for doc in docs]


def test_generated_pdfs_read_the_same_with_both_engines(generated: list[Path]) -> None:
    assert len(generated) >= 10
    for path in generated:
        data = path.read_bytes()
        pdfium, plumber = _outcome(data, path, "pdfium"), _outcome(data, path, "pdfplumber")
        assert pdfium == plumber, path.name


def test_generated_pdf_records_are_identical(generated: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.pipeline import extract_file
    from parsers.readers import pdf as pdf_reader

    sample = generated[:: max(1, len(generated) // 5)]
    default = [extract_file(path).model_dump(exclude={"meta"}) for path in sample]
    monkeypatch.setattr(pdf_reader, "read", lambda data, source, limits: read_with(data, source, limits, "pdfplumber"))
    reference = [extract_file(path).model_dump(exclude={"meta"}) for path in sample]
    assert default == reference
    assert all(record["status"] != "failed" for record in default)


@pytest.fixture(scope="module")
def family(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from corpus.generator.family import generate as generate_family

    out = tmp_path_factory.mktemp("family-pdf")
    return [doc.path for doc in generate_family(out, 6, 4242, layouts=["pdf"], faults=True)]


def test_family_pdfs_read_the_same_with_both_engines(family: list[Path]) -> None:
    assert len(family) == 6
    for path in family:
        data = path.read_bytes()
        assert _outcome(data, path, "pdfium") == _outcome(data, path, "pdfplumber"), path.name


def test_family_pdf_records_are_identical(family: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.pipeline import extract_file
    from parsers.readers import pdf as pdf_reader

    default = [extract_file(path).model_dump(exclude={"meta"}) for path in family]
    monkeypatch.setattr(pdf_reader, "read", lambda data, source, limits: read_with(data, source, limits, "pdfplumber"))
    reference = [extract_file(path).model_dump(exclude={"meta"}) for path in family]
    assert default == reference
    assert all(record["status"] != "failed" for record in default)


def test_pdfium_reads_primitives_the_layout_needs() -> None:
    def draw(s: Sheet) -> None:
        s.grid([50, 150, 300], [50, 80, 110])
        s.text(60, 60, "项目名称")

    pages = list(pdf_pdfium.pages(build(draw), Limits()))
    assert len(pages) == 1
    page = pages[0]
    assert "".join(c.text for c in page.chars) == "项目名称"
    char = page.chars[0]
    assert 55 < char.x0 < 65 and char.bottom - char.top == pytest.approx(char.size)
    assert len(page.lines) + len(page.rects) >= 5  # the grid's rules


def test_a_repaired_file_is_left_to_the_reference_engine() -> None:
    data = build(lambda s: s.text(50, 50, "项目名称"))
    broken = data.replace(b"startxref", b"startxrex")
    with pytest.raises(pdf_pdfium.NeedsReference):
        list(pdf_pdfium.pages(broken, Limits()))


def test_widgets_of_pages_imported_without_their_form_read_the_same(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    source = ROOT / "corpus" / "pdf" / "general_widgets_multipage.pdf"
    original, copy = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    try:
        copy.import_pages(original)  # the pages keep their /Annots; the catalog's AcroForm is lost
        path = tmp_path / "imported.pdf"
        copy.save(str(path))
    finally:
        original.close()
        copy.close()
    data = path.read_bytes()
    pages = list(pdf_pdfium.pages(data, Limits()))
    assert any(page.widgets for page in pages)
    assert any(widget.checked for page in pages for widget in page.widgets)
    assert _outcome(data, path, "pdfium") == _outcome(data, path, "pdfplumber")


def test_a_dense_vector_figure_is_read_without_its_specks(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from parsers.readers.pdf_pdfium_paths import DENSE_PATHS

    path = tmp_path / "figure.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    for i in range(DENSE_PATHS + 500):  # scatter markers, 1.2 pt across
        canvas.circle(60 + (i % 80) * 6, 400 + (i // 80) * 5, 0.6, stroke=1, fill=0)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(60, 780, "Name")
    for y in (750, 770, 790):  # a small ruled table drawn after the figure
        canvas.line(50, y, 300, y)
    for x in (50, 150, 300):
        canvas.line(x, 750, x, 790)
    canvas.rect(200, 700, 10, 10, stroke=1, fill=0)  # a check box
    canvas.showPage()
    canvas.save()
    (page,) = pdf_pdfium.pages(path.read_bytes(), Limits())
    assert page.curves == []  # on a page this dense no speck is read
    assert len(page.lines) == 6 and len(page.rects) == 1  # rules and box after the figure are
    from parsers.readers.pdf_page import TablePart, layout_page

    layout = layout_page(page)
    assert [item for item in layout.items if isinstance(item, TablePart)]
