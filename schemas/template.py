"""The schema of a form template (parsers/forms/*.yaml): everything that describes one form.

A template names the form's title patterns, its fields (label synonyms and value types), its
tables (`grid`: a header row of labels over named rows of values, like the funds block;
`rows`: a repeating-row table, like the indicator table), its box groups, what a complete
form must hold, and which rules apply to it. Every model forbids unknown keys, so a typo in a
template fails when it is loaded. `FormTemplate.label_of` gives the Chinese label of a field
key or a dotted path into a table (`funds.total.executed`, `indicators.3.actual`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

FieldType = Literal[
    "text", "amount", "percent", "period", "yes_no", "choice", "conclusion", "score", "option"
]
"""`score`: a decimal as printed (分值, 得分); `option`: printed text read as one of `options`
(评价等级 `优秀` -> `优`), null when it names none or several."""

ColumnType = Literal["text", "amount", "score", "percent", "target", "boxes", "option"]
"""`boxes`: the ticked options of a box group in the row (several may be ticked: 偏差原因), a
list; `option`: the one ticked or written option (完成目标可能性), null unless exactly one."""

_STRICT = ConfigDict(extra="forbid", frozen=True)


class FieldSpec(BaseModel):
    """How one field is found (label synonyms, most specific first) and parsed (its type).

    `under`: the value stands in the column headed by one of these labels, below the header,
    inside the block the field's label opens (年度总体目标 | 预期目标 | 实际完成情况 over a row of
    values; `only_under`: nowhere else). `nth`: the value is the nth (1-based) value cell after the label (总分 | 100 | 95:
    分值 1, 得分 2), used where no header is aligned with it. `display`: the label messages and
    outputs show, when it is not `labels[0]`. `fallback`: those of `labels` read only where
    the form prints none of the others (单位名称 for 主管部门: a form that names its unit but no
    主管部门; one that prints both reads 主管部门 wherever each stands). `options` map printed words to values for
    `option` fields: a value is the first option whose synonyms (`option_words`) it holds.
    """

    model_config = _STRICT

    labels: tuple[str, ...]
    type: FieldType
    fallback: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    option_words: dict[str, tuple[str, ...]] = {}
    question: str | None = None
    variants: tuple[str, ...] = ()
    section: str | None = None
    under: tuple[str, ...] = ()
    only_under: bool = False
    nth: int | None = None
    display: str | None = None

    @model_validator(mode="after")
    def _options_for_choices(self) -> FieldSpec:
        if self.type in ("choice", "option") and not self.options:
            raise ValueError(f"a {self.type} field needs options")
        if self.type == "yes_no" and not self.options:
            object.__setattr__(self, "options", ("是", "否"))
        unknown = set(self.option_words) - set(self.options)
        if unknown:
            raise ValueError(f"option_words for unknown options: {sorted(unknown)}")
        if not set(self.fallback) <= set(self.labels):
            raise ValueError(f"fallback wordings that are not labels: {sorted(set(self.fallback) - set(self.labels))}")
        if self.nth is not None and self.nth < 1:
            raise ValueError("nth is 1-based")
        return self

    @property
    def label(self) -> str:
        """The label shown to people."""
        return self.display or self.labels[0]


class ColumnSpec(BaseModel):
    """One column of a table: its header synonyms and the type of its cells.

    `split`: a target printed over several columns, in order (指标性质 | 指标值 | 度量单位: the
    operator, the figure, the unit), joined without spaces into the target's `raw`.
    `unit_of`: a target column whose unit this column's values take when they print none (an
    actual `100` beside a target `≥95%` is 100 %). `options` (and their synonyms `option_words`)
    of a `boxes` or `option` column: its box group, printed in the cell (☑经费保障 ☐制度保障) or
    as sub-columns under the column's header, one box each. `drop`: regular expressions removed from a
    text value (the points after a level label: `产出指标(50分)` -> `产出指标`).
    """

    model_config = _STRICT

    labels: tuple[str, ...]
    type: ColumnType = "text"
    split: tuple[str, ...] = ()
    unit_of: str | None = None
    drop: tuple[str, ...] = ()
    display: str | None = None
    options: tuple[str, ...] = ()
    option_words: dict[str, tuple[str, ...]] = {}

    @model_validator(mode="after")
    def _split_targets_only(self) -> ColumnSpec:
        if self.type in ("boxes", "option") and not self.options:
            raise ValueError(f"a {self.type} column needs options")
        if set(self.option_words) - set(self.options):
            raise ValueError("option_words for unknown options")
        if self.split and self.type != "target":
            raise ValueError("only a target column can be split over several columns")
        if self.unit_of is not None and self.type != "target":
            raise ValueError("unit_of applies to target columns")
        return self

    @property
    def label(self) -> str:
        """The header shown to people."""
        return self.display or self.labels[0]


class RowSpec(BaseModel):
    """A named row of a grid table: its label synonyms (most specific first)."""

    model_config = _STRICT

    labels: tuple[str, ...]
    display: str | None = None

    @property
    def label(self) -> str:
        """The row label shown to people."""
        return self.display or self.labels[0]


class TableSpec(BaseModel):
    """A table of the form.

    `grid`: a header row of column labels over rows of values, each row named by its label
    (the funds block); printed rows matching no name go to the `extra` list with their label.
    `rows`: a header row over repeating rows (the indicator table); `inherit` lists the label
    columns whose merged or blank cells take the value above; rows whose cells are all empty
    or match `placeholders` (指标1, ……) are dropped; rows whose first cell matches `end` (总分)
    end the table. `labels`: the block label that opens the table (项目资金, 绩效指标, 预算执行情况);
    `unit_from`: header labels whose stated unit (项目资金（万元）, 年度预算数(万元)) applies to the
    amounts below them. `default_row`: the row a grid's unlabelled value row fills (a block
    printing one line of figures under its header). `min_rows`: fewer rows is a missing table.
    `periods` (period key -> words naming it: 中期, 年度): a `rows` table printed once per period,
    side by side (a second 二级指标 | 三级指标 | 指标值 run in the header) or one after the other
    under a label naming the period; each item gets its `period`, items of the first period
    first (`default_period` where nothing names one). On a `grid` table the named rows are the
    periods. `pairs`: the grid may print its rows as label | value pairs, one run per period
    (中期资金总额 | 1200 | 年度资金总额 | 400 over 其中：财政拨款 | … ).
    `continued_by`: words of the short note (续表, 接上表) a `rows` table split in two may carry
    between its parts; the rows go on in the next table block after such notes, as they do in
    a table block that follows directly.
    `stand_ins` (column -> column): where a header prints no column for the first, the second
    is read as it (`name: level2`: a table of 一级指标 | 二级指标 | 指标值 with no 三级指标 names its
    indicators in its 二级指标 column).
    """

    model_config = _STRICT

    kind: Literal["grid", "rows"]
    labels: tuple[str, ...] = ()
    columns: dict[str, ColumnSpec]
    rows: dict[str, RowSpec] = {}
    extra: str | None = None
    default_row: str | None = None
    unit_from: tuple[str, ...] = ()
    inherit: tuple[str, ...] = ()
    placeholders: tuple[str, ...] = ()
    end: tuple[str, ...] = ()
    min_rows: int = 0
    display: str | None = None
    periods: dict[str, tuple[str, ...]] = {}
    default_period: str | None = None
    pairs: bool = False
    continued_by: tuple[str, ...] = ()
    stand_ins: dict[str, str] = {}

    @model_validator(mode="after")
    def _consistent(self) -> TableSpec:
        if self.default_period is not None and self.default_period not in self.periods:
            raise ValueError("default_period names an unknown period")
        if self.kind == "grid" and not self.rows:
            raise ValueError("a grid table needs named rows")
        if self.default_row is not None and self.default_row not in self.rows:
            raise ValueError("default_row names an unknown row")
        if self.kind == "rows" and (self.rows or self.extra):
            raise ValueError("a rows table has no named rows")
        unknown = set(self.inherit) - set(self.columns)
        if unknown:
            raise ValueError(f"inherit names unknown columns: {sorted(unknown)}")
        for key, column in self.columns.items():
            if column.unit_of is not None and column.unit_of not in self.columns:
                raise ValueError(f"column {key}: unit_of names an unknown column")
        return self

    @property
    def label(self) -> str:
        """The table's name shown to people."""
        return self.display or (self.labels[0] if self.labels else "")


class BoxGroupSpec(BaseModel):
    """A group of check boxes outside the fields (a table's per-row boxes): the question as
    printed, the dotted field it fills, and its options."""

    model_config = _STRICT

    question: str
    field: str
    options: tuple[str, ...]
    labels: tuple[str, ...] = ()


class TitleSpec(BaseModel):
    """How the form is recognised by its title, which words name the variants, and the
    regular expression whose first group is the budget year a title states."""

    model_config = _STRICT

    match: tuple[str, ...]
    variants: dict[str, tuple[str, ...]] = {}
    year: str | None = None


class FormTemplate(BaseModel):
    """A whole form: title, fields, tables, box groups, what it requires and which rules apply.

    `not_sections`: numbered table labels that are not narrative sections; `other_labels`:
    labels of rows that are not fields (联系人, 填报日期 …), which end a neighbour's value.
    `required`: field keys or dotted paths (`form.year`, `funds.total`) a complete form holds;
    `required_when_titled`: a word of the printed title -> the keys required instead (the
    department-wide 部门整体支出绩效自评表 is known by its 部门, having no 项目名称).
    `required_sections`: section headings it must have; `rules`: the rule ids that apply.
    `months`: a regular expression whose first group is the N of the 1-N月 its headers print
    (filling the `months` field).
    """

    model_config = _STRICT

    form: str
    title: TitleSpec
    fields: dict[str, FieldSpec]
    tables: dict[str, TableSpec] = {}
    boxes: dict[str, BoxGroupSpec] = {}
    required: tuple[str, ...] = ()
    required_when_titled: dict[str, tuple[str, ...]] = {}
    required_sections: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    not_sections: tuple[str, ...] = ()
    other_labels: tuple[str, ...] = ()
    months: str | None = None

    @model_validator(mode="after")
    def _keys_unique(self) -> FormTemplate:
        clash = set(self.fields) & set(self.tables)
        if clash:
            raise ValueError(f"keys both a field and a table: {sorted(clash)}")
        return self

    def required_for(self, title: str | None) -> tuple[str, ...]:
        """The keys a complete form printed under `title` holds."""
        for word, keys in self.required_when_titled.items():
            if title and word in title:
                return keys
        return self.required

    def identity_fields(self) -> tuple[str, ...]:
        """The fields a form is known by: the first required key's (either of `a|b`), under any title."""
        firsts = [self.required[:1], *(keys[:1] for keys in self.required_when_titled.values())]
        names = [name for first in firsts for key in first for name in key.split("|")]
        return tuple(dict.fromkeys(name for name in names if name in self.fields))

    def label_of(self, key: str) -> str:
        """The Chinese label of a field key or dotted path, for messages and outputs.

        `project_name` -> 项目名称; `funds.total.executed` -> 年度资金总额·全年执行数;
        `funds.extra.0.executed` -> 其他行·全年执行数 ; `indicators.3.actual` -> 实际完成值;
        `form.year` -> 年度. An unknown key is returned as it is."""
        parts = key.split(".")
        head = parts[0]
        if head == "form":
            return _FORM_LABELS.get(parts[-1], key) if len(parts) > 1 else key
        if head in self.fields:
            return self.fields[head].label
        table = self.tables.get(head)
        if table is None:
            return key
        rest = [part for part in parts[1:] if not part.isdigit()]
        if not rest:
            return table.label or key
        if table.kind == "rows":
            column = table.columns.get(rest[0])
            return column.label if column else key
        row_name, *column_part = rest
        if row_name in table.rows:
            row_label = table.rows[row_name].label
        elif row_name == table.extra:
            row_label = "其他行"
        elif row_name in table.columns and not column_part:
            return table.columns[row_name].label
        else:
            return key
        if not column_part:
            return row_label
        column = table.columns.get(column_part[0])
        return f"{row_label}·{column.label}" if column else key


_FORM_LABELS = {"year": "年度", "title": "表名", "type": "表种"}
