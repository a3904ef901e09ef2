"""One line of unruled or loosely ruled text -> its cells, and how they were separated.

Owns the cutting of a single line: tab-separated, pipe-separated (with or without outer
pipes, empty cells kept, a markdown separator row and a line of only pipes being no row),
or neither, when the labels of the templates (`text_labels`) cut it: `项目名称城镇建设主管部门
松江区` is 项目名称 | 城镇建设 | 主管部门 | 松江区. A label inside running prose (a sentence
after a comma) does not cut; nor does a two-character label inside a word. A line with one
cell is no row. The kind of cut (`tabs`, `pipes`, `spaced`, `fused`, `cell_pipes`, `single`)
tells the reader which layout it read.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.forms import names_a_form
from parsers.lazy_pattern import LazyPattern
from parsers.readers.html_inline import inline_html_to_text
from parsers.readers.text_labels import Vocabulary
from parsers.readers.text_markdown import SEPARATOR

_PIPES_ONLY = LazyPattern(r"^[\s|｜]+$")
_HEADING_NUMBER = LazyPattern(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*$")
_PROSE = LazyPattern(r"[，。；！？]")
_CLAUSE = LazyPattern(r"[，。；！？、]")
_BOUNDARY_BEFORE = LazyPattern(r"[\s\d%☑☐□■√）)】\]”]$")
_BOUNDARY_AFTER = LazyPattern(r"^(?:$|[\s\d☑☐□■√（(\[【“—\-/])")
_ESCAPED_PIPE = "\x00"
MAX_VALUE_FIRST_CHARS = 60


@dataclass(frozen=True)
class Piece:
    """A cell cut from a line: its text, whether it is a known label, and whether a space
    (or a separator) stood before it."""

    text: str
    label: bool = False
    spaced: bool = True


@dataclass(frozen=True)
class Cut:
    """A line's cells and the kind of cut; `skip` for separator debris and blank lines."""

    kind: str
    pieces: tuple[Piece, ...] = ()

    @property
    def texts(self) -> list[str]:
        """The cells' texts."""
        return [piece.text for piece in self.pieces]


def cut_line(line: str, vocabulary: Vocabulary, outer_pipes: bool | None = None) -> Cut:
    """The cells of one line; `outer_pipes`: whether the pipe rows around it have outer pipes
    (None: judge by the line alone)."""
    stripped = line.strip()
    if not stripped or (("|" in stripped or "｜" in stripped) and (_PIPES_ONLY.match(stripped) or SEPARATOR.match(stripped))):
        return Cut("skip")
    if "\t" in stripped:
        parts = [inline_html_to_text(part) for part in line.split("\t")]
        return _cells("tabs", parts, vocabulary, stripped)
    if "|" in stripped or "｜" in stripped:
        body = stripped.replace("｜", "|").replace("\\|", _ESCAPED_PIPE)
        both = body.startswith("|") and (body.endswith("|") if outer_pipes is None else outer_pipes)
        outer = body.startswith("|") or body.endswith("|")
        # Outer pipes stand at both ends; a row without them that starts with a pipe starts
        # with an empty cell (a merged cell of the row above).
        body = body[1:-1] if both else body.removesuffix("|")
        parts = [inline_html_to_text(part.replace(_ESCAPED_PIPE, "|")) for part in body.split("|")]
        if sum(1 for part in parts if part) <= 1:
            return Cut("cell_pipes" if outer else "single", (Piece(next((p for p in parts if p), "")),))
        return _cells("pipes", parts, vocabulary, stripped)
    title = names_a_form(stripped) and not _CLAUSE.search(stripped)
    pieces = None if title else label_pieces(stripped, vocabulary)
    if pieces is None:  # no row, or a form's title (`项目绩效目标表(2021年度)` holds a label)
        return Cut("single", (Piece(stripped),))
    kind = "spaced" if all(piece.spaced for piece in pieces[1:]) else "fused"
    return Cut(kind, tuple(pieces))


def _cells(kind: str, parts: list[str], vocabulary: Vocabulary, line: str) -> Cut:
    if sum(1 for part in parts if part) <= 1 and kind == "tabs":
        return Cut("single", (Piece(next((p for p in parts if p), "")),))
    return Cut(kind, tuple(Piece(part, vocabulary.is_label(part)) for part in parts))


def label_pieces(text: str, vocabulary: Vocabulary) -> list[Piece] | None:
    """`text` cut at the known labels it holds, or None when it is no row of a form."""
    if vocabulary.begins_label(text):
        return None
    matches = _accepted(text, vocabulary)
    if not matches:
        return None
    start = matches[0].start()
    prefix = text[:start].strip()
    pieces: list[Piece] = []
    if prefix and _HEADING_NUMBER.match(prefix):
        matches[0] = _Span(0, matches[0].end())
    elif prefix:
        # A value printed before its label (a PDF's reading order): set off by a space; prose
        # only when the label ends the line (`项目实施规范，…。  评价结论`).
        value_first = len(matches) == 1 and not text[matches[0].end():].strip()
        if not text[:start].endswith((" ", "\u3000")) or (
                not value_first and (len(prefix) > MAX_VALUE_FIRST_CHARS or _PROSE.search(prefix))):
            return None
        pieces.append(Piece(prefix, False, True))
    position = 0 if not prefix or _HEADING_NUMBER.match(prefix) else start
    for match in matches:
        between = text[position : match.start()]
        if between.strip():
            pieces.append(Piece(between.strip(), False, _spaced_before(text, position)))
        pieces.append(Piece(text[match.start() : match.end()].strip(), True, _spaced_before(text, match.start())))
        position = match.end()
    rest = text[position:].strip()
    if rest:
        pieces.append(Piece(rest, False, _spaced_before(text, position)))
    if len(pieces) < 2:
        return None
    return pieces


@dataclass(frozen=True)
class _Span:
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _open_bracket(text: str) -> bool:
    return sum(text.count(c) for c in "（(") > sum(text.count(c) for c in "）)")


def _spaced_before(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] in " \t\u3000:：" or (position < len(text) and text[position] in " \t\u3000")


_SEPARATORS = frozenset(" \t\u3000:：")


def _accepted(text: str, vocabulary: Vocabulary) -> list[_Span]:
    """Label matches that are cells of a row, not words inside a value or a sentence."""
    spans: list[_Span] = []
    last_end = 0
    found = list(vocabulary.scanner.spans(text))
    for k, (begin, end) in enumerate(found):
        before, after = text[last_end:begin], text[end:]
        # The words up to the next label: a clause mark further on is another cell's.
        up_to_next = text[end:found[k + 1][0]] if k + 1 < len(found) else after
        key = vocabulary.key_of(text[begin:end])
        if key is None:
            continue
        if _PROSE.match(after.lstrip()[:1] or "x") or (spans and _PROSE.search(before)):
            if spans:
                break
            continue
        adjacent = begin == last_end and spans
        if _open_bracket(before):
            continue  # inside a bracket of the value (XX单位（请填写项目实施单位全称）)
        if spans and not adjacent and not _BOUNDARY_BEFORE.search(text[:begin]) and _CLAUSE.search(up_to_next):
            continue  # a word inside a sentence (评价结论 项目绩效目标大部分完成，…)
        if spans and not before.strip() and text[begin - 1].isspace() and after[:1] not in _SEPARATORS \
                and _CLAUSE.search(up_to_next):
            continue  # label words opening the sentence after a label (评价结论 项目绩效目标大部分完成，…)
        if len(key) <= 2 and not (adjacent or begin == 0 or _BOUNDARY_BEFORE.search(text[:begin])
                                  or _BOUNDARY_AFTER.match(after)):
            continue
        if not spans and begin > 0 and not text[:begin].endswith((" ", "\t", "\u3000")) \
                and not _HEADING_NUMBER.match(text[:begin]):
            continue  # a word inside the value that opens the line, not a label
        if not spans and begin > 0 and _PROSE.search(text[:begin]) and text[end:].strip():
            return []
        spans.append(_Span(begin, end))
        last_end = end
    return spans
