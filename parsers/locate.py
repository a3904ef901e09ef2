"""Find each field's label in the token stream and the value that belongs to it.

Labels are matched exactly after `label_key` normalisation. Pass 1 takes tokens that are a
label and nothing else, also a label split over up to three consecutive paragraph lines
(`具体实施` / `(内设机构)`). Pass 2, for fields still missing, takes `label：value` and
`label value` written in one token (in a table cell, also on each line of a nested table
flattened into it: `label<tab>value`). A value is, in a table, the cells to the right of the
label up to the next label (or the cell below, when the label heads a column, and when an
amount's or a percentage's neighbour holds no figure but the cell below does: the neighbour
heads a column no field knows); in a stream
of paragraph lines, the lines after the label up to the next label or numbered heading. A run
of labels followed by a run of values (a header row read line by line) is paired in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache

import regex

from parsers.normalize import label_key, split_unit
from parsers.tokens import Token
from schemas.template import FormTemplate

MAX_LABEL_LINES = 3
MAX_INLINE_LABEL_CHARS = 40
MAX_INLINE_TOKEN_CHARS = 200  # a longer token (or nested-table row) is prose, not label：value
MAX_TEXT_VALUE_LINES = 4
_HEADING = regex.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_INLINE_SPLIT = regex.compile(r"[:：]|\s+")
_COLON = regex.compile(r"[:：]")
MAX_BOUNDARY_LABEL_CHARS = 8  # the longest label that is no field ending a value on its line


@dataclass
class Hit:
    """A field's label found in the stream, and the value tokens assigned to it."""

    field: str
    label: Token
    label_tokens: tuple[int, ...]
    unit: str | None
    inline_value: str | None = None
    values: list[Token] = dataclass_field(default_factory=list)
    inline_at: int = -1  # where the inline value starts in the label token's text

    @property
    def value_text(self) -> str:
        """The value's text: the inline part, or the value tokens joined by tabs."""
        if self.inline_value is not None:
            return self.inline_value
        return "\t".join(token.text for token in self.values)

    @property
    def evidence_token(self) -> Token:
        """The token whose line best shows the value (the value's own line when known)."""
        return self.values[0] if self.values else self.label


MULTI_VALUE_TYPES = frozenset({"yes_no", "choice"})
FIGURE_TYPES = frozenset({"amount", "percent"})
_FIGURE = regex.compile(r"^[-+]?[¥￥]?\d[\d,，.]*\s*(?:%|亿元|万元|元)?$")
BOUNDARY = ""  # the field name of a label that ends values but is no field (联系人, 填报日期)
MAX_OPEN_LABEL_CHARS = 12
MAX_CHOICE_VALUE_LINES = 12


class LabelIndex:
    """Exact label keys of a template -> field name."""

    def __init__(self, template: FormTemplate) -> None:
        self.keys: dict[str, str] = {}
        self.multi = {name for name, spec in template.fields.items() if spec.type in MULTI_VALUE_TYPES}
        self.figures = {name for name, spec in template.fields.items() if spec.type in FIGURE_TYPES}
        for name, spec in template.fields.items():
            for label in spec.labels:
                self.keys.setdefault(label_key(split_unit(label)[0]), name)
        for label in template.other_labels:
            self.keys.setdefault(label_key(label), BOUNDARY)

    def match(self, text: str) -> tuple[str, str | None] | None:
        """(field, unit) when `text` is exactly a label (with an optional unit), else None."""
        if len(text) > 60:
            return None
        return self._match_short(text)

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per template, kept for the process
    def _match_short(self, text: str) -> tuple[str, str | None] | None:
        # A label cell wrapped over lines (`具体实施<br>(内设机构)`) is one label.
        base, unit = split_unit(text)
        name = self.keys.get(label_key(base))
        return (name, unit) if name is not None else None

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per template, kept for the process
    def match_inline(self, text: str) -> tuple[str, str | None, str] | None:
        """(field, unit, value) for `label：value` or `label value` in one token."""
        text = text.strip()
        window = text[: MAX_INLINE_LABEL_CHARS + 8]
        if ":" not in window and "：" not in window and len(window.split(None, 1)) < 2 and not window[-1:].isspace():
            return None  # no separator (str's whitespace holds every `\s`): most value cells
        for separator in _INLINE_SPLIT.finditer(window):
            head, rest = text[: separator.start()], text[separator.end() :].strip()
            found = self.match(head)
            if found and rest:
                return found[0], found[1], rest
        return None

    def boundaries(self, text: str) -> list[int]:
        """Where a label that is no field (`填报日期：`, `联系电话:`) opens a second
        `label：value` in `text`: the offsets of those labels after its start."""
        out = []
        for colon in _COLON.finditer(text, 1):
            head = text[: colon.start()]
            for width in range(min(len(head), MAX_BOUNDARY_LABEL_CHARS), 1, -1):
                chunk = head[-width:]  # the label's own characters (no bracket before it)
                if label_key(chunk) == chunk and self.keys.get(chunk) == BOUNDARY:
                    out.append(len(head) - width)
                    break
        return [at for at in out if at > 0]


_INDEXES: dict[int, tuple[FormTemplate, LabelIndex]] = {}


def label_index(template: FormTemplate) -> LabelIndex:
    """The LabelIndex of `template`, built once per template for the process."""
    cached = _INDEXES.get(id(template))
    if cached is None or cached[0] is not template:
        cached = _INDEXES[id(template)] = (template, LabelIndex(template))
    return cached[1]


def find_hits(tokens: list[Token], index: LabelIndex) -> dict[str, Hit]:
    """The first label hit of every field found, with its value tokens assigned."""
    return all_hits(tokens, index)[0]


# The last stream's hits: the field parser and the unread-value check look up the same
# template's labels in the same document's tokens (`tokens_of` hands both the same list).
# The list and the index are held, so `is` cannot be fooled; neither caller changes a hit.
_LAST: list[tuple[list[Token], LabelIndex, tuple[dict[str, Hit], list[Hit]]]] = []


def all_hits(tokens: list[Token], index: LabelIndex) -> tuple[dict[str, Hit], list[Hit]]:
    """The first hit of every field (as `find_hits`), and every label found, boundaries and
    repeated labels included, with the value tokens assigned to it (the same objects again
    for the same token list and index: not to be changed)."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is tokens and last[1] is index:
        return last[2]
    found = _all_hits(tokens, index)
    _LAST[:] = [(tokens, index, found)]
    return found


def _all_hits(tokens: list[Token], index: LabelIndex) -> tuple[dict[str, Hit], list[Hit]]:
    hits: dict[str, Hit] = {}
    label_at: dict[int, Hit] = {}
    _exact_labels(tokens, index, hits, label_at)
    _inline_labels(tokens, index, hits, label_at)
    _assign_values(tokens, label_at, index.multi, index.figures)
    return hits, [*label_at.values(), *(hit for hit in hits.values() if hit.label.index not in label_at)]


def _exact_labels(tokens: list[Token], index: LabelIndex, hits: dict[str, Hit], label_at: dict[int, Hit]) -> None:
    i = 0
    while i < len(tokens):
        found = _longest_label(tokens, i, index)
        if found is None:
            i += 1
            continue
        name, unit, width = found
        hit = Hit(name, tokens[i], tuple(range(i, i + width)), unit)
        label_at[i] = hit
        if name != BOUNDARY:
            hits.setdefault(name, hit)
        i += width


def _longest_label(tokens: list[Token], i: int, index: LabelIndex) -> tuple[str, str | None, int] | None:
    token = tokens[i]
    if token.row is not None:  # a table cell
        found = index.match(token.text)
        return (found[0], found[1], 1) if found else None
    run = 1  # paragraph lines from `i` on, at most MAX_LABEL_LINES: a label spans no table cell
    while run < MAX_LABEL_LINES and i + run < len(tokens) and tokens[i + run].row is None:
        run += 1
    for width in range(run, 0, -1):
        found = index.match("".join(token.text.strip() for token in tokens[i : i + width]))
        if found:
            return found[0], found[1], width
    return None


def _inline_labels(tokens: list[Token], index: LabelIndex, hits: dict[str, Hit], label_at: dict[int, Hit]) -> None:
    for token in tokens:
        if token.index in label_at:
            continue
        for number, (start, text) in enumerate(_label_segments(token, index)):
            if len(text) > MAX_INLINE_TOKEN_CHARS:
                continue
            found = index.match_inline(text)
            if found is None:
                continue
            at = start + text.rfind(found[2])
            if found[0] == BOUNDARY:
                if number == 0:
                    label_at[token.index] = Hit(BOUNDARY, token, (token.index,), None, inline_value=found[2], inline_at=at)
            elif found[0] not in hits:
                hit = Hit(found[0], token, (token.index,), found[1], inline_value=found[2], inline_at=at)
                hits[found[0]] = hit
                if number == 0:
                    label_at[token.index] = hit


def _label_segments(token: Token, index: LabelIndex) -> list[tuple[int, str]]:
    """A cell's text cut where a line is a nested table's row `label<tab>value` (readers
    flatten a nested table one row a line, its cells joined by tabs): each row gives its own
    value; a line outside tables cut where a label that is no field opens a second
    `label：value` (`街镇名称：…（盖章）填报日期：…`, printed on one line with no gap the
    reader keeps); (offset, text) pairs. Any other token is one segment, its whole text
    (prose in a cell is never cut, whatever its lines open with)."""
    text = token.text
    in_table = token.row is not None
    if not in_table and len(text) <= MAX_INLINE_TOKEN_CHARS and ("：" in text or ":" in text):
        cuts = [0, *index.boundaries(text)]
        ends = [*cuts[1:], len(text)]
        return [(start, text[start:end].strip()) for start, end in zip(cuts, ends, strict=True)]
    if not in_table or "\n" not in text or "\t" not in text:
        return [(0, text)]
    cuts = [0]
    offset = text.index("\n") + 1
    for line in text[offset:].split("\n"):
        if "\t" in line and index.match_inline(line) is not None:
            cuts.append(offset)
        offset += len(line) + 1
    if len(cuts) == 1:
        return [(0, text)]
    ends = [*cuts[1:], len(text) + 1]
    return [(start, text[start : end - 1]) for start, end in zip(cuts, ends, strict=True)]


def _assign_values(tokens: list[Token], label_at: dict[int, Hit], multi: set[str], figures: set[str]) -> None:
    consumed = {i for hit in label_at.values() for i in hit.label_tokens}
    pending: list[Hit] = []  # a run of paragraph labels waiting for values
    for start in sorted(label_at):
        hit = label_at[start]
        if hit.field == BOUNDARY:
            pending = []  # what follows belongs to a row that is no field
            continue
        if hit.inline_value is not None:
            continue
        if hit.label.in_table:
            hit.values = _table_value(tokens, hit, consumed, hit.field in multi, hit.field in figures)
            continue
        after = hit.label_tokens[-1] + 1
        values = _stream_values(tokens, after, consumed)
        pending.append(hit)
        if values:
            _pair_run(pending, values, multi)
            pending = []


def _table_value(tokens: list[Token], hit: Hit, consumed: set[int], is_multi: bool, is_figure: bool = False) -> list[Token]:
    label = hit.label
    if label.row is None or label.col is None:
        return []
    row, col, block = label.row, label.col, label.block
    below_row = row + label.row_span
    # A table's tokens are in row-major order: its row and the next follow the label. One
    # walk to the end of the row below the label's span takes the cells to its right (up to
    # the first consumed one) and the first free cell below it.
    values: list[Token] = []
    below: Token | None = None
    right_open = True
    for position in range(label.index + 1, len(tokens)):
        token = tokens[position]
        t_row = token.row
        if token.block != block or t_row is None or t_row > below_row:
            break
        t_col = token.col
        if t_col is None:
            continue
        if right_open and t_row == row and t_col > col:
            if token.index in consumed:
                right_open = False
            else:
                values.append(token)
        if (below is None and t_row == below_row and t_col <= col < t_col + token.col_span
                and token.index not in consumed):
            below = token
    if values and not is_multi:
        filled = [token for token in values if token.text.strip()]
        if is_figure and filled and not _is_figure(filled[0]) and below is not None and _is_figure(below):
            return [below]  # a header row: the cell beside heads a column no field knows (结余资金)
        return filled[:1] or values[:1]
    if values:
        return values
    return [below] if below is not None else []


def _is_figure(token: Token) -> bool:
    return bool(_FIGURE.match(" ".join(token.text.split()).replace(" ", "")))


def _stream_values(tokens: list[Token], start: int, consumed: set[int]) -> list[Token]:
    values: list[Token] = []
    for token in tokens[start:]:
        if token.index in consumed or token.in_table or _HEADING.match(token.text) or _is_open_label(token.text):
            break
        values.append(token)
    return values


def _is_open_label(text: str) -> bool:
    """A short line ending in a colon (`联系人：`) is a label of its own, not a value."""
    text = text.strip()
    return 1 < len(text) <= MAX_OPEN_LABEL_CHARS and text[-1] in "：:"


def _pair_run(run: list[Hit], values: list[Token], multi: set[str]) -> None:
    """Pair k labels with m value lines: in order when m == k, else the last labels get them."""
    k, m = len(run), len(values)
    if k == 1:
        limit = MAX_CHOICE_VALUE_LINES if run[0].field in multi else MAX_TEXT_VALUE_LINES
        run[0].values = values[:limit]
    elif m >= k:
        for hit, value in zip(run[:-1], values, strict=False):
            hit.values = [value]
        run[-1].values = values[k - 1 : k - 1 + MAX_TEXT_VALUE_LINES]
    else:
        for hit, value in zip(run[k - m :], values, strict=True):
            hit.values = [value]
