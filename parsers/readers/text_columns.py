"""Cutting one line of a row layout into a table's cells by its gaps.

Owns how a line under a header, with no label to cut at, is split into that header's columns:
at every space (a run of boxed options kept as one cell, split where it turns to another box
column's options), at the wider gaps only, or at sentence ends; and whether such a line is a
row of the table at all.
"""

from __future__ import annotations

from parsers.lazy_pattern import LazyPattern
from parsers.readers.text_labels import Vocabulary

_WIDE_GAP = LazyPattern(r"[ \t\u3000]{2,}")
_SENTENCE_END = LazyPattern(r"(?<=[。！？])(?=\S)")
_HEADING = LazyPattern(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
BOX = LazyPattern(r"[☑☐]")


def column_parts(text: str, want: int | None = None, words_of: Vocabulary | None = None) -> list[str]:
    """A row's cells by the gaps between them: every space (a run of boxed options kept as one
    cell), or only the runs of two or more spaces (a column gap wider than a word gap),
    whichever gives the header's number of columns, else the nearest below it."""
    words = _boxes_joined(text.split(), words_of)
    wide = [part for part in _WIDE_GAP.split(text.strip()) if part]
    if want is None:
        return wide if len(wide) > 1 else words
    sentences = [part for part in _SENTENCE_END.split(text.strip()) if part.strip()]
    fitting = [parts for parts in (words, wide, sentences) if len(parts) <= want]
    if not fitting:
        return wide
    return max(fitting, key=len)


def _boxes_joined(words: list[str], vocabulary_of: Vocabulary | None = None) -> list[str]:
    """Runs of boxed options as one cell each; a run turning to another box column's options
    (☐其他 then ☑确定能) is two cells."""
    out: list[str] = []
    for word in words:
        if out and BOX.search(word) and BOX.search(out[-1]) and (
                vocabulary_of is None or vocabulary_of.box_column(out[-1] + " " + word) is not None
                or vocabulary_of.box_column(out[-1]) is None):
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def table_continues(text: str) -> bool:
    """A line under a header that is a row of it: several space-separated cells, no heading."""
    return (len(text.split()) >= 2 or len(_SENTENCE_END.split(text.strip())) >= 2) and not _HEADING.match(text)
