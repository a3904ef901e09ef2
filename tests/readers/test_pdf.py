"""The PDF reader on small PDFs drawn in the test: grids, wrapping, pages, boxes, errors."""

from __future__ import annotations

import pytest
from pdfplumber.utils.exceptions import PdfminerException
from reportlab.lib.pdfencrypt import StandardEncryption

from parsers.readers import pdf as pdf_reader
from parsers.readers.pdf_boxes import char_text, symbol_family
from schemas.document import Document, Paragraph, Table
from schemas.errors import (
    CorruptDocument,
    EncryptedDocument,
    LimitExceeded,
    NotADocument,
    NoTextLayer,
)
from schemas.limits import Limits
from schemas.record import Source
from tests.readers.pdf_builders import HEIGHT, Sheet, build


def read(data: bytes, limits: Limits | None = None) -> Document:
    return pdf_reader.read(data, Source(path="t.pdf"), limits or Limits())


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def texts(table: Table) -> dict[tuple[int, int], str]:
    return {(c.row, c.col): c.text for c in table.cells}


# ------------------------------------------------------------------ tables


def test_wrapped_cells_join_without_cjk_spaces_and_without_neighbours() -> None:
    def draw(s: Sheet) -> None:
        s.grid([50, 110, 170, 300], [50, 100])
        s.lines(53, 55, ["梅陇镇应", "急管理办", "公室"])
        s.lines(113, 55, ["Latin", "words here"])
        s.lines(173, 55, ["2024年01月01日", "至2024年08月31日"])

    table = tables(read(build(draw)))[0]
    assert texts(table) == {
        (0, 0): "梅陇镇应急管理办公室",
        (0, 1): "Latin words here",
        (0, 2): "2024年01月01日至2024年08月31日",
    }


def test_merged_cells_appear_once_with_spans() -> None:
    # 3 x 3 grid: row 0 cols 1-2 merged; col 0 rows 1-2 merged.
    def draw(s: Sheet) -> None:
        s.grid([50, 150, 250, 350], [50, 80, 110, 140], merged=[(0, 1, 1, 3), (1, 0, 3, 1)])
        s.text(53, 55, "项目名称")
        s.text(153, 55, "2024年华漕镇河道日常养护项目")
        s.text(53, 85, "四、总体判断")
        s.text(153, 85, "预算完成可能性")
        s.text(253, 85, "确定能完成")
        s.text(153, 115, "目标完成可能性")
        s.text(253, 115, "有可能完成")

    table = tables(read(build(draw)))[0]
    spans = {(c.row, c.col): (c.row_span, c.col_span, c.text) for c in table.cells}
    assert spans[(0, 1)] == (1, 2, "2024年华漕镇河道日常养护项目")
    assert spans[(1, 0)] == (2, 1, "四、总体判断")
    assert len(table.cells) == 7
    assert texts(table)[(2, 2)] == "有可能完成"
    covered = [(r, c) for cell in table.cells for r in range(cell.row, cell.row + cell.row_span)
               for c in range(cell.col, cell.col + cell.col_span)]
    assert sorted(covered) == [(r, c) for r in range(3) for c in range(3)]


def test_narrative_cell_keeps_paragraph_breaks() -> None:
    full = "为贯彻落实市委市政府关于城市运行一网统管工作部署会议精神根据"  # fills the cell
    def draw(s: Sheet) -> None:
        s.grid([50, 420], [50, 160])
        s.lines(53, 55, ["1、项目背景概况", full, "行动计划结合实际开展。", "这是另一段文字。", "2、预算安排"])

    cell = tables(read(build(draw)))[0].cells[0]
    assert cell.text.split("\n") == [
        "1、项目背景概况",
        full + "行动计划结合实际开展。",
        "这是另一段文字。",
        "2、预算安排",
    ]


def _table_page(s: Sheet, page: int, rows: list[tuple[str, str]], top: float = 60) -> None:
    s.text(60, 20, "闵行区财政局绩效跟踪材料")
    ys = [top + 30 * i for i in range(len(rows) + 1)]
    s.grid([50, 150, 400], ys)
    for i, (label, value) in enumerate(rows):
        s.text(53, ys[i] + 5, label)
        s.text(153, ys[i] + 5, value)
    s.text(250, HEIGHT - 40, f"第 {page} 页 共 2 页")
    s.text(280, HEIGHT - 25, f"- {page} -")


def test_table_continues_on_next_page_and_furniture_is_dropped() -> None:
    def draw(s: Sheet) -> None:
        _table_page(s, 1, [("项目名称", "河道养护"), ("预算单位", "水务站")])
        s.page()
        _table_page(s, 2, [("跟踪时段", "2024年"), ("调增金额（元）", "0.00")])
        s.text(50, 200, "填报说明：本表金额单位为元。")

    doc = read(build(draw))
    assert doc.source.pages == 2
    [table] = tables(doc)
    assert texts(table)[(3, 0)] == "调增金额（元）"
    assert {c.page for c in table.cells if c.row >= 2} == {2}
    assert {c.page for c in table.cells if c.row < 2} == {1}
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [(p.page, p.text) for p in paragraphs] == [(2, "填报说明：本表金额单位为元。")]
    assert not any("页" in line.text or "绩效跟踪材料" in line.text or "- 1 -" in line.text for line in doc.lines)


def test_row_split_by_page_break_is_joined() -> None:
    def draw(s: Sheet) -> None:
        _table_page(s, 1, [("项目名称", "河道养护"), ("一、基本情况", "截至跟踪期实际支出")])
        s.page()
        _table_page(s, 2, [("", "80万元。"), ("预算单位", "水务站")])

    [table] = tables(read(build(draw)))
    got = texts(table)
    assert table.n_rows == 3
    assert got[(1, 1)] == "截至跟踪期实际支出80万元。"
    assert got[(1, 0)] == "一、基本情况"
    assert got[(2, 0)] == "预算单位"


def test_different_tables_on_one_page_stay_apart() -> None:
    def draw(s: Sheet) -> None:
        s.grid([50, 150, 300], [50, 80])
        s.text(53, 55, "甲")
        s.text(50, 100, "中间的说明文字。")
        s.grid([50, 200, 300], [130, 160])
        s.text(53, 135, "乙")

    doc = read(build(draw))
    assert [type(b).__name__ for b in doc.blocks] == ["Table", "Paragraph", "Table"]


# ------------------------------------------------------------------ boxes


def _draw_options(kind: str, before: bool = False):
    """A one-row table: 是否为经常性项目 | 是 [box ticked] 否 [box empty]."""

    def draw(s: Sheet) -> None:
        s.grid([50, 150, 350], [50, 80])
        s.text(53, 57, "是否为经常性项目")
        x = 155.0
        for label, state in (("是", True), ("否", False)):
            if not before:
                x = s.text(x, 57, label) + 2
            _box(s, kind, x, 57, state)
            x += 12
            if before:
                x = s.text(x, 57, label) + 2
            x += 10

    return draw


def _box(s: Sheet, kind: str, x: float, top: float, state: bool) -> None:
    if kind == "glyph":
        s.text(x, top, "☑" if state else "☐", font="DejaVu")
    elif kind == "pua":
        s.text(x, top, "\uf052" if state else "\uf0a3", font="Wingdings2")
    elif kind == "ascii":
        s.text(x, top, "R" if state else "£", font="Wingdings2")
    elif kind in ("tick", "cross", "lines"):
        (s.four_lines if kind == "lines" else s.square)(x, top)
        if state:
            (s.cross if kind == "cross" else s.tick)(x, top)
    elif kind == "tick-char":
        s.square(x, top)
        if state:
            s.text(x + 1.5, top + 0.5, "√", font="DejaVu", size=8)
    elif kind == "widget":
        s.widget(x, top, state)


BOX_KINDS = ["glyph", "pua", "ascii", "tick", "cross", "lines", "tick-char", "widget"]


@pytest.mark.parametrize("kind", BOX_KINDS)
def test_box_after_label(kind: str) -> None:
    table = tables(read(build(_draw_options(kind))))[0]
    assert len(table.cells) == 2, "a drawn box must not become a table cell"
    assert texts(table)[(0, 1)].replace(" ", "") == "是☑否☐"


@pytest.mark.parametrize("kind", BOX_KINDS)
def test_box_before_label(kind: str) -> None:
    table = tables(read(build(_draw_options(kind, before=True))))[0]
    assert texts(table)[(0, 1)].replace(" ", "") == "☑是☐否"


def test_box_glyphs_are_canonical_but_square_and_tick_are_kept() -> None:
    doc = read(build(lambda s: s.text(50, 50, "A☒ B□ C■ D√", font="DejaVu")))
    assert doc.lines[0].text == "A☑ B☐ C■ D√"


@pytest.mark.parametrize(
    ("text", "font", "expected"),
    [
        ("\uf052", "ABCDEF+Wingdings2", "☑"),
        ("\uf0a3", "Wingdings-2", "☐"),
        ("R", "XYZ+Wingdings2-Regular", "☑"),
        ("£", "Wingdings 2", "☐"),
        ("þ", "Wingdings-Regular", "☑"),
        ("o", "Wingdings", "☐"),
        ("(cid:82)", "Wingdings2", "☑"),
        ("R", "SimSun", "R"),
        ("\uf0b7", "SimSun", ""),
        ("☒", "SimSun", "☑"),
        ("■", "SimSun", "■"),
    ],
)
def test_char_text(text: str, font: str, expected: str) -> None:
    assert char_text(text, font) == expected


def test_symbol_family() -> None:
    assert symbol_family("ABCDEF+Wingdings2") == "wingdings 2"
    assert symbol_family("Wingdings-Regular") == "wingdings"
    assert symbol_family("SimSun") is None


# ------------------------------------------------------------------ errors and limits


def test_scan_without_text_layer() -> None:
    def draw(s: Sheet) -> None:
        s.grid([50, 150], [50, 80])
        s.canvas.rect(100, 100, 300, 300, fill=1)

    with pytest.raises(NoTextLayer) as info:
        read(build(draw))
    assert info.value.code == "no-text-layer"


def test_encrypted() -> None:
    data = build(lambda s: s.text(50, 50, "机密"), encrypt=StandardEncryption("secret", "owner"))
    with pytest.raises(EncryptedDocument) as info:
        read(data)
    assert info.value.code == "encrypted"


def test_owner_password_only_is_readable() -> None:
    data = build(lambda s: s.text(50, 50, "open text", font="Helvetica"), encrypt=StandardEncryption("", "owner"))
    assert read(data).lines[0].text == "open text"


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_truncated(cut: float) -> None:
    data = build(lambda s: s.text(50, 50, "项目名称"))
    with pytest.raises(CorruptDocument) as info:
        read(data[: int(len(data) * cut)])
    assert info.value.code == "corrupt"


def test_garbage_after_header() -> None:
    with pytest.raises(CorruptDocument):
        read(b"%PDF-1.4\n" + bytes(range(256)) * 8)


def test_not_a_pdf() -> None:
    with pytest.raises(NotADocument) as info:
        read(b"PK\x03\x04 this is a zip, not a PDF")
    assert info.value.code == "not-a-document"


def test_too_many_pages_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def draw(s: Sheet) -> None:
        for i in range(3):
            s.text(50, 50, f"第{i}页内容")
            s.page()

    def no_layout(raw: object) -> None:
        raise AssertionError("a page was parsed")

    monkeypatch.setattr(pdf_reader, "layout_page", no_layout)
    with pytest.raises(LimitExceeded) as info:
        read(build(draw), Limits(max_pages=2))
    assert info.value.code == "too-many-pages"


def test_timeout_inside_pdfminer_is_not_swallowed() -> None:
    with pytest.raises(LimitExceeded) as info, pdf_reader._pdf_errors():
        raise PdfminerException(LimitExceeded("超时", code="timeout"))
    assert info.value.code == "timeout"


def test_pages_and_paragraph_pages() -> None:
    def draw(s: Sheet) -> None:
        s.text(50, 50, "第一页的文字。")
        s.page()
        s.text(50, 50, "第二页的文字。")

    doc = read(build(draw))
    assert doc.source.pages == 2
    assert [(b.page, b.text) for b in doc.blocks] == [(1, "第一页的文字。"), (2, "第二页的文字。")]
    assert [line.loc.page for line in doc.lines] == [1, 2]


def test_figure_wrapped_after_its_point_or_comma_joins_without_a_space() -> None:
    from parsers.readers.pdf_text import join_wrapped

    assert join_wrapped("581,000.", "00") == "581,000.00"
    assert join_wrapped("1,250,", "000.00") == "1,250,000.00"
    assert join_wrapped("see item A.", "Then") == "see item A. Then"


def test_row_split_by_a_page_break_with_text_in_its_label_cell_is_joined() -> None:
    """LibreOffice breaks a row over two pages: `年度项目` / `预算完成可能性`, `确定不` / `能完成☐`."""
    from parsers.readers.pdf_page import PartCell, TablePart
    from parsers.readers.pdf_stitch import TableBuilder

    xs = [50.0, 105.0, 300.0]
    one = TablePart(page=1, xs=xs, top=700.0, bottom=800.0, n_rows=2, cells=[
        PartCell(0, 1, 50.0, 105.0, "跟踪时段", False, False),
        PartCell(0, 1, 105.0, 300.0, "2024年01月01日---2024年08月31日", False, False),
        PartCell(1, 2, 50.0, 105.0, "年度项目", True, True),
        PartCell(1, 2, 105.0, 300.0, "确定能完成☐ 有可能完成☑ 确定不", True, True),
    ])
    two = TablePart(page=2, xs=xs, top=60.0, bottom=120.0, n_rows=2, cells=[
        PartCell(0, 1, 50.0, 105.0, "预算完成可能性", False, False),
        PartCell(0, 1, 105.0, 300.0, "能完成☐", False, False),
        PartCell(1, 2, 50.0, 105.0, "年度绩效目标完成可能性", False, False),
        PartCell(1, 2, 105.0, 300.0, "确定能完成☐ 有可能完成☐ 确定不能完成☑", False, False),
    ])
    builder = TableBuilder(one)
    builder.add(two)
    texts = [c.text for c in sorted(builder.build().cells, key=lambda c: (c.row, c.col))]
    assert texts[2:4] == ["年度项目预算完成可能性", "确定能完成☐ 有可能完成☑ 确定不能完成☐"]
    assert len(texts) == 6


def test_new_row_after_a_page_break_is_not_joined_when_the_cells_above_end_short() -> None:
    from parsers.readers.pdf_page import PartCell, TablePart
    from parsers.readers.pdf_stitch import TableBuilder

    xs = [50.0, 105.0, 300.0]
    one = TablePart(page=1, xs=xs, top=700.0, bottom=800.0, n_rows=1, cells=[
        PartCell(0, 1, 50.0, 105.0, "项目名称", True, False),
        PartCell(0, 1, 105.0, 300.0, "2024年马桥镇农村生活污水处理设施运维项目", True, False),
    ])
    two = TablePart(page=2, xs=xs, top=60.0, bottom=90.0, n_rows=1, cells=[
        PartCell(0, 1, 50.0, 105.0, "预算单位", False, False),
        PartCell(0, 1, 105.0, 300.0, "马桥镇农业农村服务中心", False, False),
    ])
    builder = TableBuilder(one)
    builder.add(two)
    assert len(builder.build().cells) == 4


def test_new_indicator_row_after_a_page_break_is_not_joined_for_one_short_choice_that_fills() -> None:
    """An indicator table's next row on the new page, its merged level columns empty there:
    the name, the figures and the causes above had all ended; only the choice `确定能` fills
    its narrow cell. A row of its own (joined, `项目完成及时率问题处置时限` and `10022天`)."""
    from parsers.readers.pdf_page import PartCell, TablePart
    from parsers.readers.pdf_stitch import TableBuilder

    xs = [40.0, 87.0, 134.0, 181.0, 227.0, 274.0, 321.0, 368.0]
    above = ["", "时效指标", "项目完成及时率", "100%", "100", "☐经费保障 ☐制度保障", "确定能"]
    below = ["", "", "问题处置时限", "不超过30天", "22天", "☐经费保障 ☐制度保障", "确定能"]
    one = TablePart(page=1, xs=xs, top=626.0, bottom=753.0, n_rows=1, cells=[
        PartCell(0, 1, xs[i], xs[i + 1], text, bool(text), text == "确定能") for i, text in enumerate(above)])
    two = TablePart(page=2, xs=xs, top=46.0, bottom=174.0, n_rows=1, cells=[
        PartCell(0, 1, xs[i], xs[i + 1], text, bool(text), text in ("问题处置时限", "确定能"))
        for i, text in enumerate(below)])
    builder = TableBuilder(one)
    builder.add(two)
    table = builder.build()
    assert [c.text for c in sorted(table.cells, key=lambda c: (c.row, c.col)) if c.col == 2] == [
        "项目完成及时率", "问题处置时限"]


# A merged 四、 label beside two rows, the table broken by a page break inside those rows
# (LibreOffice lets rows break across pages). Columns 60 pt, option columns 80 pt (or 60).
_XS = [50.0, 110.0, 170.0, 250.0, 330.0, 410.0]
_XS60 = [50.0, 110.0, 170.0, 230.0, 290.0, 350.0]


def _cell_lines(s: Sheet, col: int, top: float, rows: list[str], xs: list[float] = _XS) -> None:
    for i, row in enumerate(rows):
        x, y = xs[col] + 3, top + 3 + i * 14
        for char in row:
            font = "DejaVu" if char in "☑☐" else "STSong-Light"
            x = s.text(x, y, char, font=font)


def _texts_in_order(table: Table) -> list[tuple[int, int, int, str]]:
    return [(c.row, c.col, c.row_span, c.text) for c in sorted(table.cells, key=lambda c: (c.row, c.col))]


def test_row_beside_a_merged_label_split_by_a_page_break_is_joined() -> None:
    """`年度绩效目` / `标完成可能性`, `☐确定能完` / `成`: one row, the label spans two rows."""

    def draw(s: Sheet) -> None:
        xs = _XS60
        s.grid(xs, [60.0, 90.0, 150.0, 180.0], merged=[(0, 1, 1, 5), (1, 0, 3, 1)])
        _cell_lines(s, 0, 60, ["项目名称"], xs)
        _cell_lines(s, 1, 60, ["2024年梅陇镇应急物资储备项目"], xs)
        _cell_lines(s, 0, 90, ["四、绩效跟", "踪后项目总", "体判断"], xs)
        _cell_lines(s, 1, 90, ["年度项目预", "算完成可能", "性"], xs)
        for col, text in ((2, ["☑确定能完", "成"]), (3, ["☐有可能完", "成"]), (4, ["☐确定不能", "完成"])):
            _cell_lines(s, col, 90, text, xs)
        for col, text in ((1, "年度绩效目"), (2, "☐确定能完"), (3, "☑有可能完"), (4, "☐确定不能")):
            _cell_lines(s, col, 150, [text], xs)
        s.page()
        s.grid(xs, [60.0, 90.0, 120.0], merged=[(1, 1, 2, 5)])
        for col, text in ((1, ["标完成可能", "性"]), (2, ["成"]), (3, ["成"]), (4, ["完成"])):
            _cell_lines(s, col, 60, text, xs)
        _cell_lines(s, 0, 90, ["备注"], xs)
        _cell_lines(s, 1, 90, ["无"], xs)

    cells = _texts_in_order(tables(read(build(draw)))[0])
    assert (1, 0, 2, "四、绩效跟踪后项目总体判断") in cells
    assert [c[3] for c in cells if c[0] == 2] == ["年度绩效目标完成可能性", "☐确定能完成", "☑有可能完成", "☐确定不能完成"]
    assert [c[3] for c in cells if c[0] == 3] == ["备注", "无"]


def test_merged_label_split_by_a_page_break_goes_on_beside_the_next_row() -> None:
    """The label itself breaks (`踪后项目总` / `体判断`) and spans two rows on the new page."""

    def draw(s: Sheet) -> None:
        s.grid(_XS, [60.0, 90.0, 125.0], merged=[(0, 1, 1, 5)])
        _cell_lines(s, 0, 60, ["项目名称"])
        _cell_lines(s, 1, 60, ["2024年梅陇镇应急物资储备项目"])
        _cell_lines(s, 0, 90, ["四、绩效跟", "踪后项目总"])
        _cell_lines(s, 1, 90, ["年度项目预", "算完成可能"])
        for col, text in ((2, "☑确定能完成"), (3, "☐有可能完成"), (4, "☐确定不能完成")):
            _cell_lines(s, col, 90, [text])
        s.page()
        s.grid(_XS, [60.0, 80.0, 130.0], merged=[(0, 0, 2, 1)])
        _cell_lines(s, 0, 60, ["体判断"])
        _cell_lines(s, 1, 60, ["性"])
        _cell_lines(s, 1, 80, ["年度绩效目", "标完成可能", "性"])
        for col, text in ((2, "☐确定能完成"), (3, "☑有可能完成"), (4, "☐确定不能完成")):
            _cell_lines(s, col, 80, [text])

    cells = _texts_in_order(tables(read(build(draw)))[0])
    assert (1, 0, 2, "四、绩效跟踪后项目总体判断") in cells
    assert [c[3] for c in cells if c[0] == 1][1:] == ["年度项目预算完成可能性", "☑确定能完成", "☐有可能完成", "☐确定不能完成"]
    assert [c[3] for c in cells if c[0] == 2] == ["年度绩效目标完成可能性", "☐确定能完成", "☑有可能完成", "☐确定不能完成"]


def test_a_unit_caption_opening_every_page_is_kept_though_it_repeats() -> None:
    # One form per page: each page opens with its title and its tables' unit caption, in the
    # band where running headers stand; the header goes, the title and the caption stay.
    def draw(s: Sheet) -> None:
        for page in (1, 2):
            s.text(150, 40, "项目支出绩效自评表")
            s.text(60, 56, "单位：万元")
            _table_page(s, page, [("项目名称", f"项目{page}"), ("资金总额", "31.15")], top=76)
            if page == 1:
                s.page()

    texts_read = [line.text for line in read(build(draw)).lines]
    assert texts_read.count("单位：万元") == 2
    assert texts_read.count("项目支出绩效自评表") == 2
    assert not any("绩效跟踪材料" in text for text in texts_read)
