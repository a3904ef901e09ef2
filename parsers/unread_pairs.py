"""Label | value pairs of a fields-only form's tables whose label names no field of the template.

A form read field by field (the monitoring form: no `tables:`, every value beside its label)
may print a pair its template does not know: a row `资金性质 | 区级财政` among the funds, or a
column `结余资金` in the header row over a figure in the row below. No field reads it, so its
value would vanish unread. `unread_pairs` lists such pairs in the tables where the template's
labels stand, as `UnreadCell`s (kind "row" for a label with values to its right up to the next
label, "column" for a cell of a header row, where known labels stand over their values, with a
value below), so that the check `unread-value` can name them. A row of column heads over the
pairs (`栏目 | 内容 | 栏目 | 内容`: a head repeated in its row, or a first row over a known
label) is no pair; nor are cells any label took (as label or value), cells holding check
boxes or an option's words, empty cells and long prose. Tables only: in a stream of paragraph
lines an unknown label cannot be told from a value.
"""

from __future__ import annotations

import regex

from parsers.fields.target import is_empty_cell
from parsers.locate import BOUNDARY, all_hits, label_index
from parsers.normalize import label_key, one_line
from parsers.tokens import Token, tokens_of
from parsers.unread_cells import UnreadCell
from schemas.document import Document
from schemas.template import FormTemplate

MAX_LABEL_CHARS = 16  # a longer cell is prose or a heading, not a label of its own
_FIGURE = regex.compile(r"^[-+]?[¥￥]?\d[\d,，.]*\s*(?:%|亿元|万元|元|分)?$")
_HEADING = regex.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]")


def unread_pairs(document: Document, template: FormTemplate) -> list[UnreadCell]:
    """Filled cells no label of `template` took, beside (or under) a label no field knows,
    in the tables where the template's labels stand, in reading order."""
    tokens = tokens_of(document)
    index = label_index(template)
    _, hits = all_hits(tokens, index)
    used = {i for hit in hits for i in (*hit.label_tokens, *(t.index for t in hit.values))}
    labels = {i for hit in hits if hit.field != BOUNDARY for i in hit.label_tokens}
    blocks = {hit.label.block for hit in hits if hit.label.in_table and hit.field != BOUNDARY}
    options = {label_key(option) for spec in template.fields.values() for option in spec.options}
    rows: dict[tuple[int, int], list[Token]] = {}
    for token in tokens:
        if token.in_table and token.block in blocks and token.row is not None:
            rows.setdefault((token.block, token.row), []).append(token)

    def free(token: Token) -> bool:
        if token.index in used or token.boxes:
            return False
        text = one_line(token.text)
        return bool(text) and not is_empty_cell(text) and label_key(text) not in options

    def is_label(token: Token) -> bool:
        if not free(token):
            return False
        text = one_line(token.text)
        return (bool(label_key(text)) and len(text) <= MAX_LABEL_CHARS
                and not _FIGURE.match(text.replace(" ", "")) and not _HEADING.match(text)
                and index.match(text) is None)

    heads = {hit.label.index for hit in hits if hit.field != BOUNDARY and hit.label.in_table
             and any(value.row != hit.label.row for value in hit.values)}  # labels over their values
    out: list[UnreadCell] = []
    for (block, r), row in rows.items():
        if not any(is_label(t) for t in row):
            continue  # every finding names a label of its row
        row = sorted(row, key=lambda t: t.col or 0)
        below_row = rows.get((block, r + 1), [])
        if any(t.index in heads for t in row):  # a header row: the values stand in the row below
            for token in row:
                below = [t for t in rows.get((block, r + token.row_span), [])
                         if (t.col or 0) <= (token.col or 0) < (t.col or 0) + t.col_span]
                if is_label(token) and below and free(below[0]) and not is_label(below[0]):
                    out.append(UnreadCell(one_line(token.text), one_line(below[0].text), block,
                                          below[0].row or 0, below[0].col or 0, "column"))
            continue
        if _column_heads(row, below_row, labels):
            continue
        for k, token in enumerate(row):
            if not is_label(token) or (k and row[k - 1].index not in used and free(row[k - 1])):
                continue  # no label, or the value of an unknown label before it
            for value in row[k + 1 :]:
                if value.index in used:
                    break
                if free(value):
                    out.append(UnreadCell(one_line(token.text), one_line(value.text), block, r, value.col or 0, "row"))
    return sorted(set(out), key=lambda cell: (cell.block, cell.row, cell.col))


def _column_heads(row: list[Token], below: list[Token], labels: set[int]) -> bool:
    """True for a row naming the columns of a pairs table: its first cell's text repeated in
    the row (a head for each pair of columns), or the table's first row with a known label
    standing under its first cell."""
    first = one_line(row[0].text)
    if any(one_line(token.text) == first for token in row[1:]):
        return True
    return row[0].row == 0 and any(t.index in labels and t.col == row[0].col for t in below)
