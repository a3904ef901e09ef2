"""The .docx container: sniff the bytes, refuse hostile zips, return the main document XML.

Owns everything between the raw bytes and the parsed `word/document.xml` root: the magic
numbers (zip, OLE2), the zip-bomb guard, encrypted members, locating the main part through
`_rels/.rels`, and the safe XML parse. Walking the XML is `parsers.readers.docx`.

Decisions:
- A zip bomb is refused with **UnsafeDocument** (`unsafe-content`) when the declared
  uncompressed sizes add up to more than `limits.max_unzipped_bytes`, or when a member (or
  the whole archive) expands more than `limits.max_zip_ratio` times *and* to more than
  `_BOMB_FLOOR_BYTES` (a quarter of `max_unzipped_bytes`): ratio and size together, since
  real documents carry large media that compress well (a 20 MiB bitmap of a scanned table
  at 300x is an image, not a bomb). Both are checked on the central directory, before a
  single byte is inflated; the parts jixiao reads are then inflated with a cap as well, so a
  lying size header cannot get past. Media are never inflated at all.
- Strict OOXML (ISO 29500 Strict, `http://purl.oclc.org/ooxml/...` namespaces) is read like
  Transitional: its namespaces are mapped onto the Transitional ones before parsing.
- An OLE2 file under a .docx name is either a password-protected docx (OOXML encryption wraps
  the package in an OLE2 container holding an "EncryptionInfo" stream) -> EncryptedDocument,
  or a legacy .doc that was renamed -> UnsupportedFormat.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from extract.errors import (
    CorruptDocument,
    EncryptedDocument,
    NotADocument,
    ReadError,
    UnsafeDocument,
    UnsupportedFormat,
)
from extract.settings import Limits
from parsers.readers.boundary import safe_xml

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAMS = ("EncryptionInfo", "EncryptedPackage")  # MS-OFFCRYPTO's two streams
_OFFICE_DOCUMENT = "/officeDocument"
_DEFAULT_MAIN = "word/document.xml"
# Ratios are only meaningful on members big enough to matter; tiny XML parts of real
# documents can compress 50-100x, and a few KiB of output cannot hurt anyone.
_RATIO_FLOOR_BYTES = 1 << 20
_STRICT_SCAN_BYTES = 8192  # namespace declarations sit on the root element, at the top
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HELPER_KINDS = ("numbering", "styles")


def is_zip(data: bytes) -> bool:
    """True when the bytes start like a zip archive."""
    return data[:4] in ZIP_MAGIC


def is_ole2(data: bytes) -> bool:
    """True when the bytes are an OLE2 compound file (legacy .doc, or an encrypted docx)."""
    return data[:8] == OLE2_MAGIC


def is_encrypted_ooxml(data: bytes) -> bool:
    """True for an OLE2 container that holds OOXML encryption's "EncryptionInfo" or
    "EncryptedPackage" stream (read from the compound file's directory, any letter case)."""
    if not is_ole2(data):
        return False
    names = {name.lower() for name in ole2_stream_names(data)}
    if names:
        return any(stream.lower() in names for stream in _ENCRYPTION_STREAMS)
    return any(stream.encode("utf-16-le") in data for stream in _ENCRYPTION_STREAMS)


def ole2_stream_names(data: bytes, max_entries: int = 4096) -> list[str]:
    """The entry names of an OLE2 compound file's directory ([MS-CFB] 2.6), [] when the
    header or the directory chain cannot be followed (a fake or damaged container)."""
    if len(data) < 512 or not is_ole2(data):
        return []
    sector_size = 1 << int.from_bytes(data[30:32], "little")
    if sector_size not in (512, 4096):
        return []
    first_dir = int.from_bytes(data[48:52], "little")
    fat_sectors = [int.from_bytes(data[76 + 4 * i: 80 + 4 * i], "little") for i in range(109)]

    def sector(number: int) -> bytes:
        start = (number + 1) * sector_size
        return data[start: start + sector_size]

    fat: list[int] = []
    for number in fat_sectors:
        if number >= 0xFFFFFFFA:
            break
        chunk = sector(number)
        fat.extend(int.from_bytes(chunk[k: k + 4], "little") for k in range(0, len(chunk) - 3, 4))
    names: list[str] = []
    current, seen = first_dir, set()
    while current < 0xFFFFFFFA and current not in seen and len(names) < max_entries:
        seen.add(current)
        chunk = sector(current)
        for k in range(0, len(chunk) - 127, 128):
            length = int.from_bytes(chunk[k + 64: k + 66], "little")
            if 2 <= length <= 64:
                names.append(chunk[k: k + length - 2].decode("utf-16-le", errors="replace"))
        current = fat[current] if current < len(fat) else 0xFFFFFFFE
    return names


def sniff_non_zip(data: bytes) -> None:
    """Raise the right ReadError for bytes under a .docx name that are not a zip."""
    if is_encrypted_ooxml(data):
        raise EncryptedDocument("Word 文档已加密（设置了打开密码），请去除密码后另存为 .docx 再提交")
    if is_ole2(data):
        raise UnsupportedFormat("这是旧版 Word（.doc）文件，只是扩展名为 .docx；请用 Word 另存为 .docx 后重试")
    raise NotADocument("文件不是 Word 文档（.docx 应为 zip 包），可能已损坏或扩展名有误")


def main_document(data: bytes, limits: Limits) -> etree._Element:
    """The parsed root (`w:document`) of the package's main part."""
    return package(data, limits)[0]


def package(data: bytes, limits: Limits) -> tuple[etree._Element, dict[str, etree._Element]]:
    """The main part's root and its parsed helper parts by kind ("numbering", "styles").

    The helper parts are optional: one that is missing, unreadable or malformed is left out
    (the body is still read, only without list numbers), never an error of the document.
    """
    if not is_zip(data):
        sniff_non_zip(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        _refuse_bombs(infos, limits)
        name = _main_part_name(archive, limits)
        info = _member(archive, name)
        if info is None:
            raise NotADocument("zip 包中没有 word/document.xml，不是 Word 文档")
        if info.flag_bits & 0x1:
            raise EncryptedDocument("Word 文档内容已加密，无法读取")
        xml = strict_to_transitional(_read_capped(archive, info, limits))
        if not xml.strip():
            raise CorruptDocument("word/document.xml 为空")
        root = safe_xml(xml, "Word 文档")
        parts = _helper_parts(archive, name, limits)
    return root, parts


def _helper_parts(archive: zipfile.ZipFile, main: str, limits: Limits) -> dict[str, etree._Element]:
    """numbering.xml and styles.xml, found through the main part's relationships."""
    folder, base = posixpath.split(main)
    targets = {kind: posixpath.join(folder, f"{kind}.xml") for kind in _HELPER_KINDS}
    rels_info = _member(archive, posixpath.join(folder, "_rels", f"{base}.rels"))
    if rels_info is not None:
        try:
            rels = safe_xml(_read_capped(archive, rels_info, limits), "Word 文档关系表")
        except UnsafeDocument:
            raise
        except (ReadError, etree.LxmlError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
            rels = None
        for rel in rels.iter(f"{_PKG_REL_NS}Relationship") if rels is not None else ():
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            if kind in _HELPER_KINDS and target and rel.get("TargetMode") != "External":
                path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                targets[kind] = posixpath.normpath(path)
    parts: dict[str, etree._Element] = {}
    for kind, path in targets.items():
        info = _member(archive, path)
        if info is None or info.flag_bits & 0x1:
            continue
        try:
            parts[kind] = safe_xml(strict_to_transitional(_read_capped(archive, info, limits)),
                                   f"Word 文档 {path}")
        except UnsafeDocument:
            raise  # a bomb or a DTD is hostile wherever it sits in the package
        except (ReadError, etree.LxmlError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
            continue  # a broken helper part costs the list numbers, not the document
    return parts


# Strict OOXML namespace -> its Transitional twin (ISO/IEC 29500-1 Strict vs Transitional).
_STRICT_NAMESPACES = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main":
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships":
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    b"http://purl.oclc.org/ooxml/drawingml/main": b"http://schemas.openxmlformats.org/drawingml/2006/main",
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    b"http://purl.oclc.org/ooxml/officeDocument/math": b"http://schemas.openxmlformats.org/officeDocument/2006/math",
}


def strict_to_transitional(xml: bytes) -> bytes:
    """A Strict OOXML part with its namespaces renamed to Transitional (unchanged otherwise)."""
    if b"purl.oclc.org/ooxml/" not in xml[:_STRICT_SCAN_BYTES]:
        return xml
    for strict, transitional in _STRICT_NAMESPACES.items():
        xml = xml.replace(b'"' + strict + b'"', b'"' + transitional + b'"')
        xml = xml.replace(b"'" + strict + b"'", b"'" + transitional + b"'")
    return xml


def _refuse_bombs(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = sum(max(info.file_size, 0) for info in infos)
    packed = sum(max(info.compress_size, 0) for info in infos)
    floor = max(_RATIO_FLOOR_BYTES, limits.max_unzipped_bytes // 4)
    if total > limits.max_unzipped_bytes:
        raise UnsafeDocument(
            f"zip 包解压后共 {total} 字节，超过上限 {limits.max_unzipped_bytes} 字节（疑似 zip 炸弹），拒绝解压"
        )
    for info in infos:
        if info.file_size > floor and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
            raise UnsafeDocument(
                f"zip 成员 {info.filename} 解压后 {info.file_size} 字节，压缩比超过 {limits.max_zip_ratio} 倍"
                "（疑似 zip 炸弹），拒绝解压"
            )
    if total > floor and total > limits.max_zip_ratio * max(packed, 1):
        raise UnsafeDocument(f"zip 包压缩比超过 {limits.max_zip_ratio} 倍（疑似 zip 炸弹），拒绝解压")


def _member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    try:
        return archive.getinfo(name)
    except KeyError:
        lowered = name.lower()  # some writers vary the case of part names
        return next((i for i in archive.infolist() if i.filename.lower() == lowered), None)


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    cap = min(limits.max_unzipped_bytes, max(info.compress_size, 1) * limits.max_zip_ratio)
    cap = max(cap, _RATIO_FLOOR_BYTES)
    with archive.open(info) as stream:
        data = stream.read(cap + 1)
    if len(data) > cap:
        raise UnsafeDocument(f"{info.filename} 解压后超过 {cap} 字节（疑似 zip 炸弹），拒绝读取")
    return data


def _main_part_name(archive: zipfile.ZipFile, limits: Limits) -> str:
    """The target of the officeDocument relationship in `_rels/.rels`, else the default."""
    info = _member(archive, "_rels/.rels")
    if info is None:
        return _DEFAULT_MAIN
    rels = safe_xml(_read_capped(archive, info, limits), "Word 文档关系表（_rels/.rels）")
    for rel in rels.iter(f"{_PKG_REL_NS}Relationship"):
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "").lstrip("/")
            return posixpath.normpath(target) if target else _DEFAULT_MAIN
    return _DEFAULT_MAIN
