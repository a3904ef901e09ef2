"""Translate library exceptions into `ReadError` subclasses where they enter (httpx pattern).

Owns `reading_errors()`, the one `with` block every binary reader (docx, doc, pdf) wraps its
parsing in, and `safe_xml()`, the XML parser every reader must use for document-supplied
XML. Format-neutral on purpose: the PDF reader passes its own library's exceptions through
`extra` instead of this module importing pdfminer.

    zipfile.BadZipFile, zlib.error, EOFError, struct.error   -> CorruptDocument  (corrupt)
    lxml XMLSyntaxError / ParserError, KeyError, IndexError   -> CorruptDocument  (corrupt)
    zipfile.LargeZipFile, MemoryError                         -> LimitExceeded    (too-large)
    RuntimeError "… is encrypted, password required …"       -> EncryptedDocument (encrypted)
    RecursionError                                            -> UnsafeDocument   (unsafe-content)
    NotImplementedError (e.g. unsupported zip compression)    -> UnsupportedFormat
    ReadError                                                 -> passes through unchanged
    any other JixiaoError (a template, a setting), and NameError / AssertionError raised by
    jixiao's own code                                         -> passes through unchanged: a
        fault of ours is an `internal-error`, never reported as the document's fault

Messages are jixiao's own words: a library's exception text never reaches a user's message
(it stays on the exception chain, for errors.log).

XML with a DTD or entity declarations is refused (UnsafeDocument) before it is parsed, and
the parser itself never loads a DTD, never resolves entities and never touches the network.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from schemas.errors import (
    CorruptDocument,
    EncryptedDocument,
    JixiaoError,
    LimitExceeded,
    ReadError,
    UnsafeDocument,
    UnsupportedFormat,
)

if TYPE_CHECKING:
    from lxml import etree

_CORRUPT: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    struct.error,
    KeyError,
    IndexError,
    UnicodeDecodeError,
)

# The head of an XML part in which a DOCTYPE could legally stand (before the root element).
_PROLOG_SCAN_BYTES = 4096


class _ReadingErrors:
    """The block of one `reading_errors()`: a plain context manager (a generator-based one
    costs some 4,000 machine instructions a use, and a PDF page uses one)."""

    __slots__ = ("_extra", "_what")

    def __init__(self, what: str, extra: Mapping[type[BaseException], type[ReadError]] | None) -> None:
        self._what = what
        self._extra = extra

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if exc is None or not isinstance(exc, Exception) or isinstance(exc, JixiaoError) or is_own_bug(exc):
            return  # no exception, one not to translate (KeyboardInterrupt, ours): it goes on
        raise _translate(self._what, exc, self._extra or {}) from exc


def reading_errors(
    what: str, extra: Mapping[type[BaseException], type[ReadError]] | None = None
) -> _ReadingErrors:
    """Re-raise library exceptions met while reading `what` (e.g. "Word 文档") as ReadErrors.

    Args:
        what: the kind of document, used in the messages (Chinese, for people).
        extra: further exception classes to translate, checked before the defaults.
    """
    return _ReadingErrors(what, extra)


_OWN_PACKAGES = tuple(str(Path(__file__).resolve().parents[2] / name) for name in ("parsers", "extract", "schemas"))
_BUG_TYPES = (NameError, AssertionError)  # never caused by a document's content


def is_own_bug(exc: BaseException) -> bool:
    """True for a programming error raised in jixiao's own code (not in a library it calls)."""
    if not isinstance(exc, _BUG_TYPES):
        return False
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_code.co_filename.startswith(_OWN_PACKAGES)


def _translate(
    what: str, exc: Exception, extra: Mapping[type[BaseException], type[ReadError]]
) -> ReadError:
    for kind, error in extra.items():
        if isinstance(exc, kind):
            return error(f"{what}无法读取（{error.code}）")
    if isinstance(exc, RecursionError):
        return UnsafeDocument(f"{what}嵌套过深，拒绝读取")
    if isinstance(exc, (zipfile.LargeZipFile, MemoryError)):
        return LimitExceeded(f"{what}过大，超出处理上限", code="too-large")
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        # zipfile refuses a member with the "encrypted" flag bit this way (no own class).
        return EncryptedDocument(f"{what}内容已加密，无法读取")
    if isinstance(exc, NotImplementedError):
        return UnsupportedFormat(f"{what}使用了不支持的压缩或编码方式")
    if isinstance(exc, _CORRUPT + _lxml_errors()):
        return CorruptDocument(f"{what}已损坏或不完整")
    return CorruptDocument(f"{what}无法解析，结构已损坏")


def _lxml_errors() -> tuple[type[BaseException], ...]:
    """lxml's parse errors, once a reader has imported lxml (a text file's reader never does)."""
    lxml_etree = sys.modules.get("lxml.etree")
    return (lxml_etree.XMLSyntaxError, lxml_etree.ParserError) if lxml_etree is not None else ()


def _safe_parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        remove_comments=True,
        collect_ids=False,
    )


def has_dtd(data: bytes) -> bool:
    """True when an XML byte string declares a DOCTYPE or an entity (in UTF-8 or UTF-16)."""
    head = data[:_PROLOG_SCAN_BYTES]
    for marker in (b"<!DOCTYPE", b"<!ENTITY"):
        if marker in head or marker.decode().encode("utf-16-le") in head:
            return True
    # An ENTITY declaration can only sit inside a DOCTYPE, but search the whole part for
    # one so a DOCTYPE pushed past the scanned head by a long prolog is still caught.
    return b"<!ENTITY" in data or b"<!DOCTYPE" in data


def safe_xml(data: bytes, what: str) -> etree._Element:
    """Parse `data` as XML, refusing DTDs and entity declarations (UnsafeDocument)."""
    if has_dtd(data):
        raise UnsafeDocument(f"{what}含有 DTD 或实体声明（可能是 XML 炸弹或外部实体攻击），拒绝读取")
    from lxml import etree

    root = etree.fromstring(data, _safe_parser())
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise UnsafeDocument(f"{what}含有 DTD 声明，拒绝读取")
    return root
