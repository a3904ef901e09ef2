"""OCR text dialects 2-4 (markdown, html, cells): blocks from inline strings, sniffing, dispatch."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.readers import read_document, text, text_cells, text_html, text_markdown, text_tabs
from schemas.document import Cell, Paragraph, Table

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "txt"
DIALECT_BY_PREFIX = {"md_": "markdown", "html_": "html", "cells_": "cells"}


def _tables(blocks) -> list[Table]:
    return [block for block in blocks if isinstance(block, Table)]


def _paragraphs(blocks) -> list[Paragraph]:
    return [block for block in blocks if isinstance(block, Paragraph)]


def _at(table: Table, row: int, col: int) -> Cell:
    cell = table.grid()[row][col]
    assert cell is not None, f"no cell covers ({row}, {col})"
    return cell


# -- markdown --------------------------------------------------------------------------------

MARKDOWN = """\ufeff# 财政项目支出绩效运行监控（跟踪评价）（重点）

**街镇名称：华漕镇人民政府（盖章）**

| 项目名称 | 2024年项目 | | |
|---|:---:|---|---|
| 预算单位 | 华漕镇 | 是否为经常性项目 | 是☐ 否☒ |
| 四、总体判断 | 年度项目预算完成可能性 | □确定能完成 | ■有可能完成 |
| | 年度绩效目标完成可能性 | [√]确定能完成 | [ ]有可能完成 |
| 三、阶段性跟踪结论：<br>运行正常（**执行率**75%以上） | | | |
| 金额 \\| 备注 | 2.45*50%=1.225 &amp; 更多 | | |

- 1、项目背景概况
> 2、预算安排
"""


def test_markdown_padding_becomes_col_span_and_empty_first_cell_row_span() -> None:
    (table,) = _tables(text_markdown.parse(MARKDOWN))
    assert _at(table, 0, 1).text == "2024年项目"
    assert (_at(table, 0, 1).col, _at(table, 0, 1).col_span) == (1, 3)
    judge = _at(table, 2, 0)
    assert judge.text == "四、总体判断"
    assert (judge.row, judge.row_span) == (2, 2)
    assert _at(table, 3, 0) is judge
    assert _at(table, 3, 1).text == "年度绩效目标完成可能性"
    assert table.n_cols == 4


def test_markdown_cell_markup_breaks_glyphs_and_escapes() -> None:
    (table,) = _tables(text_markdown.parse(MARKDOWN))
    assert _at(table, 1, 3).text == "是☐ 否☑"  # ☒ is an unambiguous ticked box
    assert _at(table, 2, 2).text == "☐确定能完成"  # □ made canonical
    assert _at(table, 2, 3).text == "■有可能完成"  # look-alike kept for the field parser
    assert _at(table, 3, 2).text == "[√]确定能完成"
    assert _at(table, 3, 3).text == "[ ]有可能完成"
    assert _at(table, 4, 0).text == "三、阶段性跟踪结论：\n运行正常（执行率75%以上）"
    assert _at(table, 4, 0).col_span == 4
    assert _at(table, 5, 0).text == "金额 | 备注"
    assert _at(table, 5, 1).text == "2.45*50%=1.225 & 更多"


def test_markdown_narrative_paragraphs_lose_their_markers() -> None:
    texts = [p.text for p in _paragraphs(text_markdown.parse(MARKDOWN))]
    assert texts == [
        "财政项目支出绩效运行监控（跟踪评价）（重点）",
        "街镇名称：华漕镇人民政府（盖章）",
        "1、项目背景概况",
        "2、预算安排",
    ]


def test_markdown_furniture_dropped_and_pages_set() -> None:
    blocks = text_markdown.parse("甲\n\n| a | b |\n|---|---|\n| c | d |\n\n第 1 页 共 2 页\n\n乙\n\n- 2 -\n")
    assert [(type(b).__name__, b.page) for b in blocks] == [("Paragraph", 1), ("Table", 1), ("Paragraph", 2)]
    assert all("页" not in p.text for p in _paragraphs(blocks))


def test_markdown_table_split_by_furniture_keeps_row_pages() -> None:
    (table,) = _tables(text_markdown.parse("| a | b |\n|---|---|\n| c | d |\n第 1 页 共 2 页\n| e | f |\n"))
    assert [(c.text, c.page) for c in table.cells] == [("a", 1), ("b", 1), ("c", 1), ("d", 1), ("e", 2), ("f", 2)]
    assert table.page == 1


def test_markdown_two_tables_separated_by_text() -> None:
    blocks = text_markdown.parse("| a | b |\n|---|---|\n| c | d |\n\n中间\n\n| e | f |\n| --- | --- |\n")
    assert [type(b).__name__ for b in blocks] == ["Table", "Paragraph", "Table"]
    assert _at(blocks[2], 0, 1).text == "f"


# -- html ------------------------------------------------------------------------------------

HTML_GRID = """<TABLE border=1><THEAD>
<TR><TH ROWSPAN="2">A</TH><TH COLSPAN=2>B</TH><TH>C</TH></TR></THEAD><TBODY>
<TR><TD>D<TD rowspan=2>E<TD>F
<TR><TD>G</TD><TD>H</TD><TD>I</TD></TR>
</TBODY></TABLE>"""


def test_html_rowspan_pushes_later_cells_right() -> None:
    (table,) = _tables(text_html.parse(HTML_GRID))
    placed = {cell.text: (cell.row, cell.col, cell.row_span, cell.col_span) for cell in table.cells}
    assert placed == {
        "A": (0, 0, 2, 1), "B": (0, 1, 1, 2), "C": (0, 3, 1, 1),
        "D": (1, 1, 1, 1), "E": (1, 2, 2, 1), "F": (1, 3, 1, 1),
        "G": (2, 0, 1, 1), "H": (2, 1, 1, 1), "I": (2, 3, 1, 1),
    }
    assert _at(table, 2, 2).text == "E"


def test_html_rowspan_zero_and_overlong_span_reach_the_last_row() -> None:
    (table,) = _tables(text_html.parse("<table><tr><td rowspan=0>x</td><td>1</td></tr><tr><td>2</td></tr>"
                                       "<tr><td rowspan=9>3</td></tr></table>"))
    placed = {cell.text: (cell.row, cell.col, cell.row_span) for cell in table.cells}
    assert placed == {"x": (0, 0, 3), "1": (0, 1, 1), "2": (1, 1, 1), "3": (2, 1, 1)}


def test_html_checkboxes_entities_and_paragraphs_in_cells() -> None:
    doc = (
        "<table><tr><td>是否为经常性项目</td>"
        '<td>是 <input type="checkbox" checked> 否 <INPUT TYPE=checkbox></td>'
        '<td>是<input type="checkbox" checked="false">否<input type="radio" checked=""></td></tr>'
        "<tr><td colspan=3><p>&#x4E00;、项目&amp;情况</p><p>1、背景&nbsp;概况</p>文字<br/>下一行</td></tr></table>"
    )
    (table,) = _tables(text_html.parse(doc))
    assert _at(table, 0, 1).text == "是 ☑ 否 ☐"
    assert _at(table, 0, 2).text == "是☐否☑"
    wide = _at(table, 1, 0)
    assert (wide.col_span, wide.text) == (3, "一、项目&情况\n1、背景\xa0概况\n文字\n下一行")


def test_html_nested_table_flattened_into_parent_cell() -> None:
    doc = ("<table><tr><td>年度项目预算完成可能性</td><td><table><tr><td>√确定能完成</td>"
           "<td>□有可能完成</td></tr><tr><td>尾</td></tr></table></td><td>后</td></tr></table>")
    (table,) = _tables(text_html.parse(doc))
    assert [cell.text for cell in table.cells] == ["年度项目预算完成可能性", "√确定能完成 ☐有可能完成\n尾", "后"]
    assert [cell.col for cell in table.cells] == [0, 1, 2]


def test_html_outside_text_dropped_content_and_unclosed_tags() -> None:
    doc = """<!DOCTYPE html><html><head><title>标题页</title><style>td{color:red}</style>
<script>var s = "<table><tr><td>假</td></tr></table>";</script></head><body>
<!-- <td>注释</td> -->
<H1>财政项目支出绩效运行监控（跟踪评价）（一般）</H1><p>街镇名称：<b>颛桥镇</b>（盖章）
<p>第 1 页 共 2 页</p>
<table><caption>表一</caption><tr><td>项目名称<td>项目甲<tr><td>预算单位<td>乙
</table><p>三、阶段性跟踪结论：</p></body></html>"""
    blocks = text_html.parse(doc)
    assert [(type(b).__name__, b.page) for b in blocks] == [
        ("Paragraph", 1), ("Paragraph", 1), ("Paragraph", 2), ("Table", 2), ("Paragraph", 2)]
    texts = [p.text for p in _paragraphs(blocks)]
    assert texts == ["财政项目支出绩效运行监控（跟踪评价）（一般）", "街镇名称：颛桥镇（盖章）", "表一", "三、阶段性跟踪结论："]
    (table,) = _tables(blocks)
    assert [(c.row, c.col, c.text) for c in table.cells] == [(0, 0, "项目名称"), (0, 1, "项目甲"), (1, 0, "预算单位"), (1, 1, "乙")]


def test_html_bare_rows_without_table_tag_form_a_table() -> None:
    (table,) = _tables(text_html.parse("<tr><td>a</td><td>b</td></tr><tr><td colspan=2>c</td></tr>"))
    assert [(c.row, c.col, c.col_span, c.text) for c in table.cells] == [(0, 0, 1, "a"), (0, 1, 1, "b"), (1, 0, 2, "c")]


def test_html_literal_angle_brackets_in_text_survive() -> None:
    (table,) = _tables(text_html.parse("<table><tr><td>执行率&lt;60%且目标&gt;50%</td></tr></table>"))
    assert table.cells[0].text == "执行率<60%且目标>50%"


# -- cells -----------------------------------------------------------------------------------

CELLS = """财政项目支出绩效运行监控（跟踪评价）（重点）
预 算 单 位
具体实施
(内设机构)
是否为经常性项目
是√ 否口 [ ]其他 ■ 选 □ 空
１８４．１４４
第 1 页 共 3 页
当年预算数
- 2 -
第3页
八十八
"""


def test_cells_one_paragraph_per_line_nothing_joined() -> None:
    texts = [p.text for p in _paragraphs(text_cells.parse(CELLS))]
    assert texts == [
        "财政项目支出绩效运行监控（跟踪评价）（重点）",
        "预 算 单 位",
        "具体实施",
        "(内设机构)",
        "是否为经常性项目",
        "是√ 否口 [ ]其他 ■ 选 ☐ 空",
        "１８４．１４４",
        "当年预算数",
        "八十八",
    ]


def test_cells_footer_ends_a_page_and_header_starts_one() -> None:
    pages = [p.page for p in text_cells.parse(CELLS)]
    assert pages == [1, 1, 1, 1, 1, 1, 1, 2, 3]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["第1页", "甲", "第2页", "乙"], [1, 2]),            # headers
        (["甲", "第 1 页", "乙", "第 2 页"], [1, 2]),         # footers
        (["甲", "Page 1 of 2", "乙"], [1, 2]),
        (["Page 1 of 2", "甲", "Page 2 of 2", "乙"], [1, 2]),
        (["甲", "- 1 -", "- 2 -", "乙"], [1, 2]),            # footer of 1, then header of 2
        (["甲", "1/3", "乙", "2/3", "丙"], [1, 2, 3]),
    ],
    ids=["headers", "footers", "page-of", "page-of-headers", "dash-footer-then-header", "slash"],
)
def test_cells_page_numbers(lines: list[str], expected: list[int]) -> None:
    blocks = text_cells.parse("\n".join(lines))
    assert [b.page for b in blocks] == expected


# -- sniffing and dispatch -------------------------------------------------------------------

TABS = (
    "财政项目支出绩效运行监控（跟踪评价）（重点）\n"
    "项目名称\t2024年项目\t\t\t\n"
    "预算单位\t华漕镇\t是否为经常性项目\t是 <input type=\"checkbox\"/> 否 <input checked=\"\" type=\"checkbox\"/>\n"
    "<p>一、项目基本情况：</p> <p>1、项目背景概况</p>\t\t\t\n"
)


@pytest.mark.parametrize(
    ("sample", "dialect"),
    [
        (MARKDOWN, "markdown"),
        (HTML_GRID, "html"),
        ("<p>a</p><tr><td>x</td></tr>", "html"),
        (CELLS, "cells"),
        (TABS, "tabs"),
        ("| 只有 | 竖线 |\n| 没有 | 分隔行 |\n", "cells"),
        ("<p>段落</p>\n<p>只有段落</p>\n", "cells"),
        ("甲 | 乙\n---\n丙\n", "cells"),
    ],
    ids=["markdown", "html", "html-bare-rows", "cells", "tabs-with-p-and-input", "pipes-no-separator", "p-only",
         "pipe-then-rule"],
)
def test_dialect_of(sample: str, dialect: str) -> None:
    assert text.dialect_of(sample) == dialect


def test_sniffs_do_not_steal() -> None:
    assert not text_html.sniff(TABS)
    assert not text_html.sniff(MARKDOWN)
    assert not text_markdown.sniff(TABS)
    assert not text_markdown.sniff(CELLS)
    assert not text_markdown.sniff(HTML_GRID)
    assert not text_tabs.sniff(MARKDOWN)
    assert not text_tabs.sniff(CELLS)
    assert text_cells.sniff("")


def _corpus_cases() -> list[Path]:
    return sorted(
        path for path in CORPUS.glob("*.*")
        if path.suffix in {".md", ".html", ".txt"} and path.stem != "README"
        and any(path.name.startswith(prefix) for prefix in DIALECT_BY_PREFIX)
    )


def test_corpus_has_two_cases_per_dialect() -> None:
    names = [path.name for path in _corpus_cases()]
    for prefix in DIALECT_BY_PREFIX:
        assert sum(name.startswith(prefix) for name in names) >= 2, prefix


@pytest.mark.parametrize("path", _corpus_cases(), ids=lambda path: path.name)
def test_corpus_sample_read_with_its_dialect(path: Path) -> None:
    document = read_document(path, path.read_bytes())
    expected = next(d for prefix, d in DIALECT_BY_PREFIX.items() if path.name.startswith(prefix))
    assert document.source.dialect == expected
    assert document.lines[0].text.startswith("财政项目支出绩效运行监控（跟踪评价）")
    assert not any("页" in line.text and len(line.text) < 12 for line in document.lines)  # furniture gone
    assert path.with_name(f"{path.stem}.expected.json").is_file()


# -- red-team regressions (unseen OCR layouts) ------------------------------------------------

TWO_COLUMN_TABS = "\n".join(
    ["财政项目支出绩效运行监控（跟踪评价）（重点）", "项目名称\t2024年项目", "预算单位\t吴泾镇人民政府",
     '是否为经常性项目\t是 <input checked="" type="checkbox"/> 否 <input type="checkbox"/>',
     "当年预算数（元）\t3,200,000.00", "预算执行数（元）\t1,685,000.00", "预算执行进度（%）\t52.66%", "<p>一、项目基本情况：</p>\t"]
)


def test_two_column_tab_grid_is_the_tab_dialect() -> None:
    """Label<TAB>value rows (one tab per line) are a table, and their inputs become boxes."""
    assert text.dialect_of(TWO_COLUMN_TABS) == "tabs"
    assert text.dialect_of(TWO_COLUMN_TABS.replace("<input", "<x")) == "tabs"  # six label/value rows
    (table,) = _tables(text_tabs.parse(TWO_COLUMN_TABS))
    assert _at(table, 2, 1).text == "是 ☑ 否 ☐"
    assert text.dialect_of("标题\n甲\t乙\n丙\n") == "cells"  # one stray tab is no table


@pytest.mark.parametrize(
    "separator", ["-|-|-", "|-|-|-|", "|:-:|:-|-:|", "| :--- | ---: | --- |"], ids=["bare", "short", "colons", "spaced"]
)
def test_markdown_short_separators_and_rows_without_outer_pipes(separator: str) -> None:
    sample = f"# 标题\n\n项目名称 | 2024年项目 |\n{separator}\n预算单位 | 吴泾镇 | 是否为经常性项目\n\n正文\n"
    assert text.dialect_of(sample) == "markdown"
    blocks = text_markdown.parse(sample)
    (table,) = _tables(blocks)
    assert _at(table, 0, 0).text == "项目名称" and _at(table, 0, 1).text == "2024年项目"
    assert [_at(table, 1, c).text for c in range(3)] == ["预算单位", "吴泾镇", "是否为经常性项目"]
    assert [p.text for p in _paragraphs(blocks)] == ["标题", "正文"]


def test_html_heading_wrapped_by_br_stays_one_line() -> None:
    sample = (
        "<h1>财政项目支出绩效运行监控<br>（跟踪评价）（重点）</h1><h2>副<br/>标题</h2><h3>未闭合"
        "<p>甲<br>乙</p><table><tr><td>a<br>b</td></tr></table>"
    )
    blocks = text_html.parse(sample)
    assert [p.text for p in _paragraphs(blocks)] == ["财政项目支出绩效运行监控（跟踪评价）（重点）", "副标题", "未闭合", "甲", "乙"]
    assert _at(_tables(blocks)[0], 0, 0).text == "a\nb"


def test_typographic_spaces_and_wide_box_brackets() -> None:
    cell = "街镇名称：某镇人民政府&ensp;（盖章）\u200b"
    assert text_html.parse(f"<p>{cell}</p>")[0].text == "街镇名称：某镇人民政府 （盖章）"
    assert text_cells.parse("［√］是 ［ ］否\n【 】确定能完成 【√】有可能完成 【重点】")[0].text == "[√]是 [ ]否"
    assert text_cells.parse("x\n【 】确定能完成 【√】有可能完成 【重点】")[1].text == "[ ]确定能完成 [√]有可能完成 【重点】"
    (table,) = _tables(text_markdown.parse("| 是否为经常性项目 | ［ ］是 ［Ｘ］否 |\n|---|---|\n"))
    assert _at(table, 0, 1).text == "[ ]是 [X]否"


# -- robustness ------------------------------------------------------------------------------

HOSTILE = [
    "<table><tr><td colspan=99999999 rowspan=99999999>x",
    "<td>a<table><table><tr><td>深</td></table>",
    "</td></tr></table><td>孤</td>",
    "<script>never closed <table><tr><td>x",
    "<p>&#0; &#xFFFFFFFF; &#xD800; &bogus; &</p><table><tr><td>&#x4E00;</td></tr></table>",
    "<table><tr><td>a</td><td>" + "<table><tr><td>" * 200 + "深" + "</td></tr></table>" * 200,
    "|\n|---|\n|",
    "| a |\n| --- |\n| \\| | ** | <br> | <input type=checkbox checked> |",
    "第 99999999999 页\n甲",
]


@pytest.mark.parametrize("module", [text_html, text_markdown, text_cells], ids=lambda m: m.__name__.rsplit("_", 1)[-1])
@pytest.mark.parametrize("sample", HOSTILE, ids=range(len(HOSTILE)))
def test_parse_never_raises_on_hostile_input(module, sample: str) -> None:
    for block in module.parse(sample):
        if isinstance(block, Table):
            assert all(cell.col_span <= text_html.MAX_COLSPAN for cell in block.cells)
            block.grid()  # spans stay inside the grid


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/|-:\t\n tdrpablecolspanrowspan=\"'12&#;x☑□√口第页")), max_size=200))
def test_parse_never_raises_on_random_markup(sample: str) -> None:
    for module in (text_html, text_markdown, text_cells):
        module.parse(sample)
    assert text.dialect_of(sample) in {"html", "markdown", "tabs", "cells"}
