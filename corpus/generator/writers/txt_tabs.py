"""txt-tabs: the seed's own OCR dialect.

Tab-separated cells padded to 8 per row, `<p>` paragraphs inside the narrative cell,
`<input type="checkbox"/>` / `<input checked="" type="checkbox"/>` after each option, labels
and values with OCR wrap spaces, and an empty first cell continuing the 四、 cell above.
"""

from __future__ import annotations

import random
from pathlib import Path

from corpus.generator.layout import N_COLS, LCell, header_lines, outlook_rows, top_rows, wrap_space
from corpus.generator.model import FormSpec
from corpus.generator.narrative import paragraphs_3, paragraphs_12

UNCHECKED = '<input type="checkbox"/>'
CHECKED = '<input checked="" type="checkbox"/>'


def _cell(cell: LCell, rng: random.Random) -> str:
    if cell.options:
        return " ".join(f"{label} {CHECKED if on else UNCHECKED}" for label, on in cell.options)
    if cell.role == "cont":
        return ""
    return wrap_space(cell.text, rng, 0.6 if cell.role == "label" else 0.3)


def _row(cells: list[str]) -> str:
    return "\t".join(cells + [""] * (N_COLS - len(cells)))


def _narrative(paragraphs: list[str]) -> str:
    return " ".join(f"<p>{p}</p>" for p in paragraphs)


def render(spec: FormSpec, rng: random.Random) -> str:
    """The whole file's text."""
    title, town = header_lines(spec)
    lines = ["", "", title, "", town, ""]
    unit_style = rng.choice((" (元)", " (元)", "（元）"))
    for row in top_rows(spec, unit_style):
        lines.append(_row([_cell(c, rng) for c in row]))
    lines.append(_row([_narrative(paragraphs_12(spec))]))
    lines.append(_row([_narrative(paragraphs_3(spec))]))
    for row in outlook_rows(spec):
        lines.append(_row([_cell(c, rng) for c in row]))
    return "\n".join(lines) + "\n"


def write(spec: FormSpec, stem: Path, rng: random.Random) -> Path:
    """Write `stem`.txt in UTF-8."""
    path = stem.with_suffix(".txt")
    path.write_text(render(spec, rng), encoding="utf-8")
    return path
