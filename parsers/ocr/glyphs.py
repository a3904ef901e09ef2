"""OCR text lines turned into positioned glyphs, with the pixel-read boxes put in place.

Owns: character positions inside a recognised line (the recognizer gives a box per line;
characters are spread over it by their width class), which detected square is a box and
which is a character drawn as a square (日 国 田: the character the recognizer read at the
square's place decides), dropping what the recognizer printed for a box (□ ☑ 口 √ ×) in
favour of the box read from pixels, where in the text a box the recognizer printed nothing
for stands, and the glyphs in points for the PDF page layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from parsers.ocr.marks import Box
from parsers.readers.checkbox_glyphs import mark
from parsers.readers.pdf_primitives import Char

# What recognizers print for a box or for a tick over one.
BOX_PRINTS = frozenset("□☐☑☒▢◻◽■▣▪▫◼◾⬛⬜⊠⊡⊞❑❒口〇○√✓✔×✗✘")
# Characters that are drawn as a closed square: a square under one of them is no box.
FRAMED = frozenset("日田目曰回国囗四固围图团因园圆圈困囤圃圄中申由甲电里串曲酉西面白自百旦早昌晶且冒亘")
# An outline whose inside is inked over this share is a blurred character's square as likely
# as a box: a box only at its text's ends. Measured on generated scans (200-300 dpi, blur,
# JPEG): ticked boxes 0.24-0.59 (hand ticks over them the most), the squares of 基 and the
# like 0.66-0.77.
DENSE_MIN_INK = 0.62
# A CJK character is at least this share of its detected line's height wide (measured: 0.52-
# 0.66 at 200-300 dpi, the detector's box taller than the type by its margin).
ROOM_EM_SHARE = 0.5
# And at least this share of the page's type size (`type_em`), unless its line is smaller type
# (then ROOM_LINE_EM_SHARE of its height, the usual ratio): a blurred 显 or 政 at a line's end
# or start read as a joined ticked square where the text fills its line at the page's size.
ROOM_PAGE_EM_SHARE = 0.9
ROOM_LINE_EM_SHARE = 0.62


@dataclass(frozen=True)
class Piece:
    """Text recognised in one cell-sized part of a line: box in pixels, text, score."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float


# A piece's type size from its characters' width is taken down to this share of the size its
# box height says, no lower (a run of narrow glyphs read as wide ones).
MIN_SIZE_SHARE = 0.5


def _unit(char: str) -> float:
    return 1.0 if ord(char) > 0x2E7F or char in BOX_PRINTS else 0.55


def _centres(text: str, x0: float, x1: float) -> list[float]:
    units = [_unit(c) for c in text]
    total = sum(units) or 1.0
    step = (x1 - x0) / total
    out, at = [], x0
    for u in units:
        out.append(at + u * step / 2)
        at += u * step
    return out


def char_at(piece: Piece, x: float) -> str | None:
    """The character of the piece nearest to `x` (pixels), None for an empty piece."""
    if not piece.text:
        return None
    centres = _centres(piece.text, piece.x0, piece.x1)
    return piece.text[min(range(len(centres)), key=lambda i: abs(centres[i] - x))]


def boxes_in(piece: Piece, boxes: Sequence[Box]) -> list[Box]:
    """The boxes whose centre lies inside the piece's box (with a little slack)."""
    slack = 0.3 * (piece.bottom - piece.top)
    # Upright only a little: a square whose middle is off the line belongs to the next one.
    rise = 0.1 * (piece.bottom - piece.top)
    return [b for b in boxes
            if piece.x0 - slack <= (b.x0 + b.x1) / 2 <= piece.x1 + slack
            and piece.top - rise <= (b.top + b.bottom) / 2 <= piece.bottom + rise]


def _character_kou(text: str, index: int, box: Box) -> bool:
    """Whether the 口 the recognizer printed at `index` is the character (户人口数), its square
    no box: inside a word, between two CJK characters, and empty. It stays in the text, where a
    box group beside an option word still reads it as an empty box (`parsers.fields.choice`);
    a ticked square there is a box all the same."""
    return (text[index] == "口" and box.state is False and 0 < index < len(text) - 1
            and _is_cjk(text[index - 1]) and _is_cjk(text[index + 1]))


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def claim(piece: Piece, boxes: Sequence[Box], page_em_px: float | None = None) -> tuple[list[tuple[Box, int]], set[int]]:
    """Which boxes in the piece are real, each with the index splitting the text around it,
    and the indexes of characters the recognizer printed for them (to drop).

    A box the recognizer printed (□ ☑ 口 √ … at its place) is real; each printed character
    goes to the square nearest to it (an isolated outline before a square that is part of a
    character). A square it printed nothing for is real when it is an outline of its own,
    no character drawn as a square (日 田 国) stands there, no straight stroke runs across
    its inside (`Box.barred`: the square of 基; bars only a blur's halo closed, `Box.halo_bars`,
    leave it a joined box), and it is not small (small
    squares are parts of characters as often) and its inside is not inked like a blurred
    character's (`DENSE_MIN_INK`: then only at the text's start or end or beside a
    space), or when it is solid (■). `page_em_px`: the page's type size in pixels, which
    says whether the text leaves a character's room unread."""
    text = piece.text
    inside = sorted(boxes_in(piece, boxes), key=lambda b: b.x0)
    if not text:
        return [(box, 0) for box in inside], set()
    centres = _centres(text, piece.x0, piece.x1)
    prints = [i for i, c in enumerate(text) if c in BOX_PRINTS]
    chosen: dict[int, Box] = {}  # printed character -> its box
    for index in prints:
        near = [b for b in inside if abs(_nearest(centres, b) - index) <= 1 and b not in chosen.values()]
        if near:
            chosen[index] = min(near, key=lambda b: (not b.isolated, abs((b.x0 + b.x1) / 2 - centres[index])))
    kou = [chosen.pop(i) for i in [i for i, box in chosen.items() if _character_kou(text, i, box)]]
    real: list[tuple[Box, int]] = [(box, index) for index, box in chosen.items()]
    drop = set(chosen)
    for index in chosen:  # a tick printed right beside the box is the box's mark too
        drop.update(i for i in (index - 1, index + 1) if 0 <= i < len(text) and text[i] in "√✓✔×✗✘")
    silent: list[Box] = []
    joined: list[Box] = []  # ticked outlines a hand √ runs past (up and right)
    for box in inside:
        if box in chosen.values() or any(box is square for square in kou):
            continue
        nearest = _nearest(centres, box)
        around = [i for i in (nearest - 1, nearest, nearest + 1) if 0 <= i < len(text)]
        framed = any(text[i] in FRAMED for i in around)
        if box.solid or (not box.small and not box.barred and not framed):
            if box.solid or (box.isolated and box.ink < DENSE_MIN_INK):
                silent.append(box)
            elif (box.ticked_past or box.isolated) and box.state is True:
                joined.append(box)
        elif box.halo_bars and not box.small and not framed and (box.ticked_past or box.isolated) and box.state is True:
            # Bars only in the blur's halo (a ✗ over a box at 200 dpi): a joined box, where
            # the text leaves it room.
            joined.append(box)
        elif _tick_joined(box):
            # Beside a framed character (`延续项目☑`, the √ joined to 目's square): a box only
            # where joined ones are, at the text's end or start with room beside it.
            joined.append(box)
    # A joined or densely inked outline is a box only on the line, at the start or end of its
    # text or beside a space the recognizer read where it stands (`□是 否` with the ticked
    # box between 是 and 否): inside a word, or above or below the line, it is as likely a
    # character's square.
    # And the line must have room for it beside its text: a blurred character the tick's ink
    # test took for a ticked box at a line's start (位 of `位施工`, 数 of `数（元）`) is where
    # the recognizer read that character, and the text fills the line without it.
    # Such a box is one inside a word too when the text leaves a character's room unread: a
    # hand √ running out past the square's top right corner (`是☑否□` read `是否□`, its three
    # characters 1.46 em apart), a ✗ over a box blurred at 200 dpi into a square inked like a
    # character's (`□是 ☒否` read `□是否`): a character's square inside a word is where the
    # recognizer read that character.
    # Both measures leave out the silent boxes beside it, each at least an em wide (a small
    # ■ of 18 px is spaced as a 33 px character: `保障■` is three characters' room).
    silent += [box for box in joined if piece.top <= (box.top + box.bottom) / 2 <= piece.bottom
               and (_at_break(text, _split(piece, box, [*silent, box])) or _unread_room(piece, page_em_px, silent))
               and _room_for(piece, box, page_em_px, silent)]
    real += [(box, _split(piece, box, silent)) for box in silent]
    return sorted(real, key=lambda pair: pair[0].x0), drop


def _tick_joined(box: Box) -> bool:
    """A ticked square a hand √ joins and runs out past (`ticked_past`, not isolated), with a
    tick's ink inside and no straight stroke across it: no framed character (日 目 回) draws
    its square so."""
    return (box.ticked_past and not box.isolated and box.state is True and not box.small
            and not box.barred and box.ink < DENSE_MIN_INK)


# A piece's text spread this many ems a character or wider leaves a character unread.
UNREAD_MIN_EM = 1.25


def _unread_room(piece: Piece, page_em_px: float | None, others: Sequence[Box] = ()) -> bool:
    """True when the piece's text, at the page's type size (pixels), spreads wider than its
    characters fill (UNREAD_MIN_EM a character or more) in the room the boxes `others` leave."""
    units = sum(_unit(c) for c in piece.text)
    width = (piece.x1 - piece.x0) - _taken(others, page_em_px)
    return bool(page_em_px and units and width / units >= UNREAD_MIN_EM * page_em_px)


def _room_for(piece: Piece, box: Box, page_em_px: float | None = None, others: Sequence[Box] = ()) -> bool:
    """True when the piece's box is wide enough for its text, the boxes `others` and `box`
    beside them, the text's characters taken as narrow as type of the line's height can be
    (ROOM_EM_SHARE of it), or as the page's type (`page_em_px`, pixels) where the line is
    not of smaller type."""
    units = sum(_unit(c) for c in piece.text)
    height = piece.bottom - piece.top
    em = ROOM_EM_SHARE * height
    if page_em_px:
        em = max(em, min(ROOM_PAGE_EM_SHARE * page_em_px, ROOM_LINE_EM_SHARE * height))
    return units * em <= (piece.x1 - piece.x0) - (box.x1 - box.x0) - _taken(others, page_em_px)


def _taken(boxes: Sequence[Box], page_em_px: float | None) -> float:
    """The room boxes take in a line: each its own width, or an em where it is narrower."""
    return float(sum(max(b.x1 - b.x0, page_em_px or 0.0) for b in boxes))


def _at_break(text: str, index: int) -> bool:
    """True when `index` is the text's start or end or stands beside a space in it."""
    return index in (0, len(text)) or text[index - 1] == " " or text[index] == " "


def _nearest(centres: Sequence[float], box: Box) -> int:
    mid = (box.x0 + box.x1) / 2
    return min(range(len(centres)), key=lambda i: abs(centres[i] - mid))


def _split(piece: Piece, box: Box, silent: Sequence[Box]) -> int:
    """Where in the text a box the recognizer printed nothing for stands: its line box holds
    the text and the silent boxes, so the text's share left of the box (the silent boxes'
    widths taken out) says how many characters come before it."""
    units = [_unit(c) for c in piece.text]
    total = sum(units)
    width = (piece.x1 - piece.x0) - sum(b.x1 - b.x0 for b in silent)
    before = (box.x0 - piece.x0) - sum(b.x1 - b.x0 for b in silent if b.x1 <= box.x0)
    target = total * before / width if width > 0 else 0.0
    count, at = 0, 0.0
    for unit in units:
        if at + unit / 2 < target:
            count += 1
        at += unit
    return count


def printed_small(boxes: Sequence[Box], pieces: Sequence[Piece]) -> list[Box]:
    """The boxes without the small outlined squares the recognizer printed no box for (those
    are parts of characters, or of nothing it read); solid ones (■) are kept."""
    out = []
    for box in boxes:
        if not box.small or box.solid:
            out.append(box)
            continue
        mid = (box.x0 + box.x1) / 2
        for piece in pieces:
            if box in boxes_in(piece, [box]) and piece.text:
                centres = _centres(piece.text, piece.x0, piece.x1)
                nearest = min(range(len(centres)), key=lambda i: abs(centres[i] - mid))
                if any(piece.text[i] in BOX_PRINTS for i in (nearest - 1, nearest, nearest + 1) if 0 <= i < len(centres)):
                    out.append(box)
                    break
    return out


def box_text(box: Box) -> str:
    """☑, ☐ or the unknown mark for a box read from pixels (a solid square ■ is ticked)."""
    return mark(box.state, "pixels")


def piece_chars(piece: Piece, boxes: Sequence[Box], scale: float, ink: Any = None,
                page_em: float | None = None) -> list[Char]:
    """The PDF layout's characters (points) of a piece, boxes at their own places: text
    before a box spread up to where its own ink in `ink` (the page's ink mask) ends, not
    over the whole gap, so the space between a label and the next option's box stays a
    space (`新增项目 ■延续项目`: the ■ is the second option's). A run of one character has
    no width to size it by: it takes the page's type size (`page_em`, `type_em`) when its
    box's height says more (a lone √ came out 12.1 pt beside 10 pt type, and its short line
    seemed to fill its narrow cell)."""
    real, drop = claim(piece, boxes, page_em / scale if page_em else None)
    height = piece.bottom - piece.top
    size = 0.8 * height * scale
    chars: list[Char] = []
    bounds = [piece.x0] + [v for box, _ in real for v in (box.x0, box.x1)] + [piece.x1]
    splits = [0] + [index for _, index in real] + [len(piece.text)]
    type_ems: list[float] = []  # the type size of each run of text between the boxes
    for gap in range(len(real) + 1):
        left, right = bounds[2 * gap], bounds[2 * gap + 1]
        # Text before a box ends where its ink does, text after one starts where its ink does.
        if ink is not None and real:
            inked = _ink_span(ink, piece, left, right)
            if inked is not None:
                left = inked[0] if gap > 0 else left
                right = inked[1] if gap < len(real) else right
        if right - left < 1:
            right = left + 1
        part = [(i, c) for i, c in enumerate(piece.text) if splits[gap] <= i < splits[gap + 1] and i not in drop]
        if not part:
            continue
        text = "".join(c for _, c in part)
        centres = _centres(text, left, right)
        unit = (right - left) / (sum(_unit(c) for c in text) or 1.0)
        # The detector's box is taller than the type (its margin, the lines it overlaps): a
        # run of characters says the size better by its width per em, never above the box's.
        if len(text) < 2:
            em = size if page_em is None else min(size, page_em)
        else:
            em = max(MIN_SIZE_SHARE * size, min(size, unit * scale))
        type_ems.append(em)
        for char, centre in zip(text, centres, strict=True):
            half = _unit(char) * unit / 2
            chars.append(_char(char, centre - half, centre + half, piece.top, piece.bottom, em, scale,
                               piece.score))
    text_chars = list(chars)
    for box, _ in real:
        middle = (box.x0 + box.x1) / 2 * scale
        # Room for the box: up to the text beside it on either side, inside the piece.
        left = max([piece.x0 * scale] + [c.x1 for c in text_chars if c.x1 <= middle])
        right = min([piece.x1 * scale] + [c.x0 for c in text_chars if c.x0 >= middle])
        chars.append(_box_char(box, max(type_ems, default=0.0), scale, left, right))
    return chars


# The page's type size is taken from its pieces of this many CJK characters or more.
TYPE_EM_MIN_CHARS = 3


def type_em(pieces: Sequence[Piece], scale: float) -> float | None:
    """The page's usual type size (points): the median width per character of its pieces of
    CJK text (whose characters are all one em wide), None when it has none."""
    ems = sorted((p.x1 - p.x0) / len(p.text) * scale for p in pieces
                 if len(p.text) >= TYPE_EM_MIN_CHARS and all(ord(c) > 0x2E7F for c in p.text))
    return ems[len(ems) // 2] if ems else None


def _box_char(box: Box, type_em: float, scale: float, left: float, right: float) -> Char:
    """A box in a line of type `type_em` points: a glyph of the line's font, one em wide
    when the square is narrower (a text layer's ■ is as wide as its advance), grown towards
    the text it stands nearer to (`left`..`right`, points: where the text beside it ends and
    starts), so that text reads as its label and the gap to the other side stays the space
    it is (`新增 ■延续`: grown both ways, the small ■ left 2.6 pt before 延, no space)."""
    x0, x1 = box.x0 * scale, box.x1 * scale
    if x1 - x0 < type_em:
        grow = type_em - (x1 - x0)
        if right - x1 <= x0 - left:
            x1 = max(x1, min(right, x1 + grow))
        else:
            x0 = min(x0, max(left, x0 - grow))
    size = max((box.bottom - box.top) * scale, type_em)
    return Char(box_text(box), x0, x1, box.top * scale, box.bottom * scale, size, None)


def _ink_span(ink: Any, piece: Piece, left: float, right: float) -> tuple[float, float] | None:
    """Where the ink of the middle half of the piece's rows (the detector's box overlaps the
    lines above and below) starts and ends between `left` and `right`; None where there is
    none."""
    import numpy as np

    quarter = (piece.bottom - piece.top) / 4
    start = max(0, round(left))
    rows = ink[max(0, round(piece.top + quarter)):max(0, round(piece.bottom - quarter)), start:max(0, round(right))]
    columns = np.flatnonzero(rows.any(axis=0)) if rows.size else np.empty(0, dtype=int)
    return (float(start + columns[0]), float(start + columns[-1] + 1)) if columns.size else None


def loose_box_chars(boxes: Sequence[Box], claimed: set[int], scale: float) -> list[Char]:
    """Boxes that lie in no recognised text (a drawn box the recognizer skipped); not small
    or solid squares, which are boxes only beside text, nor barred ones (characters)."""
    return [_char(box_text(b), b.x0, b.x1, b.top, b.bottom, (b.bottom - b.top) * scale, scale)
            for i, b in enumerate(boxes) if i not in claimed and not b.small and not b.solid and not b.barred]


def _char(text: str, x0: float, x1: float, top: float, bottom: float, size: float, scale: float,
          score: float | None = None) -> Char:
    """A character in points; `score` is the OCR score of recognised text (None for a box,
    whose state comes from the pixels)."""
    return Char(text, x0 * scale, x1 * scale, top * scale, bottom * scale, size, score)
