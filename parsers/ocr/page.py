"""One scanned page image -> the PDF reader's `PageLayout` (tables from rulings, boxes from pixels).

Owns the order of the work on a page: grey from the red channel, a quarter turn, deskew,
rulings from the pixels, text lines detected, the uprights of characters the rulings took
for cell borders taken out (`rules_in_text`), a box over several lines split per line
(`joined_lines`), and cut where a vertical ruling crosses them (so a label and the value
in the next cell never share a line), every piece recognised once in one batch (and the
half turn when the upright reading is poor; a seal's star the grey still shows is no text;
a lone leaning stroke is `/`, `strokes`), boxes from the pixels (a grey-cored solid square
is a character), ticks placed (one alone in a ruled cell marks the cell), the row beside a
box no detected line covers read too (`box_labels`), then the ink in ruled cells nothing
read so far explains (`uncovered`), glyphs placed, and the layout done by the PDF reader's
own page code, so a scan gives the same blocks a text layer does.
With two or more OCR threads, the pixel work runs beside the recognizer's: the lines are
detected while the rulings are found, the boxes found while the pieces are recognised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from parsers.ocr import (
    box_labels,
    engine,
    glyphs,
    joined_lines,
    marks,
    prep,
    rules_in_text,
    strokes,
    ticks,
    uncovered,
)
from parsers.readers.pdf_page import PageLayout, layout_page
from parsers.readers.pdf_primitives import Char, PagePrimitives, Shape

# A page read with a mean score under this is read again turned half round. The mean is
# over every line read, its width the weight, a line read as nothing or under
# TEXT_MIN_SCORE counted with its score: upside down most lines read poorly and are
# dropped, and the few kept ones could score 0.87 on their own (a short page stamped with a
# seal, read upside down).
UPRIGHT_MIN_SCORE = 0.85
# A cut needs this much of the line (pixels) on either side of the ruling.
CUT_MARGIN_PX = 6


@dataclass
class PageScan:
    """A page read by OCR: its layout, the mean reading score, what was corrected."""

    layout: PageLayout
    score: float
    turns: int = 0
    skew: float = 0.0
    low: list[tuple[str, float]] = field(default_factory=list)
    inked: bool = False  # the page holds ink (print, writing, a drawing), text read or not


def _reading_score(read: list[tuple[int, float]]) -> float:
    """The mean score of every line read (width, score), weighted by its width."""
    weight = sum(width for width, _ in read)
    return sum(width * score for width, score in read) / weight if weight else 0.0


def _mean_score(pieces: list[glyphs.Piece]) -> float:
    weight = sum(len(p.text) for p in pieces)
    return sum(p.score * len(p.text) for p in pieces) / weight if weight else 0.0


class _Now:
    """Runs a job at once in the calling thread (a page read with one OCR thread)."""

    def __init__(self, job: Callable[..., Any], *args: Any) -> None:
        self._value = job(*args)

    def result(self) -> Any:
        return self._value


def _read(grey: Any, dpi: float, pool: ThreadPoolExecutor | None,
          read: list[tuple[int, float]] | None = None) -> tuple[Any, list[Shape], list[glyphs.Piece], Any]:
    """Ink mask, rulings, the text pieces and (to be waited for) the boxes of an upright page
    (`read`: gets the width and score of every line the recognizer read, `_pieces`).
    With a pool, the page's lines are detected while the rulings are found, and the boxes are
    found while the pieces are recognised: the pixel work runs beside the recognizer's."""
    run = pool.submit if pool is not None else _Now
    lines = run(engine.detect, grey)
    ink = prep.ink_mask(grey).astype("uint8") * 255
    rules = marks.rulings(ink, dpi)
    found = run(marks.boxes, ink, dpi, grey)
    rules = rules_in_text.without_strokes(rules, lines.result(), ink, dpi)
    return ink, rules, _pieces(grey, lines.result(), rules, dpi, read, ink), found


def _read_upright(grey: Any, dpi: float, pool: ThreadPoolExecutor | None) -> tuple[Any, Any, list[Shape], list[glyphs.Piece], Any, int, float]:
    """The page read upright: turned as its pixels say (a quarter turn or none), then, while
    the reading is poor (mean score under UPRIGHT_MIN_SCORE), half round, and then the other
    way round (a page of narrow wrapped cells can look turned a quarter when it is not): the
    best reading is kept, and a good one ends the search."""
    first = 1 if prep.quarter_turned(grey) else 0
    best: tuple[Any, ...] | None = None
    best_score = -1.0
    for axis in (first, 1 - first):
        level, skew = prep.deskewed(prep.quarter(grey, axis) if axis else grey)
        for half in (0, 2):
            turned = prep.quarter(level, half) if half else level
            read: list[tuple[int, float]] = []
            ink, rules, pieces, found = _read(turned, dpi, pool, read)
            score = _reading_score(read)
            if score > best_score:
                best, best_score = (turned, ink, rules, pieces, found, (axis + half) % 4, skew), score
            if score >= UPRIGHT_MIN_SCORE:
                return best  # type: ignore[return-value]
    assert best is not None
    return best


def read_page(image: Any, dpi: float, number: int) -> PageScan:
    """Read one page image (RGB or grey array) scanned at `dpi`."""
    grey = prep.seal_free_grey(image)
    if engine.threads() > 1:
        with ThreadPoolExecutor(max_workers=1) as pool:
            grey, ink, rules, pieces, boxes, turns, skew = _read_upright(grey, dpi, pool)
            found = boxes.result()
    else:
        grey, ink, rules, pieces, boxes, turns, skew = _read_upright(grey, dpi, None)
        found = boxes.result()
    found = glyphs.printed_small(found, pieces)
    tick_marks = ticks.find(ink, dpi, found)
    found = ticks.resolve(found, tick_marks, lambda mark: _cell_reading(mark, pieces, found, rules, dpi))
    pieces = pieces + _beside_boxes(grey, found, pieces, rules, dpi)
    pieces = pieces + _uncovered(grey, pieces, rules, found, tick_marks, dpi)
    scale = 72.0 / dpi
    page_em = glyphs.type_em(pieces, scale)
    chars: list[Char] = []
    claimed: set[int] = set()
    for piece in pieces:
        inside = glyphs.boxes_in(piece, found)
        claimed.update(i for i, b in enumerate(found) if b in inside)
        chars += glyphs.piece_chars(piece, found, scale, ink, page_em)
    chars += glyphs.loose_box_chars(found, claimed, scale)
    raw = PagePrimitives(number=number, height=grey.shape[0] * scale, chars=chars, lines=rules, scanned=True)
    layout = layout_page(raw)
    low = [(p.text, round(p.score, 3)) for p in pieces if p.score < LOW_SCORE]
    return PageScan(layout=layout, score=_mean_score(pieces), turns=turns, skew=skew, low=low, inked=inked(grey))


# A page is inked when this share of its pixels or more is darker than prep.INK_GREY (a blank
# scanned sheet, JPEG noise and all, has none; one short printed line has about 0.1%).
INKED_MIN_SHARE = 0.0005


def inked(grey: Any) -> bool:
    """True when the page (seal-free grey) holds ink, whatever it is."""
    import numpy as np

    return bool(np.count_nonzero(grey < prep.INK_GREY) >= INKED_MIN_SHARE * grey.size)


# A piece read with a score under this is marked for the reviewer.
LOW_SCORE = 0.8
# A piece read with a score under this is no text (the engine's own cut-off for a line).
TEXT_MIN_SCORE = 0.5
# A piece of symbols this many text lines tall or taller, read with a score under
# EMBLEM_MAX_SCORE, is a seal's emblem (its star read as ☆ scored up to 0.86 on 250-dpi scans).
EMBLEM_MIN_LINES = 2.0
EMBLEM_MAX_SCORE = 0.9
# An emblem read as letters is read as this many at most.
EMBLEM_MAX_LATIN = 2


def _pieces(grey: Any, lines: list[tuple[float, float, float, float]], rules: list[Shape], dpi: float,
            read: list[tuple[int, float]] | None = None, ink: Any = None) -> list[glyphs.Piece]:
    """The page's text lines (as detected), cut where a vertical ruling crosses them, each
    piece read once (`read`: gets each one's width and score, as read, kept or not). A
    piece's place is where its ink is: in the page's ink mask `ink` when given, the ink the
    boxes are found in (a blurred 3.5 pt □ at 200 dpi is grey 150-170, lighter than
    `prep.INK_GREY`: the piece began at the character after it, and its box fell outside)."""
    spans: list[tuple[int, int, int, int]] = []
    crops = []
    for box in joined_lines.one_per_line(grey, lines):
        parts = _cut(box, rules, dpi)
        for left, top, right, bottom in parts:
            where = (slice(max(0, top), bottom + 1), slice(max(0, left), max(left + 1, right)))
            crop = grey[where]
            inked = crop < prep.INK_GREY if ink is None else ink[where] > 0
            # A part of a cut line is trimmed to its ink (an empty part is no text). A whole
            # line is read as detected, but its place is the ink of its middle half (the
            # detector's box overlaps the lines above and below): the detector's margin made a
            # short last line of a cell look as if it ran to the cell's border.
            if len(parts) > 1:
                span = _ink_span(inked)
            else:
                quarter = crop.shape[0] // 4
                span = _ink_span(inked[quarter:crop.shape[0] - quarter]) or (0, crop.shape[1])
            if span is None or crop.size == 0:
                continue
            spans.append((max(0, left) + span[0], top, max(0, left) + span[1], bottom))
            crops.append(crop[:, span[0]:span[1]] if len(parts) > 1 else crop)
    out = []
    for (x0, top, x1, bottom), crop, (text, score) in zip(spans, crops, engine.read_lines(crops), strict=True):
        if read is not None:
            read.append((x1 - x0, score if text.strip() else 0.0))
        if text.strip() and score >= TEXT_MIN_SCORE:
            out.append(glyphs.Piece(strokes.reread(text.strip(), crop), x0, top, x1, bottom, score))
    return without_emblems(out)


def _beside_boxes(grey: Any, found: list[marks.Box], pieces: list[glyphs.Piece], rules: list[Shape],
                  dpi: float) -> list[glyphs.Piece]:
    """The option labels the detector missed beside boxes (`box_labels`), read as pieces."""
    spans = box_labels.strips(grey, found, pieces, rules, dpi)
    crops = [grey[top:bottom, x0:x1] for x0, top, x1, bottom in spans]
    return [glyphs.Piece(text.strip(), x0, top, x1, bottom, score)
            for (x0, top, x1, bottom), (text, score) in zip(spans, engine.read_lines(crops), strict=True)
            if text.strip() and score >= TEXT_MIN_SCORE]


# Text read where the detector found no line is kept at this score or over, and only when
# it is words or figures (`_worded`): the ink there may be a speck or a stroke of a seal.
UNCOVERED_MIN_SCORE = 0.8


def _uncovered(grey: Any, pieces: list[glyphs.Piece], rules: list[Shape], found: list[marks.Box],
               tick_marks: list[tuple[int, int, int, int]], dpi: float) -> list[glyphs.Piece]:
    """The lines in ruled cells the detector missed (`uncovered`), read as pieces."""
    spans = uncovered.lines(grey, pieces, rules, found, tick_marks, dpi)
    crops = [grey[top:bottom, x0:x1] for x0, top, x1, bottom in spans]
    out = []
    for (x0, top, x1, bottom), crop, (text, score) in zip(spans, crops, engine.read_lines(crops), strict=True):
        text = strokes.reread(text.strip(), crop)
        if text and score >= UNCOVERED_MIN_SCORE and _worded(text):
            out.append(glyphs.Piece(text, x0, top, x1, bottom, score))
    return out


def without_emblems(pieces: list[glyphs.Piece]) -> list[glyphs.Piece]:
    """The pieces without the marks a seal leaves (its star, read as ☆ or ★, or as `A` at
    200 dpi): a piece read with less than EMBLEM_MAX_SCORE, much taller than the page's text
    lines, of symbols only (a box or tick print is kept, the boxes need it) or of at most
    EMBLEM_MAX_LATIN Latin letters and no digit or CJK character (text that tall is a title,
    in Chinese, or a figure written by hand)."""
    heights = sorted(p.bottom - p.top for p in pieces)
    if not heights:
        return pieces
    line = heights[len(heights) // 2]
    return [p for p in pieces
            if p.score >= EMBLEM_MAX_SCORE or p.bottom - p.top <= EMBLEM_MIN_LINES * line
            or any(c in glyphs.BOX_PRINTS or c in ticks.TICK_PRINTS for c in p.text)
            or _worded(p.text)]


def _worded(text: str) -> bool:
    """True for text that is words or figures: a CJK character or a digit, or more letters
    than a seal's emblem is read as."""
    return (any(c.isdigit() or (ord(c) > 0x2E7F and c.isalnum()) for c in text)
            or sum(c.isalpha() for c in text) > EMBLEM_MAX_LATIN)


def _cut(box: tuple[float, float, float, float], rules: list[Shape], dpi: float) -> list[tuple[int, int, int, int]]:
    """The line's box cut at the vertical rulings crossing it (a little inside each ruling)."""
    x0, top, x1, bottom = box
    px = dpi / 72.0
    mid = (top + bottom) / 2
    cuts = sorted(
        (r.x0 + r.x1) / 2 * px for r in rules
        if r.height > r.width and r.top * px <= mid <= r.bottom * px
        and x0 + CUT_MARGIN_PX < (r.x0 + r.x1) / 2 * px < x1 - CUT_MARGIN_PX
    )
    edges = [x0, *cuts, x1]
    return [(int(a) + (3 if a != x0 else 0), int(top), int(b) - (3 if b != x1 else 0), int(bottom))
            for a, b in pairwise(edges)]


def _reading(mark: tuple[int, int, int, int], pieces: list[glyphs.Piece],
             boxes: Sequence[marks.Box] = ()) -> str:
    """What the recognizer read at a tick-shaped mark (see `ticks.resolve`)."""
    x0, top, x1, bottom = mark
    cx, cy, height = (x0 + x1) / 2, (top + bottom) / 2, bottom - top
    beside = False
    for piece in pieces:
        if not piece.top - 0.3 * height <= cy <= piece.bottom + 0.3 * height:
            continue
        # A character of the line stands on its middle; a mark above or below it does not.
        line_top, line_bottom = _text_band(piece, boxes)
        on_line = abs(cy - (line_top + line_bottom) / 2) <= 0.3 * (line_bottom - line_top)
        if piece.x0 <= cx <= piece.x1 and on_line:
            char = glyphs.char_at(piece, cx)
            if char is not None and char not in ticks.TICK_PRINTS and char not in glyphs.BOX_PRINTS:
                return "text"
            beside = True
        elif min(abs(piece.x0 - x1), abs(x0 - piece.x1)) <= 1.5 * height:
            beside = True
    return "label" if beside else "alone"


def _cell_reading(mark: tuple[int, int, int, int], pieces: list[glyphs.Piece], boxes: Sequence[marks.Box],
                  rules: list[Shape], dpi: float) -> str:
    """`_reading`, where a tick alone in a ruled cell is the cell's mark ("label"): in a
    table whose options are sub-columns (偏差原因 over 经费保障 | 制度保障 | …) the cell is the
    option, and a text layer reads the same printed √ as the cell's text."""
    seen = _reading(mark, pieces, boxes)
    return "label" if seen == "alone" and uncovered.in_cell(mark, rules, dpi) else seen


def _text_band(piece: glyphs.Piece, boxes: Sequence[marks.Box]) -> tuple[float, float]:
    """The rows a piece's characters stand in: its detected box, or, where boxes read from
    the pixels stand in it, their rows (a box is as tall as its line's type). A tick drawn
    over the cell's top rule above a box grew the detected box of `是 □否` to 1.7 times the
    type's height (96 px for 57 at 250 dpi), so the tick stood on the box's middle."""
    inside = glyphs.boxes_in(piece, boxes)
    if not inside:
        return piece.top, piece.bottom
    tops = sorted(b.top for b in inside)
    bottoms = sorted(b.bottom for b in inside)
    return float(tops[len(tops) // 2]), float(bottoms[len(bottoms) // 2])


def _ink_span(inked: Any) -> tuple[int, int] | None:
    """The first and last inked column of a crop's ink mask, with a little margin."""
    import numpy as np

    if inked.size == 0:
        return None
    columns = np.flatnonzero(inked.any(axis=0))
    if columns.size == 0:
        return None
    pad = 2
    return max(0, int(columns[0]) - pad), min(inked.shape[1], int(columns[-1]) + 1 + pad)
