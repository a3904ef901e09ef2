"""Text dialects of self-evaluation forms, one or several per file, as OCR engines emit them.

tabs: tab-separated cells (a merged cell's text then empty cells), `<p>` paragraphs in long
cells, like the seed. markdown: pipe tables with a separator row. html: one `<table>` per form
with rowspan/colspan. cells: one cell per line, empty cells and covered cells skipped, some
labels spaced out. Monitoring parts are printed by the monitoring generator's own renderers.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

from corpus.generator.family.layout import Cell, Grid
from corpus.generator.family.writers import Part
from corpus.generator.layout import wrap_space
from corpus.generator.writers import txt_cells, txt_html, txt_markdown, txt_tabs

Span = tuple[int, int]
SPACED = ("项目名称", "主管部门", "实施单位", "总分")


def _tabs(grid: Grid, rng: random.Random) -> list[str]:
    lines = ["", *[x for h in grid.header for x in (h, "")]]
    for row in grid.rows:
        cells: list[str] = []
        for cell in row:
            text = cell.text
            if cell.role == "label":
                text = wrap_space(text, rng, 0.3)
            elif len(text) > 30 and rng.random() < 0.5:
                text = f"<p>{text}</p>"
            cells += [text] + [""] * (cell.span - 1)
        lines.append("\t".join(cells))
    return lines + grid.footer


def _markdown(grid: Grid, rng: random.Random) -> list[str]:
    lines = [rng.choice(("# ", "## ", "")) + grid.header[0], ""]
    lines += [*(h for h in grid.header[1:]), ""] if len(grid.header) > 1 else []
    for i, row in enumerate(grid.rows):
        cells: list[str] = []
        for cell in row:
            cells += [cell.text.replace("|", "\\|")] + [""] * (cell.span - 1)
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "---|" * grid.width)
    return [*lines, "", *grid.footer]


def _td(cell: Cell) -> str:
    attrs = (f' colspan="{cell.span}"' if cell.span > 1 else "") + (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
    text = html.escape(cell.text, quote=False) or "&nbsp;"
    return f"<td{attrs}>{text}</td>"


def _html(grid: Grid, rng: random.Random) -> list[str]:
    lines = [f"<h2>{html.escape(grid.header[0])}</h2>", *(f"<p>{html.escape(h)}</p>" for h in grid.header[1:]),
             '<table border="1">']
    for row in grid.rows:
        lines.append("<tr>" + "".join(_td(c) for c in row if c.role != "cont") + "</tr>")
    return [*lines, "</table>", *(f"<p>{html.escape(f)}</p>" for f in grid.footer)]


def _cells(grid: Grid, rng: random.Random) -> list[str]:
    lines = list(grid.header)
    for row in grid.rows:
        for cell in row:
            if cell.role == "cont" or not cell.text:
                continue
            spaced = cell.role == "label" and cell.text in SPACED and rng.random() < 0.4
            lines.append(" ".join(cell.text) if spaced else cell.text)
    return lines + grid.footer


def _monitoring(dialect: str, part: Part, rng: random.Random) -> list[str]:
    module = {"tabs": txt_tabs, "markdown": txt_markdown, "html": txt_html, "cells": txt_cells}[dialect]
    text = module.render(part.spec, rng)
    if dialect == "html":
        text = re.sub(r"(?s).*?<body>\n?|</body>.*", "", text)
    return text.rstrip("\n").split("\n")


_RENDER = {"tabs": _tabs, "markdown": _markdown, "html": _html, "cells": _cells}


def render(dialect: str, parts: list[Part], rng: random.Random) -> tuple[str, list[Span]]:
    """The file's text and the first and last (non-blank) line of each part."""
    lines: list[str] = []
    if dialect == "html":
        lines += ["<html><head><meta charset=\"utf-8\"></head><body>"]
    spans: list[Span] = []
    for i, part in enumerate(parts):
        if i:
            lines += [""] * rng.randint(1, 3)
        body = _monitoring(dialect, part, rng) if part.kind == "monitoring" else _RENDER[dialect](part.grid, rng)
        start = len(lines)
        lines += body
        filled = [k for k in range(start, len(lines)) if lines[k].strip()]
        spans.append((filled[0] + 1, filled[-1] + 1))
    if dialect == "html":
        lines.append("</body></html>")
    return "\n".join(lines) + "\n", spans


def _writer(dialect: str, suffix: str, encodings: tuple[str, ...] = ("utf-8",)):
    def write(parts: list[Part], stem: Path, rng: random.Random) -> tuple[Path, list[Span]]:
        text, spans = render(dialect, parts, rng)
        path = stem.with_suffix(suffix)
        path.write_bytes(text.encode(rng.choice(encodings)))
        return path, spans

    write.__doc__ = f"Write `stem`{suffix} in the {dialect} dialect."
    return write


write_tabs = _writer("tabs", ".txt")
write_markdown = _writer("markdown", ".md")
write_html = _writer("html", ".html")
write_cells = _writer("cells", ".txt", ("utf-8", "utf-8-sig", "gb18030"))
