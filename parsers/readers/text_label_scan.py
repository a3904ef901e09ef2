"""Where the templates' labels stand in a line: the label pattern's matches, found two ways.

`text_labels` describes a label as its characters with gaps allowed between them (spaces,
colons, brackets, 、), a `1-N月` as any printed month range, an optional `其中` before it
and a unit, points or years note after it; the longest label that fits wins. Compiled as one
pattern of every label, that costs more than reading a whole text report, and a process that
reads one file (`jixiao extract one.txt`) pays it for a few dozen lines. `LabelScanner` gives
the same matches (`spans(line)`: start and end of each, left to right, as `finditer` gives
them) by walking a tree of the labels' characters, and compiles the pattern once a process
has scanned enough lines for the compiled pattern to be the faster (a batch).

The walk gives the pattern's matches exactly because no label holds a gap character (label
keys drop them) nor a literal `1` (a month range's first character): after a character, the
next one of a label is found by skipping every gap, so at most one branch of the tree goes
on. Labels that break that rule make the scanner use the compiled pattern from the start.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

MONTHS_WORD = "1-N月"
GAP_CHARS = frozenset(" \t\u3000:：()（）、")
PREFIX = "其中"
PREFIX_GAP_CHARS = frozenset(" \t\u3000:：")
COMPILE_AFTER_LINES = 400
"""Lines scanned by walking before the pattern is compiled (compiling costs ~2,000 walks)."""

_END = ""  # the tree key marking the end of a label ("" is no character of a label)
_MONTHS_TOKEN = MONTHS_WORD


@dataclass
class LabelScanner:
    """Matches of `source` (the label pattern) in a line: walked at first, then compiled."""

    source: str
    keys: Iterable[str]
    months: regex.Pattern[str]
    """A printed month range at a position (`1-7月`), anchored by `match(text, pos)`."""
    tail: regex.Pattern[str]
    """What may follow a label (unit, points, years, a colon), anchored by `match(text, pos)`."""
    compile_after: int = COMPILE_AFTER_LINES
    _tree: dict[str, Any] | None = field(default=None, init=False, repr=False)
    _pattern: regex.Pattern[str] | None = field(default=None, init=False, repr=False)
    _lines: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        keys = list(self.keys)
        if all(_walkable(key) for key in keys):
            self._tree = _tree_of(keys)
        else:
            self.compile_after = 0

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The label pattern, compiled on first use."""
        if self._pattern is None:
            self._pattern = regex.compile(self.source)
        return self._pattern

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match in `text`, as the pattern's `finditer` finds them."""
        self._lines += 1
        if self._tree is None or self._lines > self.compile_after:
            for match in self.pattern.finditer(text):
                yield match.start(), match.end()
            return
        yield from self.walked_spans(text)

    def walked_spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The matches found by walking the tree of labels (never compiling the pattern)."""
        assert self._tree is not None
        position, size = 0, len(text)
        while position < size:
            end = self._match_at(text, position)
            if end is None:
                position += 1
                continue
            yield position, end
            position = end if end > position else position + 1

    def _match_at(self, text: str, start: int) -> int | None:
        if text.startswith(PREFIX, start):
            after = _skip(text, start + len(PREFIX), PREFIX_GAP_CHARS)
            end = self._label_at(text, after)
            if end is not None:
                return end
        return self._label_at(text, start)

    def _label_at(self, text: str, start: int) -> int | None:
        """End of the longest label beginning at `start`, its tail included, else None."""
        assert self._tree is not None
        node, position, found = self._tree, start, None
        first = True
        while True:
            step = self._step(text, position, node, first)
            if step is None:
                break
            node, position = step
            first = False
            if _END in node:
                found = position
        if found is None:
            return None
        tail = self.tail.match(text, found)
        return tail.end() if tail else found

    def _step(self, text: str, position: int, node: dict[str, Any], first: bool) -> tuple[dict[str, Any], int] | None:
        """The child of `node` the text at `position` goes on with, and where it ends."""
        at = position if first else _skip(text, position, GAP_CHARS)
        if at < len(text):
            child = node.get(text[at])
            if child is not None:
                return child, at + 1
        months = node.get(_MONTHS_TOKEN)
        if months is not None:
            at = _skip(text, position, GAP_CHARS)
            printed = self.months.match(text, at)
            if printed is not None:
                return months, _skip(text, printed.end(), GAP_CHARS)
        return None


def _walkable(key: str) -> bool:
    rest = key.replace(MONTHS_WORD, "")
    return bool(key) and "1" not in rest and not (GAP_CHARS & set(rest))


def _tree_of(keys: list[str]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for key in keys:
        node = tree
        for token in _tokens(key):
            node = node.setdefault(token, {})
        node[_END] = {}
    return tree


def _tokens(key: str) -> list[str]:
    out: list[str] = []
    for index, part in enumerate(key.split(MONTHS_WORD)):
        if index:
            out.append(_MONTHS_TOKEN)
        out.extend(part)
    return out


def _skip(text: str, position: int, chars: frozenset[str]) -> int:
    size = len(text)
    while position < size and text[position] in chars:
        position += 1
    return position
