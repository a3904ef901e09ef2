"""A recognised line's place and type size on a scan: its ink, not the detector's box.

The detector's box of a line holds a margin and overlaps the lines above and below it; placed
by that box, the short last line of a narrow cell (`整` under `基本完`, `可能` under `完全不`)
looked as if it ran to the cell's border, and the next page's first row was joined to it.
"""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

from parsers.ocr import engine, glyphs, page
from parsers.readers.pdf_text import Glyph, fills_cell, text_lines

DPI = 250
SCALE = 72.0 / DPI


def _line(piece: glyphs.Piece):
    """The layout's one line of a piece's characters (points)."""
    chars = glyphs.piece_chars(piece, [], SCALE)
    (line,) = text_lines(Glyph(c.text, c.x0, c.x1, c.top, c.bottom, c.size, c.score) for c in chars)
    return chars, line


def test_a_whole_line_is_placed_by_the_ink_of_its_middle(monkeypatch) -> None:
    grey = np.full((120, 200), 255, np.uint8)
    grey[20:60, 20:51] = 0  # the character
    grey[0:6, 69:72] = 0  # a stroke of the line above, inside the detector's box
    monkeypatch.setattr(engine, "read_lines", lambda crops: [("整", 1.0) for _ in crops])
    (piece,) = page._pieces(grey, [(0.0, 0.0, 90.0, 74.0)], [], DPI)
    assert piece.text == "整"
    assert 18 <= piece.x0 <= 20 and 51 <= piece.x1 <= 53, (piece.x0, piece.x1)


def test_a_short_last_line_in_a_tall_box_does_not_fill_its_cell() -> None:
    # `可能` in a 46 pt cell of three characters a line: 10 pt type, the detector's box 17.8 pt tall.
    px = DPI / 72.0
    x0, top = 467.4 * px, 708.5 * px
    piece = glyphs.Piece("可能", x0, top, x0 + 20.2 * px, top + 17.8 * px, 1.0)
    chars, line = _line(piece)
    assert all(9.5 <= c.size <= 10.6 for c in chars), [c.size for c in chars]
    assert not fills_cell(line, 508.0)
    # A line that does run to the border still fills it.
    full = glyphs.Piece("完全不", x0, top, x0 + 30.0 * px, top + 17.8 * px, 1.0)
    assert fills_cell(_line(full)[1], 508.0)
