"""txt-markdown: markdown pipe tables with separator rows, narrative as plain paragraphs.

Two tables (the fields, then the 四、 rows) with the narrative between them; boxes as Unicode
glyph pairs (☑☐, ■□, √□, ☒☐) before or after each option, one pair and side per document.
"""

from __future__ import annotations

import random
from pathlib import Path

from corpus.generator.layout import N_COLS, LCell, header_lines, outlook_rows, top_rows, wrap_space
from corpus.generator.model import FormSpec
from corpus.generator.narrative import paragraphs_3, paragraphs_12

GLYPH_PAIRS = (("☑", "☐"), ("■", "□"), ("√", "□"), ("☒", "☐"))


def _options(cell: LCell, pair: tuple[str, str], before: bool) -> str:
    parts = []
    for label, on in cell.options:
        box = pair[0] if on else pair[1]
        parts.append(f"{box}{label}" if before else f"{label}{box}")
    return " ".join(parts)


def _table(rows: list[list[LCell]], rng: random.Random, pair: tuple[str, str], before: bool) -> list[str]:
    lines = []
    for i, row in enumerate(rows):
        cells = [_options(c, pair, before) if c.options else
                 "" if c.role == "cont" else wrap_space(c.text, rng, 0.2) for c in row]
        cells += [""] * (N_COLS - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "---|" * N_COLS)
    return lines


def render(spec: FormSpec, rng: random.Random) -> str:
    """The whole file's text."""
    pair = rng.choice(GLYPH_PAIRS)
    before = rng.random() < 0.5
    title, town = header_lines(spec)
    lines = [rng.choice(("# ", "## ", "")) + title, "", town, ""]
    lines += _table(top_rows(spec, rng.choice(("（元）", "(元)"))), rng, pair, before)
    lines.append("")
    for paragraph in paragraphs_12(spec) + paragraphs_3(spec):
        lines += [paragraph, ""]
    lines += _table(outlook_rows(spec), rng, pair, before)
    return "\n".join(lines) + "\n"


def write(spec: FormSpec, stem: Path, rng: random.Random) -> Path:
    """Write `stem`.md in UTF-8."""
    path = stem.with_suffix(".md")
    path.write_text(render(spec, rng), encoding="utf-8")
    return path
