"""Straight strokes the recognizer reads as another character: `/` as `1`, `—` as `一`, `≧` as `≥`.

Owns: the reading of a piece the recognizer gave as one upright stroke (`1`, `l`, `I`, `|`),
and the dash of a range between figures read as the character 一 (`2025年1月一2027年12月`:
the two are one horizontal stroke in print, and 一 between a figure or a date's 年/月/日
and a figure is no numeral: Chinese numerals and Arabic figures do not mix in one number).
These forms fill an empty cell with `/`; blurred at 300 dpi the recognizer read every such
cell as `1` with scores of 0.91-0.97, so its score says nothing. The ink does: the main
axis of the stroke leans 18 degrees off upright in a blurred scan, 11-38 degrees in upright
and italic fonts alike (measured on the Latin fonts of a Debian system and WenQuanYi),
while an upright `1` leans 2-8 degrees the other way (its flag) and an italic one at most
9 degrees. Only a piece of that one character is read again: inside a longer text the
recognizer has the context.

A comparison sign with two bars under it (`≧`, `≦`, what Chinese input methods type) is read
as the one-bar sign (`≥`, `≤`) whatever its bars: the sign that opens a piece (a target cell,
`≧85%`) is counted in the ink, its chevron and the bars below it as separate bands of rows
(measured on WenQuanYi, DejaVu and Noto Sans and Serif CJK at 200-300 dpi, blurred and JPEG'd:
three bands for the two-bar sign, two for the one-bar sign; a blur that joins the two bars
leaves the sign as read, never the other way round).
"""

from __future__ import annotations

from typing import Any

import regex

# 一 after a figure or a date's 年, 月, 日 and before a figure: a range's dash.
_DASH_READ_AS_ONE = regex.compile(r"(?<=[0-9年月日])一(?=[0-9])")

# What the recognizer prints for one upright stroke.
UPRIGHT_STROKES = frozenset("1lI|丨")
# A stroke whose main axis leans this far or further from upright, its top to the right, is `/`.
SLASH_MIN_LEAN_DEG = 12.0
# A stroke: its ink spreads this many times more along its axis than across (variance
# ratio; a slash 60-300, a `1` with its flag and foot 5-20).
SLASH_MIN_ELONGATION = 25.0
# The stroke's ink: pixels darker than half way from the paper (the crop's median) to the
# darkest pixel, in its largest connected part (no speck or neighbouring line the detector's
# box took in); a crop with less contrast than MIN_CONTRAST holds no stroke.
MIN_CONTRAST = 48
MIN_INK_PIXELS = 12


# The one-bar signs and their two-bar twins.
_TWO_BARS = {"≥": "≧", "≤": "≦"}
# A bar under the chevron spans at least this share of the sign's width, and is at most
# this share of the chevron's height.
BAR_MIN_WIDTH = 0.6
BAR_MAX_HEIGHT = 0.5


def reread(text: str, crop: Any) -> str:
    """`/` for a piece read as one upright stroke whose ink (`crop`, grey pixels of the
    piece) is a leaning line; a range's dash for 一 between figures; `≧`/`≦` for the
    one-bar sign opening the piece whose ink has two bars; the text as read otherwise."""
    if text not in UPRIGHT_STROKES:
        if "一" in text:
            text = _DASH_READ_AS_ONE.sub("—", text)
        if text[:1] in _TWO_BARS and bars_of_first_sign(crop) == 2:
            text = _TWO_BARS[text[0]] + text[1:]
        return text
    lean, elongation = lean_of(crop)
    return "/" if lean >= SLASH_MIN_LEAN_DEG and elongation >= SLASH_MIN_ELONGATION else text


def lean_of(crop: Any) -> tuple[float, float]:
    """The lean of the largest ink stroke in `crop`, in degrees off upright (positive: its
    top to the right, as `/`), and how elongated it is (variance along / across its axis);
    (0, 0) when there is too little ink."""
    import cv2
    import numpy as np

    mask = _ink(crop)
    if mask is None:
        return 0.0, 0.0
    ink = mask.astype("uint8")
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 2:
        return 0.0, 0.0
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    ys, xs = np.nonzero(labels == largest)
    if xs.size < MIN_INK_PIXELS:
        return 0.0, 0.0
    values, vectors = np.linalg.eigh(np.cov(np.vstack([xs, ys]).astype(float)))
    dx, dy = vectors[:, 1]
    if dy < 0:  # the axis pointing down the page
        dx, dy = -dx, -dy
    # Down the page and to the left is a stroke whose top leans right.
    lean = float(np.degrees(np.arctan2(-dx, dy)))
    across = max(float(values[0]), 1e-9)
    return lean, float(values[1]) / across


def _ink(crop: Any) -> Any:
    """The crop's ink as a boolean mask (darker than half way from paper to the darkest
    pixel), or None when the crop has too little contrast to hold a stroke."""
    import numpy as np

    grey = np.asarray(crop)
    if grey.size == 0:
        return None
    paper, darkest = float(np.median(grey)), float(grey.min())
    if paper - darkest < MIN_CONTRAST:
        return None
    return grey < (paper + darkest) / 2


def bars_of_first_sign(crop: Any) -> int | None:
    """How many bars stand under the chevron of the sign that opens `crop` (a comparison
    sign's ink: the first run of inked columns, found in the middle half of the rows, the
    detector's box reaching into the lines above and below), or None when the sign is not
    set apart from what follows or its bands are not a chevron over bars."""
    import numpy as np

    ink = _ink(crop)
    if ink is None:
        return None
    quarter = ink.shape[0] // 4
    columns = ink[quarter:ink.shape[0] - quarter].any(axis=0)
    inked = np.flatnonzero(columns)
    if inked.size == 0:
        return None
    start = end = int(inked[0])
    while end + 1 < columns.size and columns[end + 1]:
        end += 1
    if end + 1 >= columns.size or not columns[end + 1:].any():
        return None  # the sign runs into the next character, or stands alone
    sign = ink[:, start:end + 1]
    widths = sign.sum(axis=1)
    bands: list[tuple[int, int, int]] = []  # (first row, last row, widest row)
    for row, width in enumerate(widths.tolist()):
        if width and bands and bands[-1][1] == row - 1:
            first, _, widest = bands[-1]
            bands[-1] = (first, row, max(widest, width))
        elif width:
            bands.append((row, row, width))
    # Ink touching the crop's top or bottom is a neighbouring line's; the chevron is the
    # tallest band, and only bands below it are its bars (a cell's ruling or its halo above
    # the sign is none).
    bands = [band for band in bands if band[0] > 0 and band[1] < sign.shape[0] - 1]
    if len(bands) < 2:
        return None
    chevron = max(range(len(bands)), key=lambda i: bands[i][1] - bands[i][0])
    tall = bands[chevron][1] - bands[chevron][0] + 1
    bars = [(first, last, widest) for first, last, widest in bands[chevron + 1:]
            if not _runs_on(ink[first:last + 1].any(axis=0), start, end)]
    if not bars or any(widest < BAR_MIN_WIDTH * sign.shape[1] or last - first + 1 > BAR_MAX_HEIGHT * tall
                       for first, last, widest in bars):
        return None
    return len(bars)


def _runs_on(columns: Any, start: int, end: int) -> bool:
    """True when the inked run of `columns` holding the sign's (`start`..`end`) reaches half
    the sign's width or more past it on either side: a cell's ruling or an underline in the
    crop (left out of the count), not a bar of the sign."""
    import numpy as np

    reach = (end - start + 1) // 2
    blank = np.flatnonzero(~columns)
    left = int(blank[blank < start].max()) + 1 if (blank < start).any() else 0
    right = int(blank[blank > end].min()) - 1 if (blank > end).any() else columns.size - 1
    return left <= start - reach or right >= end + reach
