"""Check boxes as elements of their cell or paragraph, from the boxes a reader wrote in the text.

Readers write a box as ☑/☐/⍰ (read from a glyph) or as a source mark
(`checkbox_glyphs.mark`: a Word content control, a form field, an AcroForm widget, a drawn
square, a scan's pixels). `attach_boxes` turns every one into a `Checkbox` of the element
that holds it, with the option label beside it, and leaves the text view with ☑/☐/⍰ in
the box's place, so the text reads as before and `Checkbox.offset` points into it.

The label is the element's text between this box and the next when the element opens with a
box (`☑确定能完成 ☐有可能完成`), else between the previous box and this one (`是☐ 否☑`).
Boxes read from the file's own structure or from a glyph are certain (confidence 1); a drawn
square or pixels carry no figure of their own yet (None).
"""

from __future__ import annotations

from typing import cast

from parsers.char_sets import any_of
from parsers.readers.checkbox_glyphs import CHECKED, GLYPHS, MARKS, UNCHECKED, UNKNOWN
from schemas.document import Block, BoxSource, BoxState, Cell, Checkbox, Paragraph
from schemas.trusted import maker, trusted_copy

_PLAIN: dict[str, bool | None] = {CHECKED: True, UNCHECKED: False, UNKNOWN: None}
_CERTAIN = frozenset({"w14", "formfield", "glyph", "acroform"})
_STATE_NAMES: dict[bool | None, BoxState] = {True: "checked", False: "unchecked", None: "unknown"}
_ANY_BOX = any_of((*_PLAIN, *MARKS))
_MARK_GLYPHS = {ord(char): GLYPHS[state] for char, (state, _) in MARKS.items()}
# Boxes and the elements holding them are built from values made here (`schemas.trusted`).
_checkbox = maker(Checkbox, "state", "source", "offset", "label", "label_side", "confidence")


def attach_boxes(block: Block) -> Block:
    """`block` with the boxes of each cell (or of the paragraph) as elements."""
    if isinstance(block, Paragraph):
        text, boxes = read_boxes(block.text, per_line=True)
        return trusted_copy(block, text=text, boxes=boxes) if boxes else block
    # One scan of all the cells' texts (a box is one character, the joint none) finds the
    # cells holding a box; only those are read (most cells hold none).
    texts = [cell.text for cell in block.cells]
    hits = [match.start() for match in _ANY_BOX.finditer("\n".join(texts))]
    if not hits:
        return block
    cells = list(block.cells)
    start = hit = 0
    for k, text in enumerate(texts):
        end = start + len(text)
        if hits[hit] < end:  # the next box stands in this cell
            cells[k] = _cell(cells[k])
            while hit < len(hits) and hits[hit] < end:
                hit += 1
            if hit == len(hits):
                break
        start = end + 1
    return trusted_copy(block, cells=tuple(cells))


def _cell(cell: Cell) -> Cell:
    text, boxes = read_boxes(cell.text)
    return trusted_copy(cell, text=text, boxes=boxes) if boxes else cell


def read_boxes(text: str, *, per_line: bool = False) -> tuple[str, tuple[Checkbox, ...]]:
    """The text view (marks written as ☑/☐/⍰) and the boxes it holds, in order.

    A paragraph's lines are read one by one (`per_line`): each is a line of the text view
    on its own, so no label reaches over a line break; a cell is read whole."""
    if _ANY_BOX.search(text) is None:
        return text, ()  # most texts hold no box: one scan in C, no Python step a character
    found: list[tuple[int, bool | None, str]] = []
    marked = False
    for match in _ANY_BOX.finditer(text):
        char, offset = match.group(), match.start()
        if char in _PLAIN:
            found.append((offset, _PLAIN[char], "glyph"))
        else:
            state, source = MARKS[char]
            found.append((offset, state, source))
            marked = True
    view = text.translate(_MARK_GLYPHS) if marked else text  # one glyph for one mark: offsets kept
    spans = _line_spans(view) if per_line else [(0, len(view))]
    boxes: list[Checkbox] = []
    for start, end in spans:
        boxes += _labelled(view, start, end, [box for box in found if start <= box[0] < end])
    return view, tuple(boxes)


def _line_spans(view: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in view.splitlines(keepends=True):
        spans.append((start, start + len(line)))
        start += len(line)
    return spans


def _labelled(view: str, start: int, end: int, found: list[tuple[int, bool | None, str]]) -> list[Checkbox]:
    """The boxes of `view[start:end]`, each with the text beside it as its label."""
    opens_with_box = view[start:end].lstrip()[:1] in _PLAIN
    offsets = [offset for offset, _, _ in found]
    boxes = []
    for k, (offset, state, source) in enumerate(found):
        if opens_with_box:
            label = view[offset + 1 : offsets[k + 1] if k + 1 < len(offsets) else end]
        else:
            label = view[(offsets[k - 1] + 1 if k else start) : offset]
        boxes.append(_checkbox(
            state=_STATE_NAMES[state], source=cast(BoxSource, source), offset=offset,
            label=label.strip(), label_side="after" if opens_with_box else "before",
            confidence=1.0 if source in _CERTAIN else None,
        ))
    return boxes
