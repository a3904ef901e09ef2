"""Character-level repair of OCR'd and scraped text, before any layout is read.

Owns what a person reading the text would silently correct: the pinyin a web page printed
after characters (`text_ruby`), traditional characters read as
their simplified forms (萬元 -> 万元, 預算執行數 -> 预算执行数), the OCR confusions of a unit
(万兀, 万え -> 万元), a comma or full stop standing for the decimal point inside a figure
(`37，24` -> `37.24`; a full-width comma before exactly three digits stays a thousands
separator), a figure broken over two lines (`43.` / `2`, `86` / `%`), and headers printed
vertically, one character a line (`绩` / `效` / `指` / `标` -> `绩效指标`). Operators such as
≧ ﹦ ＝ are left as printed: the value parsers read them, and a target's `raw` keeps them.
Text that has none of these comes back unchanged.
"""

from __future__ import annotations

import regex

from parsers.readers.text_ruby import strip_ruby
from parsers.readers.zh_triggers import triggers, zhconv_module

_UNIT_CONFUSIONS = regex.compile(r"万[兀え无]|萬[兀え]")
_COMMA_POINT = regex.compile(r"(?<=\d)[，。](?=\d)")
_THOUSANDS = regex.compile(r"(?<=\d)，(?=\d{3}(?:[，,.．]\d|\D|$))")
_BROKEN_FIGURE = regex.compile(r"(?<=\d[.．])[ \t]*\n[ \t]*(?=\d)|(?<=\d)[ \t]*\n[ \t]*(?=[.．]\d|[%％](?!\S))")
_SINGLE_CHAR_LINE = regex.compile(r"^[ \t]*\p{Han}[ \t]*$")
MIN_VERTICAL_CHARS = 3


def simplified(text: str) -> str:
    """`text` with traditional characters replaced by their simplified forms (only a text that
    holds a key the conversion changes is converted, `parsers.readers.zh_triggers`: the
    conversion is slow to load, and any other text would come back as it is)."""
    found = triggers()
    if found is not None and not found.found_in(text):
        return text
    converted = zhconv_module().convert(text, "zh-cn")
    return converted if len(converted) == len(text) or converted.count("\n") == text.count("\n") else text


def repair(text: str) -> str:
    """The text a careful reader would see: a page's pinyin annotations dropped, simplified
    characters, OCR confusions undone."""
    text = simplified(strip_ruby(text))
    text = _UNIT_CONFUSIONS.sub("万元", text)
    text = _THOUSANDS.sub(",", text)
    text = _COMMA_POINT.sub(".", text)
    text = _BROKEN_FIGURE.sub("", text)
    return join_vertical(text)


def _words_of(chars: list[str]) -> list[str]:
    """A run of single characters as lines: each known label whole (longest first), a
    character that begins none on a line of its own (a value such as 优), and a run that
    holds no label at all joined into one line."""
    from parsers.readers.text_labels import vocabulary

    words = vocabulary()
    out: list[str] = []
    i = 0
    while i < len(chars):
        width = next((w for w in range(min(len(chars) - i, 16), 1, -1) if words.is_label("".join(chars[i:i + w]))), 0)
        if width:
            out.append("".join(chars[i:i + width]))
            i += width
        else:
            out.append(chars[i])
            i += 1
    if all(len(word) == 1 for word in out):
        return ["".join(chars)]
    return out


def join_vertical(text: str) -> str:
    """Runs of three or more lines of one Han character each, joined into the labels they
    spell (a header printed vertically, one character a line)."""
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, None]:
        if line is not None and _SINGLE_CHAR_LINE.match(line):
            run.append(line.strip())
            continue
        if len(run) >= MIN_VERTICAL_CHARS:
            out.extend(_words_of(run))
        else:
            out.extend(run)
        run = []
        if line is not None:
            out.append(line)
    return "\n".join(out)
