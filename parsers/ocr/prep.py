"""A page image made ready for OCR: seal removed, deskewed from its rulings, turned upright.

Owns: grey from the red channel (a red seal turns as light as the paper while black ink
stays black: the measured way to read through 盖章); the skew angle from the page's long
near-horizontal rulings (Hough segments over the ink of long runs, median angle, only within
`MAX_SKEW_DEG`); the
quarter turn (90/270) from which way the text runs (its characters, the table rules taken
out, close into lines along the rows of an upright page, along the columns of a turned one). The
half turn (180) is decided by the caller from the recognizer's confidence.
"""

from __future__ import annotations

from typing import Any

MAX_SKEW_DEG = 5.0
# Pixels of the seal-free grey darker than this are ink where a fixed threshold serves (a
# line's ink, a cell's leftover ink, a page's share of ink); Otsu's picks the page's mask.
INK_GREY = 128
# The quarter-turn test closes the text's marks by this many pixels (at a quarter of the
# page's size) along the rows and along the columns; the page is on its side when closing
# along the columns leaves fewer than this share of the pieces closing along the rows does.
TURN_CLOSE_PX = 5
TURN_MAX_RATIO = 0.8
# Rotations smaller than this are left alone (resampling blurs more than it helps).
MIN_SKEW_DEG = 0.1
# The ink is thickened upright by this many pixels (at 1000 px a page) before long runs are kept.
SKEW_THICKEN_PX = 5


# A pixel whose red exceeds its green and blue by this much is a seal's ink over paper: in
# the red channel it is still a light grey (221 against paper 255 for a seal printed (221,
# 67, 67)), which the recognizer read as the seal's arc text (`总分区工`). Print under the
# seal stays: the seal multiplies it, all three channels dark, and its anti-aliased edges
# (a mid grey times the seal's red: (173, 52, 52)) stay under SEAL_MIN_LIGHT.
SEAL_MIN_REDNESS = 80
SEAL_MIN_LIGHT = 200


def seal_free_grey(rgb: Any) -> Any:
    """The page as grey from its red channel (uint8 H×W), the seal's own ink made paper."""
    import numpy as np

    array = np.asarray(rgb)
    if array.ndim == 2:
        return array.astype(np.uint8, copy=False)
    grey = np.ascontiguousarray(array[..., 0])
    others = np.maximum(array[..., 1], array[..., 2])
    seal = (grey >= SEAL_MIN_LIGHT) & (grey > others) & (grey - others > SEAL_MIN_REDNESS)  # no uint8 wrap
    if seal.any():
        grey[seal] = np.uint8(255)
    return grey


def ink_mask(grey: Any, threshold: int = 0) -> Any:
    """Boolean ink mask (Otsu's threshold unless one is given)."""
    import cv2

    if threshold:
        return grey < threshold
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary > 0


def quarter_turned(grey: Any) -> bool:
    """True when the page lies on its side (its text runs top to bottom): the text's marks
    (table rules taken out) join into far fewer pieces when closed along the text's runs
    than across them; only a clear majority turns the page."""
    import cv2
    import numpy as np

    small = cv2.resize(grey, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    mask = _text_only(ink_mask(small)).astype(np.uint8)
    counts = []
    for size in ((TURN_CLOSE_PX, 1), (1, TURN_CLOSE_PX)):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
        counts.append(cv2.connectedComponents(cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel), connectivity=8)[0])
    along_rows, along_columns = counts
    return along_columns < TURN_MAX_RATIO * along_rows


def _text_only(mask: Any) -> Any:
    """The ink mask without its long straight runs: a table's vertical rules would make an
    upright page's column profile as spiky as a turned page's row profile."""
    import cv2
    import numpy as np

    ink = mask.astype(np.uint8)
    length = max(8, min(mask.shape) // 25)
    lines = np.zeros_like(ink)
    for size in ((length, 1), (1, length)):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
        lines |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    lines = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    return (ink > 0) & (lines == 0)


def skew_degrees(grey: Any) -> float:
    """The page's skew from its long rulings, degrees (positive: counter-clockwise); 0 if none.

    The Hough transform's cost grows with the ink it is given: it first sees only the ink of
    long near-horizontal runs (`_long_runs`), which on a form are the rulings; a page where
    these give no angle (text only) is measured over all its ink as before."""
    import cv2

    scale = 1000 / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    mask = ink_mask(small)
    edges = mask.astype("uint8") * 255
    runs = edges & _long_runs(edges)
    coarse = _hough_angle(runs)
    if coarse is None:
        coarse = _fitted_angle(runs)
    if coarse is None:
        coarse = _hough_angle(edges)
    return 0.0 if coarse is None else _refined(mask, coarse)


def _long_runs(ink: Any) -> Any:
    """The ink of near-horizontal runs at least a sixteenth of the page wide: thickened
    upright first, so a rule skewed by `MAX_SKEW_DEG` still makes long rows of pixels."""
    import cv2

    thick = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (1, SKEW_THICKEN_PX)))
    bar = cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, ink.shape[1] // 16), 1))
    return cv2.morphologyEx(thick, cv2.MORPH_OPEN, bar)


def _hough_angle(edges: Any) -> float | None:
    """The median angle of the long segments within `MAX_SKEW_DEG`, None if fewer than 2."""
    import cv2
    import numpy as np

    width = edges.shape[1]
    found = cv2.HoughLinesP(edges, 1, np.pi / 1800, threshold=max(50, width // 6),
                            minLineLength=width // 4, maxLineGap=6)
    if found is None:
        return None
    angles = []
    for x0, y0, x1, y1 in np.asarray(found).reshape(-1, 4):
        if x1 == x0:
            continue
        angle = float(np.degrees(np.arctan2(y1 - y0, x1 - x0)))
        if abs(angle) <= MAX_SKEW_DEG:
            angles.append(angle)
    if len(angles) < 2:
        return None
    return float(np.median(angles))


def _fitted_angle(runs: Any) -> float | None:
    """The median angle of the straight lines fitted through the long runs a quarter of the
    page wide or more, None if there are none. The probabilistic Hough transform can miss
    every one of a short table's two or three thin rules (a table alone on a page); a line
    fitted through a rule's pixels does not."""
    import cv2
    import numpy as np

    count, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    angles = []
    for label in range(1, count):
        if stats[label, cv2.CC_STAT_WIDTH] < runs.shape[1] // 4:
            continue
        ys, xs = np.nonzero(labels == label)
        slope = float(np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0])
        angle = float(np.degrees(np.arctan(slope)))
        if abs(angle) <= MAX_SKEW_DEG:
            angles.append(angle)
    return float(np.median(angles)) if angles else None


def _refined(mask: Any, coarse: float) -> float:
    """The angle near `coarse` at which the rows of ink line up best (0.05° steps)."""
    import cv2
    import numpy as np

    image = mask.astype(np.uint8) * 255
    height, width = image.shape
    best, best_score = coarse, -1.0
    for angle in np.arange(coarse - 0.6, coarse + 0.6001, 0.05):
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), float(angle), 1.0)
        turned = cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_NEAREST, borderValue=0)
        rows = turned.sum(axis=1, dtype=np.float64)
        score = float((rows * rows).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return best


def rotate(grey: Any, degrees: float) -> Any:
    """The grey page rotated by `degrees` about its centre, white where it uncovers."""
    import cv2

    height, width = grey.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(grey, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)


def quarter(grey: Any, turns: int) -> Any:
    """The page turned by `turns` quarter turns counter-clockwise."""
    import numpy as np

    return np.ascontiguousarray(np.rot90(grey, turns % 4))


def deskewed(grey: Any) -> tuple[Any, float]:
    """The page with its rulings levelled, and the angle corrected (degrees)."""
    angle = skew_degrees(grey)
    if abs(angle) < MIN_SKEW_DEG:
        return grey, 0.0
    return rotate(grey, angle), angle
