"""Which texts the traditional-to-simplified conversion would change, and that conversion.

zhconv converts by longest match over a table (`getdict("zh-cn")`) of characters and words.
A text changes only where a key whose value differs from the key itself matches. So a text
holds such a key only if it holds either one of the one-character keys that change
(`characters`: 萬 -> 万) or one of the longer keys that change while holding none of those
characters (`words`: 覆核 -> 复核, 沈默 -> 沉默). A text with neither comes back from the
conversion as it went in, and need not load zhconv (its module and a 0.5 MB table) at all.

Both lists are shipped in `zh_triggers.json` beside this module, made from zhconv's table by
`scripts/make_zh_triggers.py`; the file records the byte size of the table it was made from,
and when the installed table's size differs the lists are derived from that table instead.
`zhconv_module()` loads zhconv itself, for the texts that need it.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

TRIGGERS_FILE = Path(__file__).with_name("zh_triggers.json")
TABLE_NAME = "zhcdict.json"


class Triggers:
    """The changing one-character keys, and the changing words that hold none of them."""

    def __init__(self, characters: frozenset[str], words: tuple[str, ...]) -> None:
        self.characters = characters
        self.words = words
        by_first: dict[str, list[str]] = {}
        for word in words:
            by_first.setdefault(word[0], []).append(word)
        self._by_first = {first: tuple(found) for first, found in by_first.items()}

    def found_in(self, text: str) -> bool:
        """Whether `text` holds a key the conversion would change (a text without one is unchanged)."""
        if not self.characters.isdisjoint(text):
            return True
        firsts = self._by_first.keys() & set(text)
        return any(word in text for first in firsts for word in self._by_first[first])


def triggers_of(table: Mapping[str, str]) -> Triggers:
    """The triggers of a conversion table (key -> replacement), as defined in the module's docstring."""
    characters = frozenset(key for key, value in table.items() if len(key) == 1 and key != value)
    words = sorted(key for key, value in table.items()
                   if len(key) > 1 and key != value and characters.isdisjoint(key))
    return Triggers(characters, tuple(words))


def installed_table() -> Path | None:
    """The path of the installed zhconv's table, found without importing zhconv (None: not installed)."""
    spec = importlib.util.find_spec("zhconv")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / TABLE_NAME


def shipped() -> dict[str, Any]:
    """The content of `zh_triggers.json`: `table_bytes`, `characters` (one string), `words`."""
    with open(TRIGGERS_FILE, encoding="utf-8") as handle:
        content: dict[str, Any] = json.load(handle)
    return content


@cache
def zhconv_module() -> Any:
    """The zhconv module with its table loaded from the file beside it.

    zhconv looks for `pkg_resources` on import to find that file; on an install with an older
    setuptools that import alone costs more than reading a whole text report, so it is hidden
    while zhconv imports (zhconv then finds the file by its own path) and the table is read
    directly, with the file closed after."""
    import sys

    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import zhconv  # type: ignore[import-untyped]
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    if zhconv.zhconv.zhcdicts is None:
        zhconv.zhconv.loaddict(os.path.join(os.path.dirname(zhconv.zhconv.__file__), TABLE_NAME))
    return zhconv


@cache
def triggers() -> Triggers | None:
    """The triggers of the installed zhconv's zh-cn table: the shipped lists when they were made
    from a table of the installed one's size, else derived from the installed table (None when
    zhconv's table cannot be found: then every text is offered to the conversion)."""
    table = installed_table()
    if table is None or not table.is_file():
        return None
    content = shipped()
    if content.get("table_bytes") == os.stat(table).st_size:
        return Triggers(frozenset(str(content["characters"])), tuple(map(str, content["words"])))
    return triggers_of(zhconv_module().zhconv.getdict("zh-cn"))
