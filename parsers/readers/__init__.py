"""Format readers in a registry: file suffix -> reader module; `read_document(path)` -> Document.

Each reader module exposes `read(data: bytes, source: Source, limits: Limits) -> Document`
and raises only `extract.errors.ReadError` subclasses. Reader modules are imported lazily,
so reading one text file never pays for importing pdfplumber.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import stat
from pathlib import Path
from typing import BinaryIO

from extract.errors import EmptyDocument, FileAccessError, LimitExceeded, UnsupportedFormat
from extract.settings import Limits
from schemas.document import Document
from schemas.record import Source

# Library warnings (pdfminer's "Could not get FontBBox…", "Ignoring wrong pointing object…")
# are about the document's oddities, which its record already states; they never reach stderr.
for _library in ("pdfminer", "pdfplumber", "docx"):
    logging.getLogger(_library).addHandler(logging.NullHandler())
    logging.getLogger(_library).propagate = False

READERS: dict[str, str] = {
    ".txt": "parsers.readers.text",
    ".md": "parsers.readers.text",
    ".markdown": "parsers.readers.text",
    ".html": "parsers.readers.text",
    ".htm": "parsers.readers.text",
    ".docx": "parsers.readers.docx",
    ".doc": "parsers.readers.doc",
    ".pdf": "parsers.readers.pdf",
    ".png": "parsers.readers.image",
    ".jpg": "parsers.readers.image",
    ".jpeg": "parsers.readers.image",
    ".tif": "parsers.readers.image",
    ".tiff": "parsers.readers.image",
}

FORMATS: dict[str, str] = {".docx": "docx", ".doc": "docx", ".pdf": "pdf", **dict.fromkeys(
    (".png", ".jpg", ".jpeg", ".tif", ".tiff"), "image")}

SUPPORTED_SUFFIXES = frozenset(READERS)


def source_for(path: Path, data: bytes | None = None) -> Source:
    """The Source of a file: path, format by suffix, sha256 when the bytes are known."""
    suffix = path.suffix.lower()
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
    return Source(path=str(path), sha256=digest, format=FORMATS.get(suffix, "txt") if suffix in READERS else None)


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing files over the size limit before reading them.

    Only a regular file is opened (never a named pipe or a device, which could block or
    never end); the read is capped at the limit as well, for files that grow meanwhile.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        # Opened without blocking, then checked on the open file: a named pipe put in the
        # file's place between a stat() and the open cannot make the read hang.
        fd = os.open(path, flags)
    except IsADirectoryError as exc:
        raise FileAccessError(f"不是普通文件: {path}") from exc
    except OSError as exc:
        raise FileAccessError(f"无法读取文件 {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise FileAccessError(f"不是普通文件: {path}")
            if info.st_size > limits.max_file_bytes:
                raise LimitExceeded(
                    f"文件大小 {info.st_size} 字节超过上限 {limits.max_file_bytes} 字节", code="too-large"
                )
            data = _read_capped(fh, info.st_size, limits.max_file_bytes)
        if len(data) > limits.max_file_bytes:
            raise LimitExceeded(f"文件大小超过上限 {limits.max_file_bytes} 字节", code="too-large")
        return data
    except OSError as exc:
        raise FileAccessError(f"无法读取文件 {path}: {exc.strerror or exc}") from exc


def _read_capped(fh: BinaryIO, expected: int, cap: int) -> bytes:
    """At most cap + 1 bytes: the expected size in one read, then more only if it grew."""
    first = fh.read(min(expected, cap) + 1)
    if len(first) <= expected:
        return first
    chunks, total = [first], len(first)
    while total <= cap and (chunk := fh.read(min(1 << 20, cap + 1 - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_document(path: Path, data: bytes, limits: Limits | None = None) -> Document:
    """Read `data` (the bytes of `path`) with the reader its suffix names."""
    limits = limits or Limits()
    suffix = path.suffix.lower()
    module_name = READERS.get(suffix)
    if module_name is None:
        raise UnsupportedFormat(f"不支持的文件类型“{suffix or '(无后缀)'}”；支持 .txt .md .html .htm .docx .pdf .png .jpg .jpeg .tif .tiff")
    if not data:
        raise EmptyDocument("文件为空（0 字节）")
    module = importlib.import_module(module_name)
    return module.read(data, source_for(path, data), limits)
