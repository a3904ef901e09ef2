"""Format readers in a registry: file suffix -> reader module; `read_document(path)` -> Document.

Each reader module exposes `read(data: bytes, source: Source, limits: Limits) -> Document`
and raises only `extract.errors.ReadError` subclasses. Reader modules are imported lazily,
so reading one text file never pays for importing pdfplumber.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from extract.errors import EmptyDocument, FileAccessError, LimitExceeded, UnsupportedFormat
from extract.settings import Limits
from schemas.document import Document
from schemas.record import Source

READERS: dict[str, str] = {
    ".txt": "parsers.readers.text",
    ".md": "parsers.readers.text",
    ".markdown": "parsers.readers.text",
    ".html": "parsers.readers.text",
    ".htm": "parsers.readers.text",
    ".docx": "parsers.readers.docx",
    ".doc": "parsers.readers.doc",
    ".pdf": "parsers.readers.pdf",
}

FORMATS: dict[str, str] = {".docx": "docx", ".doc": "docx", ".pdf": "pdf"}

SUPPORTED_SUFFIXES = frozenset(READERS)


def source_for(path: Path, data: bytes | None = None) -> Source:
    """The Source of a file: path, format by suffix, sha256 when the bytes are known."""
    suffix = path.suffix.lower()
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
    return Source(path=str(path), sha256=digest, format=FORMATS.get(suffix, "txt") if suffix in READERS else None)


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing files over the size limit before reading them."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise FileAccessError(f"不是普通文件: {path}")
        if size > limits.max_file_bytes:
            raise LimitExceeded(
                f"文件大小 {size} 字节超过上限 {limits.max_file_bytes} 字节", code="too-large"
            )
        return path.read_bytes()
    except OSError as exc:
        raise FileAccessError(f"无法读取文件 {path}: {exc.strerror or exc}") from exc


def read_document(path: Path, data: bytes, limits: Limits | None = None) -> Document:
    """Read `data` (the bytes of `path`) with the reader its suffix names."""
    limits = limits or Limits()
    suffix = path.suffix.lower()
    module_name = READERS.get(suffix)
    if module_name is None:
        raise UnsupportedFormat(f"不支持的文件类型“{suffix or '(无后缀)'}”；支持 .txt .md .html .htm .docx .pdf")
    if not data:
        raise EmptyDocument("文件为空（0 字节）")
    module = importlib.import_module(module_name)
    return module.read(data, source_for(path, data), limits)
