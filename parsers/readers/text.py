"""Reader for OCR'd text files (.txt .md .html .htm): decode, sniff the dialect, dispatch.

Owns byte decoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, else the best
guess of charset-normalizer) and the choice between the four OCR dialects. Each dialect
module exposes `sniff(text) -> bool` and `parse(text) -> list[Block]`; they are tried in the
order of DIALECTS, the last (one cell per line) accepting anything.
"""

from __future__ import annotations

import importlib

import regex

from extract.errors import EmptyDocument, EncodingError, LimitExceeded, NotADocument
from extract.settings import Limits
from parsers.lines import build_document
from schemas.document import Document
from schemas.record import Source

DIALECTS: tuple[tuple[str, str], ...] = (
    ("html", "parsers.readers.text_html"),
    ("markdown", "parsers.readers.text_markdown"),
    ("tabs", "parsers.readers.text_tabs"),
    ("cells", "parsers.readers.text_cells"),
)

_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> str:
    """Text of `data` in whichever encoding it is really in; raises a ReadError otherwise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"))
    if b"\x00" in data[:65536]:
        raise NotADocument("文件含有二进制数据（NUL 字节），不是文本文件")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return _checked(_guess(data))


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise EncodingError("无法识别文件编码（不是 UTF-8、GB18030/GBK 或其他可识别的文本编码）")
    return data.decode(best.encoding, errors="replace")


def _checked(text: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise NotADocument("文件内容是二进制数据，不是文本")
    if text.count("\ufffd") > max(16, len(text) // 20):
        raise EncodingError("文件编码无法识别：解码后大量字符无效")
    return text


def dialect_of(text: str) -> str:
    """Name of the OCR dialect `text` is written in."""
    for name, module_name in DIALECTS:
        if importlib.import_module(module_name).sniff(text):
            return name
    return DIALECTS[-1][0]


def read(data: bytes, source: Source, limits: Limits) -> Document:
    """Read an OCR'd text file into the document model."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > limits.max_line_chars:
        raise LimitExceeded(f"单行长度 {longest} 字符超过上限 {limits.max_line_chars}", code="too-large")
    if not text.strip():
        raise EmptyDocument("文件没有任何文字")
    name = dialect_of(text)
    module = importlib.import_module(dict(DIALECTS)[name])
    blocks = module.parse(text)
    if not blocks:
        raise EmptyDocument("文件没有可读的内容")
    return build_document(source.model_copy(update={"dialect": name}), blocks)
