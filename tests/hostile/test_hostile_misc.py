"""Output-safety units, arbitrary bytes under every suffix, no network over the corpus, and
the .doc conversion run without network."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import samples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.outputs.report_html import read_documents, write_report
from extract.outputs.safety import esc, neutralise_cell, xlsx_cell
from extract.pipeline import extract_document, extract_file
from parsers.readers import read_document
from schemas.errors import ReadError
from schemas.limits import Limits

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text", ["=1+1", " =1+1", "\n=1", "\u3000+1", "\uff1dSUM(A1)", "\uff20x",
                                  "\u00a0-1", "\ufeff=1"])
def test_formula_like_text_behind_blanks_or_full_width_is_neutralised(text):
    assert neutralise_cell(text) == "'" + text
    assert xlsx_cell(text).startswith("'")


@pytest.mark.parametrize("text", ["七宝镇 = 1", "  七宝镇", "", "100%", "a-b"])
def test_plain_text_is_untouched(text):
    assert neutralise_cell(text) == text


def test_xlsx_cell_removes_xml_illegal_characters_before_neutralising():
    assert xlsx_cell("\x01=1") == "\ufffd=1" or xlsx_cell("\x01=1").startswith("'")
    assert len(xlsx_cell("x" * 100_000)) <= 32_767


def test_every_html_spot_is_escaped(tmp_path):
    import json
    from html.parser import HTMLParser

    from extract.outputs.index import build_index

    evil = '"><script>alert(1)</script><x a=\''
    record = {
        "status": evil, "source": {"path": evil},
        "fields": {"project_name": evil},
        "errors": [{"code": evil, "message": evil}],
        "discrepancies": [{"rule": evil, "severity": evil, "fields": [evil, 3], "message": evil,
                           "evidence": [{"text": evil, "location": {"page": evil, "line": evil}}]}],
    }
    failed = {"status": "failed", "source": {"path": evil + ".pdf"}, "errors": [{"code": evil, "message": evil}]}
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in (record, failed)),
                                            encoding="utf-8")
    write_report(build_index(tmp_path), {"jixiao_version": evil, "schema_version": evil})
    page = (tmp_path / "report.html").read_text(encoding="utf-8")

    seen: list[tuple[str, list[str]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            seen.append((tag, [name for name, _ in attrs]))

    Tags().feed(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "div", "span", "code",
               "table", "tr", "th", "td", "label", "input", "select", "option", "button", "script"}
    assert {tag for tag, _ in seen} <= allowed, seen
    assert {a for _, attrs in seen for a in attrs} <= {
        "lang", "charset", "name", "content", "class", "id", "data-rule", "type", "value", "checked"}
    assert sum(tag == "script" for tag, _ in seen) == 3  # two JSON blocks and the page's own script
    assert esc(evil) in page  # the failed-documents table and the page's header
    # the read document is data the script shows as text: intact, and no markup in the page
    (document,) = read_documents(page)
    assert document[0] == evil and document[3] == evil and document[4] == [[evil, evil]]
    assert document[5][0][:2] == [evil, evil] and document[5][0][4][0][0] == evil


ANY_NAME = st.sampled_from(["x.txt", "x.md", "x.html", "x.htm", "x.docx", "x.pdf", "x.doc"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_NAME, st.binary(max_size=4000))
def test_arbitrary_bytes_under_any_name_raise_only_read_errors(name, data):
    if name == "x.doc" and data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return  # would start LibreOffice
    try:
        document = read_document(Path(name), data, Limits(timeout_seconds=5))
    except ReadError as exc:
        assert exc.code
        return
    extract_document(document)


DOCX_PARTS = st.sampled_from(["word/document.xml", "_rels/.rels", "[Content_Types].xml"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCX_PARTS, st.binary(max_size=2000) | st.text(max_size=300).map(str.encode))
def test_a_docx_with_an_arbitrary_part_raises_only_read_errors(part, data):
    docx = samples.replace_member(part, data, base=_DOCX)
    try:
        read_document(Path("x.docx"), docx, Limits())
    except ReadError as exc:
        assert exc.code


_DOCX = samples.corpus_docx()


def test_no_network_over_the_whole_corpus(no_network, canary):
    documents = [p for p in sorted((REPO / "corpus").rglob("*"))
                 if p.suffix.lower() in {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}]
    assert documents
    for path in documents:
        record = extract_file(path)
        assert record.status.value in ("ok", "partial", "failed")
    assert no_network == [] and canary.hits == []


def test_the_network_blocker_works(no_network):
    import socket
    import urllib.request

    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(OSError):
        urllib.request.urlopen("http://127.0.0.1:9/")
    assert len(no_network) == 2
    no_network.clear()


def test_an_html_doc_is_read_without_libreoffice_and_fetches_nothing(tmp_path, canary):
    path = tmp_path / "remote.doc"
    path.write_bytes(f'<html><body><p>项目名称</p><img src="{canary.url}/doc.png"></body></html>'.encode())
    before = len(canary.hits)
    record = extract_file(path, samples_settings())
    time.sleep(0.3)
    assert canary.hits[before:] == []
    assert record.source.dialect == "html"


def test_an_rtf_doc_converted_by_libreoffice_fetches_nothing(tmp_path, canary):
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice is not installed: nothing converts .doc")
    path = tmp_path / "remote.doc"
    rtf = "{\\rtf1\\ansi {\\field{\\*\\fldinst INCLUDEPICTURE \"" + canary.url + "/rtf.png\" \\\\d}}项目名称}"
    path.write_bytes(rtf.encode("utf-8"))
    before = len(canary.hits)
    extract_file(path, samples_settings())
    time.sleep(0.3)
    assert canary.hits[before:] == []


def samples_settings():
    from extract.settings import Settings

    return Settings(limits=Limits(timeout_seconds=30))


def _widget_pdf(annot_objects: list[bytes], annots: bytes) -> bytes:
    return samples.pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots " + annots + b" /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        samples._stream(b"BT /F1 12 Tf 50 780 Td (x) Tj ET"), samples._FONT, *annot_objects])


def _read_both(data: bytes) -> None:
    """PDFium skips the broken widget (a Document or a ReadError, nothing else); pdfminer raises."""
    from parsers.readers import source_for
    from parsers.readers.pdf import read_with

    try:
        read_document(Path("x.pdf"), data, Limits())
    except ReadError:
        pass
    read_with(data, source_for(Path("x.pdf"), data), Limits(), "pdfplumber")


def test_a_widget_with_a_keyword_in_its_rect_is_a_read_error():
    data = _widget_pdf([], b"[<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [0 0 foo 10] >>]")
    with pytest.raises(ReadError):
        _read_both(data)


def test_a_broken_annotation_dictionary_is_a_read_error():
    data = _widget_pdf([b"<< /Type /Annot /Subtype /Widget /Rect >>"], b"[6 0 R]")
    with pytest.raises(ReadError):
        _read_both(data)
