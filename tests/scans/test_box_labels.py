"""Option labels the text detector missed beside a box are read from the strip beside it
(8209, 300 dpi: `☑有可能完成` under a hand tick had no detected line, so the ticked box stood
for no option and the group read as none ticked)."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

from parsers.ocr import box_labels, engine, glyphs, marks, page
from parsers.readers.pdf_primitives import Shape

DPI = 300


def _page():
    """A row: a 27 px box at x 1011, its label's ink 1045-1223, a vertical ruling at x 1250."""
    grey = np.full((200, 1400), 255, np.uint8)
    grey[60:87, 1011:1014] = grey[60:87, 1035:1038] = 0
    grey[60:63, 1011:1038] = grey[84:87, 1011:1038] = 0
    for x in range(1045, 1190, 36):  # five characters
        grey[52:95, x:x + 34] = 0
    return grey, marks.Box(1011, 60, 1038, 87, True, 0.4, True)


RULE = Shape(1250 * 72 / DPI, 0.0, 1251 * 72 / DPI, 200 * 72 / DPI)


def test_the_strip_beside_a_box_in_no_line_runs_over_its_label_to_the_ruling() -> None:
    grey, box = _page()
    grey[52:95, 1260:1300] = 0  # the next cell's text, past the ruling
    ((x0, top, x1, bottom),) = box_labels.strips(grey, [box], [], [RULE], DPI)
    assert x0 <= 1011 and 1223 <= x1 < 1250, (x0, x1)
    assert top < 60 and bottom > 87 and bottom - top < 60


def test_no_strip_where_a_line_holds_the_box_or_the_label() -> None:
    grey, box = _page()
    holds_box = glyphs.Piece("□有可能完成", 1009, 50, 1226, 97, 0.97)
    label_only = glyphs.Piece("有可能完成", 1043, 50, 1226, 97, 0.97)
    assert box_labels.strips(grey, [box], [holds_box], [RULE], DPI) == []
    assert box_labels.strips(grey, [box], [label_only], [RULE], DPI) == []
    alone = np.full_like(grey, 255)
    alone[60:87, 1011:1038] = 0
    assert box_labels.strips(alone, [box], [], [RULE], DPI) == []  # nothing beside it


def test_the_label_read_beside_the_box_is_a_piece_of_the_page(monkeypatch) -> None:
    grey, box = _page()
    monkeypatch.setattr(engine, "read_lines", lambda crops: [("□有可能完成", 0.96) for _ in crops])
    (piece,) = page._beside_boxes(grey, [box], [], [RULE], DPI)
    assert piece.text == "□有可能完成" and glyphs.boxes_in(piece, [box]) == [box]


def test_the_strip_reads_a_label_before_its_box_with_the_other_box_of_the_row() -> None:
    # 6067, 300 dpi: `是☑ 否□` with no detected line; read from the ticked box rightwards
    # only, the strip held `☑否` and 否 came out ticked.
    grey = np.full((200, 1400), 255, np.uint8)
    for x in (1090, 1193):  # the two boxes, 27 px
        grey[60:87, x:x + 3] = grey[60:87, x + 24:x + 27] = 0
        grey[60:63, x:x + 27] = grey[84:87, x:x + 27] = 0
    grey[52:95, 1045:1083] = 0  # 是
    grey[52:95, 1148:1186] = 0  # 否
    left_rule = Shape(1000 * 72 / DPI, 0.0, 1001 * 72 / DPI, 200 * 72 / DPI)
    first = marks.Box(1090, 60, 1117, 87, True, 0.4, True)
    second = marks.Box(1193, 60, 1220, 87, False, 0.0, True)
    ((x0, _, x1, _),) = box_labels.strips(grey, [first, second], [], [left_rule, RULE], DPI)
    assert x0 <= 1045 and x1 >= 1220 and 1000 < x0 and x1 < 1250, (x0, x1)
