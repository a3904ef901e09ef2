"""Legacy Word (.doc) reader: convert with LibreOffice when it is installed, else refuse.

Owns the .doc suffix. The bytes are sniffed first, because the name often lies:
- a zip (a real .docx saved under .doc) is read by `parsers.readers.docx` directly;
- an OLE2 container holding "EncryptionInfo" is a password-protected docx -> EncryptedDocument;
- HTML saved with a .doc name (Word's "web page" format) is read by the text reader's HTML
  dialect, never by LibreOffice, which would fetch the images it links to;
- an OLE2 binary .doc, or RTF, is converted headless by LibreOffice (`soffice --convert-to
  docx`) into a private temporary folder, within `limits.timeout_seconds`, in a network
  namespace of its own (`unshare -rn`), so no linked picture or template is ever fetched; the
  result is read as .docx. Where no network namespace can be made the file is refused
  (`unsupported-format`) rather than converted with the network reachable;
- without LibreOffice on PATH -> UnsupportedFormat (`unsupported-format`), asking for .docx.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from extract.errors import (
    CorruptDocument,
    EncryptedDocument,
    LimitExceeded,
    NotADocument,
    UnsupportedFormat,
)
from extract.settings import Limits
from parsers.readers import docx
from parsers.readers.docx_container import is_encrypted_ooxml, is_ole2, is_zip
from schemas.document import Document
from schemas.record import Source

CONVERTERS = ("soffice", "libreoffice")
_TEXT_WORD_MAGIC = (b"{\\rtf", b"<html", b"<!doctype html", b"mime-version", b"<?xml")
_HTML_MAGIC = (b"<html", b"<!doctype html")
_ISOLATION = ("unshare", "--map-root-user", "--net")


def read(data: bytes, source: Source, limits: Limits) -> Document:
    """Read a .doc file's bytes (raises only ReadError subclasses)."""
    if is_zip(data):
        return docx.read(data, source, limits)
    if is_encrypted_ooxml(data):
        raise EncryptedDocument("Word 文档已加密（设置了打开密码），请去除密码后另存为 .docx 再提交")
    if not (is_ole2(data) or data.lstrip()[:16].lower().startswith(_TEXT_WORD_MAGIC)):
        raise NotADocument("文件不是 Word 文档（既不是 .doc 也不是 .docx），可能已损坏或扩展名有误")
    head = data.lstrip()[:64].lower()
    if head.startswith(_HTML_MAGIC) or (head.startswith(b"<?xml") and b"<html" in data[:4096].lower()):
        from parsers.readers import text

        return text.read(data, source, limits)
    converter = find_converter()
    if converter is None:
        raise UnsupportedFormat(
            "旧版 Word（.doc）文件无法直接读取（未安装 LibreOffice），请用 Word 另存为 .docx 后重试"
        )
    if not network_isolation_available():
        raise UnsupportedFormat(
            "旧版 Word（.doc）文件需在断网环境中转换，但本机无法隔离网络；请用 Word 另存为 .docx 后重试"
        )
    return docx.read(convert_to_docx(converter, data, limits.timeout_seconds), source, limits)


@cache
def network_isolation_available() -> bool:
    """True when a process can be started in a network namespace of its own (no network)."""
    if shutil.which(_ISOLATION[0]) is None:
        return False
    try:
        probe = subprocess.run([*_ISOLATION, "true"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


def find_converter() -> str | None:
    """The path of LibreOffice's command-line program, or None when it is not installed."""
    for name in CONVERTERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def convert_to_docx(converter: str, data: bytes, timeout_seconds: float) -> bytes:
    """Convert .doc bytes to .docx bytes with LibreOffice, headless, in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="jixiao-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "input.doc"
        source.write_bytes(data)
        command = [
            *_ISOLATION,
            converter,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",  # no shared profile lock
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        _run(command, timeout_seconds)
        target = folder / "out" / "input.docx"
        if not target.is_file() or target.stat().st_size == 0:
            raise CorruptDocument("LibreOffice 无法转换该 .doc 文件，文件可能已损坏；请用 Word 另存为 .docx 后重试")
        return target.read_bytes()


def _run(command: list[str], timeout_seconds: float) -> None:
    """Run the converter in its own process group, killed entirely on timeout."""
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        raise UnsupportedFormat("无法启动 LibreOffice 转换 .doc 文件；请另存为 .docx 后重试") from exc
    try:
        process.wait(timeout=timeout_seconds)
    except subprocess.TimeoutExpired as exc:
        _kill_group(process)
        raise LimitExceeded(f"LibreOffice 转换 .doc 超过 {timeout_seconds:g} 秒，已中止", code="timeout") from exc
    except BaseException:
        _kill_group(process)
        raise


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
