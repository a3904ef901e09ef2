"""One PDF page laid out: table parts (cells with text) and text lines outside tables.

Owns the per-page pass over one page's `PagePrimitives` (whichever engine read them):
characters (symbol-font glyphs and box glyphs mapped by
`pdf_boxes`), drawn and widget boxes added as glyphs, grids found from the page's rules
(`pdf_tables`), every glyph assigned to a cell by its centre point or left outside, and
each cell's lines joined (`pdf_text`). Page furniture is dropped here when a line alone
says so (`第 1 页 共 2 页`, `- 1 -`); headers repeated on every page are dropped later by
`pdf`, which sees all pages.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, compress
from operator import is_not, itemgetter

from parsers.frozen_init import frozen_init
from parsers.normalize import is_page_furniture
from parsers.readers.pdf_boxes import (
    CHANGED_TEXT,
    char_text,
    drawn_boxes,
    reads_as_decoded,
    symbol_family,
    widget_boxes,
)
from parsers.readers.pdf_primitives import PagePrimitives
from parsers.readers.pdf_tables import Grid, find_grids, segments
from parsers.readers.pdf_text import (
    Glyph,
    TextLine,
    ends_open,
    fills_cell,
    glyph_runs,
    paragraphs,
    run_lines,
    text_lines,
)


@frozen_init
@dataclass(frozen=True)
class PartCell:
    """A cell of a table part: its rows in the part, its x extent, its text."""

    r0: int
    r1: int
    x0: float
    x1: float
    text: str
    open_end: bool = False
    # The last line runs to the cell's right border (no room for one more character) and
    # ends no sentence or bracket: the text goes on (a row split by a page break).
    full: bool = False
    top: float = 0.0
    bottom: float = 0.0
    confidence: float | None = None  # lowest OCR score of its glyphs (scans only)
    scanned: bool = False  # read by OCR: its box is worth recording



@dataclass
class TablePart:
    """The piece of a table drawn on one page."""

    page: int
    xs: list[float]
    top: float
    bottom: float
    n_rows: int
    cells: list[PartCell]


@dataclass
class PageLayout:
    """A page's content in reading order (top to bottom)."""

    number: int
    height: float
    items: list[TextLine | TablePart] = field(default_factory=list)
    has_text: bool = False
    scanned: bool = False  # read by OCR


def layout_page(raw: PagePrimitives) -> PageLayout:
    """Lay out one page: tables and the text lines outside them."""
    glyphs = _glyphs(raw)
    has_text = any(g.text.strip() for g in glyphs)
    boxes, used, ticks = drawn_boxes(raw.rects, raw.lines, raw.curves, glyphs)
    if ticks:
        glyphs = [g for i, g in enumerate(glyphs) if i not in ticks]
    widgets = widget_boxes(raw.widgets)
    # A widget's border may also be stroked into the page: the widget's state is the box.
    boxes = [box for box in boxes if not any(_overlaps(box, widget) for widget in widgets)]
    glyphs += boxes + widgets
    grids = find_grids(segments(raw.lines, raw.rects, raw.curves, used))
    # each region's glyphs, in runs of one top, bottom and size (`glyph_runs`)
    buckets: list[list[list[list[Glyph]]]] = [[[] for _ in grid.regions] for grid in grids]
    lines = run_lines(_place(glyph_runs(glyphs), grids, buckets)) if grids else text_lines(glyphs)  # no table: all outside
    items: list[TextLine | TablePart] = [line for line in lines if not is_page_furniture(line.text)]
    items += [_part(raw.number, grid, bucket, raw.scanned) for grid, bucket in zip(grids, buckets, strict=True)]
    items.sort(key=lambda item: item.top)
    return PageLayout(number=raw.number, height=raw.height, items=items, has_text=has_text, scanned=raw.scanned)


def _glyphs(raw: PagePrimitives) -> list[Glyph]:
    """A Glyph for every character that reads as text (`char_text`; symbol-font noise reads
    as nothing and is left out), in order. A page whose characters all read as decoded (no
    symbol font, box glyph or private-use code: `reads_as_decoded`) has its characters as
    its glyphs, a new list of the same tuples. On any other page only the characters
    `char_text` may change are asked (`_suspects`; its answers are cached), and only those
    it changes are made again: a page of form text with a few box glyphs keeps the rest of
    its characters as they are."""
    chars = raw.chars
    if not chars:
        return []
    texts = list(map(_TEXT, chars))
    fonts = list(map(_FONT, chars))
    if reads_as_decoded(texts, fonts):
        return list(chars)
    glyphs = list(chars)
    empty = False
    for i in _suspects(texts, fonts):
        text = char_text(texts[i], fonts[i])  # cached: a page's suspects repeat
        if text != texts[i]:
            glyphs[i] = tuple.__new__(Glyph, (text, *chars[i][1:]))
            empty = empty or not text
    if empty or "" in texts:  # symbol-font noise, and empty texts: no glyph
        glyphs = list(compress(glyphs, map(_TEXT, glyphs)))
    return glyphs


def _suspects(texts: list[str], fonts: list[str | None]) -> Iterable[int]:
    """The indexes of the characters `char_text` may read as something else, in order: those
    in a symbol font, and (in any font) box glyphs and private-use codes (`CHANGED_TEXT`).
    Where a character's text is not one character (pdfminer's `(cid:N)`, a ligature, an
    empty text), every character is a suspect."""
    joined = "".join(texts)
    if len(joined) != len(texts) or "" in texts:
        return range(len(texts))
    found = {match.start() for match in CHANGED_TEXT.finditer(joined)}
    symbolic = {font for font in set(fonts) if symbol_family(font) is not None}
    if symbolic:
        found.update(compress(range(len(fonts)), map(symbolic.__contains__, fonts)))
    return sorted(found)


_TEXT, _SCORE, _FONT = itemgetter(0), itemgetter(6), itemgetter(7)  # a Char's text, OCR score and font name
_IS_SCORE = partial(is_not, None)


def _overlaps(a: Glyph, b: Glyph) -> bool:
    """True when two box glyphs cover mostly the same square."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
    return width > 0 and height > 0 and width * height >= 0.5 * smaller


def _place(runs: list[list[Glyph]], grids: list[Grid], buckets: list[list[list[list[Glyph]]]]) -> list[list[Glyph]]:
    """Every glyph into the bucket of the region holding its centre (the first grid holding
    it wins); the glyphs outside every grid are returned. The glyphs come in runs of one top,
    bottom and size (`pdf_text.glyph_runs`: one centre height a run) and go out in pieces of
    runs, in order: a bucket is a list of pieces, each a stretch of one run.

    A run above or below every grid is outside without asking any; a run of one glyph is
    asked of the grids; any other run is placed by `_place_run`."""
    alone = [not any(other is not grid and _touches(grid.bbox, other.bbox) for other in grids) for grid in grids]
    # (grid's index, grid, its box): a point outside the box is not searched in the grid
    # (most glyphs outside every table are a title's or the narrative's)
    boxed = [(k, grid, *grid.bbox) for k, grid in enumerate(grids)]
    # the band of heights the grids span: a run above or below it is outside at once
    # (a grid's box that is not a number leaves the band open: each grid then decides)
    edges = [edge for box in boxed for edge in (box[3], box[5])]
    band_top, band_bottom = (-math.inf, math.inf) if any(map(math.isnan, edges)) else (min(edges), max(edges))
    outside: list[list[Glyph]] = []
    for run in runs:
        first = run[0]
        # x0, x1, top and bottom by index: a tuple's item, where an attribute goes through its descriptor
        cy = (first[3] + first[4]) / 2
        if not band_top <= cy <= band_bottom:
            outside.append(run)
        elif len(run) > 1:
            _place_run(run, cy, boxed, alone, buckets, outside)
        else:
            cx = (first[1] + first[2]) / 2
            for k, grid, gx0, gy0, gx1, gy1 in boxed:
                if not (gx0 <= cx <= gx1 and gy0 <= cy <= gy1):
                    continue  # the test `slot_at` opens with
                at = grid.slot_at(cx, cy)
                if at is not None:
                    buckets[k][grid.slot[at[0]][at[1]]].append(run)
                    break
            else:
                outside.append(run)
    return outside


def _place_run(run: list[Glyph], cy: float, boxed: list[tuple[int, Grid, float, float, float, float]],
               alone: list[bool], buckets: list[list[list[list[Glyph]]]], outside: list[list[Glyph]]) -> None:
    """A run's glyphs (their centres at height `cy`) placed in pieces: a glyph is asked of the
    grids, and the glyphs after it whose centres stay inside the grid slot it fell in go with
    it without a search. That is only so in a grid no other grid's box touches (so no earlier
    grid could claim a point in it) and only in the half-open box the search itself gives
    that slot (a point on a rule is searched again). Where the centres go left to right (most
    runs: a row one text object draws across its cells) the slot's glyphs are found by
    bisection, and so are the slots after it in its row up to the grid's right border;
    elsewhere one at a time. Glyphs one after another that go to one bucket (or outside) are
    one piece."""
    # each glyph's centre; (x0 + x1) times a half is (x0 + x1) / 2, rounded the same
    cxs = [(glyph[1] + glyph[2]) * 0.5 for glyph in run]
    total = sum(cxs)
    # a NaN or an infinity leaves no order to bisect in
    ordered = total - total == 0 and sorted(cxs) == cxs
    n = len(run)
    i = 0
    target: list[list[Glyph]] | None = None  # the list the last piece went to
    last: list[Glyph] = []  # that piece
    while i < n:
        cx = cxs[i]
        j = i + 1
        for k, grid, gx0, gy0, gx1, gy1 in boxed:
            if not (gx0 <= cx <= gx1 and gy0 <= cy <= gy1):
                continue  # the test `slot_at` opens with
            at = grid.slot_at(cx, cy)
            if at is None:
                continue
            row, col = at
            bucket = buckets[k][grid.slot[row][col]]
            if alone[k] and grid.ys[row] <= cy < grid.ys[row + 1]:
                xs = grid.xs
                x0, x1 = xs[col], xs[col + 1]
                if not ordered:
                    while j < n and x0 <= cxs[j] < x1:
                        j += 1
                    break
                # every centre from i on is at least cx, itself at least x0
                j = bisect_left(cxs, x1, j)
                # the centres after, short of the grid's right border, lie in this row's slots
                # right of this one: each slot's found by bisection, no grid searched
                end, slots, regions = xs[-1], grid.slot[row], buckets[k]
                while j < n and cxs[j] < end:
                    if bucket is target:
                        last += run[i:j]
                    else:
                        last = run[i:j]
                        bucket.append(last)
                        target = bucket
                    i = j
                    col = bisect_right(xs, cxs[i]) - 1
                    bucket = regions[slots[col]]
                    j = bisect_left(cxs, xs[col + 1], i + 1)
            break
        else:
            bucket = outside
        if bucket is target:
            last += run[i:j]
        else:
            last = run if j - i == n else run[i:j]  # (the whole run is the only piece: it grows no more)
            bucket.append(last)
            target = bucket
        i = j


def _touches(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _part(page: int, grid: Grid, buckets: list[list[list[Glyph]]], scanned: bool = False) -> TablePart:
    """The table part of `grid`: each region's cell from its bucket (its glyphs in pieces of runs)."""
    cells = []
    for region, pieces in zip(grid.regions, buckets, strict=True):
        lines = run_lines(pieces) if pieces else []
        # One line: its text. A scanned cell's type sizes are estimated from each OCR piece's
        # width (`不少于9` over `5%` came out 8.8 and 10.5 pt): no paragraph break by size there.
        text = lines[0].text if len(lines) == 1 else "\n".join(paragraphs(lines, sizes=not scanned))
        open_end = bool(lines) and ends_open(lines[-1], lines[0].x1 if len(lines) == 1 else max(line.x1 for line in lines))
        right = grid.xs[region.c1]
        full = bool(lines) and fills_cell(lines[-1], right)
        # the lowest OCR score of its glyphs (a text layer's glyphs have none), found in C
        score = min(filter(_IS_SCORE, map(_SCORE, chain.from_iterable(pieces))), default=None)
        cells.append(PartCell(region.r0, region.r1, grid.xs[region.c0], right, text, open_end, full,
                              grid.ys[region.r0], grid.ys[region.r1], score, scanned))
    return TablePart(page=page, xs=grid.xs, top=grid.ys[0], bottom=grid.ys[-1], n_rows=len(grid.ys) - 1, cells=cells)
