"""A seal's star that the seal-free grey still shows is no text of the page (no OCR)."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")

from parsers.ocr import glyphs, page


def _line(text: str, top: float, score: float = 0.99, height: float = 31, x0: float = 150) -> glyphs.Piece:
    return glyphs.Piece(text, x0, top, x0 + 30 * len(text), top + height, score)


def test_a_seal_star_read_as_a_symbol_is_dropped_and_text_is_kept() -> None:
    lines = [_line("街镇名称：上海市闵行区浦江镇人民政府", 225), _line("项目名称", 300), _line("金额", 380)]
    star = glyphs.Piece("☆", 986, 208, 1106, 322, 0.589)
    assert page.without_emblems([*lines, star]) == lines


@pytest.mark.parametrize("piece", [
    glyphs.Piece("☆", 986, 208, 1106, 322, 0.95),   # read with confidence: printed, kept
    glyphs.Piece("★", 986, 208, 1030, 240, 0.5),    # a text line's height: kept
    glyphs.Piece("√", 986, 208, 1106, 322, 0.55),   # a big hand tick: the boxes need it
    glyphs.Piece("印章", 986, 208, 1106, 322, 0.55),  # characters: kept (low score is marked)
])
def test_what_is_not_a_seal_emblem_is_kept(piece: glyphs.Piece) -> None:
    lines = [_line("项目名称", 300), _line("金额", 380)]
    assert piece in page.without_emblems([*lines, piece])
