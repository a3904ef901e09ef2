"""Word (.docx) reader: paragraphs and tables in document order, merged cells read once.

Reads `word/document.xml` directly with lxml (safely: `parsers.readers.boundary.safe_xml`)
instead of through python-docx objects: one pass over the body, no proxy objects, and of the
package's other parts only numbering.xml and styles.xml are inflated (for list labels and
symbol fonts set by character styles; images never). This is several times faster
than loading the document with python-docx and walking `iter_inner_content()`.

Owns the block level: body `w:p` / `w:tbl` (also inside block-level content controls and
custom XML; a checkbox content control around whole paragraphs or a cell's content shows its
state, not the glyph its content holds), the table grid (`w:gridBefore`, `w:gridSpan`, `w:vMerge` restart/continue,
legacy `w:hMerge`) resolved into one Cell per merged cell (the text of its continuation
cells kept after its own, once: generators repeat the merged text in every cell), nested tables flattened into their
parent cell (one line per nested row, its cells joined by tabs), the paragraphs of text boxes
(DrawingML, or VML when there is no DrawingML copy) read where their anchor paragraph
stands, automatic list labels (一、 1、, `docx_numbering`) put in front of their paragraph,
and page numbers from hard page breaks, `w:lastRenderedPageBreak`, `w:pageBreakBefore` and
next-page section breaks. Inline text and boxes are `docx_text` / `docx_boxes`; the zip
container (and the numbering and styles parts) is `docx_container`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from parsers.lines import build_document
from parsers.readers.boundary import reading_errors
from parsers.readers.checkbox_glyphs import mark_glyphs
from parsers.readers.docx_boxes import W, force_box, on_off, sdt_checkbox_state, symbol_font_styles
from parsers.readers.docx_container import package
from parsers.readers.docx_numbering import Numbering
from parsers.readers.docx_text import SDT, SDT_CONTENT, InlineText, Pages
from schemas.document import Block, Cell, Document, Paragraph, Table
from schemas.errors import NotADocument
from schemas.limits import Limits
from schemas.record import Source

P, TBL, TR, TC, BODY = (f"{W}{n}" for n in ("p", "tbl", "tr", "tc", "body"))
CUSTOM_XML, PPR, TRPR, TCPR = (f"{W}{n}" for n in ("customXml", "pPr", "trPr", "tcPr"))
VAL = f"{W}val"
TXBX = f"{W}txbxContent"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MC_CHOICE, MC_FALLBACK = f"{_MC}Choice", f"{_MC}Fallback"
_WRAPPERS = frozenset({SDT, CUSTOM_XML})
_STRIP = " \t\u3000\u00a0"


def read(data: bytes, source: Source, limits: Limits) -> Document:
    """Read a .docx file's bytes into a Document (raises only ReadError subclasses)."""
    with reading_errors("Word 文档"):
        root, parts = package(data, limits)
        body = root.find(BODY)
        if root.tag != f"{W}document" or body is None:
            raise NotADocument("zip 包的主文档不是 Word 正文（w:document/w:body），不是 Word 文档")
        styles = parts.get("styles")
        walker = _Walker(
            numbering=Numbering.from_parts(parts.get("numbering"), styles),
            symbol_styles=symbol_font_styles(styles),
        )
        walker.blocks_of(body)
        blocks = walker.blocks
    pages = max([walker.pages.page] + [b.page for b in blocks])
    return build_document(source.model_copy(update={"pages": pages}), blocks)


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """`parent`'s children with `tag`, looking through content controls and custom XML."""
    found: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            if inner is not None:
                found.extend(_children(inner, tag))
    return found


def _int_prop(props: etree._Element | None, name: str, default: int) -> int:
    element = props.find(f"{W}{name}") if props is not None else None
    try:
        return max(int(element.get(VAL, default)), 0) if element is not None else default
    except ValueError:
        return default


@dataclass
class _CellBuilder:
    row: int
    col: int
    col_span: int
    page: int
    texts: list[str]
    row_span: int = 1

    def freeze(self) -> Cell:
        return Cell(
            row=self.row,
            col=self.col,
            row_span=self.row_span,
            col_span=self.col_span,
            text="\n".join(t for t in self.texts if t),
            page=self.page,
        )


@dataclass
class _Grid:
    """Places cells on the table grid, merging vertical and legacy horizontal spans."""

    cells: list[_CellBuilder] = field(default_factory=list)
    _above: dict[int, _CellBuilder] = field(default_factory=dict)
    _row: dict[int, _CellBuilder] = field(default_factory=dict)

    def add(self, row: int, col: int, span: int, tc_pr: etree._Element | None, text: str, page: int) -> None:
        v_merge = tc_pr.find(f"{W}vMerge") if tc_pr is not None else None
        h_merge = tc_pr.find(f"{W}hMerge") if tc_pr is not None else None
        if v_merge is not None and v_merge.get(VAL, "continue") == "continue":
            top = self._above.get(col)
            if top is not None:
                top.row_span += 1
                if text and text not in top.texts:  # generators repeat the merged text in every cell
                    top.texts.append(text)
                self._row[col] = top
                return
        if h_merge is not None and h_merge.get(VAL, "continue") == "continue" and self._row:
            left = self._row[max(self._row)]
            if left.row == row:
                left.col_span += span
                if text and text not in left.texts:
                    left.texts.append(text)
                return
        cell = _CellBuilder(row=row, col=col, col_span=span, page=page, texts=[text])
        self.cells.append(cell)
        self._row[col] = cell

    def end_row(self) -> None:
        self._above, self._row = self._row, {}


@dataclass
class _Walker:
    """One pass over the body, collecting blocks and counting pages."""

    pages: Pages = field(default_factory=Pages)
    blocks: list[Block] = field(default_factory=list)
    numbering: Numbering = field(default_factory=Numbering)
    symbol_styles: dict[str, str] = field(default_factory=dict)
    inline: InlineText = field(init=False)

    def __post_init__(self) -> None:
        self.inline = InlineText(self.pages, self.symbol_styles)

    def blocks_of(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                self._paragraph(child)
            elif tag == TBL:
                self.blocks.append(self._table(child))
            elif tag in _WRAPPERS:
                inner = child.find(SDT_CONTENT) if tag == SDT else child
                if inner is not None:
                    first = len(self.blocks)
                    self.blocks_of(inner)
                    state = sdt_checkbox_state(child) if tag == SDT else None
                    if state is not None:
                        self._box_blocks(first, state)
            # w:sectPr, w:bookmarkStart, w:altChunk, …: no text

    def _box_blocks(self, first: int, state: bool) -> None:
        """A checkbox content control around whole paragraphs: its state, not the glyph its
        content shows, is the box (on the first paragraph it wraps)."""
        for index in range(first, len(self.blocks)):
            block = self.blocks[index]
            if isinstance(block, Paragraph):
                self.blocks[index] = block.model_copy(update={"text": boxed(block.text, state)})
                return

    def _paragraph(self, para: etree._Element) -> None:
        props = para.find(PPR)
        if props is not None and on_off(props.find(f"{W}pageBreakBefore"), VAL, absent=False):
            self.pages.brk()
        for box in text_boxes(para):
            self.blocks_of(box)
        label = self.numbering.label(props)
        for page, text in self.inline.paragraph(para, in_cell=False):
            text = text.strip(_STRIP)
            if label:
                text, label = (label + text).strip(_STRIP), ""
            if text:
                self.blocks.append(Paragraph(page=page, text=text))
        self._section_break(props)

    def _section_break(self, props: etree._Element | None) -> None:
        sect = props.find(f"{W}sectPr") if props is not None else None
        if sect is None:
            return
        kind = sect.find(f"{W}type")
        if kind is None or kind.get(VAL, "nextPage") != "continuous":
            self.pages.brk()

    def _table(self, tbl: etree._Element) -> Table:
        grid = _Grid()
        start_page = self.pages.page
        for row, tr in enumerate(_children(tbl, TR)):
            col = _int_prop(tr.find(TRPR), "gridBefore", 0)
            for tc in _children(tr, TC):
                tc_pr = tc.find(TCPR)
                span = max(_int_prop(tc_pr, "gridSpan", 1), 1)
                self.inline.first_page = None
                text = self._cell_text(tc)
                grid.add(row, col, span, tc_pr, text, self.inline.first_page or self.pages.page)
                col += span
            grid.end_row()
        cells = tuple(builder.freeze() for builder in grid.cells)
        return Table(page=cells[0].page if cells else start_page, cells=cells)

    def _cell_text(self, container: etree._Element) -> str:
        """A cell's paragraphs joined by newlines; nested tables one line per row."""
        texts: list[str] = []
        for child in container:
            tag = child.tag
            if tag == P:
                texts.extend(self._cell_text(box) for box in text_boxes(child))
                label = self.numbering.label(child.find(PPR))
                parts = self.inline.paragraph(child, in_cell=True)
                texts.append((label + "".join(text for _, text in parts).strip(_STRIP)).strip(_STRIP))
            elif tag == TBL:
                texts.extend(_flatten(self._table(child)))
            elif tag in _WRAPPERS:
                inner = child.find(SDT_CONTENT) if tag == SDT else child
                if inner is not None:
                    text = self._cell_text(inner)
                    state = sdt_checkbox_state(child) if tag == SDT else None
                    texts.append(boxed(text, state) if state is not None else text)
        return "\n".join(t for t in texts if t)


def boxed(text: str, state: bool) -> str:
    """A checkbox control's content (whole paragraphs) with its box shown in the control's state."""
    return mark_glyphs(force_box(text, state), "w14")


def text_boxes(para: etree._Element) -> list[etree._Element]:
    """The contents (`w:txbxContent`) of the text boxes anchored in a paragraph, outermost only.

    A text box is stored twice, as DrawingML in `mc:Choice` and as VML in `mc:Fallback`; the
    fallback copy is skipped. Boxes nested in another box are read with their parent.
    """
    if para.find(f".//{TXBX}") is None:  # the common case: one cheap search, no boxes
        return []
    found: list[etree._Element] = []

    def walk(parent: etree._Element) -> None:
        for child in parent:
            if child.tag == TXBX:
                found.append(child)
            elif child.tag == MC_FALLBACK and any(
                sibling.tag == MC_CHOICE for sibling in child.itersiblings(preceding=True)
            ):
                continue
            elif len(child):
                walk(child)

    walk(para)
    return found


def _flatten(table: Table) -> list[str]:
    """A nested table as lines: each row's cell texts joined by tabs."""
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    lines = []
    for row in sorted(rows):
        texts = [c.text.replace("\n", " ") for c in sorted(rows[row], key=lambda c: c.col)]
        line = "\t".join(texts).strip()
        if line:
            lines.append(line)
    return lines
