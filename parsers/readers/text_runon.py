"""Lines that hold a whole form, as a scraped page prints it: cut into a cell a line.

Owns two things a scraped page does to a form's lines, undone before the layout is read:

- The whole form on one line, its cells set off by single spaces (a page that printed the
  table's text without its rows, often after the document's metadata). Such a line holds the
  labels of many rows: `RUN_ON_LABELS` or more distinct labels of the templates as cells of
  their own, more than any one row of a form holds. It is cut at its spaces into one cell a
  line, the layout of plain OCR, which the cell-per-line reading pairs as it pairs OCR's.
  What the spaces cannot tell apart stays apart, except a sentence the spaces broke: a cell
  of prose that does not end its sentence goes on with the next cell of prose, and a short
  bracket after a cell (`(万元)`, `(2022年度)`) stays with it; a run of dots (a leader
  printed in a cell) is no cell.
- The whole form on one line with its cells fused (no spaces between): the same, its cells
  cut at the templates' labels as a fused row is (`text_split`).
- A form's title fused to the rows after it (`2020年度…绩效自评表单位名称：…项目名称…`):
  the title is set on a line of its own, so it names the form as a title line does. Only a
  title that ends within a title's length, after no sentence, followed by a label of the
  templates; or, in a long fused line, a title word and its year right before a label (a
  covering note run into the form before it).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from parsers.forms import MAX_TITLE_CHARS, TITLE_TAIL_PART, title_words
from parsers.normalize import label_key
from parsers.readers.text_labels import Vocabulary, vocabulary

RUN_ON_LABELS = 12
MIN_FUSED_CHARS = 200
"""A fused line shorter than this holds no whole form (and is not cut twice to find out)."""
MAX_BRACKET_CHARS = 12
_PROSE = regex.compile(r"[，。；！？,;]")
_SENTENCE_END = regex.compile(r"[。！？；;]$")
_BRACKET = regex.compile(r"^[（(][^（）()]*[)）]$")
_LEADER = regex.compile(r"^[.。…·・]{2,}$")
_TITLE_TAIL = regex.compile(rf"(?:{TITLE_TAIL_PART})*")


def unfold(text: str) -> tuple[str, str | None]:
    """`text` with each run-on line cut into a cell a line and each fused title set apart;
    the layout of the run-on lines cut (`spaced`, `fused`), None when there were none."""
    words = vocabulary()
    out: list[str] = []
    cut: str | None = None
    for line in text.split("\n"):
        for part in title_apart(line, words):
            cells = run_on_cells(part, words)
            kind = "spaced"
            if cells is None:
                cells, kind = fused_run_on_cells(part, words), "fused"
            if cells is not None:
                out.extend(cells)
                cut = cut or kind
            else:
                out.append(part)
    return "\n".join(out), cut


def run_on_cells(line: str, words: Vocabulary) -> list[str] | None:
    """The cells of a run-on line, None when `line` is no such line."""
    if "\t" in line or "|" in line or "｜" in line:
        return None
    parts = line.split()
    if len(parts) < RUN_ON_LABELS:
        return None
    keys = {key for part in parts if (key := words.key_of(part)) is not None}
    if len(keys) < RUN_ON_LABELS:
        return None
    cells: list[str] = []
    for part in parts:
        previous = cells[-1] if cells else ""
        if _LEADER.match(part):
            continue  # a dot leader the page drew where a cell was left to fill
        bracket = bool(_BRACKET.match(part)) and len(part) <= MAX_BRACKET_CHARS
        if previous and (bracket or _goes_on(previous, part, words)):
            cells[-1] = previous + part
        else:
            cells.append(part)
    return cells


def fused_run_on_cells(line: str, words: Vocabulary) -> list[str] | None:
    """The cells of a run-on line whose cells are fused (cut at the labels it holds), None
    when `line` is no such line."""
    if "\t" in line or "|" in line or "｜" in line or len(line) < MIN_FUSED_CHARS:
        return None
    from parsers.readers.text_split import cut_line

    cut = cut_line(line, words)
    if cut.kind not in ("fused", "spaced"):
        return None
    keys = {key for piece in cut.pieces if piece.label and (key := words.key_of(piece.text)) is not None}
    if len(keys) < RUN_ON_LABELS:
        return None
    return [piece.text for piece in cut.pieces]


def _goes_on(previous: str, part: str, words: Vocabulary) -> bool:
    """Whether `part` goes on with the sentence `previous` left open (a space inside prose)."""
    return bool(_PROSE.search(previous) and _PROSE.search(part) and not _SENTENCE_END.search(previous)
                and not words.is_label(previous) and not words.is_label(part))


def title_apart(line: str, words: Vocabulary) -> list[str]:
    """`line` as its fused title and the rest, or `[line]` when it holds no fused title."""
    stripped = line.strip()
    titles, common = title_words()
    if "\t" in stripped or "|" in stripped or (common is not None and common.search(stripped) is None):
        return [line]
    head = stripped[:MAX_TITLE_CHARS]
    head_key = label_key(head)
    best: int | None = None
    for word, _template in titles:
        end = _end_of(head, word) if word in head_key else None
        if end is not None and (best is None or end > best):
            best = end
    if best is None:
        return _title_inside(stripped, words, titles) or [line]
    tail = _TITLE_TAIL.match(stripped, best)
    end = tail.end() if tail else best
    title, rest = stripped[:end].strip(), stripped[end:].strip()
    if not rest or _PROSE.search(title) or not _opens_with_label(rest, words):
        return [line]
    return [title, rest]


def _title_inside(line: str, words: Vocabulary, titles: Sequence[tuple[str, object]]) -> list[str] | None:
    """A long fused line's text before its title, the title and the form after it, when a
    title word (with its year in brackets) stands inside the line right before a label of the
    templates (`…2022年12月30日绩效目标自评表(2022年度)项目名称…`): a page that ran its
    covering note into the form. None when no title stands so."""
    if len(line) < MIN_FUSED_CHARS:
        return None
    for word, _template in titles:
        start = line.find(word)
        while start > 0:
            tail = _TITLE_TAIL.match(line, start + len(word))
            end = tail.end() if tail else start + len(word)
            if end < len(line) and _opens_with_label(line[end:], words):
                return [line[:start], line[start:end], line[end:]]
            start = line.find(word, start + 1)
    return None


def _end_of(text: str, word_key: str) -> int | None:
    """End in `text` of the title word whose label key is `word_key` (gaps allowed), else None."""
    for end in range(len(word_key), len(text) + 1):
        if label_key(text[:end]).endswith(word_key):
            return end
    return None


def _opens_with_label(text: str, words: Vocabulary) -> bool:
    return any(begin == 0 for begin, _end in words.scanner.spans(text[:MAX_TITLE_CHARS]))
