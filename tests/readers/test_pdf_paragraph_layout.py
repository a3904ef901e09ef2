"""A block's layout read in one pass over its lines is what reading each column gives.

`pdf_text._Layout.of` takes a block's edges, middles, largest size and line gaps in one loop
of comparisons; the reference here reads each column and asks the builtins (min, max,
sorted), on random lines with equal values, signed zeros, NaNs and infinities. And
`_may_start_item` asks `_ITEM_START` only of texts that can start an item: the answer is
the pattern's on texts opening with item characters, white space of every kind, and others."""

from __future__ import annotations

import math
import random
import sys

from parsers.readers.pdf_text import _ITEM_START, TextLine, _Layout, _may_start_item

_VALUES = [0.0, -0.0, 1.0, 10.0, 10.0, 12.0, 100.0, math.nan, math.inf, -math.inf]


def _value(rng: random.Random) -> float:
    return rng.choice(_VALUES) if rng.random() < 0.2 else round(rng.uniform(0, 120), rng.choice((0, 1)))


def _layout_by_columns(lines: list[TextLine], right: float | None, page: bool) -> tuple[object, ...]:
    x0s, x1s = [line.x0 for line in lines], [line.x1 for line in lines]
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False))
    mids = [(a + b) / 2 for a, b in zip(x0s, x1s, strict=True)]
    em = max(line.size for line in lines)
    left = min(x0s)
    centred = len(lines) > 1 and max(x0s) - left > em and max(mids) - min(mids) <= em
    return (left, max(x1s) if right is None else right, gaps[len(gaps) // 2] if gaps else 0.0,
            centred, page or len(lines) >= 3)


def _key(values: tuple[object, ...]) -> list[str]:
    return [repr(v) for v in values]  # NaN and -0.0 compared by their spelling


def test_a_blocks_layout_is_what_its_columns_give() -> None:
    rng = random.Random(15)
    for _ in range(3000):
        lines = [TextLine("x", _value(rng), _value(rng), _value(rng), _value(rng), _value(rng))
                 for _ in range(rng.randint(1, 6))]
        right = rng.choice((None, 90.0))
        page = rng.random() < 0.3
        got = _Layout.of(lines, right, page=page)
        want = _layout_by_columns(lines, right, page)
        assert _key((got.left, got.right, got.gap, got.centred, got.many)) == _key(want), lines


def test_an_item_start_is_looked_for_where_the_pattern_could_find_one() -> None:
    rng = random.Random(16)
    white = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    pieces = ["一、", "1、", "12．", "1.", "1.5", "（1）", "(二)", "第三条", "第2章", "十", "甲", "a", "", "）"]
    for _ in range(5000):
        text = "".join(rng.choice(white) for _ in range(rng.choice((0, 0, 1, 2)))) + rng.choice(pieces) + "项目"
        assert _may_start_item(text) == (_ITEM_START.match(text) is not None), repr(text)
