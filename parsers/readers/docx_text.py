"""The text of one Word paragraph: runs, fields, content controls and page breaks.

Owns the inline level of WordprocessingML: `w:t`, tabs, breaks, hyphens, symbols, complex
fields (`w:fldChar` begin/separate/end: the instruction is hidden, the result shown, a
FORMCHECKBOX shown as ☑/☐), inline content controls (a checkbox control's glyph replaced
by its `w14:checked` state), tracked changes (insertions kept, deletions dropped),
hyperlinks and smart tags. Paragraphs, tables and the grid are `parsers.readers.docx`.

Not read, on purpose: hidden text (`w:vanish`: Word neither shows nor prints it), the
phonetic guide of ruby text, comments, footnotes, headers and footers (the form's content
is in the body). Drawings are no text here (a small square picture is a box of unknown
state, `docx_boxes.is_box_picture`); the paragraphs of text boxes anchored in a
paragraph are read as blocks of their own by `parsers.readers.docx`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from parsers.readers.checkbox_glyphs import mark, mark_glyphs
from parsers.readers.docx_boxes import (
    W,
    force_box,
    form_checkbox_state,
    is_box_picture,
    on_off,
    render_run_text,
    render_sym,
    run_symbol_font,
    sdt_checkbox_state,
)

R, T, TAB, BR, CR, SYM = (f"{W}{n}" for n in ("r", "t", "tab", "br", "cr", "sym"))
FLD_CHAR, INSTR, NB_HYPHEN, PTAB = (f"{W}{n}" for n in ("fldChar", "instrText", "noBreakHyphen", "ptab"))
RENDERED_BREAK, SDT, SDT_CONTENT = f"{W}lastRenderedPageBreak", f"{W}sdt", f"{W}sdtContent"
RUBY, RUBY_BASE, RPR = f"{W}ruby", f"{W}rubyBase", f"{W}rPr"
DRAWING, PICT = f"{W}drawing", f"{W}pict"
_HIDING = (f"{W}vanish", f"{W}specVanish")
FLD_TYPE, BR_TYPE = f"{W}fldCharType", f"{W}type"
# Inline containers whose runs are visible text.
_TRANSPARENT = frozenset(
    f"{W}{n}" for n in ("hyperlink", "smartTag", "ins", "moveTo", "customXml", "fldSimple", "dir", "bdo")
)


def is_hidden(run: etree._Element) -> bool:
    """True for a run formatted as hidden text (`w:vanish` / `w:specVanish` on)."""
    props = run.find(RPR)
    if props is None:
        return False
    return any(on_off(props.find(tag), f"{W}val", absent=False) for tag in _HIDING)


@dataclass
class Pages:
    """The page counter of a document walk: explicit and last-rendered page breaks.

    A break only opens a new page when something was written since the last one, so Word's
    habit of following a hard page break with a `w:lastRenderedPageBreak` counts once.
    """

    page: int = 1
    has_content: bool = False

    def brk(self) -> None:
        """A page break here."""
        if self.has_content:
            self.page += 1
            self.has_content = False


@dataclass
class _Field:
    box: bool | None = None
    in_instruction: bool = True
    instruction: list[str] = field(default_factory=list)


@dataclass
class InlineText:
    """Collects a paragraph's text as (page, text) segments, split where a page breaks."""

    pages: Pages
    symbol_styles: dict[str, str] = field(default_factory=dict)  # character style id -> symbol font
    in_cell: bool = False
    _segments: list[tuple[int, list[str]]] = field(default_factory=list)
    _fields: list[_Field] = field(default_factory=list)
    first_page: int | None = None  # page of the first visible text since the caller reset it

    def paragraph(self, para: etree._Element, *, in_cell: bool) -> list[tuple[int, str]]:
        """The paragraph's text, one segment per page it runs over."""
        self.in_cell = in_cell
        self._segments = [(self.pages.page, [])]
        self._walk(para)
        for fld in self._fields:  # an instruction never spans paragraphs; show what follows
            fld.in_instruction = False
        return [(page, "".join(parts)) for page, parts in self._segments]

    @property
    def _hidden(self) -> bool:
        # A form checkbox's own result (if a writer left one) is never text.
        return any(fld.in_instruction or fld.box is not None for fld in self._fields)

    def _emit(self, text: str) -> None:
        if not text or self._hidden:
            return
        if self._segments[-1][0] != self.pages.page:
            self._segments.append((self.pages.page, []))
        self._segments[-1][1].append(text)
        if not self.pages.has_content and text.strip():
            self.pages.has_content = True
        if self.first_page is None and text.strip():
            self.first_page = self.pages.page

    def _walk(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == R:
                self._run(child)
            elif tag in _TRANSPARENT:
                self._walk(child)
            elif tag == SDT:
                self._sdt(child)
            # w:del, w:moveFrom (deleted text), pPr, bookmarks, proofErr, drawings: skipped

    def _sdt(self, sdt: etree._Element) -> None:
        content = sdt.find(SDT_CONTENT)
        state = sdt_checkbox_state(sdt)
        if state is None:
            if content is not None:
                self._walk(content)
            return
        first, start = len(self._segments) - 1, len(self._segments[-1][1])
        if content is not None:
            self._walk(content)
        inner: list[str] = []
        for index in range(first, len(self._segments)):
            parts = self._segments[index][1]
            cut = start if index == first else 0
            inner.extend(parts[cut:])
            del parts[cut:]
        self._emit(mark_glyphs(force_box("".join(inner), state), "w14"))

    def _run(self, run: etree._Element) -> None:
        font = run_symbol_font(run, self.symbol_styles)
        hidden = is_hidden(run)
        for child in run:
            tag = child.tag
            if hidden and tag not in (FLD_CHAR, INSTR, RENDERED_BREAK):
                continue  # hidden text (w:vanish): Word neither shows nor prints it
            if tag == T:
                self._emit(render_run_text(child.text or "", font))
            elif tag in (TAB, PTAB):
                self._emit(" " if self.in_cell else "\t")
            elif tag == BR:
                self._break(child)
            elif tag == CR:
                self._emit("\n")
            elif tag == SYM:
                self._emit(render_sym(child))
            elif tag == NB_HYPHEN:
                self._emit("-")
            elif tag == FLD_CHAR:
                self._field_char(child)
            elif tag == INSTR:
                if self._fields:
                    self._fields[-1].instruction.append(child.text or "")
            elif tag == RENDERED_BREAK:
                self.pages.brk()
            elif tag == RUBY:
                base = child.find(RUBY_BASE)
                if base is not None:
                    self._walk(base)  # the base text; the phonetic guide (w:rt) is not text
            elif tag in (DRAWING, PICT) and is_box_picture(child):
                self._emit(mark(None, "picture"))  # a box drawn as a picture: its state unknown
            # w:delText, w:delInstrText, w:rPr, w:softHyphen, other drawings: nothing visible

    def _break(self, br: etree._Element) -> None:
        kind = br.get(BR_TYPE)
        if kind == "page":
            if not self._hidden:
                self.pages.brk()
        else:
            self._emit("\n")

    def _field_char(self, char: etree._Element) -> None:
        kind = char.get(FLD_TYPE)
        if kind == "begin":
            state = form_checkbox_state(char)
            if state is not None:
                self._emit(mark(state, "formfield"))  # a FORMCHECKBOX shows no text: the box is here
            self._fields.append(_Field(box=state))
        elif kind == "separate" and self._fields:
            self._fields[-1].in_instruction = False
        elif kind == "end" and self._fields:
            fld = self._fields.pop()
            is_box = "FORMCHECKBOX" in "".join(fld.instruction).upper()
            if fld.box is None and is_box:
                self._emit(mark(False, "formfield"))  # no ffData: the box shows its default, empty
