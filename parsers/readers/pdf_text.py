"""Characters to text for the PDF reader: glyphs grouped into lines, lines into paragraphs.

Owns the `Glyph` (one character, or a box rendered as ☑/☐, with its position), line
grouping by vertical centre, spacing inside a line (a space where the gap is wide, never
between two CJK characters), and joining the lines a paragraph or a table cell wraps over:
no space between CJK characters, one space between Latin words, and a paragraph break
("\n") where a line starts a numbered item, is indented, follows a vertical gap, or follows
a line that ends clearly short of the right edge. Geometry only; which glyphs belong to
which cell is `pdf_tables`' business, what a glyph means is `pdf_boxes`'.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress, repeat
from operator import eq, gt, is_not, itemgetter, mul, not_, sub

import regex

from parsers.frozen_init import frozen_init
from parsers.readers.checkbox_glyphs import CHECKED, MARKS, UNCHECKED
from parsers.readers.pdf_primitives import Char

# One character on the page (top-down coordinates, points): the reader's `Char`, its text as
# it reads (`pdf_boxes.char_text`: symbol-font boxes as ☑/☐); a character that reads as it is
# decoded is its own glyph, no second tuple made.
Glyph = Char


@frozen_init
@dataclass(frozen=True)
class TextLine:
    """One visual line of glyphs: its text and its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    score: float | None = None  # lowest OCR score of its glyphs (scans); None from a text layer


# A gap wider than this share of the font size between two glyphs reads as a space.
SPACE_GAP_EM = 0.3
# Glyphs whose vertical centres differ by less than this share of the size share a line.
SAME_LINE_EM = 0.45
# A line ending this many ems before the right edge is "clearly short" (a paragraph end).
SHORT_LINE_EM = 2.5
# A line starting this many ems right of the left edge is indented (a new paragraph).
INDENT_EM = 1.5
# A vertical gap this many ems larger than usual between two lines separates paragraphs.
PARAGRAPH_GAP_EM = 0.8

# Lines whose font sizes differ by more than this (points) are not one paragraph.
SIZE_CHANGE_PT = 1.5

BOXES = frozenset((CHECKED, UNCHECKED, *(char for char, (state, _) in MARKS.items() if state is not None)))
_CJK = regex.compile(r"[\p{Han}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65“”‘’]")
_CJK_GAP = regex.compile(
    r"(?<=[\p{Han}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65“”‘’]) +"
    r"(?=[\p{Han}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65“”‘’])"
)
_SPACES = regex.compile(r" {2,}")
# Any white space: the standard `re`'s `\s` is `str.isspace` a character (every code point;
# `regex`'s leaves out U+001C-U+001F)
_WHITE_SPACE = re.compile(r"\s")
# Where a character repeats the one before (a lookahead: "aaa" repeats twice); the standard
# `re`, several times faster than `regex` at this.
_REPEATED = re.compile(r"(?=(.)\1)", re.DOTALL)
# A line that starts a numbered item or heading: 一、 1、 1. （1） (一) 第一条 ...
_ITEM_START = regex.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[0-9０-９]{1,2}\s*[、．]|[0-9]{1,2}\.(?![0-9])"
    r"|[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|第[一二三四五六七八九十0-9]+[章节条部分])"
)
_SENTENCE_END = frozenset("。：:；;！？!?")
# The characters `_ITEM_START` can match first (after the white space it skips).
_ITEM_FIRST = frozenset("一二三四五六七八九十0123456789０１２３４５６７８９（(第")


def group_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into visual lines (top to bottom), each sorted left to right.

    Glyphs of one height and size (a line's run of one font) are taken a group at a time:
    they join, or start, the same line together."""
    return group_runs(glyph_runs(glyphs))


def glyph_runs(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """The glyphs in runs, in order: glyphs one after another with equal tops, bottoms and
    sizes (what one text object draws) are one run (a value that is not a number equals
    none: its glyph starts a run). A loop of float comparisons: a key a glyph costs more."""
    out: list[list[Glyph]] = []
    run: list[Glyph] = []
    top = bottom = size = math.nan
    for glyph in glyphs:
        if glyph[3] == top and glyph[4] == bottom and glyph[5] == size:
            run.append(glyph)
        else:
            run = [glyph]
            out.append(run)
            _, _, _, top, bottom, size, _, _ = glyph
    return out


def group_runs(runs: Sequence[list[Glyph]]) -> list[list[Glyph]]:
    """`group_lines` of the glyphs of `runs` in turn (each run's glyphs of one top, bottom and
    size; two runs one after another may share them: they are taken as one). The runs are
    left as they are."""
    lines: list[list[Glyph]] = []
    current: list[Glyph] = []
    centre = size = 0.0
    for (mid2, glyph_size), group in _by_centre(runs):
        mid = mid2 / 2
        # max(1.0, max(size, glyph_size)) without the two calls (a group at a time)
        em = glyph_size if glyph_size > size else size  # noqa: FURB136
        if current and abs(mid - centre) <= SAME_LINE_EM * (em if em > 1.0 else 1.0):  # noqa: FURB136
            current.extend(group)
            continue
        current = list(group)
        lines.append(current)
        centre, size = mid, glyph_size
    for line in lines:
        line.sort(key=_X0)
    return lines


def _by_centre(runs: Sequence[list[Glyph]]) -> Iterable[tuple[tuple[float, float], Iterable[Glyph]]]:
    """The runs' glyphs in a stable sort by vertical centre, in groups of one centre and size.

    A run's glyphs share top, bottom and size, so they are sorted as one: sorting the runs by
    their centre, stably, then reading them in turn is the stable sort of the glyphs by
    centre. A centre that is not a number keeps the sort a glyph at a time (no order is
    consistent with it)."""
    keys = [(run[0].top + run[0].bottom, run[0].size) for run in runs]
    if len(runs) == 1 and not math.isnan(keys[0][0]):  # one run: one group
        return [(keys[0], runs[0])]
    if any(math.isnan(mid2) for mid2, _ in keys):
        return itertools.groupby(sorted(itertools.chain.from_iterable(runs), key=_mid2), key=_MID2_SIZE)
    order = sorted(range(len(runs)), key=[mid2 for mid2, _ in keys].__getitem__)
    groups: list[tuple[tuple[float, float], list[Glyph]]] = []
    owned = False  # the last group's list is one made here (else it is a run: left as it is)
    for k in order:
        key = keys[k]
        if groups and groups[-1][0] == key:
            if not owned:
                groups[-1] = (key, [*groups[-1][1]])
                owned = True
            groups[-1][1].extend(runs[k])
        else:
            groups.append((key, runs[k]))
            owned = False
    return groups


def _mid2(glyph: Glyph) -> float:
    return glyph.top + glyph.bottom


def _mid2_size(glyph: Glyph) -> tuple[float, float]:
    return glyph.top + glyph.bottom, glyph.size


_MID2_SIZE = _mid2_size
_TEXT, _X0, _X1, _TOP, _BOTTOM, _SIZE, _SCORE, _FONT = (itemgetter(i) for i in range(8))  # Glyph's fields
_IS_SCORE = partial(is_not, None)


def make_line(glyphs: Sequence[Glyph]) -> TextLine | None:
    """A TextLine from one line's glyphs (left to right); None if it holds no text."""
    if not glyphs:
        return None
    # the glyphs' columns, transposed once: the text, the spaces and the box from them in C
    texts, x0s, x1s, tops, bottoms, sizes, scores, _ = zip(*glyphs)  # (a glyph is eight fields)
    joined = "".join(texts)
    # any white space among the line's characters (`str.isspace`, as `str.strip` takes it)
    blank = _WHITE_SPACE.search(joined) is not None
    text = _spaced(glyphs, joined, texts, x0s, x1s, tops, sizes)
    if blank or text is not joined:  # (else no space to close or squeeze, none to strip)
        if " " in text and not text.isascii():  # a gap between two CJK characters to close
            text = _CJK_GAP.sub("", text)
        if "  " in text:
            text = _SPACES.sub(" ", text)
        text = text.strip()
    if not text:
        return None
    # the box of the inked glyphs and the lowest OCR score among them (a text layer's glyphs
    # have none); a column whose values are all one (a line of one run, one text object)
    # is that value, whichever glyphs are inked
    n = len(texts)
    none = scores.count(None) == n
    left, right = min(x0s), max(x1s)
    # the space glyphs (none where the line's characters hold no white space at all)
    spaces = list(compress(range(n), map(str.isspace, texts))) if blank else []
    if spaces:
        ones = [_one_value(column, n) for column in (tops, bottoms, sizes)]
        outer = _outer_inked(x0s, x1s, left, right, spaces)
        if outer and none and None not in ones:  # nothing to take from the inked glyphs alone
            columns: list[Sequence[float]] = [one for one in ones if one is not None]
        else:
            inked = list(map(not_, map(str.isspace, texts)))
            if not outer:
                left, right = min(compress(x0s, inked)), max(compress(x1s, inked))
            columns = [one or tuple(compress(column, inked)) for one, column in zip(ones, (tops, bottoms, sizes))]
            scores = () if none else tuple(compress(scores, inked))
    else:  # each column's one value where it has one (`_one_value`), found without a call
        top, bottom, size = tops[0], bottoms[0], sizes[0]
        if not (top and tops.count(top) == n):
            top = min(tops)
        if not (bottom and bottoms.count(bottom) == n):
            bottom = max(bottoms)
        if not (size and sizes.count(size) == n):
            size = max(sizes)
        return TextLine(text, left, right, top, bottom, size,
                        None if none else min(filter(_IS_SCORE, scores), default=None))
    return TextLine(text=text, x0=left, x1=right, top=min(columns[0]), bottom=max(columns[1]),
                    size=max(columns[2]), score=None if none else min(filter(_IS_SCORE, scores), default=None))


def _outer_inked(x0s: Sequence[float], x1s: Sequence[float], left: float, right: float, spaces: list[int]) -> bool:
    """True when the line's leftmost left edge and rightmost right edge (`left`, `right`,
    over every glyph) are inked glyphs' too: no space glyph reaches either, and no edge is
    not a number (min and max would then depend on the order)."""
    total = sum(x0s) + sum(x1s)
    if total - total != 0:  # a NaN or an infinity among them
        return False
    # (`in` on finite floats is `==`: no NaN is left to match itself by identity)
    at = itemgetter(*spaces, spaces[0])  # a tuple however many spaces
    return left not in at(x0s) and right not in at(x1s)


def _one_value(column: tuple[float, ...], n: int) -> tuple[float] | None:
    """`(value,)` when each of the `n` values of `column` is `value` (its min and max, taken
    over any of them); None otherwise, and for zero, whose sign min and max would choose."""
    first = column[0]
    return (first,) if first and column.count(first) == n else None


def _spaced(glyphs: Sequence[Glyph], joined: str, texts: Sequence[str], x0s: Sequence[float],
            x1s: Sequence[float], tops: Sequence[float], sizes: Sequence[float]) -> str:
    """The line's text, a space where the gap before a glyph is wide (`_spaced_loop`, the
    reference), found from the columns: the gaps compared in C, and a glyph at a time only
    where a character repeats the one before (it may be fake bold, the same character drawn
    twice over itself: then the reference decides, as one skipped glyph changes which
    glyph the next is measured from)."""
    n = len(texts)
    if n == 1:
        return texts[0]
    if len(joined) == n:  # a character a glyph: the repeats found in the text, by position
        repeats: Iterable[int] = (
            (found.start() + 1 for found in _REPEATED.finditer(joined)) if _REPEATED.search(joined) else ())
    else:
        repeats = compress(range(1, n), map(eq, texts[1:], texts))
    for k in repeats:
        if abs(x0s[k] - x0s[k - 1]) < 0.5 * max(x1s[k - 1] - x0s[k - 1], 0.1) and abs(tops[k] - tops[k - 1]) < 1.0:
            return _spaced_loop(glyphs)
    first = sizes[0]
    if sizes.count(first) == n:  # one size (most lines): one threshold
        threshold = SPACE_GAP_EM * first
        # the widest gap; the gaps are worked out again below only where one is wide
        widest = max(map(sub, x0s[1:], x1s))
        if not widest > threshold and not math.isnan(widest):  # (a NaN first gap hides the others from max)
            return joined
        wide = map(gt, map(sub, x0s[1:], x1s), repeat(threshold))
    else:  # each gap against the smaller of the two sizes beside it
        wide = map(gt, map(sub, x0s[1:], x1s), map(mul, repeat(SPACE_GAP_EM), map(min, sizes[1:], sizes)))
    cuts = list(compress(range(1, n), wide))
    if cuts and " " in texts:  # no space added beside a space glyph
        cuts = [k for k in cuts if texts[k] != " " and texts[k - 1] != " "]
    if not cuts:
        return joined
    return " ".join(["".join(texts[a:b]) for a, b in itertools.pairwise((0, *cuts, n))])


def _spaced_loop(glyphs: Sequence[Glyph]) -> str:
    """The line's text a glyph at a time: a glyph drawn again over the one before (fake bold,
    overlapping itself by more than half) is skipped, and a space added where the gap before
    a glyph is wider than `SPACE_GAP_EM` of the smaller size beside it (not beside a space)."""
    first = glyphs[0]
    parts: list[str] = [first.text]
    add = parts.append
    p_text, p_x0, p_x1, p_top, _, p_size, _, _ = first
    for glyph in itertools.islice(glyphs, 1, None):
        text, x0, x1, top, _, size, _, _ = glyph
        if text == p_text and abs(x0 - p_x0) < 0.5 * max(p_x1 - p_x0, 0.1) and abs(top - p_top) < 1.0:
            continue  # fake bold: the same character drawn twice, overlapping itself by more than half
        if x0 - p_x1 > SPACE_GAP_EM * (size if size == p_size else min(size, p_size)) and p_text != " " and text != " ":
            add(" ")
        add(text)
        p_text, p_x0, p_x1, p_top, p_size = text, x0, x1, top, size
    return "".join(parts)


def text_lines(glyphs: Iterable[Glyph]) -> list[TextLine]:
    """The non-empty visual lines of `glyphs`, top to bottom."""
    return [line for line in map(make_line, group_lines(glyphs)) if line is not None]


def run_lines(runs: Sequence[list[Glyph]]) -> list[TextLine]:
    """`text_lines` of the glyphs of `runs` in turn (`group_runs`). One run whose centre is a
    number (most cells: one text object) is one line, its glyphs sorted left to right."""
    if len(runs) == 1:
        run = runs[0]
        first = run[0]
        if not math.isnan(first[3] + first[4]):
            line = make_line(sorted(run, key=_X0))
            return [] if line is None else [line]
    return [line for line in map(make_line, group_runs(runs)) if line is not None]


def paragraphs(lines: Sequence[TextLine], right: float | None = None, *, page: bool = False,
               sizes: bool = True) -> list[str]:
    """Join wrapped lines into paragraphs; `right` is the right edge (default: the widest line).
    `paragraph_runs` gives the lines of each paragraph too. With `sizes` off (lines read by
    OCR, whose type sizes are estimates) a change of size breaks no paragraph.

    Centred text (a form label over two lines) is joined whatever its line lengths; only a
    numbered item or a vertical gap breaks it. In a narrow table cell a short line ends a
    paragraph only in a longer text or after a sentence end; on the `page` it always does.
    """
    return [text for text, _ in paragraph_runs(lines, right, page=page, sizes=sizes)]


def paragraph_runs(lines: Sequence[TextLine], right: float | None = None, *,
                   page: bool = False, sizes: bool = True) -> list[tuple[str, list[TextLine]]]:
    """Each paragraph of `paragraphs` with the lines it was joined from."""
    if not lines:
        return []
    layout = _Layout.of(lines, right, page=page, sizes=sizes)
    out = [(lines[0].text, [lines[0]])]
    for prev, line in itertools.pairwise(lines):
        if layout.starts_paragraph(prev, line):
            out.append((line.text, [line]))
        else:
            out[-1] = (join_wrapped(out[-1][0], line.text), [*out[-1][1], line])
    return out


@frozen_init
@dataclass(frozen=True)
class _Layout:
    """What a block of lines looks like: edges, usual line gap, centred or not, how long."""

    left: float
    right: float
    gap: float
    centred: bool
    many: bool
    sizes: bool = True  # the lines' type sizes are the fonts' (a text layer), not estimates

    @classmethod
    def of(cls, lines: Sequence[TextLine], right: float | None, *, page: bool = False,
           sizes: bool = True) -> _Layout:
        # one pass over the lines, min and max as comparisons in the order the builtins make
        # them (a block holds a few lines: a call and a pass per column cost more)
        first = lines[0]
        left = most = first.x0  # the least and the greatest x0
        far = first.x1
        em = first.size
        low = high = (first.x0 + first.x1) / 2  # the least and the greatest line middle
        gaps: list[float] = []
        bottom = first.bottom
        for line in itertools.islice(lines, 1, None):
            x0, x1, size = line.x0, line.x1, line.size
            if x0 < left:  # noqa: PLR1730
                left = x0
            if x0 > most:  # noqa: PLR1730
                most = x0
            if x1 > far:  # noqa: PLR1730
                far = x1
            if size > em:  # noqa: PLR1730
                em = size
            mid = (x0 + x1) / 2
            if mid < low:  # noqa: PLR1730
                low = mid
            if mid > high:  # noqa: PLR1730
                high = mid
            gaps.append(line.top - bottom)
            bottom = line.bottom
        gaps.sort()
        centred = len(lines) > 1 and most - left > em and high - low <= em
        return cls(left, far if right is None else right, gaps[len(gaps) // 2] if gaps else 0.0,
                   centred, page or len(lines) >= 3, sizes)

    def starts_paragraph(self, prev: TextLine, line: TextLine) -> bool:
        """True when `line` begins a new paragraph rather than continuing `prev`."""
        em = line.size if line.size > prev.size else prev.size  # noqa: FURB136 (max(prev.size, line.size, 1.0), no call)
        if 1.0 > em:  # noqa: PLR1730
            em = 1.0
        if _may_start_item(line.text) or line.top - prev.bottom > self.gap + PARAGRAPH_GAP_EM * em:
            return True
        if self.sizes and abs(prev.size - line.size) > SIZE_CHANGE_PT:
            return True  # a title or heading in a larger type
        if self.centred:
            return False
        if line.x0 - self.left > INDENT_EM * em:
            return True
        short = self.right - prev.x1 > SHORT_LINE_EM * em
        return short and (self.many or prev.text[-1] in _SENTENCE_END)


def _may_start_item(text: str) -> bool:
    """`_ITEM_START.match(text)`, asked only of a text opening with white space or with a
    character an item may start with (`regex`'s white space is `str.isspace`'s, and less)."""
    head = text[:1]
    return (head in _ITEM_FIRST or head.isspace()) and _ITEM_START.match(text) is not None


def join_wrapped(head: str, tail: str) -> str:
    """Join two wrapped pieces: a space between Latin words or beside a box, none in CJK."""
    if not head or not tail:
        return head + tail
    a, b = head[-1], tail[0]
    if b.isdigit() and (a.isdigit() or (a in ".," and len(head) > 1 and head[-2].isdigit())):
        # a figure or date broken mid-token (`2025.01.01-20` / `25.05.31`, `581,000.` / `00`)
        return head + tail
    latin = a.isascii() and (a.isalnum() or a in ",.;:!?)%") and b.isascii() and b.isalnum()
    return f"{head} {tail}" if latin or a in BOXES or b in BOXES else head + tail


def ends_open(line: TextLine, right: float) -> bool:
    """True when a line fills the width and does not end a sentence (it wraps on)."""
    size = line.size
    em = 1.0 if 1.0 > size else size  # noqa: FURB136 (max(size, 1.0) without the call)
    return right - line.x1 <= SHORT_LINE_EM * em and line.text[-1] not in _SENTENCE_END


# A cell's last line "fills" it when it ends this many ems (padding included) or less
# before the cell's right border: not one more character would have fitted.
FULL_CELL_EM = 1.6
_CLOSED_END = frozenset("。：:；;！？!?）)】」")


def fills_cell(line: TextLine, border: float) -> bool:
    """True when `line` runs up to the cell border `border` and ends no sentence or bracket."""
    size = line.size
    return border - line.x1 <= FULL_CELL_EM * (1.0 if 1.0 > size else size) and line.text[-1] not in _CLOSED_END  # noqa: FURB136


def is_cjk(char: str) -> bool:
    """True for Han characters and CJK punctuation."""
    return bool(_CJK.match(char))
