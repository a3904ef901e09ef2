"""OCR dialect of any row layout: a cell grid rebuilt from lines cut by `text_split`.

Owns the layouts the four fixed dialects do not know, and any mix of them in one file: pipe
rows without a markdown separator (outer pipes or not, runs of empty cells), one cell per line
ending in ` |` (merged cells as lines of only `|`), rows whose cells are separated by spaces or
by nothing (cut at the templates' labels), a header row of labels over rows of figures (each
figure laid under the column it stands under, fused figures split into as many as the header
has figure columns), rows printed values-first (`城镇建设 项目名称`, turned label-first), and
rows of a table below its header that lost their merged leading cells (laid to the right).
A file of one cell per line with pipe endings is read as the cell-per-line dialect reads one.
Consecutive rows form one Table with the tab dialect's span conventions (`padded_table`);
lines of one cell are paragraphs, read as the cell-per-line dialect reads them.
"""

from __future__ import annotations

from collections import Counter

import regex

from parsers.lazy_pattern import LazyPattern
from parsers.normalize import is_page_furniture
from parsers.readers import text_cells
from parsers.readers.padded_rows import padded_table
from parsers.readers.pipe_wraps import join_wrapped_rows
from parsers.readers.text_cells import PageTracker
from parsers.readers.text_columns import BOX as _BOX
from parsers.readers.text_columns import column_parts, table_continues
from parsers.readers.text_figures import is_figures, split_figures
from parsers.readers.text_labels import Vocabulary, vocabulary
from parsers.readers.text_markdown import _paragraph_text
from parsers.readers.text_split import Cut, Piece, cut_line
from schemas.document import Block, Paragraph

_CELL_PIPE_END = LazyPattern(r"^[ \t]*\|?[ \t]*|[ \t]*\|[ \t]*$", regex.MULTILINE)
_PIPE_LINE = LazyPattern(r"^[ \t|]*\|[ \t|]*$", regex.MULTILINE)
_LABELLED_FIGURES = LazyPattern(r"^(\p{Han}[^\d]*?)\s*([\d][\d.,%—\-/ ]*)$")
_PROSE = LazyPattern(r"[，。；！？]")
_NOTE = LazyPattern(r"^[（(][^（）()\d]{1,12}[)）]$")
MIN_EVIDENCE = 3
CELL_LINES_PER_CUT = 20


def layout_counts(text: str) -> Counter[str]:
    """How many lines each kind of cut read (a label and its value set off by a space or colon is no evidence: the cell-per-line dialect
    prints `label：value` too, nor is a label with a bracketed note (`指标值(年度)`); two labels,
    a value before its label, or a value fused to its label are)."""
    words = vocabulary()
    counts: Counter[str] = Counter()
    for line in text.split("\n"):
        if "\t" in line:
            continue
        cut = cut_line(line, words)
        if cut.kind == "spaced" and len(cut.pieces) == 2 and not all(p.label for p in cut.pieces) \
                and not (cut.pieces[1].label and not cut.pieces[0].label):
            continue  # `label value` alone: the cell-per-line dialect writes that too
        if cut.kind == "fused" and len(cut.pieces) == 2 and _PROSE.search(cut.pieces[1].text):
            continue  # a sentence that begins with a label's words (年度目标基本完成，…)
        if cut.kind in ("spaced", "fused") and len(cut.pieces) == 2 and cut.pieces[0].label \
                and _NOTE.match(cut.pieces[1].text):
            continue  # one header cell, a label and its note (三级指标(年度)): no row
        counts[cut.kind] += 1
    return counts


def sniff(text: str) -> bool:
    """Lines cut at pipes without a markdown separator, cells ending in ` |`, or rows cut at labels."""
    counts = layout_counts(text)
    cut = counts["spaced"] + counts["fused"]
    return (counts["pipes"] >= MIN_EVIDENCE and not _markdown_only(text)) or counts["cell_pipes"] >= MIN_EVIDENCE \
        or (cut >= 1 and not _cells_per_line(counts))


def _cells_per_line(counts: Counter[str]) -> bool:
    """One cell per line with a stray line or two that reads as cut (an indicator named 年度…,
    a signature line `填报人：王敏　联系电话：…`): the cell-per-line dialect reads those too."""
    cut = counts["spaced"] + counts["fused"]
    return cut < MIN_EVIDENCE and counts["single"] >= CELL_LINES_PER_CUT * cut


def _markdown_only(text: str) -> bool:
    from parsers.readers import text_markdown

    return text_markdown.sniff(text) and not any(
        "|" in line and not text_markdown._is_table_line(line, text.split("\n"), i, True)
        for i, line in enumerate(text.split("\n"))
    )


def layout_name(text: str) -> str:
    """The layout the file is mostly in: `pipes`, `cell_pipes`, `spaced`, `fused`, or `mixed`
    (pipe rows beside rows cut at labels)."""
    counts = layout_counts(text)
    pipes, cell_pipes = counts["pipes"], counts["cell_pipes"]
    cut = counts["spaced"] + counts["fused"]
    if cell_pipes >= MIN_EVIDENCE and cell_pipes > pipes:
        return "cell_pipes"
    if pipes >= MIN_EVIDENCE:
        return "mixed" if cut >= 0.25 * (pipes + cut) else "pipes"
    if cut:
        return "fused" if counts["fused"] >= 0.5 * cut else "spaced"
    return "rows"


class _Builder:
    """Rows of the current table, the header they stand under, and the blocks so far."""

    def __init__(self, words: Vocabulary) -> None:
        self.words = words
        self.blocks: list[Block] = []
        self.rows: list[list[str]] = []
        self.pages: list[int] = []
        self.header: list[Piece] | None = None
        self.pair_block: int | None = None

    def flush(self) -> None:
        if self.rows:
            self.blocks.append(padded_table(self.rows, self.pages))
        self.rows, self.pages, self.header, self.pair_block = [], [], None, None

    def paragraph(self, text: str, page: int) -> None:
        self.flush()
        if text:
            self.blocks.append(Paragraph(text=text, page=page))

    def row(self, cut: Cut, page: int) -> None:
        pieces = list(cut.pieces)
        if cut.kind in ("spaced", "fused") and self._stated_value(pieces):
            # `总分:83`: the label states its one value as a line of its own, as the
            # cell-per-line dialect prints it (no 8 and 3 of 分值 and 得分).
            self.paragraph(f"{pieces[0].text}{pieces[1].text}", page)
            return
        if cut.kind in ("spaced", "fused"):
            cells = self._under_pair_block(self._laid_out(_label_first(pieces)))
        else:
            cells = cut.texts
            if len(pieces) >= 2 and all(p.label for p in pieces if p.text):
                self.header = pieces
        if len([c for c in cells if c]) < 2:
            self.paragraph(" ".join(c for c in cells if c), page)
            return
        self.rows.append(cells)
        self.pages.append(page)

    def _stated_value(self, pieces: list[Piece]) -> bool:
        """A label that several figure fields share, a colon and one figure (总分:83)."""
        if len(pieces) != 2 or not pieces[0].label or not pieces[0].text.rstrip().endswith((":", "：")):
            return False
        shared = self.words.figures_after.get(self.words.key_of(pieces[0].text) or "", 0) > 1
        return shared and is_figures(pieces[1].text) and len(pieces[1].text.split()) == 1

    def _laid_out(self, pieces: list[Piece]) -> list[str]:
        header = self.header
        pieces = self._figures_after_labels(pieces)
        if _is_header(pieces):
            if self.words.key_of(pieces[0].text) in self.words.block_keys and any(
                    self.words.key_of(p.text) in self.words.figure_keys for p in pieces[1:]):
                # The table's own label spans the column of row labels below it (项目资金 over
                # 年度资金总额, 其中：当年财政拨款 …): that column is the next one.
                pieces = [pieces[0], Piece(""), *pieces[1:]]
            self.header = pieces
            return [p.text for p in pieces]
        if header is None:
            return _figures_split(pieces)
        figure_cols = [i for i, p in enumerate(header) if p.label and self.words.key_of(p.text) in self.words.figure_keys]
        lead = [p for p in pieces if not is_figures(p.text)]
        figures_text = " ".join(p.text for p in pieces if is_figures(p.text))
        # A row's own label (年度资金总额, or a line the form adds: 单位自筹资金) before its figures.
        row_label = not lead or (len(lead) == 1 and pieces[0] is lead[0] and (
            not lead[0].label or self.words.key_of(lead[0].text) in self.words.row_keys))
        if figure_cols and figures_text and row_label and len(lead) + 1 <= len(pieces):
            kinds = tuple(self.words.figure_kind.get(self.words.key_of(header[col].text) or "", "") for col in figure_cols)
            figures = split_figures(figures_text, len(figure_cols), kinds)
            if len(figures) == len(figure_cols):
                cells = [""] * len(header)
                for col, figure in zip(figure_cols, figures, strict=True):
                    cells[col] = figure
                if lead:
                    cells[max(0, figure_cols[0] - 1)] = lead[0].text
                return cells
        cells = _figures_split(pieces)
        if not any(p.label for p in pieces) and len(cells) < len(header):
            return self._aligned(cells, header)
        return cells

    def _aligned(self, cells: list[str], header: list[Piece]) -> list[str]:
        """A row that lost its leading merged cells, laid to the right: at the column of its
        first cell of boxes when the header names it (the cells after may be fewer), else flush."""
        keys = [self.words.key_of(p.text) for p in header]
        for i, cell in enumerate(cells):
            column = self.words.box_column(cell) if _BOX.search(cell) else None
            if column is not None and column in keys and keys.index(column) >= i:
                at = keys.index(column)
                laid = [""] * (at - i) + cells
                return laid + [""] * (len(header) - len(laid))
        return [""] * (len(header) - len(cells)) + cells


    def _under_pair_block(self, cells: list[str]) -> list[str]:
        """A table's label spanning rows of label-value pairs (项目资金 | 中期资金总额 | 1,200.00 |
        年度资金总额 | 400.00, then 其中：财政拨款 | 1,000.00 | …): the rows below it, as many
        pairs as its first, stand in the columns to its right."""
        filled = [c for c in cells if c]
        pairs = _pair_count(filled, self.words)
        if filled and self.words.key_of(filled[0]) in self.words.block_keys:
            self.pair_block = _pair_count(filled[1:], self.words)
            return cells
        if pairs and pairs == self.pair_block and len(filled) == len(cells):
            return ["", *cells]
        self.pair_block = None
        return cells

    def _figures_after_labels(self, pieces: list[Piece]) -> list[Piece]:
        """Fused figures after a label that several figure fields share (总分 100 95) split
        into that many."""
        out: list[Piece] = []
        for i, piece in enumerate(pieces):
            count = self.words.figures_after.get(self.words.key_of(pieces[i - 1].text) or "", 0) if i else 0
            if i and pieces[i - 1].label and count > 1 and not piece.label and is_figures(piece.text):
                out.extend(Piece(figure) for figure in split_figures(piece.text, count))
            else:
                out.append(piece)
        return out


def _pair_count(cells: list[str], words: Vocabulary) -> int | None:
    """How many label, value pairs the cells are, None when they are not such pairs."""
    if len(cells) < 2 or len(cells) % 2:
        return None
    if all(words.is_label(cells[i]) and not words.is_label(cells[i + 1]) for i in range(0, len(cells), 2)):
        return len(cells) // 2
    return None


def _is_header(pieces: list[Piece]) -> bool:
    """A row of labels: every cell a known label, or three or more and a last one that is
    not (a free-text column such as 原因)."""
    filled = [p for p in pieces if p.text]
    if len(filled) < 2:
        return False
    if all(p.label for p in filled):
        return True
    return len(filled) >= 4 and all(p.label for p in filled[:-1]) and not is_figures(filled[-1].text)


def _figures_split(pieces: list[Piece]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if not piece.label and is_figures(piece.text):
            out.extend(split_figures(piece.text))
        else:
            out.append(piece.text)
    return out


def _label_first(pieces: list[Piece]) -> list[Piece]:
    """A row printed value, label, value, label… turned label-first (a PDF's reading order)."""
    if len(pieces) < 2 or pieces[0].label or not pieces[-1].label or len(pieces) % 2:
        return pieces
    pairs = [pieces[i : i + 2] for i in range(0, len(pieces), 2)]
    if not all(not value.label and label.label for value, label in pairs):
        return pieces
    return [piece for value, label in pairs for piece in (label, value)]


def parse(text: str) -> list[Block]:
    """Blocks of a text in any row layout, in reading order."""
    if layout_name(text) == "cell_pipes":
        # A line of only `|` is an empty cell: kept, for the stream of cells to keep its order.
        return text_cells.parse(_CELL_PIPE_END.sub("", _PIPE_LINE.sub(text_cells.EMPTY_CELL, text)))
    words = vocabulary()
    pages = PageTracker()
    builder = _Builder(words)
    lines = join_wrapped_rows(text.lstrip("\ufeff").split("\n"))
    outer = outer_pipes(lines)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if line and is_page_furniture(line):
            pages.furniture(line)
            continue
        cut = cut_line(raw, words, outer[i])
        if cut.kind == "skip":
            continue
        if cut.kind in ("single", "cell_pipes"):
            text_of = cut.pieces[0].text
            labelled = _LABELLED_FIGURES.match(text_of) if builder.header is not None else None
            if builder.rows and labelled and cut.kind == "single" and is_figures(labelled.group(2)):
                builder.row(Cut("fused", (Piece(labelled.group(1).strip()), Piece(labelled.group(2), spaced=False))),
                            pages.content())
                continue
            if builder.rows and builder.header is not None and cut.kind == "single" and table_continues(text_of):
                parts = column_parts(text_of, len(builder.header), words)
                builder.row(Cut("spaced", tuple(Piece(part) for part in parts)), pages.content())
                continue
            builder.paragraph(_paragraph_text(text_of) if cut.kind == "single" else text_of, pages.content())
            continue
        builder.row(cut, pages.content())
    builder.flush()
    return builder.blocks


def outer_pipes(lines: list[str]) -> list[bool | None]:
    """Per line, whether its run of pipe rows is written with outer pipes (nearly all its rows
    start with one); None outside pipe rows. Without outer pipes, a row starting with a pipe
    starts with an empty cell."""
    out: list[bool | None] = [None] * len(lines)
    i = 0
    while i < len(lines):
        if "|" not in lines[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and "|" in lines[j]:
            j += 1
        rows = [line.strip() for line in lines[i:j] if "|" in line.strip()[1:-1]]
        if len(rows) >= 2:
            flag = sum(1 for row in rows if row.startswith("|")) >= 0.9 * len(rows)
            out[i:j] = [flag] * (j - i)
        i = j
    return out
