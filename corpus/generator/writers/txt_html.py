"""txt-html: an HTML `<table>` with colspan and rowspan, as some OCR engines emit.

Narrative `<p>` paragraphs inside a wide cell, `<input type="checkbox">` boxes (three
spellings of `checked`), entities (`&amp;` from the text, `&nbsp;` before boxes, as empty
padding and as an OCR wrap space inside some values).
"""

from __future__ import annotations

import html
import random
from pathlib import Path

from corpus.generator.layout import N_COLS, LCell, header_lines, outlook_rows, top_rows, wrap_space
from corpus.generator.model import FormSpec
from corpus.generator.narrative import paragraphs_3, paragraphs_12

CHECKED_SPELLINGS = ("checked", 'checked="checked"', 'checked=""')


def _box(on: bool, spelling: str) -> str:
    return f'<input type="checkbox" {spelling}/>' if on else '<input type="checkbox"/>'


def _content(cell: LCell, rng: random.Random, spelling: str) -> str:
    if cell.options:
        return " ".join(f"{html.escape(label)}&nbsp;{_box(on, spelling)}" for label, on in cell.options)
    if not cell.text:
        return "&nbsp;"
    text = html.escape(wrap_space(cell.text, rng, 0.3), quote=False)
    return text.replace(" ", "&nbsp;") if rng.random() < 0.5 else text


def _td(content: str, cell: LCell) -> str:
    attrs = (f' colspan="{cell.span}"' if cell.span > 1 else "") + \
            (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
    return f"<td{attrs}>{content}</td>"


def _wide(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return f'<tr><td colspan="{N_COLS}">{body}</td></tr>'


def render(spec: FormSpec, rng: random.Random) -> str:
    """The whole file's text."""
    spelling = rng.choice(CHECKED_SPELLINGS)
    title, town = header_lines(spec)
    out = ["<html><head><meta charset=\"utf-8\"></head><body>",
           f"<h2>{html.escape(title)}</h2>", f"<p>{html.escape(town)}</p>", '<table border="1">']
    for row in top_rows(spec, rng.choice(("（元）", "(元)", " (元)"))):
        out.append("<tr>" + "".join(_td(_content(c, rng, spelling), c) for c in row) + "</tr>")
    out.append(_wide(paragraphs_12(spec)))
    out.append(_wide(paragraphs_3(spec)))
    for row in outlook_rows(spec):
        cells = [c for c in row if c.role != "cont"]
        out.append("<tr>" + "".join(_td(_content(c, rng, spelling), c) for c in cells) + "</tr>")
    out += ["</table>", "</body></html>"]
    return "\n".join(out) + "\n"


def write(spec: FormSpec, stem: Path, rng: random.Random) -> Path:
    """Write `stem`.html in UTF-8."""
    path = stem.with_suffix(".html")
    path.write_text(render(spec, rng), encoding="utf-8")
    return path
