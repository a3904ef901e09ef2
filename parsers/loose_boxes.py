"""Box groups a form prints that its template does not name, listed so none is lost.

A row whose first cell is a question no template knows (项目类型, 资金来源…) and whose other
cells hold two or more boxes beside option words (`1、常年性项目 ☑ 2、延续性项目 ☐`) is a box
group: its options are the words the boxes stand beside (numbering dropped), their states read
as any group's text is (`parsers.fields.choice.option_states`: a tick typed after an empty box,
boxes before or after their words). Such a group has no `field`: it feeds no field, and the
rules that judge answers leave it alone; it is there for the reviewer to see.
"""

from __future__ import annotations

import regex

from parsers.fields.choice import option_states
from parsers.normalize import label_key, one_line
from parsers.readers.checkbox_glyphs import canonical_glyphs
from schemas.checkbox import CheckboxGroup, CheckboxOption
from schemas.document import Cell, Document, Table

_BOX = regex.compile(r"[☐☑☒□■]|(?<=\s)√|√(?=\s|$)")
_NUMBERING = regex.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[、.．)）]\s*")
_MAX_OPTION_CHARS = 16
MIN_BOXES = 2


def loose_groups(document: Document, known: set[str], named: set[str],
                 used: set[tuple[int, int]]) -> list[CheckboxGroup]:
    """The groups of `document`'s table rows whose question is no label in `known` (label keys)
    and not one a group already read answers (`named`: label keys of those questions), in rows
    no table of the template read (`used`: (block, row))."""
    out: list[CheckboxGroup] = []
    skip = known | named
    for index, block in enumerate(document.blocks):
        if not isinstance(block, Table):
            continue
        rows: dict[int, list[Cell]] = {}
        for cell in block.cells:
            rows.setdefault(cell.row, []).append(cell)
        for r, cells in sorted(rows.items()):
            if (index, r) in used or not any(_BOX.search(canonical_glyphs(cell.text)) for cell in cells):
                continue
            cells = sorted(cells, key=lambda cell: cell.col)
            # A question merged down over several rows of options heads each of them.
            above = next((cell for cell in block.cells if cell.col < cells[0].col <= cell.col + cell.col_span
                          and cell.row < r < cell.row + cell.row_span), None)
            group = _group_of([above, *cells] if above is not None else cells, skip)
            if group is not None:
                out.append(group)
    return out


def _group_of(cells: list[Cell], skip: set[str]) -> CheckboxGroup | None:
    question = one_line(cells[0].text)
    key = label_key(question)
    if not key or key in skip or _BOX.search(canonical_glyphs(question)) or len(cells) < 2:
        return None
    text = "  ".join(one_line(canonical_glyphs(cell.text)) for cell in cells[1:])
    if len(_BOX.findall(text)) < MIN_BOXES:
        return None
    options = _options(text)
    if len(options) < MIN_BOXES:
        return None
    states = option_states(text, tuple(options))
    if states is None:
        return CheckboxGroup(question=question, options=[CheckboxOption(label=o, checked=False) for o in options],
                             undecided=True)
    return CheckboxGroup(question=question, options=[CheckboxOption(label=o, checked=states[o]) for o in options])


def _options(text: str) -> list[str]:
    """The words between the boxes, each without its numbering (`2、延续性项目` -> 延续性项目)."""
    words = []
    for part in _BOX.split(text):
        word = _NUMBERING.sub("", part.strip()).strip()
        if word and len(word) <= _MAX_OPTION_CHARS and word not in words:
            words.append(word)
    return words
