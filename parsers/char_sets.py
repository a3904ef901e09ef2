"""Whether a text holds any character of a fixed set, asked in one scan of the text in C.

Owns `any_of`: a standard `re` class of the set's literal characters (runs of consecutive
code points as ranges). `frozenset.isdisjoint(text)`
and `frozenset.intersection(text)` answer the same question, but they walk the text as an
iterable: one string object built and hashed per character (a CJK character is not one of
Python's cached one-character strings), about 400 machine instructions a character against a
few for `re` over the string's own buffer. The box glyphs and source marks of every cell and
line, the title characters of every line, are asked this way. `tests/test_char_sets.py` checks
the patterns find exactly their sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOTHING = re.compile(r"(?!)")


def any_of(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose `search` finds the first of `chars` (single characters) in a text; one
    that finds nothing for an empty set."""
    members = sorted(set(chars))
    if any(len(char) != 1 for char in members):
        raise ValueError("any_of takes single characters")
    if not members:
        return _NOTHING
    return re.compile("[" + "".join(_runs(members)) + "]")


def _runs(members: list[str]) -> list[str]:
    """The sorted characters as class items, each run of consecutive code points one range
    (`re` keeps a class of characters beyond U+FFFF as a list it walks item by item for every
    character of the text: 27 box marks one by one cost some 160 instructions a character,
    as 3 items and a range about 40)."""
    items: list[str] = []
    first = last = ord(members[0])
    for code in [*map(ord, members[1:]), -1]:
        if code == last + 1:
            last = code
            continue
        items.append(re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}")
        first = last = code
    return items
