"""A drawn square is ticked by the strokes and tick characters inside it (`pdf_boxes.drawn_boxes`).

Each square looks only at the strokes whose centres lie in its band of heights (the band
`_inside` allows, its margin included); these tests pin the band's edges, strokes the band
holds that lie beside the square, and strokes whose coordinates are not numbers."""

from __future__ import annotations

import math
import random

from parsers.readers.checkbox_glyphs import mark
from parsers.readers.pdf_boxes import TICK_MARGIN_PT, _bbox, _inside, drawn_boxes
from parsers.readers.pdf_primitives import Shape
from parsers.readers.pdf_text import Glyph

_SQUARE = (100.0, 200.0, 110.0, 210.0)  # x0, top, x1, bottom
CHECKED, UNCHECKED = mark(True, "drawn"), mark(False, "drawn")  # a drawn box's glyph, ticked or not


def _square() -> Shape:
    x0, top, x1, bottom = _SQUARE
    return Shape(x0, top, x1, bottom, stroke=True)


def _stroke(cx: float, cy: float) -> Shape:
    return Shape(cx - 1.0, cy - 1.0, cx + 1.0, cy + 1.0, stroke=True)


def _states(strokes: list[Shape], glyphs: list[Glyph] | None = None) -> list[str]:
    boxes, _, _ = drawn_boxes([_square()], strokes, [], glyphs or [])
    return [box.text for box in boxes]


def test_a_stroke_on_the_bands_edge_ticks_the_box_and_one_beyond_does_not() -> None:
    top, bottom = _SQUARE[1], _SQUARE[3]
    assert _states([_stroke(105.0, top - TICK_MARGIN_PT)]) == [CHECKED]
    assert _states([_stroke(105.0, bottom + TICK_MARGIN_PT)]) == [CHECKED]
    assert _states([_stroke(105.0, top - TICK_MARGIN_PT - 0.01)]) == [UNCHECKED]
    assert _states([_stroke(105.0, bottom + TICK_MARGIN_PT + 0.01)]) == [UNCHECKED]


def test_a_stroke_in_the_band_beside_the_box_or_not_a_number_does_not_tick_it() -> None:
    assert _states([_stroke(300.0, 205.0)]) == [UNCHECKED]
    assert _states([Shape(math.nan, math.nan, 106.0, 206.0), _stroke(300.0, 205.0)]) == [UNCHECKED]
    assert _states([Shape(104.0, math.nan, 106.0, 206.0), _stroke(105.0, 205.0)]) == [CHECKED]


def test_the_marks_are_those_inside_whatever_their_heights() -> None:
    """Random strokes around the square: ticked exactly when one of them is `_inside` it."""
    rng = random.Random(15)
    for _ in range(500):
        strokes = [_stroke(rng.uniform(90, 120), rng.uniform(190, 220)) for _ in range(rng.randint(0, 6))]
        inside = any(_inside(_bbox(s), _SQUARE) for s in strokes)
        assert _states(strokes) == [CHECKED if inside else UNCHECKED]


def test_a_tick_character_inside_ticks_the_box_and_is_dropped() -> None:
    tick = Glyph("√", 102.0, 108.0, 201.0, 209.0, 8.0)
    boxes, _, ticks = drawn_boxes([_square()], [], [], [Glyph("是", 80.0, 90.0, 201.0, 209.0, 8.0), tick])
    assert [box.text for box in boxes] == [CHECKED] and ticks == {1}
