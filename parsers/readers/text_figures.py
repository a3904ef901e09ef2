"""Figures in unruled text: is a piece of a row only figures, and where does one figure end.

Owns the shapes of the numbers a form prints (amounts `145000000.00` `1,234.50`, percents
`86.18%`, scores `10` `9.5`, and the placeholders `—` `-` `/` `无` of an empty number cell), and
splitting a run of them back into cells: by spaces, and where OCR fused them
(`145000000.00145000000.0010100.0%10`) into the given number of figures whose shapes are most
plausible (no leading zeros; amounts with two decimals as a table prints them; percents up to
a few hundred; scores small). Without a count, fused figures are not split: only a header
above tells how many there are.
"""

from __future__ import annotations

from functools import cache

from parsers.lazy_pattern import LazyPattern
from parsers.normalize import to_ascii

_FIGURE_CHARS = LazyPattern(r"^[\d.,%\s—–\-/无]+$")
_HAS_DIGIT_OR_DASH = LazyPattern(r"[\d—–\-/无]")
_SHAPE = LazyPattern(
    r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?%?|0\.\d+%?|—{1,2}|–|-|/|无"
)
_FUSED = LazyPattern(r"(?:\d[\d,]*(?:\.\d+)?%?|—)+")
MAX_FUSED = 64


def is_figures(text: str) -> bool:
    """True when `text` holds only figures and number placeholders (and spaces); a date is none."""
    text = to_ascii(text).strip()
    if not text or not _FIGURE_CHARS.match(text) or not _HAS_DIGIT_OR_DASH.search(text):
        return False
    return all(_SHAPE.fullmatch(part) or _FUSED.fullmatch(part) for part in text.split())


def split_figures(text: str, count: int | None = None, kinds: tuple[str, ...] | None = None) -> list[str]:
    """The figures of `text`: split at spaces, or, fused, into `count` plausible figures
    (`kinds`: the kind of each, amount, percent or score, when the header tells them)."""
    ascii_text = to_ascii(text).strip()
    parts = ascii_text.split()
    if count is None or len(parts) == count:
        return parts
    fused = "".join(parts)
    if len(fused) > MAX_FUSED:
        return parts
    if kinds is not None and len(kinds) != count:
        kinds = None
    best = _best_split(fused, count, kinds or ("",) * count)
    return list(best[1]) if best is not None else parts


def _penalty(token: str, kind: str = "") -> float:
    if token in ("—", "–", "-", "/", "无"):
        return 0.0
    if token == "——":
        return 0.5  # one cell's double dash, or two cells' dashes: the count decides
    percent = token.endswith("%")
    body = token.rstrip("%").replace(",", "")
    whole, _, decimals = body.partition(".")
    cost = 0.0
    if kind == "percent":
        return (0.0 if percent else 1.0) + (0.0 if float(body) <= 300 else 3.0) + 0.5 * max(0, len(decimals) - 2)
    if kind in ("amount", "score") and percent:
        return 5.0
    if kind == "score":
        return (0.0 if float(body) <= 100 else 3.0) + (0.0 if len(decimals) <= 2 else 1.0)
    if kind == "amount":
        return 0.0 if len(decimals) == 2 else (0.5 if not decimals else 1.0)
    if percent:
        value = float(body)
        cost += 0.0 if value <= 100 else (1.0 if value <= 300 else 5.0)
        cost += 0.5 * max(0, len(decimals) - 2)
    elif decimals:
        cost += 0.0 if len(decimals) == 2 else 1.5
    else:
        cost += 0.3 if len(whole) <= 3 else 2.0  # a score, rarely beside amounts it could be part of
    return cost


@cache
def _best_split(text: str, count: int, kinds: tuple[str, ...]) -> tuple[float, tuple[str, ...]] | None:
    """Lowest-penalty split of `text` into exactly `count` figure shapes, or None."""
    if count == 0:
        return (0.0, ()) if not text else None
    if not text:
        return None
    best: tuple[float, tuple[str, ...]] | None = None
    for end in range(1, len(text) + 1):
        token = text[:end]
        if not _SHAPE.fullmatch(token):
            continue
        rest = _best_split(text[end:], count - 1, kinds[1:])
        if rest is None:
            continue
        cost = _penalty(token, kinds[0]) + rest[0]
        if best is None or cost < best[0]:
            best = (cost, (token, *rest[1]))
    return best
