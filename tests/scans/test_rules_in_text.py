"""A character's upright that the rulings took for a cell border, in a low row of a scan.

In a row hardly taller than its type, the uprights of 棠, 申, 市 or the 忄 of 情 run nearly
from rule to rule and were taken for the short borders of the row's cells: the line was cut
there (the character lost: 申 read as 日, 情 as 青) and the grid got a column there, so one
value cell came out as three (`219-池州 | 市贵池区 | 溪镇人民政府`) and only the first was the
value. A detected text line running across such a ruling, its ink touching it and the ruling
not drawn from rule to rule, is text, not a border.
"""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

from parsers.ocr import rules_in_text
from parsers.readers.pdf_primitives import Shape

DPI = 300
PX = DPI / 72.0
ROWS = (40.0, 51.0, 62.0)  # two low rows, 11 pt high


def _ink() -> tuple[object, list[Shape]]:
    """An ink mask (300 dpi) of a two-row table and the rulings found in it, false ones too."""
    ink = np.zeros((round(80 * PX), round(480 * PX)), np.uint8)

    def fill(x0: float, top: float, x1: float, bottom: float) -> None:
        ink[round(top * PX):round(bottom * PX), round(x0 * PX):round(x1 * PX)] = 255

    rules = []
    for y in ROWS:
        fill(40, y - 0.25, 460, y + 0.25)
        rules.append(Shape(40, y - 0.25, 460, y + 0.25))
    for x in (40, 100, 460):
        fill(x - 0.25, ROWS[0], x + 0.25, ROWS[2])
        rules.append(Shape(x - 0.25, ROWS[0], x + 0.25, ROWS[2]))
    # Row 1: a label whose closing bracket touches the border at 100 (the border stays), then
    # a value of characters whose uprights (bars across them) stand 1.5 pt under the top rule.
    fill(44, 43, 99.5, 49)
    for x in (120.0, 160.0, 300.0):
        fill(x - 5, 43, x - 0.3, 44)  # a bar across, either side of the upright
        fill(x + 0.3, 43, x + 5, 44)
        fill(x - 4, 47, x + 4, 48)
        fill(x - 0.3, 42.5, x + 0.3, 51)
        fill(x - 9, 44, x - 7, 49)  # the characters beside it
        fill(x + 7, 44, x + 9, 49)
    rules += [Shape(119.7, 42.5, 120.3, 51.0), Shape(159.7, 42.5, 160.3, 51.0)]
    # The upright at 300 joined the border of row 2 under it into one ruling.
    fill(299.75, ROWS[1], 300.25, ROWS[2])
    rules.append(Shape(299.7, 42.5, 300.3, ROWS[2]))
    return ink, rules


def _lines() -> list[tuple[float, float, float, float]]:
    """The detected text lines of row 1 (pixels): the label, the value."""
    return [(42 * PX, 40.5 * PX, 99.8 * PX, 51.5 * PX), (104 * PX, 40.5 * PX, 320 * PX, 51.5 * PX)]


def _uprights(rules: list[Shape]) -> list[tuple[float, float, float]]:
    return sorted((round((r.x0 + r.x1) / 2, 1), round(r.top, 1), round(r.bottom, 1))
                  for r in rules if r.height > r.width)


def test_a_characters_upright_in_a_low_row_is_no_border() -> None:
    ink, rules = _ink()
    kept = rules_in_text.without_strokes(rules, _lines(), ink, DPI)
    assert _uprights(kept) == [(40.0, 40.0, 62.0), (100.0, 40.0, 62.0), (300.0, 51.0, 62.0), (460.0, 40.0, 62.0)]
    assert [r for r in kept if r.width > r.height] == [r for r in rules if r.width > r.height]


def test_rulings_no_text_line_runs_across_stay() -> None:
    ink, rules = _ink()
    label_only = _lines()[:1]
    assert rules_in_text.without_strokes(rules, label_only, ink, DPI) == rules
    assert rules_in_text.without_strokes(rules, [], ink, DPI) == rules


def test_a_border_drawn_from_rule_to_rule_stays_where_text_touches_it() -> None:
    # The label's ink touches the border at 100 and a line box runs across it: the border
    # is inked along the whole row, so it is the cells' border all the same.
    ink, rules = _ink()
    across = [(42 * PX, 40.5 * PX, 110 * PX, 51.5 * PX)]
    kept = rules_in_text.without_strokes(rules, across, ink, DPI)
    assert (100.0, 40.0, 62.0) in _uprights(kept)


def test_a_value_cell_of_a_low_row_is_read_whole_from_a_scan() -> None:
    pytest.importorskip("cv2")
    from PIL import Image, ImageDraw, ImageFont

    from corpus.scans import make
    from parsers.ocr import engine, page
    from parsers.readers.pdf_page import TablePart

    font_path = make.cjk_font()
    if not engine.available() or font_path is None:
        pytest.skip("needs the OCR extra and a CJK font")
    size, row = 9.5, 11.0
    font = ImageFont.truetype(font_path, round(size * PX))
    image = Image.new("RGB", (round(500 * PX), round(120 * PX)), "white")
    draw = ImageDraw.Draw(image)
    width = max(1, round(0.5 * PX))

    def line(x0: float, y0: float, x1: float, y1: float) -> None:
        draw.line([(x0 * PX, y0 * PX), (x1 * PX, y1 * PX)], fill="black", width=width)

    ys = (40.0, 40.0 + row, 40.0 + 2 * row)
    for y in ys:
        line(40, y, 460, y)
    for x in (40, 100, 460):
        line(x, ys[0], x, ys[2])
    values = ("华中市申江区棠溪镇人民政府", "申报经费中华市制造业局")
    for top, value in zip(ys, values, strict=False):
        at = (top + (row - size) / 2 - 0.1 * size) * PX
        draw.text((44 * PX, at), "主管部门", font=font, fill="black")
        draw.text((104 * PX, at), value, font=font, fill="black")
    scan = page.read_page(np.asarray(image), DPI, 1)
    (table,) = [item for item in scan.layout.items if isinstance(item, TablePart)]
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        rows.setdefault(cell.r0, []).append(cell.text)
    assert list(rows.values()) == [["主管部门", values[0]], ["主管部门", values[1]]]
