"""Reader faults found in other libraries' public test collections, each with a minimal file
built here: the right code (or a good read), no traceback, no library text, no stderr noise."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx_builders import body_docx, p, r, zip_bytes

from extract.pipeline import extract_file
from parsers.readers.docx_container import is_encrypted_ooxml, ole2_stream_names
from tests.readers.pdf_builders import raw_pdf

SEED = Path(__file__).resolve().parents[2] / "corpus" / "txt" / "seed-huacao-tabs.txt"
REPO = Path(__file__).resolve().parents[2]
TRADITIONAL = ("財政項目支出績效運行監控（跟蹤評價）\n項目名稱\t2024年華漕鎮資訊化建設及運維項目\n"
               "主管部門\t閔行區華漕鎮人民政府\n當年預算數（萬元）\t58.1\n一、項目基本情況\n"
               "本項目旨在通過打通各業務系統專網，部署統一的視頻圖像融合匯聚，實現對專網或互聯網視頻的實時監控。\n")


def test_a_pdf_whose_pages_reference_does_not_resolve_is_read(tmp_path):
    text = b"BT /F1 12 Tf 50 780 Td (Project report) Tj ET"
    path = tmp_path / "dangling-pages.pdf"
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 9 0 R >>",  # object 9 does not exist
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]))
    record = extract_file(path)
    codes = [e.code for e in record.errors]
    assert "corrupt" not in codes and "internal-error" not in codes, record.errors
    assert record.source.pages == 1
    assert all("AttributeError" not in e.message and "NoneType" not in e.message for e in record.errors)


def test_a_broken_pdf_message_carries_no_library_text(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n")
    record = extract_file(path)
    assert record.status.value == "failed"
    for error in record.errors:
        assert error.message.isascii() is False  # jixiao's own Chinese words
        assert "Error" not in error.message and "pdfminer" not in error.message.lower()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32", "utf-32-be-bom"])
def test_utf16_and_utf32_with_bom_are_read(tmp_path, encoding):
    text = SEED.read_text(encoding="utf-8")
    if encoding.endswith("-be-bom"):
        codec = encoding[: -len("-bom")]
        data = "\ufeff".encode(codec) + text.encode(codec)
    else:
        data = text.encode(encoding)
    path = tmp_path / "unicode.txt"
    path.write_bytes(data)
    record = extract_file(path)
    assert record.status.value == "ok", record.errors
    assert record.fields.town == "上海市闵行区华漕镇人民政府"


def test_big5_text_is_decoded_not_garbled(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("cp950"))
    from parsers.readers.text import decode

    assert decode(path.read_bytes()) == TRADITIONAL
    record = extract_file(path)  # read, not refused, and its characters read as simplified
    assert record.form.type == "monitoring"
    assert record.fields.project_name == "2024年华漕镇资讯化建设及运维项目"
    assert record.fields.annual_budget is not None and record.fields.annual_budget.stated_unit == "万元"


def test_gb_text_is_still_read_as_gb():
    from parsers.readers.text import decode

    text = SEED.read_text(encoding="utf-8")
    assert decode(text.encode("gb18030")) == text


def _docx_with(extra: dict[str, bytes]) -> bytes:
    data = body_docx(p(r("项目名称")), p(r("测试项目")))
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    return zip_bytes({**members, **extra})


def test_a_docx_with_one_large_well_compressed_image_is_read(tmp_path):
    path = tmp_path / "large-media.docx"
    path.write_bytes(_docx_with({"word/media/image1.bmp": b"BM" + bytes(30 << 20)}))  # 30 MiB, ~1000x
    record = extract_file(path)
    assert "unsafe-content" not in [e.code for e in record.errors], record.errors


def test_a_docx_member_expanding_far_and_wide_is_still_a_bomb(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx_with({"word/media/image1.bmp": bytes(120 << 20)}))  # 120 MiB at ~1000x
    assert extract_file(path).errors[0].code == "unsafe-content"


def _cfb(names: list[str]) -> bytes:
    """A real (minimal) compound file: header, one FAT sector, one directory sector ([MS-CFB])."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[24:26] = (0x3E).to_bytes(2, "little")
    header[26:28] = (3).to_bytes(2, "little")
    header[28:30] = b"\xfe\xff"
    header[30:32] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[32:34] = (6).to_bytes(2, "little")
    header[44:48] = (1).to_bytes(4, "little")  # one FAT sector
    header[48:52] = (1).to_bytes(4, "little")  # directory starts at sector 1
    header[56:60] = (4096).to_bytes(4, "little")
    header[60:64] = header[68:72] = b"\xfe\xff\xff\xff"
    header[76:80] = (0).to_bytes(4, "little")  # FAT in sector 0
    header[80:512] = b"\xff" * 432
    fat = bytearray(b"\xff" * 512)
    fat[0:4] = (0xFFFFFFFD).to_bytes(4, "little")  # sector 0: FAT
    fat[4:8] = (0xFFFFFFFE).to_bytes(4, "little")  # sector 1: end of the directory chain
    directory = bytearray()
    for name in names:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[0:len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes(512 - len(directory))
    return bytes(header + fat + directory)


def test_an_encrypted_docx_is_encrypted_not_a_legacy_doc(tmp_path):
    data = _cfb(["Root Entry", "\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"])
    assert ole2_stream_names(data) == ["Root Entry", "\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"]
    assert is_encrypted_ooxml(data)
    path = tmp_path / "secret.docx"
    path.write_bytes(data)
    assert extract_file(path).errors[0].code == "encrypted"
    legacy = tmp_path / "old.docx"
    legacy.write_bytes(_cfb(["Root Entry", "WordDocument", "1Table"]))
    assert extract_file(legacy).errors[0].code == "unsupported-format"


def test_a_strict_ooxml_docx_is_read(tmp_path):
    import io

    data = body_docx(p(r("项目名称：严格格式项目")))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.endswith(".xml"):
                body = body.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
                body = body.replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                    b"http://purl.oclc.org/ooxml/officeDocument/relationships")
            target.writestr(info, body)
    strict = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(strict)) as archive:
        assert b"purl.oclc.org/ooxml/wordprocessingml/main" in archive.read("word/document.xml")
    path = tmp_path / "strict.docx"
    path.write_bytes(strict)
    record = extract_file(path)
    assert "not-a-document" not in [e.code for e in record.errors], record.errors
    from parsers.readers import read_document

    document = read_document(path, strict)
    assert any("严格格式项目" in line.text for line in document.lines)


def test_library_warnings_never_reach_stderr():
    script = ("import logging, parsers.readers\n"
              "logging.getLogger('pdfminer.pdfpage').warning('CropBox missing from /Page, defaulting')\n"
              "logging.getLogger('pdfminer').warning('Could not get FontBBox')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO,
                            timeout=120, check=False)
    assert result.returncode == 0 and result.stderr == ""
