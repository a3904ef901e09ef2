"""Reader for OCR'd text files (.txt .md .html .htm): decode, sniff the dialect, dispatch.

Owns byte decoding (UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM, GB18030/GBK,
Big5 (Traditional Chinese, decoded as written), else the best guess of charset-normalizer), the
character repair of `text_chars` (traditional read as simplified, OCR confusions, a page's
pinyin annotations dropped), the unfolding of lines that hold a whole form (`text_runon`) and
the choice of the dialect. Each dialect
module exposes `sniff(text) -> bool` and `parse(text) -> list[Block]`; they are tried in the
order of DIALECTS, the last (one cell per line) accepting anything; `text_rows` reads every
row layout the others do not know, and files mixing them.
"""

from __future__ import annotations

import importlib

import regex

from parsers.lines import build_document
from parsers.readers.boundary import reading_errors
from parsers.readers.html_inline import plain_spaces
from parsers.readers.text_chars import repair
from parsers.readers.text_runon import unfold
from schemas.document import Document
from schemas.errors import EmptyDocument, EncodingError, LimitExceeded, NotADocument
from schemas.limits import Limits
from schemas.record import Source

DIALECTS: tuple[tuple[str, str], ...] = (
    ("html", "parsers.readers.text_html"),
    ("rows", "parsers.readers.text_rows"),
    ("markdown", "parsers.readers.text_markdown"),
    ("tabs", "parsers.readers.text_tabs"),
    ("cells", "parsers.readers.text_cells"),
)

_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> str:
    """Text of `data` in whichever encoding it is really in; raises a ReadError otherwise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"))
    if b"\x00" in data[:65536]:
        raise NotADocument("文件含有二进制数据（NUL 字节），不是文本文件")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    big5 = _decode_big5(data)
    if big5 is not None:
        return _checked(big5)
    for candidate in (_decode_gb18030, _decode_per_line, _guess):
        text = candidate(data)
        if text is not None and is_plausible_chinese(text) and _is_text_we_read(text):
            return _checked(text)
    raise EncodingError("无法识别文件编码（不是 UTF-8、GB18030/GBK 或其他可识别的中文文本编码）")


def _decode_gb18030(data: bytes) -> str | None:
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return None


def _decode_big5(data: bytes) -> str | None:
    """Big5 (cp950) text, when the bytes decode as Big5 into mostly its frequent characters and
    GB18030 would read them as fewer common ones (Big5 bytes decoded as GB give a garble of
    GBK-extension characters; GB text rarely decodes as Big5 at all)."""
    try:
        text = data.decode("cp950")
    except UnicodeDecodeError:
        return None
    han = [char for char in text[:200_000] if "\u4e00" <= char <= "\u9fff"]
    if len(han) < 20:
        return None
    big5_share = sum(1 for char in han if _is_big5_frequent(char)) / len(han)
    if sum(1 for char in han if char in _COMMON_TRADITIONAL) < 0.12 * len(han):
        return None  # noise that happens to decode: real text is full of its commonest words
    gb = _decode_gb18030(data)
    gb_han = [char for char in (gb or "")[:200_000] if "\u4e00" <= char <= "\u9fff"]
    gb_share = sum(1 for char in gb_han if _is_level1(char)) / len(gb_han) if gb_han else 0.0
    return text if big5_share >= 0.8 and big5_share > gb_share else None


# The commonest characters of Traditional Chinese text (function words, numbers, 項目/預算-type
# words): real text has well over a tenth of them, decodable noise almost none.
_COMMON_TRADITIONAL = frozenset(
    "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發"
    "後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心本前開但因"
    "只從想實日者意無力與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應向頭"
    "文體政美相見被利什二等產或新己制身果加西月話合回特代內信表化老給世位次度門任常先海通教原東聲提立"
    "及比員解水名真論處走義各入幾口認條平系氣題活更別打女變四神總何電數安少報才結反受目太量再感建務做"
    "接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基項預算執支財政績效監控區鎮府"
)


def _is_big5_frequent(char: str) -> bool:
    """A character of Big5's frequent set (常用字, lead bytes 0xA4-0xC6)."""
    try:
        encoded = char.encode("cp950")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xA4 <= encoded[0] <= 0xC6


def _decode_per_line(data: bytes) -> str | None:
    """Files stitched from UTF-8 and GBK parts: each line in whichever of the two it is in."""
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("gb18030", errors="replace"))
    return "\n".join(lines)


def is_plausible_chinese(text: str) -> bool:
    """True when the Han characters are mostly common ones (GB2312 level 1), as real text is.

    GB18030 decodes almost any bytes into *some* Han characters; a wrong guess shows as a
    text of rare characters. Texts with few Han characters are accepted as they are.
    """
    han = [char for char in text[:200_000] if "\u4e00" <= char <= "\u9fff"]
    if len(han) < 20:
        return "\ufffd" not in text[:1000]
    common = sum(1 for char in han if _is_level1(char))
    return common / len(han) >= 0.5


def _is_text_we_read(text: str) -> bool:
    """Chinese text, or mostly ASCII: a guess that yields Latin or Cyrillic noise is refused."""
    sample = text[:100_000]
    if not sample:
        return True
    han = sum(1 for char in sample if "\u4e00" <= char <= "\u9fff")
    ascii_share = sum(1 for char in sample if char < "\x80") / len(sample)
    return han >= 20 or ascii_share >= 0.9


def _is_level1(char: str) -> bool:
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= encoded[0] <= 0xD7


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        return None
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
    text = plain_spaces(decode(data).replace("\r\n", "\n").replace("\r", "\n"))
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > limits.max_line_chars:
        raise LimitExceeded(f"单行长度 {longest} 字符超过上限 {limits.max_line_chars}", code="too-large")
    if not text.strip():
        raise EmptyDocument("文件没有任何文字")
    text = repair(text)
    with reading_errors("文本文件"):  # the dialect parsers meet every kind of OCR debris
        text, run_on = unfold(text)
        name = dialect_of(text)
        module = importlib.import_module(dict(DIALECTS)[name])
        blocks = module.parse(text)
        if name == "rows":
            name = module.layout_name(text)
        if run_on and name == "cells":
            name = run_on  # the file's layout: a row of spaced or fused cells, read a cell a line
    if not blocks:
        raise EmptyDocument("文件没有可读的内容")
    return build_document(source.model_copy(update={"dialect": name}), blocks)
