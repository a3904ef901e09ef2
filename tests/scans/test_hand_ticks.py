"""Hand-drawn ticks beside a box, or standing for a box, read from the pixels (no OCR)."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("cv2")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")

from parsers.ocr import glyphs, marks, prep, ticks
from parsers.ocr.page import _reading

DPI = 300
SIDE = 42  # a 10 pt box at 300 dpi
PEN = (20, 20, 90)


def _page():
    page = Image.new("RGB", (1400, 400), "white")
    return page, ImageDraw.Draw(page)


def _box(draw, x: int, y: int = 150) -> None:
    draw.rectangle([x, y, x + SIDE, y + SIDE], outline="black", width=3)


def _tick(draw, x: int, y: int = 140, size: int = 50) -> None:
    """A √ whose box is (x, y, x + size, y + size)."""
    draw.line([(x, y + 0.55 * size), (x + 0.35 * size, y + size), (x + size, y)], fill=PEN, width=5, joint="curve")


def _cross(draw, x: int, y: int = 145, size: int = 46) -> None:
    draw.line([(x, y), (x + size, y + size)], fill=PEN, width=5)
    draw.line([(x + size, y), (x, y + size)], fill=PEN, width=5)


def _read(page, pieces=()):
    ink = prep.ink_mask(prep.seal_free_grey(np.asarray(page))).astype(np.uint8) * 255
    found = marks.boxes(ink, DPI)
    return sorted(ticks.resolve(found, ticks.find(ink, DPI, found), lambda m: _reading(m, list(pieces))),
                  key=lambda b: b.x0)


def test_a_tick_or_cross_beside_an_empty_box_ticks_it() -> None:
    page, draw = _page()
    _box(draw, 100)
    _tick(draw, 100 + SIDE + 12)  # √ right of the first box
    _box(draw, 600)
    _cross(draw, 600 - 46 - 10)  # ✗ left of the second box
    _box(draw, 1100)  # nothing beside the third
    assert [b.state for b in _read(page)] == [True, True, False]


def test_a_tick_as_near_two_boxes_leaves_both_unknown() -> None:
    page, draw = _page()
    _box(draw, 300)
    _box(draw, 300 + SIDE + 80)
    _tick(draw, 300 + SIDE + 15)  # in the middle of the gap
    assert [b.state for b in _read(page)] == [None, None]


def test_strokes_of_a_character_beside_a_box_are_no_tick() -> None:
    page, draw = _page()
    _box(draw, 100)
    x, y = 100 + SIDE + 12, 150  # a character of straight strokes (王-like), as beside a label
    for dy in (0, 21, 42):
        draw.line([(x, y + dy), (x + 40, y + dy)], fill="black", width=4)
    draw.line([(x + 20, y), (x + 20, y + 42)], fill="black", width=4)
    assert [b.state for b in _read(page)] == [False]


def test_a_tick_beside_a_label_with_no_box_is_a_ticked_box() -> None:
    page, draw = _page()
    _tick(draw, 100)  # √ standing for the box before an option label the recognizer read
    label = glyphs.Piece("是", 170, 145, 215, 190, 0.99)
    found = _read(page, [label])
    assert [(b.state, b.x0 < 170) for b in found] == [(True, True)]
    assert glyphs.piece_chars(label, found, 72 / DPI)[0].text == "是"
    assert _read(page) == []  # no text near: a tick alone stands for no option


def test_a_mark_read_as_a_character_is_that_character() -> None:
    page, draw = _page()
    _tick(draw, 100)
    assert _read(page, [glyphs.Piece("人口", 95, 140, 200, 190, 0.95)]) == []
    assert len(_read(page, [glyphs.Piece("√是", 95, 140, 200, 190, 0.95)])) == 1


def test_a_lone_tick_between_two_labels_belongs_to_the_one_it_is_written_against() -> None:
    from parsers.fields.choice import option_states

    assert option_states("是 ☑否", ("是", "否")) == {"是": False, "否": True}
    assert option_states("是☑ 否", ("是", "否")) == {"是": True, "否": False}
    assert option_states("☐是 ☑否", ("是", "否")) == {"是": False, "否": True}  # boxes before labels, as before
