"""A page is read the way round that reads best: turned as its pixels say, then half round,
then the other way round while the reading stays poor (no OCR: the reading is faked)."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

from parsers.ocr import glyphs, page, prep


def _reader(monkeypatch: pytest.MonkeyPatch, upright: object, quarter: bool) -> list[int]:
    """`page._read` faked: a good reading only of the `upright` image; a list of the reads."""
    tried: list[int] = []
    monkeypatch.setattr(prep, "quarter_turned", lambda grey: quarter)
    monkeypatch.setattr(prep, "deskewed", lambda grey: (grey, 0.0))

    def read(turned, dpi, pool, lines=None):
        good = np.array_equal(turned, upright)
        tried.append(len(tried))
        piece = glyphs.Piece("项目名称", 0, 0, 10, 10, 0.99 if good else 0.6 + 0.01 * len(tried))
        if lines is not None:
            lines.append((10, piece.score))
        return turned, [], [piece], None

    monkeypatch.setattr(page, "_read", read)
    return tried


def test_a_page_the_pixels_take_for_turned_a_quarter_is_read_half_round(monkeypatch: pytest.MonkeyPatch) -> None:
    """Narrow wrapped cells looked turned a quarter; the page was upside down (seed 5150's
    execution-monitoring continuation page)."""
    upright = np.arange(24, dtype=np.uint8).reshape(4, 6)
    scanned = prep.quarter(upright, 2)  # as scanned: upside down
    tried = _reader(monkeypatch, upright, quarter=True)
    turned, _, _, pieces, _, turns, _ = page._read_upright(scanned, 250, None)
    assert turns == 2 and np.array_equal(turned, upright)
    assert pieces[0].score == 0.99
    assert len(tried) == 4  # the quarter, its half turn, no turn, then the half turn


def test_a_good_first_reading_ends_the_search(monkeypatch: pytest.MonkeyPatch) -> None:
    upright = np.arange(24, dtype=np.uint8).reshape(4, 6)
    scanned = prep.quarter(upright, -1)  # on its side
    tried = _reader(monkeypatch, upright, quarter=True)
    _, _, _, _, _, turns, _ = page._read_upright(scanned, 250, None)
    assert turns == 1 and len(tried) == 1


def test_a_page_read_poorly_every_way_keeps_its_best_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    upright = np.arange(24, dtype=np.uint8).reshape(4, 6)
    tried = _reader(monkeypatch, np.zeros((4, 6), np.uint8), quarter=False)  # never good
    _, _, _, pieces, _, turns, _ = page._read_upright(upright, 250, None)
    assert len(tried) == 4
    assert pieces[0].score == pytest.approx(0.64) and turns == 3  # the last tried scored best here



def test_a_page_upside_down_whose_few_kept_lines_read_well_is_turned(monkeypatch: pytest.MonkeyPatch) -> None:
    # A short page with a seal, upside down: the 23 lines kept scored 0.88 on their own (a
    # good reading by their mean), but the recognizer dropped 30 others as unreadable.
    upright = np.arange(24, dtype=np.uint8).reshape(4, 6)
    tried: list[int] = []
    monkeypatch.setattr(prep, "quarter_turned", lambda grey: False)
    monkeypatch.setattr(prep, "deskewed", lambda grey: (grey, 0.0))

    def read(turned, dpi, pool, lines=None):
        tried.append(len(tried))
        good = np.array_equal(turned, upright)
        kept = glyphs.Piece("项目名称", 0, 0, 40, 10, 0.99 if good else 0.88)
        if lines is not None:
            lines.append((40, kept.score))
            lines.extend([] if good else [(40, 0.3)] * 3)  # read, and dropped as unreadable
        return turned, [], [kept], None

    monkeypatch.setattr(page, "_read", read)
    _, _, _, pieces, _, turns, _ = page._read_upright(prep.quarter(upright, 2), 250, None)
    assert turns == 2 and pieces[0].score == 0.99 and len(tried) == 2
