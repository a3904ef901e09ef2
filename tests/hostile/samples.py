"""Hostile and broken inputs, built in memory (nothing downloaded, no binary committed).

`SAMPLES` lists every hostile file with the outcome it must give: the record status and the
error code (None for a file that must simply be read, e.g. a file name with a newline).
`build_folder(root, url)` writes them all into `root`; `url` is where a document would try
to fetch something from (the tests point it at a local server that counts connections).

Used by the hostile tests and by `benchmarks/fuzz_readers.py`.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "seed_000_e4d372a10ec87f57.txt"
CORPUS_DOCX = REPO / "corpus" / "docx" / "key_mixed_boxes.docx"
CORPUS_PDF = REPO / "corpus" / "pdf" / "general_pua_wanyuan.pdf"

XSS = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example/","点我")'
READABLE = ("ok", "partial")
# The time limit of a hostile batch: the slow PDF takes far longer (~40 s of CPU), everything
# else far less even on a busy 2-core machine (a few seconds at most).
HOSTILE_TIMEOUT = 15.0


@dataclass(frozen=True)
class Sample:
    """One hostile file: its name, how to build it, and the outcome it must give."""

    name: str
    build: Callable[[str], bytes]
    status: str | tuple[str, ...]
    code: str | tuple[str, ...] | None
    what: str

    def statuses(self) -> tuple[str, ...]:
        return self.status if isinstance(self.status, tuple) else (self.status,)

    def codes(self) -> tuple[str, ...] | None:
        """The acceptable read-error codes; None: read, so no read-error code at all."""
        return None if self.code is None else self.code if isinstance(self.code, tuple) else (self.code,)


# --------------------------------------------------------------------------- text


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _random(n: int, seed: int = 7) -> bytes:
    import random

    return random.Random(seed).randbytes(n)


def _binary_with_nul(_: str) -> bytes:
    return b"\x00\x01\x02\x03PK\x00\x00" + _random(4000)


def _high_bytes(_: str) -> bytes:
    """No NUL, no valid UTF-8, not plausible GB18030: bytes in no encoding we read."""
    import random

    rnd = random.Random(11)
    return bytes(rnd.choice(range(0x80, 0x100)) for _ in range(6000))


def _mixed_encoding(_: str) -> bytes:
    lines = seed_text().split("\n")
    return b"\n".join(line.encode("gb18030") if i % 2 else line.encode("utf-8")
                      for i, line in enumerate(lines))


def _xss_formula(_: str) -> bytes:
    """The project name is `<script>alert(1)</script>` (written as entities: the text reader
    drops raw tags), the budget unit and a quoted narrative sentence begin =HYPERLINK(…)."""
    text = seed_text()
    text = text.replace("2024年华漕镇“一网统管”信息化建设及运维+智能信息数据归集和应用项目",
                        XSS.replace("<", "&lt;").replace(">", "&gt;"))
    text = text.replace("华漕镇城市运行管理中心", FORMULA, 1)
    text = text.replace("本项目2024年初预算安排为58.1万元，调整预算1.225万元",
                        "。" + FORMULA + "本项目2024年初预算安排为58.1万元，调整预算1.225万元")
    return text.encode("utf-8")


def _html_fetch(url: str) -> bytes:
    return (f'<html><head><link rel="stylesheet" href="{url}/style.css">'
            f'<script src="{url}/x.js"></script></head><body>'
            f'<img src="{url}/img.png"><iframe src="{url}/frame"></iframe>'
            f'<table><tr><td>项目名称</td><td>外部资源<img src="{url}/a.png"></td></tr>'
            f'<tr><td>预算单位</td><td>某单位</td></tr></table></body></html>').encode()


def _html_entity_bomb(url: str) -> bytes:
    lol = "".join(f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">{lol}'
            f'<!ENTITY xxe SYSTEM "{url}/xxe">]><html><body><table><tr><td>项目名称</td>'
            f"<td>&lol9;&xxe;</td></tr></table></body></html>").encode()


# --------------------------------------------------------------------------- docx


def corpus_docx() -> bytes:
    return CORPUS_DOCX.read_bytes()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zip_bytes(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return stream.getvalue()


def replace_member(name: str, data: bytes, base: bytes | None = None) -> bytes:
    parts = members(base or corpus_docx())
    parts[name] = data
    return zip_bytes(parts)


def _docx_truncated(_: str) -> bytes:
    data = corpus_docx()
    return data[: len(data) // 2]


def _docx_no_central_directory(_: str) -> bytes:
    data = corpus_docx()
    return data[: data.rfind(b"PK\x01\x02")]


def _docx_bad_crc(_: str) -> bytes:
    """document.xml stored uncompressed with one byte changed: the CRC check fails."""
    parts = members(corpus_docx())
    data = zip_bytes(parts, zipfile.ZIP_STORED)
    at = data.find(b"<w:body>")
    return data[:at] + b"<w:bodx>" + data[at + 8:]


def _docx_garbled_deflate(_: str) -> bytes:
    data = corpus_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + bytes(b ^ 0x5A for b in data[middle: middle + 64]) + data[middle + 64:]


def _docx_without_document(_: str) -> bytes:
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "hello.txt": "你好".encode()})


def _docx_not_word(_: str) -> bytes:
    return replace_member("word/document.xml", b"<html><body>not word</body></html>")


def _docx_bomb_ratio(_: str) -> bytes:
    """A 64 MiB document.xml of spaces, about 64 KiB compressed (ratio ~1000)."""
    xml = b'<?xml version="1.0"?><w:document xmlns:w="w">' + b" " * (64 << 20) + b"</w:document>"
    return replace_member("word/document.xml", xml)


def _docx_bomb_declared(_: str) -> bytes:
    """The central directory declares a 4 GiB document.xml: refused before inflating."""
    data = corpus_docx()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46: at + 46 + name_len] == b"word/document.xml":
            return data[: at + 24] + struct.pack("<I", 0xFFFFFFF0) + data[at + 28:]
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError("no document.xml in the corpus docx")


def _docx_bomb_lying(_: str) -> bytes:
    """The headers say 2 KiB; the member really inflates to 256 MiB: the capped read stops it."""
    xml = b"<w:document>" + b"A" * (64 << 20)
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = packed.compress(xml) + packed.flush()
    crc = zlib.crc32(xml)
    name = b"word/document.xml"
    lie = 2048
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(body), lie, len(name), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(body),
                          lie, len(name), 0, 0, 0, 0, 0, 0)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central) + len(name),
                      len(local) + len(name) + len(body), 0)
    return local + name + body + central + name + end


def _xxe_xml(url: str) -> bytes:
    xml = members(corpus_docx())["word/document.xml"].decode("utf-8")
    head, _, rest = xml.partition("?>")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{url}/xxe">]>'
    return (head + "?>" + doctype + rest.replace("<w:body>", "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", 1)).encode()


def _docx_xxe(url: str) -> bytes:
    return replace_member("word/document.xml", _xxe_xml(url))


def _docx_billion_laughs(_: str) -> bytes:
    lol = "".join(f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    return replace_member("word/document.xml", xml.encode())


def _docx_xxe_utf16(url: str) -> bytes:
    xml = _xxe_xml(url).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return replace_member("word/document.xml", xml.encode("utf-16"))


def _docx_xxe_rels(url: str) -> bytes:
    rels = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{url}/rels">]>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" Type="&xxe;/officeDocument"/>'
            "</Relationships>")
    return replace_member("_rels/.rels", rels.encode())


def _docx_external(url: str) -> bytes:
    """External relationships (an image, a template, the main part itself) are never fetched."""
    parts = members(corpus_docx())
    rels_name = "word/_rels/document.xml.rels"
    rels = parts[rels_name].decode()
    extra = (f'<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             f'relationships/image" Target="{url}/img.png" TargetMode="External"/>'
             f'<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             f'relationships/attachedTemplate" Target="{url}/t.dotm" TargetMode="External"/>')
    parts[rels_name] = rels.replace("</Relationships>", extra + "</Relationships>").encode()
    pkg = parts["_rels/.rels"].decode()
    pkg = pkg.replace("<Relationship ", f'<Relationship Id="rIdE" Type="http://schemas.openxmlformats.org/'
                      f'officeDocument/2006/relationships/officeDocument" Target="{url}/doc.xml" '
                      f'TargetMode="External"/><Relationship ', 1)
    parts["_rels/.rels"] = pkg.encode()
    return zip_bytes(parts)


def _docx_deep(_: str) -> bytes:
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "<w:sdt><w:sdtContent>" * 5000 + "</w:sdtContent></w:sdt>" * 5000 + "</w:body></w:document>")
    return replace_member("word/document.xml", xml.encode())


def _ole2(*streams: str) -> bytes:
    body = b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body + b"\x00" * 1024


def _docx_encrypted(_: str) -> bytes:
    return _ole2("EncryptionInfo", "EncryptedPackage")


def _docx_legacy(_: str) -> bytes:
    return _ole2("WordDocument", "1Table")


def _docx_encrypted_member(_: str) -> bytes:
    data = bytearray(zip_bytes(members(corpus_docx())))
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 8] |= 0x1  # the "encrypted" flag bit in every central-directory entry
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def _docx_unknown_compression(_: str) -> bytes:
    data = bytearray(zip_bytes(members(corpus_docx())))
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 10: at + 12] = struct.pack("<H", 99)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


# --------------------------------------------------------------------------- pdf


def pdf_bytes(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered objects (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def _stream(content: bytes, compress: bool = False) -> bytes:
    if compress:
        content = zlib.compress(content, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def simple_pdf(lines: list[str], extra_page: bytes = b"", catalog_extra: bytes = b"") -> bytes:
    text = b"BT /F1 12 Tf 50 780 Td 14 TL " + b"".join(
        b"(" + line.encode("latin-1") + b") '" for line in lines) + b" ET"
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R " + extra_page + b">>",
        _stream(text),
        _FONT,
    ])


def _pdf_many_pages(_: str, pages: int = 3000, declared: int | None = None) -> bytes:
    first = 4
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % (pages if declared is None else declared),
               _stream(b"BT /F1 12 Tf 50 780 Td (page) Tj ET")]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    return pdf_bytes(objects)


def _pdf_many_pages_lying_count(_: str) -> bytes:
    return _pdf_many_pages(_, declared=1)


def _pdf_broken_xref(_: str) -> bytes:
    data = simple_pdf(["Broken cross-reference table", "project text"])
    xref = data.rfind(b"xref\n")
    table_end = data.find(b"trailer", xref)
    garbage = b"".join(b"%010d 00000 n \n" % (999999 + i) for i in range(6))
    return data[:xref] + b"xref\n0 6\n" + garbage + data[table_end:]


def _pdf_no_xref(_: str) -> bytes:
    data = simple_pdf(["No xref at all"])
    return data[: data.rfind(b"xref\n")]


def _pdf_truncated(_: str) -> bytes:
    data = CORPUS_PDF.read_bytes()
    return data[: len(data) // 3]


def _pdf_header_only(_: str) -> bytes:
    return b"%PDF-1.7\n" + _random(3000)


def _pdf_encrypted(_: str) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen.canvas import Canvas

    stream = io.BytesIO()
    canvas = Canvas(stream, encrypt=pdfencrypt.StandardEncryption("user-pw", "owner-pw"))
    canvas.drawString(50, 780, "secret project")
    canvas.save()
    return stream.getvalue()


def _pdf_slow(_: str) -> bytes:
    """One page with 400,000 tiny glyphs: legal, small compressed, minutes of layout work."""
    ops = b"BT /F1 1 Tf " + b"(abcdefghij) Tj 0 -0.5 Td " * 40_000 + b"ET"
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        _stream(ops, compress=True),
        _FONT,
    ])


def _pdf_scan(_: str) -> bytes:
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(b"0 0 m 100 100 l S"),
    ])


def _pdf_page_tree_loop(_: str) -> bytes:
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
    ])


def _pdf_fetching(url: str) -> bytes:
    """A readable PDF with a URI action, a link annotation, an external file and JavaScript."""
    u = url.encode()
    return simple_pdf(
        ["Project name: remote resources", "nothing is fetched"],
        extra_page=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
                   b"/A << /S /URI /URI (" + u + b"/link) >> >>]",
        catalog_extra=b"/OpenAction << /S /JavaScript /JS (app.launchURL\\('" + u + b"/js'\\)) >> "
                      b"/AA << /WC << /S /GoToR /F << /FS /URL /F (" + u + b"/remote.pdf) >> /D [0 /Fit] >> >> ",
    )


# --------------------------------------------------------------------------- the list


def _const(data: bytes) -> Callable[[str], bytes]:
    return lambda _url: data


def _seed_copy(n: int) -> Callable[[str], bytes]:
    """The seed with n extra trailing newlines: the same document, different bytes (the batch
    engine reads byte-identical copies once and lists the others as duplicates)."""
    return lambda _url: seed_text().encode("utf-8") + b"\n" * n


def _binary_copy(n: int) -> Callable[[str], bytes]:
    return lambda _url: b"\x00\x01\x02\x03PK\x00\x00" + _random(4000, seed=n)


SAMPLES: list[Sample] = [
    # empty and blank
    Sample("empty.txt", _const(b""), "failed", "empty", "zero bytes"),
    Sample("empty.md", _const(b""), "failed", "empty", "zero bytes"),
    Sample("empty.html", _const(b""), "failed", "empty", "zero bytes"),
    Sample("empty.docx", _const(b""), "failed", "empty", "zero bytes"),
    Sample("empty.pdf", _const(b""), "failed", "empty", "zero bytes"),
    Sample("blank.txt", _const(" \r\n\t\n\u3000\n".encode()), "failed",
           "empty", "only white space"),
    Sample("bom-only.txt", _const(b"\xef\xbb\xbf"), "failed", "empty", "a UTF-8 BOM and nothing else"),
    # binary data under text, Word and PDF names
    Sample("binary.txt", _binary_copy(1), "failed", "not-a-document", "random bytes with NULs"),
    Sample("binary.md", _binary_copy(2), "failed", "not-a-document", "random bytes with NULs"),
    Sample("binary.html", _binary_copy(3), "failed", "not-a-document", "random bytes with NULs"),
    Sample("binary.docx", _binary_copy(4), "failed", "not-a-document", "random bytes"),
    Sample("binary.pdf", _binary_copy(5), "failed", "not-a-document", "random bytes"),
    Sample("pdf-as.docx", lambda u: simple_pdf(["a pdf"]), "failed", "not-a-document", "a PDF named .docx"),
    Sample("docx-as.pdf", lambda u: corpus_docx(), "failed", "not-a-document", "a docx named .pdf"),
    Sample("zip-as.txt", lambda u: corpus_docx() + b"tail", "failed", "not-a-document", "a docx named .txt"),
    # encodings and lines
    Sample("unknown-encoding.txt", _high_bytes, "failed", "unknown-encoding", "bytes in no encoding"),
    Sample("mixed-encoding.txt", _mixed_encoding, READABLE, None, "UTF-8 and GB18030 lines mixed"),
    Sample("utf16-seed.txt", lambda u: seed_text().encode("utf-16"), READABLE, None, "UTF-16 with BOM"),
    # zip containers
    Sample("truncated.docx", _docx_truncated, "failed", "corrupt", "half a docx"),
    Sample("no-central-directory.docx", _docx_no_central_directory, "failed", "corrupt",
           "zip without its central directory"),
    Sample("bad-crc.docx", _docx_bad_crc, "failed", "corrupt", "a member whose CRC does not match"),
    Sample("garbled-deflate.docx", _docx_garbled_deflate, "failed", "corrupt", "garbled deflate data"),
    Sample("no-document-xml.docx", _docx_without_document, "failed", "not-a-document", "zip without word/"),
    Sample("html-main-part.docx", _docx_not_word, "failed", "not-a-document", "main part not w:document"),
    Sample("deep-nesting.docx", _docx_deep, "failed", "corrupt", "5000 nested content controls"),
    Sample("encrypted.docx", _docx_encrypted, "failed", "encrypted", "OOXML encryption (OLE2 wrapper)"),
    Sample("encrypted-member.docx", _docx_encrypted_member, "failed", "encrypted", "zip-encrypted members"),
    Sample("legacy-doc.docx", _docx_legacy, "failed", "unsupported-format", "a .doc renamed .docx"),
    Sample("unknown-compression.docx", _docx_unknown_compression, "failed", "unsupported-format",
           "zip compression method 99"),
    # zip bombs
    Sample("bomb-ratio.docx", _docx_bomb_ratio, "failed", "unsafe-content", "64 MiB in 64 KiB"),
    Sample("bomb-declared-4gib.docx", _docx_bomb_declared, "failed", "unsafe-content",
           "central directory declares 4 GiB"),
    Sample("bomb-lying-header.docx", _docx_bomb_lying, "failed", ("unsafe-content", "corrupt"),
           "headers say 2 KiB, data inflates to 64 MiB"),
    # XML attacks
    Sample("xxe.docx", _docx_xxe, "failed", "unsafe-content", "external entity SYSTEM http://"),
    Sample("xxe-utf16.docx", _docx_xxe_utf16, "failed", "unsafe-content", "XXE in a UTF-16 part"),
    Sample("xxe-rels.docx", _docx_xxe_rels, "failed", "unsafe-content", "XXE in _rels/.rels"),
    Sample("billion-laughs.docx", _docx_billion_laughs, "failed", "unsafe-content", "entity expansion"),
    Sample("external-relationships.docx", _docx_external, READABLE, None,
           "TargetMode=External image, template and main part"),
    Sample("entity-bomb.html", _html_entity_bomb, ("failed", "partial"), None,
           "billion laughs + XXE in HTML (never expanded)"),
    Sample("remote-resources.html", _html_fetch, ("failed", "partial"), None, "<img src=http://…> etc."),
    # PDFs
    Sample("header-only.pdf", _pdf_header_only, "failed", "corrupt", "%PDF- then random bytes"),
    Sample("truncated.pdf", _pdf_truncated, "failed", "corrupt",
           "a third of a PDF"),
    Sample("broken-xref.pdf", _pdf_broken_xref, ("failed", "partial"), None,
           "xref offsets point nowhere (recovered by scanning, or corrupt)"),
    Sample("no-xref.pdf", _pdf_no_xref, "failed", "corrupt", "no xref, no trailer"),
    Sample("encrypted.pdf", _pdf_encrypted, "failed", "encrypted", "RC4 user password"),
    Sample("many-pages.pdf", _pdf_many_pages, "failed", "too-many-pages", "3000 pages"),
    Sample("many-pages-lying-count.pdf", _pdf_many_pages_lying_count, "failed", "too-many-pages",
           "3000 pages, /Count 1"),
    Sample("page-tree-loop.pdf", _pdf_page_tree_loop, "failed", "empty", "Kids refer back"),
    Sample("scan.pdf", _pdf_scan, "failed", "no-text-layer", "no text on the page"),
    # PDFium reads the glyphs on the page in well under the limit (those below it are not
    # on the page); pdfminer needs minutes for them all.
    Sample("slow.pdf", _pdf_slow, "failed", ("timeout", "unrecognized-form"), "400,000 glyphs on one page"),
    Sample("remote-actions.pdf", _pdf_fetching, ("failed", "partial"), None,
           "URI, GoToR and JavaScript actions"),
    # file names
    Sample("带 空格 的文件.txt", _seed_copy(1), READABLE, None, "spaces and Chinese characters in the name"),
    Sample("换行\n的文件.txt", _seed_copy(2), READABLE, None, "a newline in the name"),
    Sample("-leading-dash.txt", _seed_copy(3), READABLE, None, "a name that looks like an option"),
    Sample("=cmd|' calc'!A0.txt", _seed_copy(4), READABLE, None, "a name that looks like a formula"),
    Sample("<img src=x onerror=alert(2)>.md", _seed_copy(5), READABLE, None, "a name that is HTML"),
    Sample("xss-formula.txt", _xss_formula, READABLE, None, "project name <script>, unit =HYPERLINK"),
    # not a document at all
    Sample("legacy.doc", _binary_copy(6), "failed", "not-a-document", "random bytes under .doc"),
]

# Sizes big enough to matter: built once per session, not part of SAMPLES' quick loop.
LONG_LINE_BYTES = 50 * 1024 * 1024


def write_long_line(path: Path) -> None:
    """A text file holding one 50 MB line (ASCII digits, no newline)."""
    chunk = b"0123456789" * 104857  # ~1 MiB
    with path.open("wb") as fh:
        written = 0
        while written < LONG_LINE_BYTES:
            fh.write(chunk)
            written += len(chunk)


def build_folder(root: Path, url: str = "http://127.0.0.1:9") -> dict[str, Sample]:
    """Write every sample into `root`; return {file path: sample}, plus the special files."""
    root.mkdir(parents=True, exist_ok=True)
    written: dict[str, Sample] = {}
    for sample in SAMPLES:
        path = root / sample.name
        path.write_bytes(sample.build(url))
        written[str(path)] = sample
    # symbolic-link loops and broken links
    sub = root / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "loop").symlink_to(root, target_is_directory=True)
    (sub / "self-loop").symlink_to(sub / "self-loop")
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    written[str(root / "dangling.txt")] = Sample("dangling.txt", _const(b""), "failed", "file-unreadable",
                                                 "a symbolic link to nothing")
    (root / "self.pdf").symlink_to(root / "self.pdf")
    written[str(root / "self.pdf")] = Sample("self.pdf", _const(b""), "failed", "file-unreadable",
                                             "a symbolic link to itself (ELOOP)")
    os.mkfifo(root / "fifo.txt")
    written[str(root / "fifo.txt")] = Sample("fifo.txt", _const(b""), "failed", "file-unreadable",
                                             "a named pipe (never opened)")
    (root / "folder.txt").mkdir()  # a folder with a document suffix is walked, not read
    return written
