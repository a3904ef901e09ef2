"""Re-laying a document: its document model -> its text in each layout OCR tools and web pages produce.

A case is read once by the reader of its own format into the document model (tables and
paragraphs); each renderer prints those same blocks in one layout. A new layout is one more
entry in RENDERERS. The renderers know the templates' labels only to lay rows out the way a
layout does (a header row of labels over a row of values, values printed before labels);
they never decide a value.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import regex
import zhconv

from parsers.readers.text_labels import vocabulary
from schemas.document import Document, Paragraph, Table

Rows = list[list[str]]


def table_rows(table: Table) -> Rows:
    """The table as rows of texts: a merged cell's text at its first slot, "" in covered slots."""
    rows = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row][cell.col] = cell.text
    return rows


def _blocks(document: Document) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            out.append(("p", block.text))
        else:
            out.append(("t", table_rows(block)))
    return out


def _one_line(text: str) -> str:
    return " ".join(part for part in text.split("\n") if part)


def _render(document: Document, row: Callable[[list[str]], list[str]], gap: str = "") -> str:
    lines: list[str] = []
    for kind, content in _blocks(document):
        if kind == "p":
            lines.extend(str(content).split("\n"))
            continue
        for cells in content:  # type: ignore[attr-defined]
            filled = [c for c in cells if c]
            if len(filled) == 1 and "\n" in filled[0]:
                lines.extend(filled[0].split("\n"))  # a narrative cell: its paragraphs as lines
                continue
            lines.extend(row(cells))
        if gap:
            lines.append(gap)
    return "\n".join(lines) + "\n"


def _pipes(outer: bool, separator: bool, compact: bool) -> Callable[[Document], str]:
    def render(document: Document) -> str:
        lines: list[str] = []
        for kind, content in _blocks(document):
            if kind == "p":
                lines.extend(str(content).split("\n"))
                continue
            for i, cells in enumerate(content):  # type: ignore[arg-type]
                texts = [c.replace("\n", "<br>") for c in cells]
                body = "".join(f" {t} |" if t else ("|" if compact else "  |") for t in texts)
                line = ("|" + body) if outer else body.rstrip("|").rstrip()
                lines.append(line)
                if separator and i == 0:
                    lines.append("|" + "---|" * len(cells))
            lines.append("")
        return "\n".join(lines) + "\n"

    return render


def _cells(pipe_end: bool) -> Callable[[Document], str]:
    def row(cells: list[str]) -> list[str]:
        out = []
        for cell in cells:
            if not cell:
                if pipe_end:
                    out.append("|")
                continue
            text = _one_line(cell)
            out.append(f"{text} |" if pipe_end else text)
            if not pipe_end:
                out.append("")
        return out

    return lambda document: _render(document, row)


def _joined(separators: tuple[str, ...], seed: int = 7) -> Callable[[Document], str]:
    def render(document: Document) -> str:
        rng = random.Random(seed)

        def row(cells: list[str]) -> list[str]:
            filled = [_one_line(c) for c in cells if c]
            out = filled[0] if filled else ""
            for cell in filled[1:]:
                out += rng.choice(separators) + cell
            return [out]

        return _render(document, row)

    return render


def _is_label(text: str) -> bool:
    return vocabulary().is_label(_one_line(text))


def _pairs(cells: list[str]) -> list[tuple[str, str]] | None:
    """A row of label, value, label, value… as pairs; None for any other row."""
    filled = [_one_line(c) for c in cells if c]
    if len(filled) < 2 or len(filled) % 2:
        return None
    pairs = [(filled[i], filled[i + 1]) for i in range(0, len(filled), 2)]
    ok = all(_is_label(label) and not _is_label(value) for label, value in pairs)
    return pairs if ok else None


def _values_first(document: Document) -> str:
    def row(cells: list[str]) -> list[str]:
        pairs = _pairs(cells)
        if pairs is None:
            return ["  ".join(_one_line(c) for c in cells if c)]
        return ["  ".join(f"{value}  {label}" for label, value in pairs)]

    return _render(document, row)


def _header_over_values(document: Document) -> str:
    def row(cells: list[str]) -> list[str]:
        pairs = _pairs(cells)
        if pairs is None or len(pairs) < 2:
            return ["  ".join(_one_line(c) for c in cells if c)]
        return ["  ".join(label for label, _ in pairs), "  ".join(value for _, value in pairs)]

    return _render(document, row)


def _vertical(document: Document) -> str:
    """One cell per line; labels of four or more plain characters printed one character a line."""

    def row(cells: list[str]) -> list[str]:
        out: list[str] = []
        for cell in cells:
            text = _one_line(cell)
            if not text:
                continue
            if _is_label(text) and regex.fullmatch(r"\p{Han}{4,8}", text):
                out.extend(text)
            else:
                out.append(text)
        return out

    return _render(document, row)


def _traditional(document: Document) -> str:
    return zhconv.convert(_joined(("  ", " "))(document), "zh-tw")


_FIGURE_POINT = regex.compile(r"(?<=\d)\.(?=\d)")


def _ocr(document: Document) -> str:
    """Tabs with OCR's confusions: 万兀, a comma as the point, spaces in labels, full width."""
    rng = random.Random(3)

    def cell(text: str) -> str:
        text = text.replace("万元", rng.choice(("万兀", "万え")))
        if regex.fullmatch(r"[\d.]+%?", text):
            text = _FIGURE_POINT.sub(rng.choice(("，", "。", ".")), text)
            if rng.random() < 0.4:
                text = text.translate({ord(d): ord("０") + int(d) for d in "0123456789"})
        elif _is_label(text) and len(text) >= 4 and rng.random() < 0.5:
            text = text[:2] + " " + text[2:]
        return text

    return _render(document, lambda cells: ["\t".join(cell(c.replace("\n", "<br>")) for c in cells)])


RENDERERS: dict[str, Callable[[Document], str]] = {
    "pipes_outer": _pipes(outer=True, separator=False, compact=False),
    "pipes_bare": _pipes(outer=False, separator=False, compact=False),
    "pipes_compact_separator": _pipes(outer=True, separator=True, compact=True),
    "cells_blank_lines": _cells(pipe_end=False),
    "cells_pipe_end": _cells(pipe_end=True),
    "spaced": _joined((" ", "  ", "   ")),
    "fused": _joined(("",)),
    "values_first": _values_first,
    "header_over_values": _header_over_values,
    "vertical_labels": _vertical,
    "traditional": _traditional,
    "ocr_confusions": _ocr,
}
"""Layout name -> renderer of a document model into that layout's text."""
