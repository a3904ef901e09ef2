"""Box states from scans the tests draw: ticked, empty, solid, small and hand-ticked boxes at
200 and 300 dpi, blurred and JPEG-compressed, read from the pixels (no OCR), and where the
pixels' boxes stand in the recognizer's text."""

from __future__ import annotations

import dataclasses
import io

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("cv2")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
ImageFilter = pytest.importorskip("PIL.ImageFilter")

from parsers.ocr import glyphs, marks, prep, ticks
from parsers.ocr.page import _reading
from parsers.readers.pdf_text import Glyph, text_lines

PEN = (20, 20, 90)
DEGRADATIONS = ("clean", "blur", "jpeg")


def _scan(page, how: str):
    """The page as a scanner would leave it."""
    if how == "blur":
        return page.filter(ImageFilter.GaussianBlur(1.0))
    if how == "jpeg":
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=60)
        return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return page


def _ink(page):
    return prep.ink_mask(prep.seal_free_grey(np.asarray(page))).astype(np.uint8) * 255


def _pt(dpi: int):
    return lambda v: round(v * dpi / 72)


def _row(dpi: int):
    """A row of 10 pt boxes (empty, printed ☑, ✗, hand √ running past it, solid ■) and
    3.6 pt ones (□ and ■ of a small font), at 40 pt steps from x = 40 pt."""
    p = _pt(dpi)
    page = Image.new("RGB", (p(600), p(120)), "white")
    draw = ImageDraw.Draw(page)
    line = max(2, p(0.7))
    for i, kind in enumerate(("empty", "check", "cross", "hand", "solid")):
        x, y, s = p(40 + 40 * i), p(50), p(10)
        if kind == "solid":
            draw.rectangle([x, y, x + s, y + s], fill="black")
            continue
        draw.rectangle([x, y, x + s, y + s], outline="black", width=line)
        if kind == "check":
            draw.line([(x + 0.2 * s, y + 0.5 * s), (x + 0.42 * s, y + 0.78 * s), (x + 0.82 * s, y + 0.22 * s)],
                      fill="black", width=line + 1)
        elif kind == "cross":
            draw.line([(x + 0.15 * s, y + 0.15 * s), (x + 0.85 * s, y + 0.85 * s)], fill="black", width=line + 1)
            draw.line([(x + 0.85 * s, y + 0.15 * s), (x + 0.15 * s, y + 0.85 * s)], fill="black", width=line + 1)
        elif kind == "hand":
            draw.line([(x + 0.1 * s, y + 0.55 * s), (x + 0.4 * s, y + 0.95 * s), (x + 1.25 * s, y - 0.3 * s)],
                      fill=PEN, width=max(2, round(0.12 * s)), joint="curve")
    for i, solid in enumerate((False, True)):
        x, y, s = p(260 + 40 * i), p(53), p(3.6)
        if solid:
            draw.rectangle([x, y, x + s, y + s], fill="black")
        else:
            draw.rectangle([x, y, x + s, y + s], outline="black", width=max(1, p(0.4)))
    return page


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("how", DEGRADATIONS)
def test_box_states_at_each_resolution_and_degradation(dpi: int, how: str) -> None:
    found = sorted(marks.boxes(_ink(_scan(_row(dpi), how)), dpi), key=lambda b: b.x0)
    assert [(b.state, b.small, b.solid) for b in found] == [
        (False, False, False), (True, False, False), (True, False, False), (True, False, False),
        (True, False, True), (False, True, False), (True, True, True)]
    lefts = [40, 80, 120, 160, 200, 260, 300]
    assert all(abs(b.x0 * 72 / dpi - x) <= 2 for b, x in zip(found, lefts, strict=True))


def test_a_dense_character_is_no_solid_box() -> None:
    page = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle([100, 50, 130, 80], fill="black")
    for y in (57, 64, 71):  # white gaps: 80% ink, as a blurred 属 at 300 dpi
        draw.line([(102, y), (128, y)], fill="white", width=2)
    assert not any(b.solid for b in marks.boxes(_ink(page), 300))


def test_a_small_solid_square_with_rounded_corners_is_a_ticked_box() -> None:
    """A 3.5 pt ■ at 250 dpi whose corners blur and skew have worn away (measured: 0.89 of its
    bbox inked) is still a solid box; its core is ink all over."""
    page = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle([100, 50, 113, 64], fill="black")  # 14 x 15 px
    for cx, cy, dx, dy in ((100, 50, 1, 1), (113, 50, -1, 1), (100, 64, 1, -1), (113, 64, -1, -1)):
        draw.polygon([(cx, cy), (cx + 3 * dx, cy), (cx, cy + 3 * dy)], fill="white")
    ink = _ink(page)
    fill = np.count_nonzero(ink[50:65, 100:114]) / (14 * 15)
    assert fill < marks.SOLID_MIN_FILL
    found = [b for b in marks.boxes(ink, 250) if b.solid]
    assert [(b.x0, b.top, b.state, b.small) for b in found] == [(100, 50, True, True)]


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("how", DEGRADATIONS)
def test_a_tick_drawn_across_the_cells_top_rule_ticks_the_box_below(dpi: int, how: str) -> None:
    p = _pt(dpi)
    page = Image.new("RGB", (p(400), p(100)), "white")
    draw = ImageDraw.Draw(page)
    draw.line([(p(10), p(40)), (p(390), p(40))], fill="black", width=max(2, p(0.6)))  # the cell's top rule
    s = p(6.5)
    for x in (p(100), p(200)):
        draw.rectangle([x, p(42), x + s, p(42) + s], outline="black", width=max(2, p(0.6)))
    x, y = p(200), p(42) - 0.25 * s  # the √ above the second box, over the rule
    draw.line([(x, y - 0.5 * s), (x + 0.35 * s, y), (x + 1.1 * s, y - 1.1 * s)], fill=PEN,
              width=max(2, round(0.12 * s)), joint="curve")
    ink = _ink(_scan(page, how))
    found = marks.boxes(ink, dpi)
    resolved = ticks.resolve(found, ticks.find(ink, dpi, found), lambda mark: "label")
    assert [b.state for b in sorted(resolved, key=lambda b: b.x0)] == [False, True]


def test_a_mark_above_a_line_is_none_of_its_characters() -> None:
    line = glyphs.Piece("是 □ 否", 486, 117, 536, 131, 0.8)
    assert _reading((526, 112, 533, 121), [line]) == "label"  # a √ over the box after 否
    assert _reading((526, 118, 533, 130), [line]) == "text"  # a mark on the line: 否 itself


def _box(x0: int, x1: int, *, isolated: bool = True, small: bool = False, state: bool | None = False) -> marks.Box:
    return marks.Box(x0, 100, x1, 100 + (x1 - x0), state, 0.0, isolated, small=small)


def test_a_box_the_recognizer_skipped_stands_after_the_text_beside_it() -> None:
    # 确定能完成 then its ticked box, inside the line's box; nothing printed for the box.
    piece = glyphs.Piece("确定能完成", 178, 96, 236, 122, 1.0)
    box = _box(226, 233, state=True)
    real, drop = glyphs.claim(piece, [box])
    assert real == [(box, 5)] and drop == set()
    text = "".join(c.text for c in glyphs.piece_chars(piece, [box], 1.0))
    assert text.startswith("确定能完成")


def test_a_printed_box_goes_to_the_square_nearest_it() -> None:
    # 障 □制度: a square inside 障 (a part of it) left of the real box the recognizer printed.
    piece = glyphs.Piece("障 □制度", 371, 96, 411, 110, 0.9)
    part, real_box = _box(372, 376, isolated=False, small=True, state=True), _box(386, 390, small=True)
    real, drop = glyphs.claim(piece, [part, real_box])
    assert real == [(real_box, 2)] and drop == {2}


def test_small_squares_are_boxes_only_where_a_box_was_printed() -> None:
    small = _box(372, 376, small=True)
    assert glyphs.printed_small([small], [glyphs.Piece("□经费保", 372, 95, 409, 110, 1.0)]) == [small]
    assert glyphs.printed_small([small], [glyphs.Piece("品经费保", 372, 95, 409, 110, 1.0)]) == []
    solid = marks.Box(372, 100, 376, 104, True, 1.0, True, small=True, solid=True)
    assert glyphs.printed_small([solid], [glyphs.Piece("人员保障", 372, 95, 409, 110, 1.0)]) == [solid]


def test_hand_ticks_redrawn_on_drawn_and_widget_boxes_keep_their_states(tmp_path) -> None:
    pytest.importorskip("pypdfium2")
    from corpus.scans import make

    if make.cjk_font() is None:
        pytest.skip("no CJK font")
    pdf = make.PDF_DIR / "key_drawn_narrative_outside.pdf"
    positions = make.box_positions(pdf)
    states = [state for page in positions for *_, state in page]
    assert states and True in states and False in states
    for style in ("over", "beside", "only"):
        recipe = make.Recipe("key_drawn_narrative_outside.pdf", ".png", dpi=200, hand_ticks=True, hand_style=style)
        image = Image.open(make.make(recipe, tmp_path / f"{style}.png"))
        ink = _ink(image.convert("RGB"))
        found = marks.boxes(ink, 200)
        resolved = ticks.resolve(found, ticks.find(ink, 200, found), lambda mark: "label")
        for x0, top, x1, bottom, state in positions[0]:
            cx, cy = (x0 + x1) / 2 * 200 / 72, (top + bottom) / 2 * 200 / 72
            near = [b for b in resolved if abs((b.x0 + b.x1) / 2 - cx) < 12 and abs((b.top + b.bottom) / 2 - cy) < 12]
            # "only": the empty boxes are erased, the ticked one is the √ alone.
            assert [b.state for b in near] == ([] if style == "only" and not state else [state]), (style, x0, top)


def test_a_ticked_outline_a_tick_runs_past_is_a_box_at_the_end_of_its_label_only() -> None:
    piece = glyphs.Piece("确定能完成", 177, 100, 235, 114, 1.0)
    past = marks.Box(228, 103, 235, 110, True, 0.3, False, ticked_past=True)
    assert glyphs.claim(piece, [past])[0] == [(past, 5)]
    joined = marks.Box(228, 103, 235, 110, True, 0.3, False)  # a stroke from left or below: a character's
    assert glyphs.claim(piece, [joined])[0] == []
    inner = marks.Box(200, 103, 207, 110, True, 0.3, False, ticked_past=True)  # inside the label
    assert glyphs.claim(piece, [inner])[0] == []



def test_a_hand_ticked_box_the_recognizer_left_out_inside_a_word() -> None:
    # 200 dpi: `是☑ 否□` with the label against its box, read `是否□`; the √ runs out past the
    # box's top right corner. Its three characters stand 1.46 em apart: a character's room
    # is unread, and the box is 是's (the answer was lost). Where the text fills its piece
    # the square is a character's, as above.
    piece = glyphs.Piece("是否□", 1956, 441, 2083, 493, 0.97)
    ticked = marks.Box(1986, 457, 2009, 480, True, 0.2, False, ticked_past=True)
    empty = marks.Box(2058, 457, 2081, 481, False, 0.0, True, ticked_past=True)
    em = 10.5 * 200 / 72
    assert glyphs.claim(piece, [ticked, empty], em)[0] == [(ticked, 1), (empty, 2)]
    assert glyphs.claim(piece, [ticked, empty])[0] == [(empty, 2)]  # no type size: as before
    filled = glyphs.Piece("是有否□", 1956, 441, 2083, 493, 0.97)
    assert ticked not in [box for box, _ in glyphs.claim(filled, [ticked, empty], em)[0]]

def test_a_square_off_the_line_belongs_to_the_next_line() -> None:
    above = glyphs.Piece("是否为经常", 424, 116, 476, 132, 1.0)
    square = marks.Box(447, 133, 453, 140, True, 0.3, True)  # the 目 of 性项目 below
    assert glyphs.boxes_in(above, [square]) == []
    assert glyphs.boxes_in(glyphs.Piece("性项目", 424, 128, 458, 145, 1.0), [square]) == [square]


def test_a_densely_inked_square_inside_text_is_a_character() -> None:
    # 年度目标基本完成 blurred at 300 dpi: 基 closes into an outline inked over 3/4 inside.
    piece = glyphs.Piece("年度目标基本完成", 1357, 981, 1621, 1028, 0.99)
    dense = marks.Box(1501, 993, 1527, 1020, True, 0.77, True, ticked_past=True)
    assert glyphs.claim(piece, [dense])[0] == []
    assert "".join(c.text for c in glyphs.piece_chars(piece, [dense], 1.0)) == "年度目标基本完成"
    # 运行基本正常 at 300 dpi blurred: the 基 square inked 0.66.
    run = glyphs.Piece("运行基本正常", 1357, 981, 1555, 1028, 0.99)
    assert glyphs.claim(run, [marks.Box(1424, 993, 1450, 1020, True, 0.66, True, ticked_past=True)])[0] == []
    # The same ink at the text's end is a ticked box (a heavy hand tick over it).
    end = marks.Box(1630, 993, 1656, 1020, True, 0.77, True)
    assert glyphs.claim(glyphs.Piece("确定能完成", 1490, 981, 1660, 1028, 1.0), [end])[0] == [(end, 5)]
    # A ticked box inside a line keeps its place when its ink is a tick's (a hand √ over it).
    ticked = marks.Box(1501, 993, 1527, 1020, True, 0.57, True, ticked_past=True)
    assert glyphs.claim(glyphs.Piece("是 否", 1470, 981, 1560, 1028, 1.0), [ticked])[0] == [(ticked, 1)]


def test_the_square_of_a_character_drawn_round_one_is_no_box() -> None:
    # 1357911 at 200 dpi, blur and JPEG: the square of 白 in 青白江区 reads as an outline
    # with a tick's ink inside (0.38), where the recognizer read 白 (`青☑白江区`).
    piece = glyphs.Piece("2025年青白江区农村人居环境整治项目", 286, 214, 659, 245, 0.99988)
    square = marks.Box(374, 222, 393, 239, True, 0.38, True, ticked_past=True)
    assert glyphs.claim(piece, [square], 22.1)[0] == []
    for word in ("自评", "百分比", "旦", "早期", "昌平"):
        piece = glyphs.Piece(word, 286, 214, 286 + 24 * len(word), 245, 0.99)
        assert glyphs.claim(piece, [marks.Box(288, 222, 306, 239, True, 0.38, True)], 22.1)[0] == []
    # The same outline beside a label is a box.
    label = glyphs.Piece("是 否", 286, 214, 380, 245, 0.99)
    box = marks.Box(306, 222, 325, 239, True, 0.38, True)
    assert glyphs.claim(label, [box], 22.1)[0] == [(box, 1)]


def test_a_tick_over_the_cells_top_rule_is_judged_by_the_rows_of_the_boxes_in_its_line() -> None:
    # 8209, 300 dpi: a √ drawn above the first box over the cell's top rule grew the detected
    # line `是 □否` to 96 px (its type is 57): the tick stood on that box's middle, as 是.
    line = glyphs.Piece("是 □否", 2039, 460, 2217, 556, 0.89)
    first, second = _box(2042, 2069, state=False), _box(2144, 2171, state=False)
    first, second = (dataclasses.replace(b, top=508, bottom=535) for b in (first, second))
    tick = (2041, 474, 2072, 505)
    assert _reading(tick, [line], [first, second]) == "label"
    assert _reading((2060, 500, 2080, 530), [line], [first, second]) == "text"  # on the line: 是


def test_a_box_between_two_labels_is_placed_with_the_label_its_ink_is_nearest() -> None:
    # 新增项目 ■延续项目 at 300 dpi: read as one piece `新增项目☑延续项目`; spread over the gaps
    # up to the ■, 新增项目 ran into it and the ■ read as the first option's.
    piece = glyphs.Piece("新增项目☑延续项目", 502, 534, 880, 598, 0.95)
    solid = marks.Box(689, 556, 707, 575, True, 0.99, True, small=True, solid=True)
    ink = np.zeros((700, 1000), np.uint8)
    ink[550:585, 504:661] = 255  # 新增项目
    ink[556:575, 689:707] = 255  # ■
    ink[550:585, 721:878] = 255  # 延续项目
    chars = glyphs.piece_chars(piece, [solid], 72 / 300, ink)
    (line,) = text_lines(Glyph(c.text, c.x0, c.x1, c.top, c.bottom, c.size, c.score) for c in chars)
    assert line.text == f"新增项目 {glyphs.box_text(solid)}延续项目"


def _base_character(dpi: int):
    """基 as a blurred 14 pt glyph closes into a square: its outline with bars across it."""
    p = _pt(dpi)
    page = Image.new("RGB", (p(200), p(80)), "white")
    draw = ImageDraw.Draw(page)
    x, y, s, w = p(40), p(30), p(8.5), max(2, p(0.7))
    draw.rectangle([x, y, x + s, y + s], outline="black", width=w)
    for share in (0.35, 0.65):
        draw.line([(x, y + share * s), (x + s, y + share * s)], fill="black", width=w)
    return page


@pytest.mark.parametrize("dpi", [200, 300])
def test_a_square_with_a_bar_across_it_is_a_character_not_a_box(dpi: int) -> None:
    (square,) = marks.boxes(_ink(_scan(_base_character(dpi), "blur")), dpi)
    assert square.barred
    ticked = [b for b in marks.boxes(_ink(_row(dpi)), dpi) if b.state and not b.solid]
    assert ticked and not any(b.barred for b in ticked)  # √, ✗ and a hand √ over a box
    piece = glyphs.Piece("基层治理水", 997, 1647, 1205, 1721, 1.0)
    base = marks.Box(1003, 1669, 1035, 1703, True, 0.73, True, ticked_past=True, barred=True)
    assert glyphs.claim(piece, [base])[0] == []
    assert glyphs.loose_box_chars([base], set(), 1.0) == []


def test_one_band_of_ink_across_a_box_is_a_heavy_tick_two_are_a_characters_bars() -> None:
    # 6067, 200 dpi: a heavy ✔ blurred fills the core of its box in the rows where its
    # strokes meet; the bars of 基 cross the core apart.
    core = np.zeros((12, 12), np.uint8)
    core[5:8, :] = 255
    assert not marks._barred(core)
    core[9:11, :] = 255
    assert marks._barred(core)


def test_a_ticked_box_joined_to_its_tick_beside_a_space_in_the_line_is_a_box() -> None:
    # 777 and 2718, 300 dpi with a hand √ over the box: `□是 否`, the recognizer printed □ for
    # the first box and a space for the ticked one, whose tick joins it to 否 (not isolated).
    # Allowed only at the text's ends, the ticked box was dropped and neither option ticked.
    piece = glyphs.Piece("□是 否", 2037, 485, 2218, 551, 0.82)
    empty = marks.Box(2040, 506, 2070, 536, False, 0.0, True, ticked_past=True)
    ticked = marks.Box(2142, 506, 2172, 536, True, 0.33, False, ticked_past=True)
    real, _ = glyphs.claim(piece, [empty, ticked])
    assert [box for box, _ in real] == [empty, ticked]
    # The same joined square inside a word stays a character's.
    word = glyphs.Piece("是否为经常", 2037, 485, 2218, 551, 0.99)
    assert glyphs.claim(word, [ticked])[0] == []


def test_a_solid_square_is_a_box_only_when_its_core_is_black_in_the_grey() -> None:
    # 31337, 300 dpi, blur and JPEG at 60: 择 and 重 closed into filled squares (fill 0.82-0.84)
    # and came out as ticked ■ in the middle of `涉及公共安全的重点保障项目`.
    import cv2

    grey = np.full((120, 200), 255, np.uint8)
    grey[40:68, 20:48] = 0                                   # a printed ■, 28 px
    char = np.full((34, 34), 255, np.uint8)
    for y in range(2, 34, 7):                                # a dense character's bars
        char[y:y + 3, 2:32] = 0
    char[2:32, 2:5] = char[2:32, 15:18] = char[2:32, 29:32] = 0
    grey[37:71, 120:154] = cv2.GaussianBlur(char, (7, 7), 2.0)
    square = marks.Box(20, 40, 48, 68, True, 0.98, True, solid=True)
    dense = marks.Box(120, 37, 154, 71, True, 0.83, True, solid=True)
    outline = marks.Box(60, 40, 88, 68, False, 0.0, True)
    assert marks.dark_solids(grey, [square, dense, outline]) == [square, outline]


def test_a_small_box_nearer_the_next_label_grows_towards_it_and_keeps_the_space_before() -> None:
    # 55555, 300 dpi: `新增 ■延续`, the recognizer printed nothing for the 16 px ■. Grown one em
    # about its middle, the ■ came 2.6 pt after 增 (no space) and read as 新增's.
    piece = glyphs.Piece("新增延续", 498, 518, 693, 576, 1.0)
    solid = marks.Box(591, 538, 607, 554, True, 1.0, True, small=True, solid=True)
    ink = np.zeros((700, 1000), np.uint8)
    ink[530:566, 500:570] = 255  # 新增
    ink[538:554, 591:607] = 255  # ■
    ink[530:566, 620:692] = 255  # 延续
    chars = glyphs.piece_chars(piece, [solid], 72 / 300, ink)
    (line,) = text_lines(Glyph(c.text, c.x0, c.x1, c.top, c.bottom, c.size, c.score) for c in chars)
    assert line.text == f"新增 {glyphs.box_text(solid)}延续"


def test_a_blurred_character_at_a_lines_end_that_fills_it_is_no_box() -> None:
    # A scan of a published form at 300 dpi, blur and JPEG: 显 of `效果明显` closed into a
    # ticked-looking square joined to its tick-like strokes, at the text's end; the four
    # characters fill the line (0.62 of its height each), so no box stands beside them.
    piece = glyphs.Piece("效果明显", 768, 1455, 862, 1493, 0.99994)
    square = marks.Box(842, 1468, 858, 1484, True, 0.78, False, ticked_past=True)
    assert glyphs.claim(piece, [square], 23.75)[0] == []
    # 200 dpi: 政 of `政策知晓率` at the text's start, 0.60 of the line's height each.
    start = glyphs.Piece("政策知晓率", 605, 1149, 716, 1186, 0.99985)
    assert glyphs.claim(start, [marks.Box(606, 1161, 622, 1178, True, 0.78, False, ticked_past=True)], 22.1)[0] == []
    # 200 dpi, every degradation: a ticked box at the start of `有可能完成` in a tall line box
    # (its characters 0.52 of the line's height), the text at the page's size beside it.
    tall = glyphs.Piece("有可能完成", 669, 1690, 817, 1738, 0.99996)
    first = marks.Box(670, 1707, 692, 1729, True, 0.67, True, ticked_past=True)
    assert [index for _, index in glyphs.claim(tall, [first], 24.8)[0]] == [0]
    # A ticked box the text leaves room for at its end is still a box.
    room = glyphs.Piece("效果明显", 768, 1455, 886, 1493, 0.99)
    end = marks.Box(866, 1468, 884, 1486, True, 0.78, False, ticked_past=True)
    assert glyphs.claim(room, [end], 23.75)[0] == [(end, 4)]


def test_a_hand_ticked_box_right_after_a_framed_character_is_a_box() -> None:
    # A published form's scan at 200 dpi: `新增项目□ 延续项目☑`, the √ joined to the box after
    # 目 and running past its corner; 目's own squares read as barred outlines beside.
    piece = glyphs.Piece("新增项目□ 延续项目", 1065, 323, 1328, 360, 0.93)
    squares = [marks.Box(1145, 333, 1161, 352, True, 0.18, True, ticked_past=True, barred=True),
               marks.Box(1168, 332, 1188, 353, False, 0.0, True, ticked_past=True),
               marks.Box(1283, 333, 1299, 352, True, 0.18, True, ticked_past=True, barred=True),
               marks.Box(1304, 333, 1324, 354, True, 0.33, False, ticked_past=True)]
    real, _ = glyphs.claim(piece, squares, 25.0)
    assert real == [(squares[1], 4), (squares[3], 10)]
    # The same square inside the word, beside 目, is 目's.
    word = glyphs.Piece("项目管理", 1240, 323, 1345, 360, 0.99)
    assert glyphs.claim(word, [squares[3]], 25.0)[0] == []


def test_a_joined_square_at_a_lines_start_with_no_room_beside_the_text_is_a_character() -> None:
    # 13579, 250 dpi: 位 of `位施工` blurred into a ticked-looking square joined to its
    # neighbour; at the text's start it was taken for a box (`个别点☑位施工`). The three
    # characters fill the line: no room for a box beside them.
    piece = glyphs.Piece("位施工", 1460, 1339, 1565, 1396, 0.99)
    square = marks.Box(1472, 1359, 1493, 1383, True, 0.40, False, ticked_past=True)
    assert glyphs.claim(piece, [square])[0] == []
    # A line with room for the box beside its text keeps it (`☑确定能完成`, nothing printed for it).
    wide = glyphs.Piece("确定能完成", 1460, 1339, 1690, 1396, 0.99)
    box = marks.Box(1462, 1352, 1490, 1382, True, 0.40, False, ticked_past=True)
    assert [b for b, _ in glyphs.claim(wide, [box])[0]] == [box]
