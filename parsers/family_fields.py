"""Scalar fields of a family form (every form but the monitoring one) read by their template.

A label is a table cell (or a paragraph line's head, `项目名称：…`) whose label key equals one
of the field's labels. Its value is, by the field's spec: the cell under an `under` header in
the block the label opens (年度总体目标 | 预期目标 over the goal text); the cell in the label's
row under the nearest header above naming an `under` label, else the `nth` value cell after the
label (总分 | 100 | 95); else the first filled cell right of the label, or the cell below a
label that ends its row; a sub-header is never a value, and sub-headers ending their table
stand over the paragraphs printed right after it, in order. Rows a table spec already read
are not searched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from parsers.fields.amount import parse_amount
from parsers.fields.choice import option_states, scan
from parsers.fields.percent import parse_percent
from parsers.fields.target import EMPTY_CELLS, parse_score
from parsers.normalize import label_key, one_line, split_unit
from parsers.readers.checkbox_glyphs import UNKNOWN
from parsers.row_boxes import choice_field
from parsers.tables import header_key
from schemas.checkbox import CheckboxGroup
from schemas.document import Cell, Document, Paragraph, Table
from schemas.record import ProvenanceEntry
from schemas.template import FieldSpec, FormTemplate

_INLINE = regex.compile(r"^\s*([^:：]{2,20}?)\s*[:：]\s*(.+)$")
MAX_BOXED_LINE = 12  # a line of one option and its box (`良☑`), not a sentence
_SEAL = regex.compile(r"[（(【\[]\s*(?:盖章|公章|签章|印章)\s*[)）】\]]")


@dataclass(frozen=True)
class _Found:
    text: str
    block: int
    row: int | None
    col: int | None


def text_value(text: str, spec: FieldSpec) -> str | None:
    """A text cell as printed (one line, seal marks, `strip` words and boxes of unknown state
    ⍰ removed); empty is None."""
    value = _SEAL.sub("", one_line(text.replace(UNKNOWN, "")))
    for word in spec.strip:
        value = value.replace(word, "")
    value = value.strip(" ：:;；,，")
    return value or None


def option_value(text: str, spec: FieldSpec) -> str | None:
    """The one option an `option` field's text names (`优秀` -> 优), else None; where the text
    prints boxes (`优☐ 良☑ 中☐ 差☐`), the one option whose box is ticked."""
    words = {word: option for option in spec.options for word in spec.option_words.get(option, (option,))}
    items = scan(text, tuple(words))
    if any(item.kind == "box" for item in items):
        states = option_states(text, tuple(words))
        ticked = {words[word] for word, state in (states or {}).items() if state}
        return ticked.pop() if len(ticked) == 1 else None
    value = label_key(one_line(text))
    named = [option for option in spec.options
             if any(label_key(word) == value for word in spec.option_words.get(option, (option,)))]
    if not named:
        named = [option for option in spec.options
                 if any(label_key(word) in value for word in spec.option_words.get(option, (option,)))]
    return named[0] if len(named) == 1 else None


def parse_value(text: str, spec: FieldSpec) -> Any:
    """The value of a scalar family field from its cell text."""
    if spec.type == "score":
        return parse_score(text)
    if spec.type == "percent":
        return None if one_line(text) in EMPTY_CELLS else parse_percent(text)
    if spec.type == "amount":
        return parse_amount(text, split_unit(text)[1])
    if spec.type == "option":
        return option_value(text, spec)
    return text_value(text, spec)


def read_scalars(document: Document, template: FormTemplate, used: set[tuple[int, int]],
                 groups: list[CheckboxGroup] | None = None) -> tuple[dict[str, Any], dict[str, ProvenanceEntry]]:
    """Every scalar field of `template` found in `document`, with provenance; the box groups
    of its `choice` fields (项目属性) go to `groups`."""
    keys = {name: {header_key(label)[0] for label in spec.labels} for name, spec in template.fields.items()}
    all_labels = set().union(*keys.values()) | {label_key(label) for label in template.other_labels}
    rows = _row_lines(document)
    heads = {header_key(word)[0] for spec in template.fields.values() for word in spec.under}
    stream_labels = all_labels | _table_labels(template) | heads
    values: dict[str, Any] = {}
    provenance: dict[str, ProvenanceEntry] = {}
    for name, spec in template.fields.items():
        rivals = {header_key(word)[0] for other, rival in template.fields.items()
                  if other != name and keys[other] & keys[name] for word in rival.under}
        found = _find(document, spec, keys[name], all_labels, used, heads, rivals, stream_labels)
        if found is None:
            continue
        if spec.type == "text" and header_key(found.text)[0] in stream_labels:
            continue  # a label or column header is no value (预期目标, 年度目标完成情况, 一级指标)
        if spec.type in ("option", "choice"):
            found = _with_row_boxes(document, found)
        if spec.type == "choice":
            value, group = choice_field(found.text, spec, name)
            if group is not None and groups is not None:
                groups.append(group)
        else:
            value = parse_value(found.text, spec)
        if value is None and not (spec.type == "choice" and name in provenance_of(groups)):
            continue
        values[name] = value
        line = rows.get((found.block, found.row)) if found.row is not None else rows.get((found.block, -1))
        if line is not None:
            provenance[name] = ProvenanceEntry(page=line[0], line=line[1], text=line[2], block=found.block,
                                               row=found.row, col=found.col)
    return values, provenance


def _find(document: Document, spec: FieldSpec, keys: set[str], all_labels: set[str], used: set[tuple[int, int]],
          heads: set[str], rivals: set[str], stream_labels: set[str]) -> _Found | None:
    """The field's value by its labels; by its `fallback` wordings only where no other label gives one."""
    fallback = {header_key(label)[0] for label in spec.fallback}
    for wanted in (keys - fallback, fallback) if fallback else (keys,):
        found = (_in_tables(document, spec, wanted, all_labels, used, heads, rivals)
                 or _in_paragraphs(document, wanted)
                 or _in_stream(document, spec, wanted, stream_labels)
                 or _paragraph_after(document, spec, wanted, stream_labels))
        if found is not None:
            return found
    return None


def _with_row_boxes(document: Document, found: _Found) -> _Found:
    """A boxed option cell with the boxed cells after it in its row (one option a cell:
    `评价等级 | 优☐ | 良☑ | 中☐ | 差☐`, `项目属性 | ☐新增项目 | ☑延续项目 | 项目期 | …`), or, one
    cell a line, with the boxed lines after it; else the cell as found."""
    table = document.blocks[found.block]
    if found.row is None and isinstance(table, Paragraph):
        return _with_boxed_lines(document, found)
    if found.row is None or found.col is None or not isinstance(table, Table) or not _boxed(found.text):
        return found
    rest = sorted((c for c in table.cells if c.row == found.row and c.col > found.col), key=lambda c: c.col)
    texts = [found.text]
    for cell in rest:
        if not _boxed(cell.text):
            break
        texts.append(cell.text)
    return _Found(" ".join(texts), found.block, found.row, found.col)


def _with_boxed_lines(document: Document, found: _Found) -> _Found:
    lines = [line for line in document.lines if line.row is None]
    at = next((i for i, line in enumerate(lines) if line.block == found.block and line.text == found.text), None)
    if at is None or not _boxed(found.text):
        return found
    end = at + 1
    while end < len(lines) and _boxed(lines[end].text) and len(one_line(lines[end].text)) <= MAX_BOXED_LINE:
        end += 1
    return _Found(" ".join(line.text for line in lines[at:end]), found.block, None, None)


def _boxed(text: str) -> bool:
    return any(item.kind == "box" for item in scan(text, ()))


def provenance_of(groups: list[CheckboxGroup] | None) -> set[str]:
    """The fields of the box groups read so far."""
    return {group.field for group in groups or [] if group.field}


def _row_lines(document: Document) -> dict[tuple[int, int], tuple[int, int, str]]:
    out: dict[tuple[int, int], tuple[int, int, str]] = {}
    for line in document.lines:
        out.setdefault((line.block, line.row if line.row is not None else -1), (line.loc.page, line.loc.line, line.text))
    return out


def _in_tables(document: Document, spec: FieldSpec, keys: set[str], all_labels: set[str],
               used: set[tuple[int, int]], heads: set[str], rivals: frozenset[str] | set[str] = frozenset()) -> _Found | None:
    """`rivals`: the sub-header words of the fields printed beside the same label (总分's 得分
    for its 分值), whose columns hold no value of this field."""
    inline: _Found | None = None
    for block, table in enumerate(document.blocks):
        if not isinstance(table, Table):
            continue
        grid = table.grid()
        for cell in table.cells:
            if (block, cell.row) in used:
                continue
            if header_key(cell.text)[0] not in keys:
                inline = inline or _inline_in_cell(block, cell, keys)
                continue
            found = _value_of(table, grid, block, cell, spec, all_labels, heads, rivals) \
                or _under_after_table(document, block, table, cell, spec, all_labels | heads)
            if found is not None:
                return found
    return inline


def _under_after_table(document: Document, block: int, table: Table, label: Cell, spec: FieldSpec,
                       no_value: set[str]) -> _Found | None:
    """A row of sub-headers that ends its table (年度总体目标 | 预期目标 | 实际完成情况) over
    texts each printed as a paragraph of its own right after the table (a scraped page's
    long cells): the paragraph standing where the header naming the field stands."""
    under = {header_key(word)[0] for word in spec.under}
    if not under or label.row + label.row_span != table.n_rows:
        return None
    heads = [c for c in _right_of(table, label) if one_line(c.text)]
    at = next((k for k, c in enumerate(heads) if header_key(c.text)[0] in under), None)
    if at is None or not all(header_key(c.text)[0] in no_value for c in heads):
        return None
    after = [b for b in document.blocks[block + 1 : block + 1 + len(heads)] if isinstance(b, Paragraph)]
    if len(after) < len(heads) or not all(one_line(b.text) and header_key(b.text)[0] not in no_value for b in after):
        return None
    return _Found(after[at].text, block + 1 + at, None, None)


def _inline_in_cell(block: int, cell: Cell, keys: set[str]) -> _Found | None:
    """The value of a cell holding its label and value (`自评等级：良` in the 总分 row); a label
    cell of its own is found before it."""
    value = _inline_value(cell.text, keys)
    return _Found(value, block, cell.row, cell.col) if value is not None else None


def _inline_value(text: str, keys: set[str]) -> str | None:
    """The value of the first line of `text` that reads `label：value` with a label in `keys`."""
    for line in text.splitlines():
        match = _INLINE.match(line)
        if match and header_key(match.group(1))[0] in keys and match.group(2).strip():
            return str(match.group(2))
    return None


def _value_of(table: Table, grid: list[list[Cell | None]], block: int, label: Cell, spec: FieldSpec,
              all_labels: set[str], heads: set[str], rivals: frozenset[str] | set[str] = frozenset()) -> _Found | None:
    """The value of the field `spec` whose label is the cell `label`; `heads`: every
    field's sub-header words (预期目标, 实际完成情况), which are no value either."""
    under = {header_key(word)[0] for word in spec.under}
    if under:
        found = (_under_beside(table, grid, block, label, under, all_labels | heads)
                 or _under_in_block(table, grid, block, label, under) or _under_above(table, grid, block, label, under)
                 or _under_inline(block, table, label, under))
        if found is not None:
            return found
        if spec.nth is not None:
            right = [c for c in _right_of(table, label) if one_line(c.text)]
            if len(right) >= spec.nth:
                cell = right[spec.nth - 1]
                if _headed_by_other(grid, cell, under, rivals):
                    return None  # `总分 | 99.6` under 得分 only: the score, not this field's
                return _Found(cell.text, block, cell.row, cell.col)
            return None
        if spec.only_under:
            return None
    # A field's sub-header (预期目标 right of 年度总体目标, its text not below it) is no value.
    no_value = all_labels | heads if under else all_labels
    for cell in _right_of(table, label):
        if header_key(cell.text)[0] in no_value:
            break
        if one_line(cell.text):
            return _Found(cell.text, block, cell.row, cell.col)
    filled = [c for c in _right_of(table, label) if one_line(c.text)]
    if not filled or header_key(filled[0].text)[0] in no_value:
        # Nothing to the right, or a label next (a header row of labels over their values).
        below = [c for c in table.cells if c.row == label.row + label.row_span and c.col <= label.col < c.col + c.col_span]
        if below and one_line(below[0].text) and header_key(below[0].text)[0] not in no_value:
            return _Found(below[0].text, block, below[0].row, below[0].col)
    return None


def _headed_by_other(grid: list[list[Cell | None]], cell: Cell, under: set[str], rivals: frozenset[str] | set[str]) -> bool:
    """Whether the nearest header above `cell` in its column naming this field's value or a
    rival's names a rival's (a total row's lone figure under the indicators' 得分 column is
    the 得分, no 分值)."""
    for r in range(cell.row - 1, -1, -1):
        head = grid[r][cell.col] if cell.col < len(grid[r]) else None
        if head is None or head.col != cell.col:
            continue
        key = header_key(head.text)[0]
        if key in under or key in rivals:
            return key in rivals
    return False


def _under_inline(block: int, table: Table, label: Cell, under: set[str]) -> _Found | None:
    """The value right of the label in a cell that names its sub-header itself
    (`年度总体目标 | 年度目标：… | 1-8月执行情况：…`, no header row over them)."""
    for cell in _right_of(table, label):
        found = _inline_in_cell(block, cell, under)
        if found is not None:
            return found
    return None


def _right_of(table: Table, label: Cell) -> list[Cell]:
    return _row_right(table, label.row, label.col)


def _row_right(table: Table, row: int, col: int) -> list[Cell]:
    """The cells of `row` right of grid column `col`, left to right."""
    return sorted((c for c in table.cells if c.row == row and c.col > col), key=lambda c: c.col)


# Rows under a label whose first cell is empty (the label's block, unmerged) at most.
MAX_BLOCK_ROWS = 4


def _under_beside(table: Table, grid: list[list[Cell | None]], block: int, label: Cell, under: set[str],
                  all_labels: set[str]) -> _Found | None:
    """The value right of a sub-label printed in a column of the label's block
    (`总体目标 | 中期目标 | … ` over `| 年度目标 | …`): the next filled cell of its row, when
    that is no label."""
    last = label.row + label.row_span - 1
    while (last + 1 < table.n_rows and last - label.row + 1 < MAX_BLOCK_ROWS
           and (cell := grid[last + 1][label.col]) is not None and cell.row == last + 1 and not one_line(cell.text)):
        last += 1
    for r in range(label.row, last + 1):
        row = _row_right(table, r, label.col)
        for i, head in enumerate(row):
            if header_key(head.text)[0] not in under:
                continue
            filled = [c for c in row[i + 1:] if one_line(c.text)]
            if filled and header_key(filled[0].text)[0] not in all_labels | under:
                return _Found(filled[0].text, block, filled[0].row, filled[0].col)
    return None


def _under_in_block(table: Table, grid: list[list[Cell | None]], block: int, label: Cell, under: set[str]) -> _Found | None:
    """A header right of the label naming the field, and the cell below it (inside the block)."""
    for head in _right_of(table, label):
        if header_key(head.text)[0] not in under:
            continue
        below = head.row + head.row_span
        if below >= table.n_rows or below > label.row + max(label.row_span, 2) - 1:
            continue
        cell = grid[below][head.col]
        if cell is not None and cell.row == below:
            return _Found(cell.text, block, cell.row, cell.col)
    return None


def _under_above(table: Table, grid: list[list[Cell | None]], block: int, label: Cell, under: set[str]) -> _Found | None:
    """The cell in the label's row under the nearest header row above naming the field (none
    when that cell is empty and the row's figures all stand left of it: `总分 | 100 | 94.5 | | …`)."""
    for r in range(label.row - 1, -1, -1):
        for c, head in enumerate(grid[r]):
            if head is None or head.col != c or header_key(head.text)[0] not in under:
                continue
            cell = grid[label.row][c]
            if cell is None or cell.row != label.row or cell.col != c or cell is label:
                return None
            if not one_line(cell.text) and all(f.col + f.col_span <= c for f in _right_of(table, label)
                                               if one_line(f.text)):
                return None  # the row's figures stand left of the header, not under it: by order
            return _Found(cell.text, block, cell.row, cell.col)
    return None


def _in_paragraphs(document: Document, keys: set[str]) -> _Found | None:
    for block, paragraph in enumerate(document.blocks):
        if not isinstance(paragraph, Paragraph):
            continue
        value = _inline_value(paragraph.text, keys)
        if value is not None:
            return _Found(value, block, None, None)
    return None


def _table_labels(template: FormTemplate) -> set[str]:
    keys = set()
    for table in template.tables.values():
        keys |= {header_key(label)[0] for label in table.labels}
        for column in table.columns.values():
            keys |= {header_key(label)[0] for label in (*column.labels, *column.split)}
        for row in table.rows.values():
            keys |= {header_key(label)[0] for label in row.labels}
    return keys


def _paragraph_after(document: Document, spec: FieldSpec, keys: set[str], labels: set[str]) -> _Found | None:
    """Beside tables, a label paragraph and its value in the paragraph right after it (a
    scraped page whose first rows lost their cells: `项目名称` / `…经费`), the value no label."""
    if spec.under or spec.nth is not None:
        return None
    for k, key, value in _paragraph_pairs(document):
        if key in keys and header_key(value)[0] not in labels:
            return _Found(value, k + 1, None, None)
    return None


_PAIRS: dict[int, tuple[Document, list[tuple[int, str, str]]]] = {}


def _paragraph_pairs(document: Document) -> list[tuple[int, str, str]]:
    """(block, its key, the next paragraph's line) for each paragraph followed by a one-line
    paragraph, in a document with tables (none otherwise); once a document."""
    cached = _PAIRS.get(id(document))
    if cached is not None and cached[0] is document:
        return cached[1]
    blocks = document.blocks
    pairs: list[tuple[int, str, str]] = []
    if any(isinstance(block, Table) for block in blocks):
        for k in range(len(blocks) - 1):
            label, value = blocks[k], blocks[k + 1]
            if isinstance(label, Paragraph) and isinstance(value, Paragraph) and one_line(value.text):
                pairs.append((k, header_key(label.text)[0], one_line(value.text)))
    _PAIRS.clear()
    _PAIRS[id(document)] = (document, pairs)
    return pairs


def _in_stream(document: Document, spec: FieldSpec, keys: set[str], labels: set[str]) -> _Found | None:
    """A label on a line of its own and its value on the lines after it (one cell per line)."""
    if any(isinstance(block, Table) for block in document.blocks):
        return None
    lines = [line for line in document.lines if line.row is None]
    under = {header_key(word)[0] for word in spec.under}
    for i, line in enumerate(lines):
        if header_key(line.text)[0] not in keys:
            continue
        run = []
        j = i + 1
        while j < len(lines) and header_key(lines[j].text)[0] in labels | under:
            run.append(header_key(lines[j].text)[0])
            j += 1
        if under and run:
            position = next((k for k, key in enumerate(run) if key in under), None)
            if position is None or j + position >= len(lines):
                continue
            value = lines[j + position]
        elif spec.nth is not None:
            if run or i + spec.nth >= len(lines):
                continue
            value = lines[i + spec.nth]
        elif spec.only_under or run or j >= len(lines):
            continue
        else:
            value = lines[j]
        return _Found(value.text, value.block, None, None)
    return None
