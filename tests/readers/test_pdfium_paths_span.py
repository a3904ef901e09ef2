"""A path piece's box from its points' least and greatest coordinates (`pdf_pdfium_paths._span`)
is what `min` and `max` give, down to which of two equal values (0.0 and -0.0) is kept."""

from __future__ import annotations

import math
import random

import pytest

from parsers.readers.pdf_pdfium_paths import _span

_TRICKY = [
    (0.0, -0.0), (-0.0, 0.0), (1.0, 0.0, -0.0, 1.0), (-0.0, -0.0, 0.0), (5.0,),
    (math.inf, 1.0, -math.inf), (1.0, math.nan, 2.0), (math.nan, 1.0, 3.0), (2.0, 2.0, 1.0, 1.0),
]


@pytest.mark.parametrize("values", _TRICKY)
def test_span_is_min_and_max(values: tuple[float, ...]) -> None:
    assert repr(_span(values)) == repr((min(values), max(values)))


def test_span_is_min_and_max_on_random_points() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        values = tuple(rng.choice((0.0, -0.0, 1.5, rng.uniform(-5, 5))) for _ in range(rng.randint(1, 8)))
        assert repr(_span(values)) == repr((min(values), max(values)))
