"""Cheap character pre-checks before a regex give the regex's own answer, on awkward text.

Each guarded call (`sections.is_top_heading`, the narrative's passage ends and starts, the
sections' numbered subheadings, amounts' units, a line's head) must answer as the bare
pattern does, whatever spaces (str's and the pattern's `\\s` differ: \\x1c-\\x1f are str's
only), brackets, digits or line breaks stand around it.
"""

from __future__ import annotations

import itertools
import sys

import regex

from parsers import narrative, sections
from parsers.fields.amount import parse_amount

_REGEX_SPACE = regex.compile(r"\s")
SPACES = ["", " ", "\t", "\n", "\u3000", "\xa0", "\x1c", "\x1f", "\x85", "\u2028", " \x1c ", "\u3000\u3000"]
SPACES += sorted({chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() or _REGEX_SPACE.match(chr(c))})
HEADS = ["三、阶段性跟踪结论：", "十二．其他", "1、预算执行情况", "12.5万元", "（一）项目", "(2)、", "１、全角", "２０２４年",
         "一二三四", "第一、", "：", "。", "", "a", "五 、", "⑴、"]
TAILS = ["。", "；", "：", ":", "!", "?", "，", "万元", "", "。\n", "。\x1c", "；\u3000"]


def _texts():
    for space, head, tail in itertools.product(SPACES, HEADS, TAILS):
        yield f"{space}{head}{tail}"
        yield f"{head}{tail}{space}"


def test_heading_and_passage_checks_answer_as_their_patterns():
    for text in _texts():
        assert sections.is_top_heading(text) == bool(sections._TOP.match(text)), repr(text)
        assert (sections._may_be_sub(text) and bool(sections._SUB.match(text))) == bool(sections._SUB.match(text)), repr(text)
        assert narrative._may_end(text) == bool(narrative._PASSAGE_END.search(text)), repr(text)
        assert narrative._may_start(text) == bool(narrative._PASSAGE_START.match(text)), repr(text)


def test_amount_units_and_yuan_signs_read_as_before():
    cases = {"12.5万元": "万元", "3亿": "亿元", "￥125,000.00": "元", "¥ -3": "元", "125,000.00": "万元", "8,000元": "元"}
    for raw, unit in cases.items():
        amount = parse_amount(raw, "万元")
        assert amount is not None and amount.stated_unit == unit, raw
