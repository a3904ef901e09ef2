"""Text the line detector missed or joined on a scan is read all the same.

- A detected box over two lines of a narrow header cell (`有可` over `能`, read as `有可`,
  so the ticks under the column stood for no option) is split into one box per line.
- Ink in a ruled cell no piece covers (`指标` / `值` under `年度`: the column `年度指标值`
  lost its name and its values) is found and read.
- A lone `/` the recognizer read as `1` is a slash by its ink's lean.
- A seal's star read as the letter `A` is no text.
- `≧85%` read as `≥85%` is `≧85%` by the two bars under its chevron.
- A scanned cell wrapped over two OCR pieces (`不少于9` / `5%`) is one paragraph although
  the pieces' estimated type sizes differ.
"""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
cv2 = pytest.importorskip("cv2")

from parsers.ocr import engine, glyphs, joined_lines, page, strokes, uncovered
from parsers.readers.pdf_page import TablePart, layout_page
from parsers.readers.pdf_primitives import PagePrimitives, Shape

DPI = 250
PT = 72 / DPI


def _type(grey, x: int, top: int, count: int, side: int = 30) -> None:
    """`count` blocks shaped like CJK characters (a frame and a bar), `side` px, on a row."""
    for i in range(count):
        x0 = x + i * (side + 4)
        cv2.rectangle(grey, (x0, top), (x0 + side - 1, top + side - 1), 0, 3)
        grey[top + side // 2 - 1:top + side // 2 + 2, x0:x0 + side] = 0


def _cell_rules(x0: int, top: int, x1: int, bottom: int) -> list[Shape]:
    """The four rulings of a cell, in points, and the ink they leave."""
    return [Shape(x0 * PT, top * PT, x1 * PT, top * PT + 0.5), Shape(x0 * PT, bottom * PT, x1 * PT, bottom * PT + 0.5),
            Shape(x0 * PT, top * PT, x0 * PT + 0.5, bottom * PT), Shape(x1 * PT, top * PT, x1 * PT + 0.5, bottom * PT)]


def _draw_rules(grey, x0: int, top: int, x1: int, bottom: int) -> None:
    cv2.rectangle(grey, (x0, top), (x1, bottom), 0, 2)


def test_a_detected_box_over_two_lines_is_split_into_one_box_per_line() -> None:
    grey = np.full((400, 400), 255, np.uint8)
    _draw_rules(grey, 95, 90, 205, 260)
    _type(grey, 110, 130, 2)   # 有可
    _type(grey, 110, 178, 1)   # 能, 48 px lower (the line pitch)
    grey[90:260, 96] = 0       # a skewed ruling's edge inside the detector's box
    usual = [(300.0, 10.0 + 60 * i, 380.0, 63.0 + 60 * i) for i in range(5)]  # one-line boxes, 53 px
    tall = (96.0, 118.0, 204.0, 221.0)
    split = joined_lines.one_per_line(grey, [*usual, tall])
    assert split[:5] == usual
    (first, second) = split[5:]
    assert first[1] < 130 and first[3] > 160 and second[1] < 178 and second[3] > 208
    assert first[3] - first[1] == pytest.approx(53, abs=1) and second[1] > first[1] + 40


def test_a_line_of_a_tall_box_detected_on_its_own_too_is_not_read_twice() -> None:
    # 424242, 250 dpi: `年度` had a box of its own and a tall box over `年度` / `指标` / `值`;
    # split whole, the cell read `年年度度指标值`.
    grey = np.full((400, 400), 255, np.uint8)
    _type(grey, 110, 130, 2)
    _type(grey, 110, 178, 2)
    usual = [(300.0, 10.0 + 60 * i, 380.0, 63.0 + 60 * i) for i in range(5)]
    own = (105.0, 118.0, 180.0, 171.0)
    tall = (100.0, 125.0, 200.0, 215.0)
    split = joined_lines.one_per_line(grey, [*usual, own, tall])
    assert split[:6] == [*usual, own]
    ((_, top, _, bottom),) = split[6:]
    assert top < 178 and bottom > 208


def test_a_tall_box_of_one_line_stays_whole() -> None:
    grey = np.full((400, 400), 255, np.uint8)
    _type(grey, 110, 140, 3, side=60)  # one line of large type
    usual = [(300.0, 10.0 + 60 * i, 380.0, 63.0 + 60 * i) for i in range(5)]
    tall = (100.0, 120.0, 320.0, 220.0)
    assert joined_lines.one_per_line(grey, [*usual, tall])[5:] == [tall]


def _header_cell():
    """A narrow header cell: `年度` detected, `指标` and `值` under it not; a piece in the
    next cell; the cell ruled on all four sides."""
    grey = np.full((600, 900), 255, np.uint8)
    _draw_rules(grey, 100, 100, 220, 330)
    _draw_rules(grey, 220, 100, 500, 330)
    _type(grey, 120, 130, 2)
    _type(grey, 120, 178, 2)
    _type(grey, 120, 226, 1)
    _type(grey, 240, 130, 4)
    rules = _cell_rules(100, 100, 220, 330) + _cell_rules(220, 100, 500, 330)
    pieces = [glyphs.Piece("年度", 117, 118, 185, 172, 0.99), glyphs.Piece("1-7月执行情况", 237, 118, 378, 172, 0.99)]
    return grey, rules, pieces


def test_ink_in_a_cell_that_no_piece_covers_is_found_line_by_line() -> None:
    grey, rules, pieces = _header_cell()
    found = uncovered.lines(grey, pieces, rules, [], [], DPI)
    assert len(found) == 2
    (a, b) = sorted(found, key=lambda box: box[1])
    assert a[1] <= 178 and a[3] >= 208 and a[0] <= 120 and a[2] >= 184  # 指标
    assert b[1] <= 226 and b[3] >= 256 and b[2] < 200  # 值


def test_ink_outside_the_grid_and_specks_are_not_read() -> None:
    grey, rules, pieces = _header_cell()
    _type(grey, 600, 450, 3)            # a signature-like line below the table, in no cell
    grey[280:283, 150:153] = 0          # a speck in the cell
    found = uncovered.lines(grey, pieces, rules, [], [], DPI)
    assert len(found) == 2 and all(box[3] < 330 for box in found)


def test_the_missed_lines_are_read_as_pieces_and_only_words_are_kept(monkeypatch) -> None:
    grey, rules, pieces = _header_cell()
    answers = iter([("指标", 0.99), ("V", 0.9)])
    monkeypatch.setattr(engine, "read_lines", lambda crops: [next(answers) for _ in crops])
    got = page._uncovered(grey, pieces, rules, [], [], DPI)
    assert [p.text for p in got] == ["指标"]


def _stroke(lean_deg: float, flag: bool = False):
    """A 4 px stroke 48 px tall leaning `lean_deg` (top to the right), blurred as a scan."""
    grey = np.full((64, 48), 255, np.uint8)
    dx = 24 * np.tan(np.radians(lean_deg))
    cv2.line(grey, (int(24 - dx), 56), (int(24 + dx), 8), 0, 4)
    if flag:  # a `1`: its flag at the top left and its foot
        cv2.line(grey, (int(24 + dx), 8), (int(24 + dx) - 9, 17), 0, 4)
        cv2.line(grey, (14, 56), (34, 56), 0, 3)
    return cv2.GaussianBlur(grey, (5, 5), 1.2)


@pytest.mark.parametrize("lean", [14.0, 20.0, 30.0])
def test_a_lone_stroke_read_as_one_that_leans_is_a_slash(lean: float) -> None:
    assert strokes.reread("1", _stroke(lean)) == "/"
    assert strokes.reread("l", _stroke(lean)) == "/"


@pytest.mark.parametrize("lean", [0.0, 5.0, -8.0])
def test_an_upright_one_stays_one(lean: float) -> None:
    assert strokes.reread("1", _stroke(lean, flag=True)) == "1"
    assert strokes.reread("1", _stroke(lean)) == "1"


def test_only_a_piece_of_one_stroke_is_read_again() -> None:
    assert strokes.reread("12", _stroke(20.0)) == "12"
    assert strokes.reread("1", np.full((64, 48), 255, np.uint8)) == "1"  # no ink: as read


def test_a_seal_star_read_as_a_letter_is_dropped_and_tall_figures_are_kept() -> None:
    lines = [glyphs.Piece("上海市闵行区马桥镇人民政府", 490, 417, 1081, 472, 0.99),
             glyphs.Piece("项目名称", 150, 520, 270, 575, 0.99), glyphs.Piece("金额", 150, 600, 210, 655, 0.99)]
    star = glyphs.Piece("A", 1479, 313, 1657, 480, 0.51)
    figure = glyphs.Piece("8", 1479, 313, 1657, 480, 0.6)  # a score written large by hand
    assert page.without_emblems([*lines, star]) == lines
    assert figure in page.without_emblems([*lines, figure])


def test_a_scanned_cell_wrapped_over_two_pieces_is_one_paragraph() -> None:
    # 5150, 250 dpi: `不少于9` and `5%` under it; sized by their width the pieces came out 8.8
    # and 10.5 pt, and the size change broke the cell's text in two (`不少于9 5%`, value 9).
    scale = 72 / DPI
    chars = [*glyphs.piece_chars(glyphs.Piece("不少于9", 810, 1759, 919, 1809, 1.0), [], scale),
             *glyphs.piece_chars(glyphs.Piece("5%", 810, 1800, 850, 1850, 0.99), [], scale)]
    assert abs(chars[0].size - chars[-1].size) > 1.5
    x0, x1, top, bottom = 790 * scale, 950 * scale, 1740 * scale, 1870 * scale
    rules = [Shape(x0, top, x1, top), Shape(x0, bottom, x1, bottom), Shape(x0, top, x0, bottom),
             Shape(x1, top, x1, bottom), Shape(x1 + 60, top, x1 + 60, bottom),
             Shape(x1, top, x1 + 60, top), Shape(x1, bottom, x1 + 60, bottom)]
    layout = layout_page(PagePrimitives(number=1, height=3000 * scale, chars=chars, lines=rules, scanned=True))
    parts = [item for item in layout.items if isinstance(item, TablePart)]
    assert [c.text for part in parts for c in part.cells if c.text] == ["不少于95%"]


def test_a_range_dash_read_as_the_character_one_is_a_dash() -> None:
    blank = np.full((40, 200), 255, np.uint8)
    assert strokes.reread("2025年1月一2027年12月", blank) == "2025年1月—2027年12月"
    assert strokes.reread("3一5年", blank) == "3—5年"
    # 一 as a numeral or a word stays: 一季度, 1月一日, 第一
    assert strokes.reread("计划次年一季度完成", blank) == "计划次年一季度完成"
    assert strokes.reread("2025年1月一日", blank) == "2025年1月一日"


def test_a_tick_alone_in_a_ruled_cell_marks_the_cell_and_one_outside_the_grid_marks_nothing() -> None:
    # 99, 250 dpi: a printed √ alone in the 经费保障 sub-column cell; the detector found no line
    # there, so the tick stood beside no text and was dropped (the cause read unticked).
    rules = _cell_rules(100, 100, 220, 330)
    inside = (150, 200, 170, 225)
    outside = (600, 450, 620, 475)
    assert page._cell_reading(inside, [], [], rules, DPI) == "label"
    assert page._cell_reading(outside, [], [], rules, DPI) == "alone"
    # Ticked boxes come of the tick in the cell only.
    from parsers.ocr import ticks
    boxes = ticks.resolve([], [inside, outside], lambda m: page._cell_reading(m, [], [], rules, DPI))
    assert [(b.x0, b.top, b.state) for b in boxes] == [(150, 200, True)]


def test_a_lone_character_takes_the_pages_type_size_not_its_boxs_height() -> None:
    # 1001, 300 dpi: a lone √ sized by its detected box's height came out 12.1 pt beside 10 pt
    # type; its short line then seemed to fill its narrow cell, every cell above a page break
    # seemed to run on, and the next indicator row was glued to the last one.
    scale = 72 / 300
    text = [glyphs.Piece("保洁质量达标率", 100, 100, 395, 160, 0.99), glyphs.Piece("档案资料完整性", 100, 200, 395, 260, 0.99),
            glyphs.Piece("不少于", 100, 300, 226, 360, 0.99)]
    em = glyphs.type_em(text, scale)
    assert em == pytest.approx(42 * scale, abs=0.2)
    tick = glyphs.Piece("√", 600, 100, 628, 167, 0.95)
    (alone,) = glyphs.piece_chars(tick, [], scale)
    (sized,) = glyphs.piece_chars(tick, [], scale, page_em=em)
    assert alone.size > 12 and sized.size == pytest.approx(em)
    assert glyphs.type_em([tick], scale) is None


def _sign(bars: int, *, less: bool = False, neighbours: bool = False, blur: float = 1.0, ruled: bool = False):
    """A comparison sign 10.5 pt tall at 250 dpi (a chevron over `bars` bars) and a figure
    after it, as a piece's crop; `neighbours`: the lines above and below reach into it;
    `ruled`: the cell's rulings above and below the sign, inside the crop."""
    grey = np.full((56, 120), 255, np.uint8)
    if ruled:
        grey[2:4, :] = 0
        grey[51:53, :] = 0
    tip, back = (34, 18) if not less else (8, 18)
    end = 8 if not less else 34
    cv2.line(grey, (end, 8), (tip, back), 0, 3)
    cv2.line(grey, (tip, back), (end, 28), 0, 3)
    for i in range(bars):
        cv2.line(grey, (8, 35 + 7 * i), (34, 35 + 7 * i), 0, 3)
    cv2.rectangle(grey, (46, 10), (64, 44), 0, 3)  # the figure after it
    if neighbours:
        grey[:3, :] = 0
        grey[-3:, 5:40] = 0
    return cv2.GaussianBlur(grey, (5, 5), blur)


@pytest.mark.parametrize("neighbours", [False, True])
def test_a_sign_with_two_bars_read_as_one_bar_is_read_again(neighbours: bool) -> None:
    assert strokes.reread("≥85%", _sign(2, neighbours=neighbours)) == "≧85%"
    assert strokes.reread("≤5", _sign(2, less=True, neighbours=neighbours)) == "≦5"
    assert strokes.reread("≥85%", _sign(1, neighbours=neighbours)) == "≥85%"
    assert strokes.reread("≤5", _sign(1, less=True, neighbours=neighbours)) == "≤5"


def test_a_cells_rulings_inside_the_crop_are_no_bars() -> None:
    # Seed 99, 250 dpi: the cell's bottom ruling two rows above the crop's edge was counted
    # as a second bar under `≤5%`.
    assert strokes.reread("≤5%", _sign(1, less=True, ruled=True)) == "≤5%"
    assert strokes.reread("≥85%", _sign(1, ruled=True)) == "≥85%"
    assert strokes.reread("≥85%", _sign(2, ruled=True)) == "≧85%"


def test_a_sign_whose_bars_the_blur_joined_stays_as_read() -> None:
    assert strokes.reread("≥85%", _sign(2, blur=2.6)) == "≥85%"
    # Only the sign opening the piece is counted; a sign joined to its figure says nothing.
    assert strokes.reread("满意度≥90%", _sign(2)) == "满意度≥90%"
    joined = _sign(2)
    joined[20:24, 30:50] = 0
    assert strokes.reread("≥85%", joined) == "≥85%"
