"""Checkboxes in a PDF, in the four forms a PDF carries them, rendered as ☑/☐ glyphs.

Owns:
1. the text of one character: Unicode box glyphs made canonical (■ and √ kept, the field
   parser reads them beside options), private-use code points and plain ASCII letters of
   symbol fonts (Wingdings, Wingdings 2, Webdings, Symbol; recognised by `fontname`), and
   `(cid:N)` leftovers of symbol fonts without a ToUnicode map;
2. boxes that are only drawn: a small square (a rect, four short lines, or a closed
   polyline, `BOX_MIN_PT`..`BOX_MAX_PT` a side), ticked when strokes or a tick character lie
   inside it;
3. AcroForm checkbox widgets (their state as the engine read it, see `pdf_primitives`).

Drawn and widget boxes come back as synthetic `Glyph`s at the box's position, so they fall
into the right table cell and sort beside their option label like any character. The ids of
the drawing objects used up by boxes are returned too, so `pdf_tables` does not read a box
as a table cell.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter

import regex

from parsers.readers.checkbox_glyphs import (
    CHECKED,
    CHECKED_GLYPHS,
    UNCHECKED,
    UNCHECKED_GLYPHS,
    mark,
    private_use_box,
    render,
    symbol_box_state,
)
from parsers.readers.pdf_primitives import Shape, Widget
from parsers.readers.pdf_text import Glyph

BOX_MIN_PT = 5.5
BOX_MAX_PT = 14.5
# Largest difference between a square's width and height, in points.
SQUARE_SLACK_PT = 2.0
# How far (points) a tick stroke's centre may stand outside the square and still count.
TICK_MARGIN_PT = 1.5
TICK_CHARS = frozenset("√✓✔×✗✘xXvV")
_CID = regex.compile(r"^\(cid:(\d+)\)$")
_SYMBOL_FAMILIES = (
    ("wingdings2", "wingdings 2"),
    ("wingdings3", None),
    ("wingdings", "wingdings"),
    ("webdings", "webdings"),
    ("symbol", "symbol"),
)


@lru_cache(maxsize=256)
def symbol_family(fontname: str | None) -> str | None:
    """The symbol-font family of a PDF font name (`ABCDEF+Wingdings2-Regular`), else None."""
    name = regex.sub(r"[^a-z0-9]", "", (fontname or "").rsplit("+", 1)[-1].lower())
    for prefix, family in _SYMBOL_FAMILIES:
        if name.startswith(prefix):
            return family
    return None


@lru_cache(maxsize=8192)
def char_text(text: str, fontname: str | None) -> str:
    """What one pdfplumber character reads as; "" for symbol-font noise (cached: chars repeat)."""
    family = symbol_family(fontname)
    cid = _CID.match(text)
    if family is not None and (cid or len(text) == 1):
        code = int(cid.group(1)) if cid else ord(text)
        state = symbol_box_state(family, code)
        if state is not None:
            return render(state)
        return "" if cid or 0xE000 <= code <= 0xF8FF else text
    if cid:
        return ""
    if len(text) != 1:
        return text
    if text in CHECKED_GLYPHS:
        return CHECKED
    if text in UNCHECKED_GLYPHS:
        return UNCHECKED
    if 0xE000 <= ord(text) <= 0xF8FF:
        return private_use_box(text) or ""
    return text


# What `char_text` changes in a font that is no symbol font: box glyphs and the private-use
# area (a set of characters, none of them ASCII: the standard `re` scans a page's text for
# one several times faster than `regex`), and pdfminer's `(cid:N)` for a code it could not
# map (a substring).
CHANGED_TEXT = re.compile("[" + re.escape("".join(sorted(CHECKED_GLYPHS | UNCHECKED_GLYPHS))) + "\ue000-\uf8ff]")
_UNMAPPED = "(cid:"


def reads_as_decoded(texts: Sequence[str], fontnames: Iterable[str | None]) -> bool:
    """True when `char_text` gives every one of these characters (their texts, and the names
    of the fonts they are in) its own text back: no symbol font, box glyph, private-use code
    or unmapped code among them, no empty text. Decided for a page at once, not a character
    at a time (conservatively: where it says False, each character is asked)."""
    if "" in texts or any(map(symbol_family, set(fontnames))):
        return False
    text = "".join(texts)
    return _UNMAPPED not in text and (text.isascii() or CHANGED_TEXT.search(text) is None)


# ---------------------------------------------------------------- drawn boxes


def _is_square(x0: float, top: float, x1: float, bottom: float) -> bool:
    width, height = x1 - x0, bottom - top
    return (
        BOX_MIN_PT <= width <= BOX_MAX_PT
        and BOX_MIN_PT <= height <= BOX_MAX_PT
        and abs(width - height) <= SQUARE_SLACK_PT
    )


def _bbox(obj: Shape) -> tuple[float, float, float, float]:
    return obj.x0, obj.top, obj.x1, obj.bottom


def _squares(rects: Sequence[Shape], lines: Sequence[Shape], curves: Sequence[Shape]) -> Iterator[tuple[tuple[float, ...], list[int]]]:
    """(bbox, ids of the objects drawing it) of every small square on the page."""
    for rect in rects:
        if rect.stroke and _is_square(*_bbox(rect)):
            yield _bbox(rect), [id(rect)]
    for curve in curves:
        if _is_square(*_bbox(curve)) and _is_closed_polyline(curve.pts):
            yield _bbox(curve), [id(curve)]
    yield from _line_squares(lines)


def _is_closed_polyline(pts: Sequence[tuple[float, float]]) -> bool:
    if not 4 <= len(pts) <= 6:
        return False
    straight = all(abs(a[0] - b[0]) < 0.5 or abs(a[1] - b[1]) < 0.5 for a, b in itertools.pairwise(pts))
    return straight and len({(round(x), round(y)) for x, y in pts}) == 4


def _line_squares(lines: Sequence[Shape]) -> Iterator[tuple[tuple[float, ...], list[int]]]:
    """Squares drawn as four separate short lines."""
    hor: list[Shape] = []  # the short lines (a side's length, give or take a point), each way
    ver: list[Shape] = []
    for ln in lines:
        width, height = ln.x1 - ln.x0, ln.bottom - ln.top
        if BOX_MIN_PT - 1 <= (height if height > width else width) <= BOX_MAX_PT + 1:  # noqa: FURB136 (max, no call)
            if height < 0.8:
                hor.append(ln)
            if width < 0.8:
                ver.append(ln)
    for i, upper in enumerate(hor):
        for lower in hor[i + 1 :]:
            if abs(upper.x0 - lower.x0) > 1 or abs(upper.x1 - lower.x1) > 1:
                continue
            top, bottom = sorted((upper.top, lower.top))
            if not _is_square(upper.x0, top, upper.x1, bottom):
                continue
            sides = [v for v in ver if abs(v.top - top) < 1.2 and abs(v.bottom - bottom) < 1.2
                     and min(abs(v.x0 - upper.x0), abs(v.x0 - upper.x1)) < 1.2]
            if len(sides) >= 2:
                yield (upper.x0, top, upper.x1, bottom), [id(upper), id(lower), *map(id, sides)]


_TEXT = itemgetter(0)  # a Glyph's text


def _inside(obj_box: tuple[float, ...], box: tuple[float, ...]) -> bool:
    cx, cy = (obj_box[0] + obj_box[2]) / 2, (obj_box[1] + obj_box[3]) / 2
    m = TICK_MARGIN_PT
    side = box[2] - box[0]
    small = obj_box[2] - obj_box[0] <= 1.6 * side and obj_box[3] - obj_box[1] <= 1.6 * side
    return small and box[0] - m <= cx <= box[2] + m and box[1] - m <= cy <= box[3] + m


def drawn_boxes(
    rects: Sequence[Shape], lines: Sequence[Shape], curves: Sequence[Shape], glyphs: list[Glyph]
) -> tuple[list[Glyph], set[int], set[int]]:
    """Drawn squares as ☑/☐ glyphs, the ids of the drawing objects they used, and the
    indexes of tick characters (√, ×) inside them, which the caller drops from the text."""
    boxes: list[Glyph] = []
    used: set[int] = set()
    ticks: set[int] = set()
    squares = list(_dedupe(_squares(rects, lines, curves)))
    if not squares:
        return boxes, used, ticks
    strokes = [*rects, *lines, *curves]
    # the strokes by the height of their centres (`_inside`'s test; a NaN is inside no box):
    # each box looks only at those in its band
    by_height = sorted((cy, k) for k, o in enumerate(strokes) if (cy := (o.top + o.bottom) / 2) == cy)
    heights = [cy for cy, _ in by_height]
    # the tick characters, found in C (`map`, `compress`): most pages have none
    tick_glyphs = [(i, (g.x0, g.top, g.x1, g.bottom)) for i in compress(range(len(glyphs)), map(
        TICK_CHARS.__contains__, map(_TEXT, glyphs))) for g in (glyphs[i],)]
    for box, ids in squares:
        if used.intersection(ids):
            continue
        used.update(ids)
        band = by_height[bisect_left(heights, box[1] - TICK_MARGIN_PT):bisect_right(heights, box[3] + TICK_MARGIN_PT)]
        marks = [o for o in (strokes[k] for k in sorted(k for _, k in band))
                 if id(o) not in used and _inside(_bbox(o), box)]
        used.update(map(id, marks))
        chars = [i for i, g_box in tick_glyphs if _inside(g_box, box)]
        ticks.update(chars)
        boxes.append(Glyph(mark(bool(marks or chars), "drawn"), box[0], box[2], box[1], box[3], box[3] - box[1]))
    return boxes, used, ticks


def _dedupe(squares: Iterable[tuple[tuple[float, ...], list[int]]]) -> Iterator[tuple[tuple[float, ...], list[int]]]:
    """One square per position (a box drawn as a rect and stroked again is one box)."""
    seen: list[tuple[float, ...]] = []
    for box, ids in squares:
        if any(abs(box[0] - b[0]) < 1.5 and abs(box[1] - b[1]) < 1.5 for b in seen):
            continue
        seen.append(box)
        yield box, ids


# ---------------------------------------------------------------- AcroForm widgets


def widget_boxes(widgets: Sequence[Widget]) -> list[Glyph]:
    """Check-box widgets of a page as ☑/☐ glyphs at their rectangles."""
    return [Glyph(mark(w.checked, "acroform"), w.x0, w.x1, w.top, w.bottom, max(w.bottom - w.top, 1.0)) for w in widgets]
