"""A path piece's box from its points' least and greatest coordinates (`pdf_pdfium_paths._box`)
is what `min` and `max` of each axis give, down to which of two equal values (0.0 and -0.0)
is kept."""

from __future__ import annotations

import math
import random

import pytest

from parsers.readers.pdf_pdfium_paths import _box

_TRICKY = [
    (0.0, -0.0), (-0.0, 0.0), (1.0, 0.0, -0.0, 1.0), (-0.0, -0.0, 0.0), (5.0,),
    (math.inf, 1.0, -math.inf), (1.0, math.nan, 2.0), (math.nan, 1.0, 3.0), (2.0, 2.0, 1.0, 1.0),
]


def _min_max(pts: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = zip(*pts, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("values", _TRICKY)
def test_box_is_min_and_max(values: tuple[float, ...]) -> None:
    for pts in ([(v, v) for v in values], [(v, -v) for v in values], [(v, 1.0) for v in values],
                [(1.0, v) for v in reversed(values)]):
        assert repr(_box(pts)) == repr(_min_max(pts))


def test_box_is_min_and_max_on_random_points() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        pts = [tuple(rng.choice((0.0, -0.0, 1.5, math.nan, rng.uniform(-5, 5))) for _ in range(2))
               for _ in range(rng.randint(1, 8))]
        assert repr(_box(pts)) == repr(_min_max(pts))
