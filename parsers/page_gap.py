"""Whether the blocks between two table blocks are only what a page break prints between them.

A table continued on the next page is often cut by the page's header: the form's title again
(`项目支出绩效自评表（续）`, or the title and its `（2023年度）` line), a page number, a unit
caption. Those are short lines without a sentence in them; a paragraph of prose, a signature
line of labels and values, or a third table between two tables is a real break.
"""

from __future__ import annotations

from parsers.lazy_pattern import LazyPattern
from parsers.normalize import one_line
from schemas.document import Block, Paragraph

MAX_GAP_LINES = 4
MAX_GAP_CHARS = 40
_SENTENCE = LazyPattern(r"[。；;！？:：]")


def is_page_gap(blocks: tuple[Block, ...], first: int, last: int) -> bool:
    """True when the blocks in [first, last) are short paragraph lines a page header or footer
    prints (none at all is no gap: the tables are adjacent)."""
    lines: list[str] = []
    for block in blocks[first:last]:
        if not isinstance(block, Paragraph):
            return False
        lines.extend(line for line in (one_line(text) for text in block.text.splitlines()) if line)
    return 0 < len(lines) <= MAX_GAP_LINES and all(
        len(line) <= MAX_GAP_CHARS and not _SENTENCE.search(line) for line in lines)
