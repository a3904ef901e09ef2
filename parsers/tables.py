"""Tables of a form template (`schemas.template.TableSpec`) read from the document model.

Format-neutral: it reads `Table` grids (every reader builds them). A header row is a row
whose cells name at least two of the table's columns; each value cell belongs to the column
whose header covers its first grid column. A `rows` header may be printed on two rows: a group
cell of the first (绩效指标 over three columns, 年度指标值 over three) is replaced by the labels
under it (一级指标 | 二级指标 | 三级指标, 指标性质 | 指标值 | 度量单位; `parsers.grouped_header`),
a cell merged down keeps its column, and box columns' options may stand there too. `grid`
tables then read named rows (a row's label is the last unheaded cell before its values;
unknown labelled rows with figures go to the table's `extra` list), `rows` tables read
repeating rows, inheriting blank or merged label columns from above (not a column a
neighbour's cell is merged across: it is null), dropping placeholder rows, ending at an
`end` label (总分), and going on into the next table block when it continues the same
columns (a table across pages, with at most a page header between: `parsers.page_gap`; a
Word table split in two, a 续表 note between its parts).

Units of amounts: the cell's own, else its column header's (年度预算数（万元）), else its row
label's (年度资金总额（万元）), else the block label's (项目资金（万元）), else the caption's, else
the one unit the row labels above state (the rows under 年度资金总额（万元） share its unit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import regex

from parsers.fields.amount import parse_amount
from parsers.fields.percent import parse_percent
from parsers.fields.target import is_empty_cell, parse_score, parse_target
from parsers.grouped_header import groups, stray_cells, sub_cells
from parsers.lazy_pattern import LazyPattern
from parsers.normalize import label_key, one_line, split_unit, to_ascii
from parsers.page_gap import is_page_gap
from parsers.readers.checkbox_glyphs import UNKNOWN
from parsers.row_boxes import BoxRead, box_cell, box_state, option_of
from schemas.document import Cell, Document, Line, Paragraph, Table
from schemas.forms.common import Target
from schemas.record import ProvenanceEntry
from schemas.template import ColumnSpec, TableSpec

_POINTS = LazyPattern(r"[（(]?\s*\d+(?:\.\d+)?\s*分\s*[)）]?$")
_OPTIONS_NOTE = LazyPattern(r"(?<=.)[（(][^（）()/／、]{1,6}(?:[/／、][^（）()/／、]{1,6})+[)）]$")  # （优/良/中/差）
_POINTS_UNIT = LazyPattern(r"(?<=.)[（(]\s*分\s*[)）]$")  # 分值（分）: the points unit, no figure
_MONTHS = LazyPattern(r"(?<![\d.])1\s*[-－—–~～至到]\s*(?:1[0-2]|[1-9])\s*月")
_YEARS_NOTE = LazyPattern(r"[（(][^（）()]*\d{4}[^（）()]*[)）]$")
_LEADING_QIZHONG = LazyPattern(r"^其中")
_SEAL_NOTE = LazyPattern(r"(?<=.)[（(]\s*(?:盖章|公章|签章|印章)\s*[)）]$")  # 实施单位（盖章）
_LETTER_NOTE = LazyPattern(r"(?<=.)[（(]\s*[A-Za-z](?:\s*[-+*/×÷=]\s*[A-Za-z])*\s*[)）]$")  # 预算数（A）, （B/A）
_POINTS_NOTE = LazyPattern(r"(?<=.)[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")  # （20分） after the unit: 预算执行情况（万元）（20分）
_FORMULA_NOTE = LazyPattern(r"(?<=.)[（(][^（）()]*[*×][^（）()]*[)）]$")  # 得分（20分*执行率）: how it is scored
_ORDINAL = LazyPattern(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*(?=[^\d\s])")  # 1.项目年度目标…
_DIGIT = LazyPattern(r"\d")
# A note between the parts of a split table (（续表）, 续上表) is this short or shorter.
MAX_CONTINUATION_NOTE = 12
# A group cell of a two-row header (偏差原因分析及改进措施, 年度绩效指标完成情况) is this short or shorter.
MAX_GROUP_LABEL = 16


@cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """A template's regular expression, compiled once for the process."""
    return regex.compile(pattern)


@lru_cache(maxsize=8192)  # pure; a document's cells and the templates' labels are keyed again and again
def header_key(text: str) -> tuple[str, str | None]:
    """A header cell's label key and stated unit: `分值（10分）` and `分值（分）` -> 分值; `年初预算（万元）` -> 年初预算, 万元.

    A month range reads as `1-N月` (`1-7月执行数` -> 1-N月执行数) and a bracketed span of years,
    list of options, seal note or column letter after a label is dropped (`中期目标（2024年-2026年）`
    -> 中期目标, `评价等级（优/良/中/差）` -> 评价等级, `实施单位（盖章）` -> 实施单位, `预算数（A）` and
    `执行率（B/A）` -> 预算数, 执行率), and so is a label's number (`1.项目年度目标` -> 项目年度目标)."""
    line = one_line(text)
    if "分" in line:
        line = _POINTS_NOTE.sub("", line)  # the points after a unit, so that the unit stands last
    base, unit = split_unit(line)
    if base[:1].isdigit() or base[:1] in "一二三四五六七八九十":
        base = _ORDINAL.sub("", base)  # a numbered label (1.项目年度目标完成情况) is its words
    # each pattern is tried only on a text holding the character it cannot match without (a
    # line of narrative is long, and most of it holds none)
    if "月" in base:
        base = _MONTHS.sub("1-N月", base)
    if "(" in base or "（" in base:
        base = _POINTS_UNIT.sub("", _YEARS_NOTE.sub("", base))
        base = _OPTIONS_NOTE.sub("", _SEAL_NOTE.sub("", _LETTER_NOTE.sub("", _FORMULA_NOTE.sub("", base))))
    key = label_key(base)
    return (_POINTS.sub("", key) if "分" in key else key) or key, unit


@dataclass
class TableRead:
    """What one table spec read: its value, provenance, and the cells it used."""

    value: Any = None
    provenance: dict[str, ProvenanceEntry] = field(default_factory=dict)
    used: set[tuple[int, int]] = field(default_factory=set)  # (block, row)
    unread: list[tuple[str, str, int, int, int]] = field(default_factory=list)  # (label, value, block, row, col)


@dataclass
class _Header:
    block: int
    row: int
    columns: dict[int, tuple[str, int | None]]  # grid col -> (column key, split part)
    units: dict[int, str]  # grid col -> unit stated in its header
    label_cols: set[int]
    block_unit: str | None
    options: dict[int, tuple[str, str]] = field(default_factory=dict)  # grid col -> (box column, option)
    printed: dict[str, str] = field(default_factory=dict)  # column key -> its header as printed
    cells: dict[int, Cell] = field(default_factory=dict)  # grid col -> the header cell naming its column
    top: int = -1  # the header's first row (`row` is its last: the row above the values); -1: `row`
    titles: dict[int, str] = field(default_factory=dict)  # grid col -> the table label over it (年度绩效指标)

    def __post_init__(self) -> None:
        if self.top < 0:
            self.top = self.row


class _Lines:
    """(block, row) -> the document line of that table row."""

    def __init__(self, document: Document) -> None:
        self.rows: dict[tuple[int, int], Line] = {}
        for line in document.lines:
            if line.row is not None:
                self.rows.setdefault((line.block, line.row), line)

    def entry(self, block: int, row: int, col: int | None = None) -> ProvenanceEntry | None:
        line = self.rows.get((block, row))
        if line is None:
            return None
        return ProvenanceEntry(page=line.loc.page, line=line.loc.line, text=line.text, block=block, row=row, col=col)


_KEYS: dict[int, dict[str, tuple[str, int | None]]] = {}


def _column_keys(spec: TableSpec) -> dict[str, tuple[str, int | None]]:
    cached = _KEYS.get(id(spec))
    if cached is not None:
        return cached
    keys: dict[str, tuple[str, int | None]] = {}
    _KEYS[id(spec)] = keys
    for name, column in spec.columns.items():
        for part, label in enumerate(column.split):
            keys.setdefault(header_key(label)[0], (name, part))
    for name, column in spec.columns.items():
        for label in column.labels:
            keys.setdefault(header_key(label)[0], (name, None))
    return keys


@cache
def _label_keys(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(header_key(label)[0] for label in labels)


def _has_split(keys_in_row: list[str], keys: dict[str, tuple[str, int | None]], split_used: set[str]) -> bool:
    """Whether a header row prints a split column's parts (指标性质 | 指标值 | 度量单位): a part
    other than 指标值, which alone is the whole column's label too."""
    return any(key in split_used and keys[key][1] is not None for key in keys_in_row if key in keys and key != "指标值")


def _column_of(key: str, keys: dict[str, tuple[str, int | None]], spec: TableSpec,
               has_split: bool) -> tuple[str, int | None] | None:
    """The (column, split part) a header key names in a row that prints split parts or not."""
    if key not in keys and spec.periods:
        key = _after_period(key, keys, spec) or key
    found = keys.get(key)
    if found is None or found[1] is None or has_split:
        return found
    return next(((name, None) for name, col in spec.columns.items() if key in _label_keys(col.labels)), None)


def find_header(table: Table, block: int, spec: TableSpec, start: int = 0) -> _Header | None:
    """The first header of `spec` in `table` from row `start` on: a header row, or two (the
    first row's group cells replaced by the labels under them, `_sub_labels`)."""
    keys = _column_keys(spec)
    split_used = {header_key(label)[0] for column in spec.columns.values() for label in column.split}
    grid = table.grid()
    for r in range(start, table.n_rows):
        columns: dict[int, tuple[str, int | None]] = {}
        units: dict[int, str] = {}
        label_cols: set[int] = set()
        cells: dict[int, Cell] = {}
        block_unit = None
        loose: dict[int, str] = {}  # grid col -> money unit stated by a cell no key names
        texts = {c: header_key(cell.text) for c, cell in enumerate(grid[r]) if cell is not None}
        has_split = _has_split([key for key, _ in texts.values()], keys, split_used)
        for c, cell in enumerate(grid[r]):
            if cell is None:
                continue
            key, unit = texts[c]
            if key in _label_keys(spec.labels):
                label_cols.add(c)
                block_unit = block_unit or unit
                continue
            found = _column_of(key, keys, spec, has_split)
            if found is None:
                if unit and unit != "%":
                    loose[c] = unit
                continue
            columns[c] = found
            cells[c] = cell
            if unit:
                units[c] = unit
        header = _Header(block, r, columns, units, label_cols, None, cells=cells, top=r)
        if spec.kind == "rows":
            _sub_labels(grid, header, spec, keys, split_used)
            _stand_in(header, spec)
        if spec.kind == "grid":
            block_unit = _drop_corner(grid, r, columns, units, spec) or block_unit
        if len({name for name, _ in columns.values()}) >= (2 if spec.kind == "grid" else 3):
            header.block_unit = block_unit or _block_label_unit(loose, columns)
            for c, (name, _part) in sorted(columns.items()):
                header.printed.setdefault(name, one_line(header.cells[c].text))
            _option_subheader(table, grid, header, spec)
            return header
    return None


def _stand_in(header: _Header, spec: TableSpec) -> None:
    """Columns the header does not print, read from the ones `spec.stand_ins` names for them."""
    named = {name for name, _part in header.columns.values()}
    for missing, source in spec.stand_ins.items():
        if missing not in named and source in named:
            header.columns.update({c: (missing, part) for c, (name, part) in header.columns.items() if name == source})


def _sub_labels(grid: list[list[Cell | None]], header: _Header, spec: TableSpec,
                keys: dict[str, tuple[str, int | None]], split_used: set[str]) -> None:
    """A header printed on two rows: each group cell of the header row (绩效指标 over three
    columns, 年度指标值 over three) whose cells in the row below are labels of the template's
    columns or of its split column's parts (一级指标 | 二级指标 | 三级指标, 指标性质 | 指标值 |
    度量单位) is replaced by them, and the row below becomes part of the header. A cell of the
    header row merged down keeps its column; a group over no such labels (偏差原因分析 over its
    options, `_option_subheader`) keeps its own. The row below is no second header row when a
    filled cell of its own stands under no group, or fewer than two of its cells name columns;
    a group cell is a label (a short text without figures), not a row of content spanning the
    table (a goal's text over the header below it)."""
    top = header.row
    if top + 1 >= len(grid):
        return
    found = [group for group in groups(grid, top) if _group_label(group.cell.text)]
    if not found or stray_cells(grid, top, found):
        return
    subs = {g.cell.col: sub_cells(grid, top, g) for g in found}
    texts = {c: header_key(cell.text) for under in subs.values() for c, cell in under.items()}
    has_split = _has_split([key for key, _ in texts.values()], keys, split_used)
    named = {c: column for c, (key, _) in texts.items() if (column := _column_of(key, keys, spec, has_split))}
    if len({id(cell) for under in subs.values() for c, cell in under.items() if c in named}) < 2:
        return
    table_labels = _label_keys(spec.labels)
    for group in found:
        own = [c for c in group.cols if c in named]
        if not own:
            continue
        group_key, group_unit = header_key(group.cell.text)
        for c in group.cols:
            header.columns.pop(c, None)
            header.units.pop(c, None)
            header.cells.pop(c, None)
            header.label_cols.discard(c)
            if group_key in table_labels:
                header.titles[c] = one_line(group.cell.text)
        for c in own:
            header.columns[c] = named[c]
            header.cells[c] = subs[group.cell.col][c]
            unit = texts[c][1] or group_unit
            if unit:
                header.units[c] = unit
    header.row = top + 1


def _group_label(text: str) -> bool:
    key = header_key(text)[0]
    return 0 < len(key) <= MAX_GROUP_LABEL and not _DIGIT.search(key)


_ROW_KEYS: dict[int, frozenset[str]] = {}


def _row_label_keys(spec: TableSpec) -> frozenset[str]:
    """The keys of a grid spec's row labels, without a leading 其中 (其中：财政资金 -> 财政资金)."""
    keys = _ROW_KEYS.get(id(spec))
    if keys is None:
        keys = _ROW_KEYS[id(spec)] = frozenset(_LEADING_QIZHONG.sub("", header_key(label)[0])
                                               for row in spec.rows.values() for label in row.labels)
    return keys


def _drop_corner(grid: list[list[Cell | None]], r: int, columns: dict[int, tuple[str, int | None]],
                 units: dict[int, str], spec: TableSpec) -> str | None:
    """Drop from a grid header the corner cell over the row labels, though its words name a
    column (`年度预算数（万元）` over 总额 / 其中：财政资金 … beside 年初预算 | 调整后预算数 |
    预算执行数): the grid column below it holds row labels, not values. The unit it states is
    the unit of the whole block, which that corner heads; returned (or None)."""
    row_keys = _row_label_keys(spec)
    unit = None
    for c in sorted(columns):
        below = [cell for rr in range(r + 1, len(grid)) if (cell := grid[rr][c]) is not None
                 and cell.row == rr and cell.col == c and one_line(cell.text)]
        if any(_LEADING_QIZHONG.sub("", header_key(cell.text)[0]) in row_keys for cell in below):
            columns.pop(c)
            unit = unit or units.pop(c, None)
    return unit


def _after_period(key: str, keys: dict[str, tuple[str, int | None]], spec: TableSpec) -> str | None:
    """The key of a header a period word opens or closes (`中期指标内容`, `年度指标内容`;
    `二级指标（长期）`, `指标值（年度）`) without the word, when it names a column: the
    side-by-side runs of a declaration's indicators, a table printed once per period."""
    for words in spec.periods.values():
        for word in words:
            head = label_key(word)
            if len(key) <= len(head):
                continue
            if key.startswith(head) and key[len(head):] in keys:
                return key[len(head):]
            if key.endswith(head) and key[:-len(head)] in keys:
                return key[:-len(head)]
    return None


def _block_label_unit(loose: dict[int, str], columns: dict[int, tuple[str, int | None]]) -> str | None:
    """The money unit a header row's block label states though the template does not name
    the label (`年度预算执行情况（万元）` over the funds rows of a 部门整体 form): a cell left
    of every column the header maps, the one unit stated there."""
    units = {unit for c, unit in loose.items() if c < min(columns)}
    return units.pop() if len(units) == 1 else None


def _option_subheader(table: Table, grid: list[list[Cell | None]], header: _Header, spec: TableSpec) -> None:
    """Sub-columns of box columns in the row below the header (经费保障 | 制度保障 … under 偏差原因分析):
    map each to its option and make that row part of the header (already so where other
    group cells of the header row were replaced by the labels in it, `_sub_labels`)."""
    boxed = {name for name, column in spec.columns.items() if column.type in ("boxes", "option")}
    if not boxed & {name for name, _ in header.columns.values()} or header.top + 1 >= table.n_rows:
        return
    top, below = header.top, header.top + 1
    owner: str | None = None
    found: dict[int, tuple[str, str]] = {}
    for c in range(table.n_cols):
        mapped = header.columns.get(c)
        if mapped is not None and grid[top][c] is not None and grid[top][c].col == c:  # type: ignore[union-attr]
            owner = mapped[0] if mapped[0] in boxed else None
        cell = grid[below][c]
        if owner is None or cell is None or cell.row != below or cell.col != c:
            continue
        option = option_of(cell.text, spec.columns[owner])
        if option is not None:
            found[c] = (owner, option)
    per_column: dict[str, set[str]] = {}
    for name, option in found.values():
        per_column.setdefault(name, set()).add(option)
    if found and all(len(options) >= 2 for options in per_column.values()):  # a sub-header lists the options
        header.options = found
        header.row = below
        for c in found:
            header.columns.pop(c, None)


def _header_rows(header: _Header) -> set[tuple[int, int]]:
    """(block, row) of every row of the header."""
    return {(header.block, r) for r in range(header.top, header.row + 1)}


def _row_cells(table: Table, r: int) -> list[Cell]:
    return sorted((cell for cell in table.cells if cell.row == r), key=lambda cell: cell.col)


def _value(column: ColumnSpec, text: str, unit: str | None) -> Any:
    if column.type == "amount":
        return parse_amount(text, unit)
    if column.type == "score":
        return parse_score(text)
    if column.type == "percent":
        return None if is_empty_cell(text) else parse_percent(text)
    if column.type == "target":
        return parse_target(text)
    value = one_line(text.replace(UNKNOWN, ""))  # a box of unknown state is no text
    for pattern in column.drop:
        value = compiled(pattern).sub("", value).strip()
    return value or None


def _cells_by_column(header: _Header, cells: list[Cell], shift: int = 0) -> dict[str, dict[int | None, Cell]]:
    out: dict[str, dict[int | None, Cell]] = {}
    for cell in cells:
        found = header.columns.get(cell.col + shift)
        if found is not None:
            out.setdefault(found[0], {}).setdefault(found[1], cell)
    return out


def _lost_block_span(table: Table, header: _Header, spec: TableSpec, row_keys: dict[str, str]) -> int:
    """1 when the block label spans the rows below it in the print but not in the text (a
    scraped page: `预算执行情况 | 年度预算数（万元） | 年初预算 | …` over `总额 | 0.00 | 3.36 | …`):
    the rows name themselves in the block label's column, hold one filled cell fewer than
    the header, and their rates (`100.00%`) stand under the rate column only one column
    right of where they are. The header's column after the block label is then the corner
    over the row labels, and its unit the block's. Else 0."""
    if len(header.label_cols) != 1:
        return 0
    label_col = next(iter(header.label_cols))
    corner = label_col + 1
    if corner not in header.columns:
        return 0
    head = [cell for cell in _row_cells(table, header.row) if one_line(cell.text)]
    fits = [0, 0]  # figures whose kind (a rate or not) fits their column's, read in place / shifted
    for r in range(header.row + 1, table.n_rows):
        cells = [cell for cell in _row_cells(table, r) if one_line(cell.text)]
        if not cells:
            continue
        named = cells[0].col == label_col and _LEADING_QIZHONG.sub("", header_key(cells[0].text)[0]) in row_keys
        if not named or len(cells) != len(head) - 1:
            break
        for cell in cells[1:]:
            for shift in (0, 1):
                found = header.columns.get(cell.col + shift)
                if found is not None and _DIGIT.search(cell.text):
                    rate = "%" in to_ascii(cell.text)
                    fits[shift] += rate == (spec.columns[found[0]].type == "percent")
    if fits[1] <= fits[0]:
        return 0
    header.block_unit = header.block_unit or header.units.pop(corner, None)
    header.columns.pop(corner)
    return 1


def _first_mapped(header: _Header) -> int:
    return min(header.columns)


def read_grid(document: Document, spec: TableSpec, caption_unit: str | None, stop_keys: frozenset[str]) -> TableRead:
    """A `grid` table: {row key: {column: value}} plus `extra` rows, or an empty read."""
    lines = _Lines(document)
    row_keys = {(_LEADING_QIZHONG.sub("", header_key(label)[0])): name
                for name, row in spec.rows.items() for label in row.labels}
    for block, table in _tables(document):
        header = find_header(table, block, spec)
        if header is None:
            continue
        read = TableRead(value={}, used=_header_rows(header))
        extra: list[dict[str, Any]] = []
        shift = _lost_block_span(table, header, spec, row_keys)
        first = _first_mapped(header)
        stated: set[str] = set()  # the units row labels state (年度资金总额（万元）)
        for r in range(header.row + 1, table.n_rows):
            cells = _row_cells(table, r)
            # The block label's column holds the row labels too where the header row is the
            # block's first (项目资金 | 资金总额 | … over 中期 | 860.00 | …).
            row_named = {c.col for c in cells if c.col in header.label_cols
                         and _LEADING_QIZHONG.sub("", header_key(c.text)[0]) in row_keys}
            moved = shift if cells and cells[0].col in header.label_cols and one_line(cells[0].text) \
                and not _DIGIT.search(cells[0].text) else 0
            row_named |= {cells[0].col} if moved else set()
            labels = [c for c in cells if c.col + moved < first and (c.col not in header.label_cols or c.col in row_named)
                      and one_line(c.text)]
            label_text = one_line(labels[-1].text) if labels else ""
            key, row_unit = header_key(label_text) if label_text else ("", None)
            stated |= {row_unit} if row_unit else set()
            shared = next(iter(stated)) if len(stated) == 1 else None
            name = row_keys.get(_LEADING_QIZHONG.sub("", key)) if key else None
            by_column = _cells_by_column(header, cells, moved)
            figures = any(spec.columns[name].type != "text" and _DIGIT.search(cell.text)
                          for name, parts in by_column.items() for cell in parts.values())
            if any((c.col in header.label_cols and c.col not in row_named and one_line(c.text)) or (header_key(c.text)[0] in stop_keys and
                   _LEADING_QIZHONG.sub("", header_key(c.text)[0]) not in row_keys) for c in cells if c.col + moved < first):
                break  # a new block of the form begins in this row
            if name is None and key and (key in stop_keys or not figures):
                break
            if name is None and not key:
                if not figures or spec.default_row is None or spec.default_row in read.value:
                    break
                name = spec.default_row
            values: dict[str, Any] = {}
            for column_name, parts in by_column.items():
                cell = parts.get(None) or next(iter(parts.values()))
                column = spec.columns[column_name]
                unit = header.units.get(cell.col) or row_unit or header.block_unit or caption_unit or shared
                values[column_name] = _value(column, cell.text, unit)
            path = place_grid_row(read, extra, spec, name, label_text, values)
            if path is None:
                continue
            _provenance(read, lines, block, r, path, by_column)
        if spec.extra:
            read.value[spec.extra] = extra
        return read
    return TableRead()


def place_grid_row(read: TableRead, extra: list[dict[str, Any]], spec: TableSpec, name: str | None,
                   label: str, values: dict[str, Any]) -> str | None:
    """Put one grid row's values where they belong: under its row key (the first row of a key
    wins), else as the next `extra` row with its label. The row's provenance path, or None when
    the row has no key and the spec keeps no extra rows (the caller decides what that ends)."""
    if name is not None:
        read.value.setdefault(name, values)
        return name
    if spec.extra is None:
        return None
    extra.append({"label": label, **values})
    return f"{spec.extra}.{len(extra) - 1}"


def read_rows(document: Document, spec: TableSpec, stop_keys: frozenset[str]) -> TableRead:
    """A `rows` table: a list of row dicts (column key -> value), or an empty read."""
    lines = _Lines(document)
    end_keys = _label_keys(spec.end)
    placeholders = [compiled(p) for p in spec.placeholders]
    tables = list(_tables(document))
    for position, (block, table) in enumerate(tables):
        header = find_header(table, block, spec)
        if header is None:
            continue
        read = TableRead(value=[], used=_header_rows(header))
        inherited: dict[str, str | None] = {}
        start = header.row + 1
        for next_block, next_table in [(block, table), *tables[position + 1:]]:
            if next_block != block:
                last = _last_block(read, block)
                if next_table.n_cols != table.n_cols or not (
                        _continues(document, last, next_block, spec)
                        or is_page_gap(document.blocks, last + 1, next_block)):
                    break
                again = find_header(next_table, next_block, spec)
                start = again.row + 1 if again is not None and again.top == 0 else 0
            ended = _read_rows_of(next_table, next_block, start, header, spec, lines, read, inherited,
                                  end_keys | stop_keys, placeholders)
            block = next_block
            if ended:
                break
        return read
    return TableRead()


def _continues(document: Document, last: int, block: int, spec: TableSpec) -> bool:
    """Whether table `block` may go on from the table read up to block `last`: it follows
    directly, or only short notes naming a continuation (`spec.continued_by`: 续表) stand
    between them."""
    between = document.blocks[last + 1 : block]
    if not between or not spec.continued_by:
        return not between
    words = _label_keys(spec.continued_by)
    return all(
        isinstance(b, Paragraph) and len(key := label_key(b.text)) <= MAX_CONTINUATION_NOTE
        and any(word in key for word in words)
        for b in between
    )


def _spanned_over(header: _Header, cell: Cell | None, col: int, name: str) -> bool:
    """Whether grid column `col` of column `name` is covered by a cell of another column,
    merged across into it: the row prints no value of its own there, nor inherits one."""
    if cell is None or cell.col >= col:
        return False
    owner = header.columns.get(cell.col)
    return owner is not None and owner[0] != name


def _last_block(read: TableRead, default: int) -> int:
    return max((b for b, _ in read.used), default=default)


def _read_rows_of(table: Table, block: int, start: int, header: _Header, spec: TableSpec, lines: _Lines,
                  read: TableRead, inherited: dict[str, str | None], end_keys: frozenset[str],
                  placeholders: list[regex.Pattern[str]]) -> bool:
    """Read rows of one table block into `read`; True when an end row was reached."""
    grid = table.grid()
    first = _first_mapped(header)
    for r in range(start, table.n_rows):
        cells = _row_cells(table, r)
        keys = _column_keys(spec)
        if sum(1 for c in cells if header_key(c.text)[0] in keys) >= 3:
            continue  # the header repeated on the next page
        lead = [c for c in cells if one_line(c.text)]
        if lead and (header_key(lead[0].text)[0] in end_keys or
                     (lead[0].col < first and header_key(lead[0].text)[0] in end_keys)):
            return True
        if lead and lead[0].col < first and lead[0].col not in header.label_cols and not _under_header(header, lead[0]):
            return True  # a labelled row of another part of the form
        values: dict[str, Any] = {}
        filled = False
        printed: set[str] = set()  # inherited columns this row prints a value in
        for c, (name, part) in sorted(header.columns.items()):
            if name in spec.inherit and part is None and name not in printed:
                cell = grid[r][c]
                if _spanned_over(header, cell, c, name):
                    values[name] = None  # a neighbour's cell (满意度指标 over 一级 and 二级) covers it
                    continue
                text = one_line(cell.text) if cell is not None and cell.col == c else ""
                value = _value(spec.columns[name], text, None) if text else None
                if value is not None:
                    printed.add(name)
                elif name in values:
                    continue  # a later grid column of the same merged header, empty: the first one's value stands
                else:
                    value = inherited.get(name)
                values[name] = value
        by_column = _cells_by_column(header, cells)
        values.update(_subcolumn_boxes(header, grid, r, spec))
        for name, parts in by_column.items():
            if name in spec.inherit or name in values:
                continue
            column = spec.columns[name]
            if column.type in ("boxes", "option"):
                cell = parts.get(None) or next(iter(parts.values()))
                values[name] = box_cell(cell.text, column, header.printed.get(name, column.label), cell.boxes)
                continue
            if column.split and any(part is not None for part in parts):
                joined = "".join(one_line(parts[p].text) for p in sorted(k for k in parts if k is not None))
                values[name] = parse_target(joined)
            else:
                cell = parts.get(None) or next(iter(parts.values()))
                values[name] = _value(column, cell.text, None)
            filled = filled or (values[name] is not None and not _placeholder(values[name], placeholders))
        for name in spec.inherit:
            inherited[name] = values.get(name)
        if not filled:
            continue
        for name, column in spec.columns.items():
            if column.unit_of:
                _take_unit(values, name, column.unit_of)
        index = len(read.value)
        read.value.append(values)
        _provenance(read, lines, block, r, str(index), by_column)
    return False


def _subcolumn_boxes(header: _Header, grid: list[list[Cell | None]], r: int, spec: TableSpec) -> dict[str, BoxRead]:
    """Box groups printed as one sub-column per option, in row r."""
    states: dict[str, dict[str, bool | None]] = {}
    for c, (name, option) in sorted(header.options.items()):
        cell = grid[r][c] if c < len(grid[r]) else None
        state = box_state(cell.text, cell.boxes) if cell is not None and cell.col == c else False
        group = states.setdefault(name, {o: False for o in spec.columns[name].options})
        group[option] = None if state is None or group[option] is None else bool(group[option] or state)
    out = {}
    for name, group in states.items():
        question = header.printed.get(name, spec.columns[name].label)
        decided = None if any(v is None for v in group.values()) else {k: bool(v) for k, v in group.items()}
        out[name] = BoxRead(decided, True, question, tuple(spec.columns[name].options))
    return out


def _under_header(header: _Header, cell: Cell) -> bool:
    return any(header.columns.get(c) for c in range(cell.col, cell.col + cell.col_span))


def _placeholder(value: Any, placeholders: list[regex.Pattern[str]]) -> bool:
    """Whether a cell's value is the template's placeholder (`指标1`, `……`, a bare number for a
    row's name); a figure in a target column (`100`) is a value."""
    if isinstance(value, Target) and value.value is not None:
        return False
    text = value.raw if isinstance(value, Target) else value if isinstance(value, str) else None
    return text is not None and any(p.search(text) for p in placeholders)


def _take_unit(values: dict[str, Any], name: str, source: str) -> None:
    value, target = values.get(name), values.get(source)
    if isinstance(value, Target) and isinstance(target, Target) and value.value is not None \
            and value.unit is None and target.unit is not None:
        values[name] = value.model_copy(update={"unit": target.unit})


def _provenance(read: TableRead, lines: _Lines, block: int, r: int, path: str,
                by_column: dict[str, dict[int | None, Cell]]) -> None:
    read.used.add((block, r))
    row_entry = lines.entry(block, r)
    if row_entry is not None:
        read.provenance[path] = row_entry
    for name, parts in by_column.items():
        cell = parts.get(None) or next(iter(parts.values()))
        entry = lines.entry(block, r, cell.col)
        if entry is not None:
            read.provenance[f"{path}.{name}"] = entry


def _tables(document: Document) -> list[tuple[int, Table]]:
    return [(i, block) for i, block in enumerate(document.blocks) if isinstance(block, Table)]
