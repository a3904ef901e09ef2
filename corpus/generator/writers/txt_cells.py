"""txt-cells: one cell per line, as plain OCR emits a form.

Label line then value line; some labels split over two lines (`具体实施` / `(内设机构)`,
`选择重点跟踪` / `理由`) or spaced out (`预 算 单 位`); boxes as OCR look-alikes (口 □ [ ]
for empty, √ ■ ☑ [√] for ticked); full-width digits and percent in some files; page
furniture `第 1 页 共 2 页` between lines; saved as UTF-8, UTF-8 with BOM or GB18030.
"""

from __future__ import annotations

import random
from pathlib import Path

from corpus.generator.layout import LCell, header_lines, outlook_rows, top_rows, wrap_space
from corpus.generator.model import FormSpec
from corpus.generator.narrative import paragraphs_3, paragraphs_12

BOX_PAIRS = (("√", "口"), ("■", "□"), ("☑", "□"), ("[√]", "[ ]"), ("☑", "☐"))
SPLIT_LABELS = {"具体实施（内设机构）": ("具体实施", "(内设机构)"), "选择重点跟踪理由": ("选择重点跟踪", "理由"),
                "四、绩效跟踪后项目总体判断": ("四、绩效跟踪", "后项目总体判断"),
                "年度项目预算完成可能性": ("年度项目预算", "完成可能性")}
SPACED_LABELS = ("预算单位", "项目名称", "跟踪时段")
_FULL = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")


def _label(text: str, rng: random.Random) -> list[str]:
    if text in SPLIT_LABELS and rng.random() < 0.6:
        return list(SPLIT_LABELS[text])
    if text in SPACED_LABELS and rng.random() < 0.5:
        return [" ".join(text)]
    return [text]


def _cell(cell: LCell, rng: random.Random, pair: tuple[str, str], before: bool, full: bool) -> list[str]:
    if cell.role == "cont":
        return []
    if cell.options:
        boxes = [(pair[0] if on else pair[1], label) for label, on in cell.options]
        return [" ".join(f"{b}{label}" if before else f"{label}{b}" for b, label in boxes)]
    if cell.role == "label":
        return _label(cell.text, rng)
    if not cell.text:
        return []
    is_number = all(ch in "0123456789.,%" for ch in cell.text)
    if is_number and full and "," not in cell.text:
        return [cell.text.translate(_FULL)]
    return [cell.text if is_number else wrap_space(cell.text, rng, 0.3)]


def render(spec: FormSpec, rng: random.Random) -> str:
    """The whole file's text."""
    pair, before, full = rng.choice(BOX_PAIRS), rng.random() < 0.5, rng.random() < 0.4
    lines = list(header_lines(spec))
    for row in top_rows(spec, rng.choice(("（元）", "(元)"))):
        for cell in row:
            lines += _cell(cell, rng, pair, before, full)
    body = paragraphs_12(spec) + paragraphs_3(spec)
    for row in outlook_rows(spec):
        for cell in row:
            body += _cell(cell, rng, pair, before, full)
    cut = rng.randint(len(body) // 3, 2 * len(body) // 3)
    lines += body[:cut] + ["第 1 页 共 2 页"] + body[cut:] + ["第 2 页 共 2 页"]
    return "\n".join(lines) + "\n"


def write(spec: FormSpec, stem: Path, rng: random.Random) -> Path:
    """Write `stem`.txt in one of three encodings."""
    path = stem.with_suffix(".txt")
    path.write_bytes(render(spec, rng).encode(rng.choice(ENCODINGS)))
    return path
