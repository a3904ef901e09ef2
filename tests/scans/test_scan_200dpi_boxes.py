"""Check boxes on harsh 200-dpi scans: blur 1.0 and JPEG 60 together, the page's ink threshold
near the paper's grey (Otsu picks 189-199 on such pages), so every stroke carries a halo.

An empty small □ read ticked through its own edges' halo, a ✗ over a box whose bottom edge
joined the cross's strokes, the cross's halo taken for a character's bars, a ✗'d box inside
`□是否` where the recognizer read no character, and a faint small □ outside the piece whose
recognizer printed it: each image is drawn here, no OCR.
"""

from __future__ import annotations

import io

import pytest

np = pytest.importorskip("numpy")
cv2 = pytest.importorskip("cv2")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
ImageFilter = pytest.importorskip("PIL.ImageFilter")

from parsers.ocr import engine, glyphs, marks, page, prep

PEN = (20, 20, 90)


def _degraded(image, skew: float = 0.0):
    """The page as a 200-dpi scan leaves it: skewed, blurred 1.0, JPEG 60; its grey (red channel)."""
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor="white")
    image = image.filter(ImageFilter.GaussianBlur(1.0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60)
    return prep.seal_free_grey(np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")))


def _ink(grey, threshold: int = 0):
    return prep.ink_mask(grey, threshold).astype(np.uint8) * 255


def _crossed(width: int, skew: float = 0.0):
    """An empty 8 pt box and three with a hand ✗ over them (200 dpi: 22 px a side), 70 px apart."""
    image = Image.new("RGB", (300, 80), "white")
    draw = ImageDraw.Draw(image)
    for i, x in enumerate((40, 110, 180, 250)):
        s, y = 22, 25
        draw.rectangle([x, y, x + s, y + s], outline="black", width=2)
        if i:
            draw.line([(x + 0.1 * s, y + 0.1 * s), (x + 0.9 * s, y + 0.9 * s)], fill=PEN, width=width)
            draw.line([(x + 0.9 * s, y + 0.1 * s), (x + 0.1 * s, y + 0.9 * s)], fill=PEN, width=width)
    return _degraded(image, skew)


def test_an_empty_small_box_is_empty_whatever_its_edges_halo() -> None:
    # 3.6 pt □ of an 8 pt font scanned at 200 dpi and rendered at 300 (an image PDF): its
    # edges blur to 4-5 px of 18, and a fixed trim of the inside left their halo in it (0.16).
    image = Image.new("RGB", (200, 60), "white")
    draw = ImageDraw.Draw(image)
    for x in (40, 100, 160):
        draw.rectangle([x, 25, x + 10, 35], outline="black", width=1)
    grey = _degraded(image)
    grey = cv2.resize(grey, (300, 90), interpolation=cv2.INTER_CUBIC)
    found = sorted(marks.boxes(_ink(grey), 300, grey), key=lambda b: b.x0)
    assert [(b.small, b.state) for b in found] == [(True, False)] * 3


def test_a_cross_blurred_into_a_boxs_edge_leaves_the_box_found() -> None:
    # At the page's threshold the ✗'s strokes join the bottom edge: most of its columns hold
    # more ink than the edge, but the rows the edge fills stay a thin band.
    grey = _crossed(3, 1.0)
    found = sorted(marks.boxes(_ink(grey, 197), 200, grey), key=lambda b: b.x0)
    assert [b.state for b in found] == [False, True, True, True]


@pytest.mark.parametrize("width", [3, 4])
def test_bars_a_crosss_halo_closes_are_no_characters_bars(width: int) -> None:
    grey = _crossed(width, 1.0)
    crossed = sorted(marks.boxes(_ink(grey), 200, grey), key=lambda b: b.x0)[1:]
    assert crossed and all(b.state is True for b in crossed)
    assert all(b.halo_bars for b in crossed if b.barred)
    # A character's bars are dark as its print: 基 closed into a square at 200 dpi.
    image = Image.new("RGB", (120, 80), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([40, 25, 64, 49], outline="black", width=2)
    for y in (33, 41):
        draw.line([(40, y), (64, y)], fill="black", width=2)
    grey = _degraded(image)
    (square,) = marks.boxes(_ink(grey), 200, grey)
    assert square.barred and not square.halo_bars


def test_a_crossed_box_the_recognizer_read_nothing_for_inside_a_word() -> None:
    # `□是 ☒否` read `□是否` at 200 dpi (10 pt type, 27.8 px): the ☒ blurred is inked like a
    # character's square (0.67), an outline of its own; its three characters stand 1.46 em
    # apart, so a character's room is unread where the square is.
    piece = glyphs.Piece("□是否", 1357, 322, 1479, 365, 0.86)
    empty = marks.Box(1359, 336, 1380, 358, False, 0.0, True, ticked_past=True)
    crossed = marks.Box(1427, 336, 1448, 358, True, 0.67, True, ticked_past=True)
    em = 10 * 200 / 72
    assert glyphs.claim(piece, [empty, crossed], em)[0] == [(empty, 0), (crossed, 2)]
    halo = marks.Box(1427, 336, 1448, 358, True, 0.69, True, ticked_past=True, barred=True, halo_bars=True)
    assert glyphs.claim(piece, [empty, halo], em)[0] == [(empty, 0), (halo, 2)]
    # Bars as dark as the print are a character's, room or not.
    bars = marks.Box(1427, 336, 1448, 358, True, 0.69, True, ticked_past=True, barred=True)
    assert glyphs.claim(piece, [empty, bars], em)[0] == [(empty, 0)]
    # Where the text fills its line, the square is the character read there.
    filled = glyphs.Piece("□是有否", 1357, 322, 1479, 365, 0.86)
    assert glyphs.claim(filled, [empty, crossed], em)[0] == [(empty, 0)]


def test_a_faint_small_box_stands_in_its_piece(monkeypatch) -> None:
    # A 3.6 pt □ scanned at 200 dpi, blurred, rendered at 300, is grey 150-170: lighter than
    # prep.INK_GREY. Placed by that grey, the piece began at the character after it and the
    # box fell outside it, so the □ the recognizer printed went to the character's square.
    image = Image.new("RGB", (200, 60), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([40, 25, 50, 35], outline="black", width=1)
    draw.rectangle([58, 21, 76, 39], fill="black")  # the character after it
    grey = cv2.resize(_degraded(image), (300, 90), interpolation=cv2.INTER_CUBIC)
    assert grey[45, 60:75].min() > prep.INK_GREY  # the box's edges, faint
    monkeypatch.setattr(engine, "detect", lambda image: [(45.0, 20.0, 125.0, 70.0)])
    monkeypatch.setattr(engine, "read_lines", lambda crops: [("□经", 0.95) for _ in crops])
    _, _, (piece,), _ = page._read(grey, 300.0, None)
    assert piece.x0 <= 60 and piece.text == "□经"


def test_a_square_beside_a_small_solid_box_needs_room_for_both() -> None:
    # A narrow wrapped cell of 8 pt type at 300 dpi (33 px an em): `保障■` / `障■人`, the ■
    # 18 px of ink spaced as a character. 障 blurred closes into a dense square; the text
    # with the ■ fills its line, so the square is the character read there.
    em = 33.0
    solid = marks.Box(1652, 926, 1670, 944, True, 0.9, True, small=True, solid=True)
    square = marks.Box(1600, 921, 1633, 950, True, 0.95, True, ticked_past=True)
    assert glyphs.claim(glyphs.Piece("保障", 1558, 904, 1672, 965, 1.0), [square, solid], em)[0] == [(solid, 2)]
    solid = marks.Box(1614, 1027, 1632, 1045, True, 0.96, True, small=True, solid=True)
    square = marks.Box(1562, 1022, 1595, 1051, True, 0.94, True, ticked_past=True)
    assert glyphs.claim(glyphs.Piece("障人", 1559, 1006, 1680, 1066, 1.0), [square, solid], em)[0] == [(solid, 1)]


def test_a_lone_tick_at_the_end_of_its_options_cell_is_that_options() -> None:
    # Ticks drawn where the printed boxes stood, each option in a cell of its own
    # (`确定能完成 √ | 有可能完成 | 确定不能完成`): the row's text joins the cells with tabs, so
    # the tick has a space before it and a cell's border after it. It was taken as set apart
    # from both labels (undecided); the cell it is written in is its option's.
    from parsers.fields.choice import option_states, undecided

    options = ("确定能完成", "有可能完成", "确定不能完成")
    tick = "☑"  # a box read from the pixels, as the readers render it in a row's text
    text = f"确定能完成 {tick}\t有可能完成\t确定不能完成"
    assert option_states(text, options) == {"确定能完成": True, "有可能完成": False, "确定不能完成": False}
    assert not undecided(text, options)
    # Alone in a cell between two options, or spaced alike within one cell: still undecided.
    assert option_states(f"确定能完成\t{tick}\t有可能完成\t确定不能完成", options) is None
    assert option_states(f"确定能完成 {tick} 有可能完成 确定不能完成", options) is None


def test_a_kou_inside_a_word_is_the_character() -> None:
    # `户人口数`: the 口 the recognizer printed has an empty square at its place, which was put
    # in as a box (`户人☐数`). Between two characters and empty, it is the character; ticked,
    # or beside a space (`口是 口否`), a box.
    piece = glyphs.Piece("受益户人口数", 100, 20, 400, 60, 0.95)
    empty = marks.Box(255, 25, 295, 58, False, 0.0, True)
    assert glyphs.claim(piece, [empty]) == ([], set())
    ticked = marks.Box(255, 25, 295, 58, True, 0.3, True)
    assert glyphs.claim(piece, [ticked]) == ([(ticked, 4)], {4})
    boxes = glyphs.Piece("口是 口否", 100, 20, 350, 60, 0.95)
    first, second = marks.Box(100, 25, 140, 58, False, 0.0, True), marks.Box(250, 25, 290, 58, False, 0.0, True)
    assert glyphs.claim(boxes, [first, second]) == ([(first, 0), (second, 3)], {0, 3})
