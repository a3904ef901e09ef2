"""Hand-drawn ticks (√ or ✗) beside a box, or standing for a box beside an option label.

Owns finding pen marks in a page's ink that are shaped like a tick or a cross (a stroke
component of about a box's size or larger, thin, made of slanted strokes only: no straight
horizontal or vertical run, which every Chinese character near a box has), and what they
mean for the boxes `marks` read from the ink inside the squares:

- a tick beside an empty box (not touching it: a tick over the box is `marks`' ink inside)
  ticks the nearest box; one as near to two boxes leaves both unknown, never guessed;
- a tick beside no box, where the recognizer read no character (or read the tick itself,
  √ × V…), is a box of its own, ticked: the option next to it is chosen, as `☑` beside a
  label is. A mark the recognizer read as a character (人 八 / …) is that character.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from parsers.ocr.marks import BOX_MAX_PT, BOX_MIN_PT, RULE_MIN_PT, Box

# A tick is at least this tall or wide (points) and at most this (a pen mark, not a rule).
TICK_MIN_PT = 0.8 * BOX_MIN_PT
TICK_MAX_PT = 3.0 * BOX_MAX_PT
# A stroke crossing a ruling spans a rule this thick (points) or thinner.
RULE_BRIDGE_PT = 2.0
# Share of its box a tick's ink covers at most (strokes, not a blot or a character block).
TICK_MAX_FILL = 0.3
# Share of a tick's ink that may lie in straight horizontal or vertical runs of at least
# `STRAIGHT_RUN` of its width or height (a character's strokes run across it; where a
# tick's two strokes meet, a shorter run is no straight stroke).
STRAIGHT_RUN = 0.6
TICK_MAX_STRAIGHT = 0.12
# A tick beside a box lies within this many box sides of it.
NEAR_SIDES = 1.2
# The nearest box must be this much nearer than the next one to take the tick.
CLEAR_RATIO = 1.5
# What a recognizer prints for a tick (kept as the mark, not as text).
TICK_PRINTS = frozenset("√✓✔×✗✘xXvV")


def _straight_share(mask: Any, width: int, height: int) -> float:
    import cv2
    import numpy as np

    total = int(np.count_nonzero(mask))
    if total == 0:
        return 1.0
    kept = 0
    for length, horizontal in ((max(3, round(STRAIGHT_RUN * width)), True), (max(3, round(STRAIGHT_RUN * height)), False)):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        kept += int(np.count_nonzero(cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)))
    return kept / total


def _without_rulings(ink: Any, dpi: float) -> tuple[Any, Any]:
    """The ink with the table rulings (and the pixel of blur beside them) taken out, and the
    same with the rule kept under the strokes that meet it, so a tick drawn over or onto a
    cell's top rule stays one mark (its shape is judged without the rule's pixels)."""
    import cv2

    px = dpi / 72.0
    length = max(8, round(RULE_MIN_PT * px))
    bridge = max(3, round(RULE_BRIDGE_PT * px))
    out = ink.copy()
    bare = ink.copy()
    for horizontal in (True, False):
        bar = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        halo = cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3) if horizontal else (3, 1))
        band = cv2.bitwise_and(cv2.dilate(cv2.morphologyEx(ink, cv2.MORPH_OPEN, bar), halo), ink)
        rest = cv2.bitwise_and(out, cv2.bitwise_not(band))
        bare = cv2.bitwise_and(bare, cv2.bitwise_not(band))
        across = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 2 * bridge + 1) if horizontal else (2 * bridge + 1, 3))
        out = cv2.bitwise_or(rest, cv2.bitwise_and(cv2.dilate(rest, across), band))
    return out, bare


def find(ink: Any, dpi: float, boxes: Sequence[Box]) -> list[tuple[int, int, int, int]]:
    """Pixel bboxes of the tick-shaped marks on the page that touch no box."""
    import cv2
    import numpy as np

    px = dpi / 72.0
    lo, hi = TICK_MIN_PT * px, TICK_MAX_PT * px
    joined, bare = _without_rulings(ink, dpi)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    out = []
    for i in range(1, count):
        x, y, w, h, _area = (int(v) for v in stats[i])
        if max(w, h) < lo or max(w, h) > hi or min(w, h) < 0.35 * max(w, h):
            continue
        if any(_touches((x, y, x + w, y + h), b) for b in boxes):
            continue
        mask = ((labels[y:y + h, x:x + w] == i) & (bare[y:y + h, x:x + w] > 0)).astype(np.uint8) * 255
        if np.count_nonzero(mask) > TICK_MAX_FILL * w * h:
            continue
        if _straight_share(mask, w, h) <= TICK_MAX_STRAIGHT:
            out.append((x, y, x + w, y + h))
    return out


def _touches(mark: tuple[int, int, int, int], box: Box) -> bool:
    return mark[0] <= box.x1 and box.x0 <= mark[2] and mark[1] <= box.bottom and box.top <= mark[3]


def _gap(mark: tuple[int, int, int, int], box: Box) -> float:
    dx = max(box.x0 - mark[2], mark[0] - box.x1, 0)
    dy = max(box.top - mark[3], mark[1] - box.bottom, 0)
    return float((dx * dx + dy * dy) ** 0.5)


def resolve(boxes: Sequence[Box], marks: Sequence[tuple[int, int, int, int]],
            reading: Callable[[tuple[int, int, int, int]], str] | None = None) -> list[Box]:
    """The boxes with the ticks beside them applied, plus a ticked box for each tick beside
    no box but beside text. `reading(mark)` says what the recognizer made of the place:
    "text" (a character: no tick), "label" (the tick itself or nothing, text beside it) or
    "alone" (no text near: a tick there stands for no option)."""
    out = list(boxes)
    for mark in marks:
        where = reading(mark) if reading is not None else "label"
        if where == "text":
            continue
        near = sorted((_gap(mark, b), i) for i, b in enumerate(out))
        near = [(gap, i) for gap, i in near if gap <= NEAR_SIDES * (out[i].x1 - out[i].x0)]
        if not near:
            if where == "label":
                x0, top, x1, bottom = mark
                out.append(Box(x0, top, x1, bottom, True, 1.0, isolated=True))
            continue
        first = near[0]
        if len(near) > 1 and near[1][0] < CLEAR_RATIO * max(first[0], 1.0):
            for _, i in near[:2]:  # as near to two boxes: which one it ticks is not known
                if out[i].state is not True:
                    out[i] = replace(out[i], state=None)
            continue
        box = out[first[1]]
        if box.state is False:
            out[first[1]] = replace(box, state=True)
    return out
