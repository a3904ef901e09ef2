"""Single straight strokes the recognizer reads as another character: `/` as `1`, `—` as `一`.

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


def reread(text: str, crop: Any) -> str:
    """`/` for a piece read as one upright stroke whose ink (`crop`, grey pixels of the
    piece) is a leaning line; a range's dash for 一 between figures; the text as read
    otherwise."""
    if text not in UPRIGHT_STROKES:
        return _DASH_READ_AS_ONE.sub("—", text) if "一" in text else text
    lean, elongation = lean_of(crop)
    return "/" if lean >= SLASH_MIN_LEAN_DEG and elongation >= SLASH_MIN_ELONGATION else text


def lean_of(crop: Any) -> tuple[float, float]:
    """The lean of the largest ink stroke in `crop`, in degrees off upright (positive: its
    top to the right, as `/`), and how elongated it is (variance along / across its axis);
    (0, 0) when there is too little ink."""
    import cv2
    import numpy as np

    if crop.size == 0:
        return 0.0, 0.0
    grey = np.asarray(crop)
    paper, darkest = float(np.median(grey)), float(grey.min())
    if paper - darkest < MIN_CONTRAST:
        return 0.0, 0.0
    ink = (grey < (paper + darkest) / 2).astype("uint8")
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
