"""The label scanner walks a line to the same matches the compiled label pattern finds."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.readers.text_label_scan import LabelScanner
from parsers.readers.text_labels import vocabulary

KEYS = sorted(vocabulary().keys)
PIECES = [" ", "\t", "\u3000", ":", "：", "(", ")", "（", "）", "、", "其中", "其中：", "1", "-", "7", "月",
          "1-7月", "1 - 12 月", "1-13月", "1至6月", "(万元)", "（元）", "（10分）", "（2024年-2026年）",
          "12.5", "，", "。", "x"]


def _compiled(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in vocabulary().scanner.pattern.finditer(text)]


@st.composite
def lines(draw: st.DrawFn) -> str:
    """Lines of labels (whole, cut short, with a gap or month range inside) and debris."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            key = draw(st.sampled_from(KEYS))
            cut = draw(st.integers(1, len(key)))
            key = key[:cut] if draw(st.booleans()) else key
            at = draw(st.integers(0, len(key)))
            key = key[:at] + draw(st.sampled_from(["", *PIECES])) + key[at:]
            parts.append(key.replace("1-N月", draw(st.sampled_from(["1-7月", "1 -6月", "1-13月", "1至12月"]))))
        else:
            parts.append(draw(st.sampled_from(PIECES)))
    return "".join(parts)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines())
def test_walking_finds_what_the_compiled_pattern_finds(line: str) -> None:
    assert list(vocabulary().scanner.walked_spans(line)) == _compiled(line)


def test_labels_in_real_lines_are_found_both_ways() -> None:
    for line in ["项目名称\t城镇建设", "预 算 单 位：上海市闵行区华漕镇人民政府", "其中：财政拨款 120.5",
                 "当年预算数（万元） 58.1 1-7月执行数 43.2", "年度目标基本完成，项目名称见上", "1-7月执行率（%）：86"]:
        spans = list(vocabulary().scanner.walked_spans(line))
        assert spans == _compiled(line)
    assert list(vocabulary().scanner.walked_spans("项目名称 1-7月执行数")) == [(0, 5), (5, 12)]  # the space after a label is its tail


def test_the_pattern_is_compiled_once_enough_lines_were_walked() -> None:
    tail = regex.compile(r"[:：]?")
    scanner = LabelScanner("(?:项目名称|名称)" + r"[:：]?", ["项目名称", "名称"],
                           months=regex.compile("1-[1-9]月"), tail=tail, compile_after=2)
    assert list(scanner.spans("项目名称：x 名称")) == [(0, 5), (7, 9)]
    assert list(scanner.spans("名称")) == [(0, 2)]
    assert scanner._pattern is None  # walked so far
    assert list(scanner.spans("项目名称：x 名称")) == [(0, 5), (7, 9)]
    assert scanner._pattern is not None  # the third line is matched by the compiled pattern


def test_labels_the_walk_cannot_follow_use_the_compiled_pattern() -> None:
    scanner = LabelScanner("(?:第1项|项)", ["第1项", "项"], months=regex.compile("1-[1-9]月"),
                           tail=regex.compile(""))
    assert scanner.compile_after == 0  # a literal 1 could begin a month range too
    assert list(scanner.spans("第1项 项")) == [(0, 3), (4, 5)]
