"""A narrow-column table over a page break whose first column is an empty label column: the
first row on the new page is a row of its own, though every cell above ends in a full line
(two characters fill a 32 pt cell), because the new row has text under an empty cell."""

from __future__ import annotations

from parsers.readers import pdf as pdf_reader
from schemas.document import Table
from schemas.limits import Limits
from schemas.record import Source
from tests.readers.pdf_builders import Sheet, build

_XS = [40.0, 72.0, 104.0, 136.0, 168.0]


def _cell(s: Sheet, col: int, top: float, text: str) -> None:
    """Two characters a line, as a narrow cell wraps them."""
    for i in range(0, len(text), 2):
        s.text(_XS[col] + 3, top + 3 + (i // 2) * 12, text[i:i + 2])


def _draw(s: Sheet) -> None:
    s.grid(_XS, [700.0, 730.0, 790.0])
    for col, text in ((1, "一级"), (2, "二级"), (3, "指标")):
        _cell(s, col, 700, text)
    for col, text in ((2, "时效指标"), (3, "30天")):
        _cell(s, col, 730, text)
    s.page()
    s.grid(_XS, [60.0, 110.0])
    for col, text in ((1, "效益指标"), (2, "可持续影响指标"), (3, "建立健全")):
        _cell(s, col, 60, text)


def _rows(table: Table) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(cell.row, []).append(cell.text)
    return [rows[r] for r in sorted(rows)]


def test_row_after_a_page_break_with_text_under_an_empty_cell_is_a_row_of_its_own() -> None:
    doc = pdf_reader.read(build(_draw), Source(path="t.pdf"), Limits())
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert _rows(table) == [
        ["", "一级", "二级", "指标"],
        ["", "", "时效指标", "30天"],
        ["", "效益指标", "可持续影响指标", "建立健全"],
    ]


def test_narrative_row_split_by_a_page_break_beside_an_empty_label_column_is_joined() -> None:
    """The same table whose last row goes on over the break (text only under full cells)."""

    def draw(s: Sheet) -> None:
        s.grid(_XS, [700.0, 730.0, 790.0])
        for col, text in ((1, "一级"), (2, "二级"), (3, "指标")):
            _cell(s, col, 700, text)
        for col, text in ((1, "效益指标"), (2, "时效指标"), (3, "三十")):
            _cell(s, col, 730, text)
        s.page()
        s.grid(_XS, [60.0, 110.0])
        _cell(s, 3, 60, "天内")

    doc = pdf_reader.read(build(draw), Source(path="t.pdf"), Limits())
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert _rows(table) == [
        ["", "一级", "二级", "指标"],
        ["", "效益指标", "时效指标", "三十天内"],
    ]


def test_row_after_a_page_break_under_cells_that_ended_is_a_row_of_its_own() -> None:
    """Several cells of the new row hold text and every cell above ended short of its border
    (`甲` / `乙`, `是` / `否`): two rows, though the label columns are empty on the new page."""
    xs = [40.0, 72.0, 104.0, 136.0, 168.0, 200.0]

    def draw(s: Sheet) -> None:
        s.grid(xs, [700.0, 730.0, 790.0])
        for col, text in ((1, "一"), (2, "二"), (3, "值"), (4, "注")):
            s.text(xs[col] + 3, 703, text)
        for col, text in ((2, "优"), (3, "甲"), (4, "是")):
            s.text(xs[col] + 3, 733, text)
        s.page()
        s.grid(xs, [60.0, 110.0])
        for col, text in ((3, "乙"), (4, "否")):
            s.text(xs[col] + 3, 63, text)

    doc = pdf_reader.read(build(draw), Source(path="t.pdf"), Limits())
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert _rows(table) == [["", "一", "二", "值", "注"], ["", "", "优", "甲", "是"], ["", "", "", "乙", "否"]]
