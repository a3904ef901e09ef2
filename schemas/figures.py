"""Printed figures at the character level: full-width forms read as ASCII, a figure as Decimal.

The models' own views need these (`Amount.number` reads the printed figure), so they sit at
the bottom with the models; `parsers.normalize` and `parsers.fields.amount` use them from
here. Decimal all the way, never float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

_FULLWIDTH: dict[int, int | None] = {ord("０") + i: ord("0") + i for i in range(10)}
_FULLWIDTH.update({ord("．"): ord("."), ord("％"): ord("%"), 0x3000: ord(" "), 0xA0: ord(" ")})
_FULLWIDTH.update({ord("Ａ") + i: ord("A") + i for i in range(26)})
_FULLWIDTH.update({ord("ａ") + i: ord("a") + i for i in range(26)})
_FULLWIDTH.update({0x200B: None, 0xFEFF: None, 0x200C: None, 0x200D: None, 0x2060: None})
# A set of literal characters: the standard `re` scans a long line for one about seven times
# faster than `regex` does.
_NEEDS_ASCII = re.compile("[" + "".join(re.escape(chr(code)) for code in _FULLWIDTH) + "]")

FIGURE = regex.compile(r"[-+−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?")
"""A printed figure: digits with optional thousands separators, a point and a sign."""
MAX_FIGURE_DIGITS = 18  # a budget in yuan with cents; longer runs are account numbers or OCR debris


def to_ascii(text: str) -> str:
    """Full-width digits, letters, points, percent signs and spaces read as ASCII."""
    if text.isascii():  # every character translated is outside ASCII: nothing to search for
        return text
    return text.translate(_FULLWIDTH) if _NEEDS_ASCII.search(text) else text


@lru_cache(maxsize=4096)  # pure; the checker asks for the same figures many times
def parse_number(text: str) -> Decimal | None:
    """The first number in `text` as a Decimal (`7,501,000.00` -> 7501000.00), else None."""
    match = FIGURE.search(to_ascii(text).replace(" ", ""))
    if not match:
        return None
    digits = match.group(0).replace(",", "").replace("，", "").replace("−", "-")
    if sum(char.isdigit() for char in digits) > MAX_FIGURE_DIGITS:
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None
