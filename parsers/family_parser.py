"""parse_family: a Document holding one family form (not the monitoring form) -> a Record.

Reads the template's tables first (`parsers.tables`), then its scalar fields outside the rows
the tables used (`parsers.family_fields`), and the budget year from the title, else from the
lines above the first table, else from the project name. Amounts keep the unit they state
(cell, header, caption): reading decides units, checks only report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from parsers import unit_caption
from parsers.family_fields import read_scalars
from parsers.form_year import name_year
from parsers.inline_funds import inline_grid
from parsers.loose_boxes import loose_groups
from parsers.normalize import label_key
from parsers.pair_grid import read_pairs, stream_pairs
from parsers.period_rows import read_period_rows
from parsers.recognize import template_labels
from parsers.row_boxes import settle_rows
from parsers.stream_tables import stream_grid, stream_lines, stream_rows
from parsers.tables import TableRead, compiled, header_key, read_grid, read_rows
from schemas.checkbox import CheckboxGroup
from schemas.document import Document, Table
from schemas.forms import FIELDS_MODELS, AnyFields
from schemas.record import FormInfo, ProvenanceEntry, Record, Status
from schemas.template import FormTemplate, TableSpec

HEAD_LINES = 8


def parse_family(document: Document, template: FormTemplate, form: FormInfo) -> Record:
    """Every field of `template` read from `document` (status is decided later)."""
    caption_unit = _caption_unit(document)
    stop_keys = _stop_keys(template)
    values: dict[str, Any] = {}
    provenance: dict[str, ProvenanceEntry] = {}
    used: set[tuple[int, int]] = set()
    groups: list[CheckboxGroup] = []
    for name, spec in template.tables.items():
        read = _read_table(document, spec, caption_unit, stop_keys - _own_keys(spec))
        used |= read.used
        if read.value is None or read.value == {} or (isinstance(read.value, dict) and not _any_row(read.value)):
            continue
        if isinstance(read.value, list):
            groups += settle_rows(name, read.value, dict(spec.columns))
        values[name] = read.value
        provenance.update({f"{name}.{key}": entry for key, entry in read.provenance.items()})
    scalar_groups: list[CheckboxGroup] = []
    scalars, scalar_provenance = read_scalars(document, template, used, scalar_groups)
    values.update(scalars)
    provenance.update(scalar_provenance)
    read_questions = {label_key(group.question) for group in scalar_groups + groups}
    loose = loose_groups(document, set().union(*template_labels(template).values()), read_questions, used)
    months = _months(document, template)
    if months is not None:
        values["months"] = months
    fields = cast(AnyFields, FIELDS_MODELS[template.form].model_validate(values))
    year = _year(document, template, form.title) or name_year(values.get("project_name"))
    return Record(
        status=Status.PARTIAL,
        source=document.source,
        form=form.model_copy(update={"year": year}),
        fields=fields,
        checkboxes=scalar_groups + groups + loose,
        provenance=provenance,
    )


def _read_table(document: Document, spec: TableSpec, caption_unit: str | None, stops: frozenset[str]) -> TableRead:
    lines = stream_lines(document)
    if lines:
        if spec.kind == "rows" and spec.periods:
            # One row per period side by side, one cell per line: which cells were one row of
            # which period is gone with the row; not guessed (the other tables still read).
            return TableRead()
        if spec.kind != "grid":
            return stream_rows(lines, spec, stops)
        return _or_pairs(stream_grid(lines, spec, caption_unit, stops), spec,
                         lambda: stream_pairs(lines, spec, caption_unit))
    if spec.kind == "rows":
        return read_period_rows(document, spec, stops) if spec.periods else read_rows(document, spec, stops)
    read = _or_pairs(read_grid(document, spec, caption_unit, stops), spec,
                     lambda: read_pairs(document, spec, caption_unit))
    if isinstance(read.value, dict) and _any_row(read.value):
        return read
    written = inline_grid(document, spec)
    return written if written.value else read


def _or_pairs(read: TableRead, spec: TableSpec, pairs: Callable[[], TableRead]) -> TableRead:
    """The grid as read; where it found no row and the table may be printed as label | value
    pairs (`pairs`), the pairs' reading when that finds any."""
    if spec.pairs and not (isinstance(read.value, dict) and _any_row(read.value)):
        paired = pairs()
        if paired.value:
            return paired
    return read


def _months(document: Document, template: FormTemplate) -> int | None:
    """The N of the first 1-N月 a table header prints (the form's `months`)."""
    if template.months is None:
        return None
    pattern = compiled(template.months)
    for line in document.lines:
        match = pattern.search(line.text)
        if match:
            return int(match.group(1))
    return None


def _any_row(value: dict[str, Any]) -> bool:
    return any(row for row in value.values())


def _own_keys(spec: Any) -> frozenset[str]:
    return frozenset(header_key(label)[0] for label in spec.labels)


def _stop_keys(template: FormTemplate) -> frozenset[str]:
    """Labels that end a table: the template's field labels, table labels and other labels."""
    keys = {header_key(label)[0] for spec in template.fields.values() for label in spec.labels}
    keys |= {header_key(label)[0] for spec in template.tables.values() for label in spec.labels}
    keys |= {label_key(label) for label in template.other_labels}
    return frozenset(keys)


def _caption_unit(document: Document) -> str | None:
    """The unit a caption states for the form's tables (`单位：元`), before the first table."""
    for line in document.lines:
        unit = unit_caption.caption_unit(line.text)
        if unit:
            return unit
        if isinstance(document.blocks[line.block], Table) and line.row is not None and line.row > 2:
            return None
    return None


def _is_title_line(text: str, title: str) -> bool:
    key = label_key(text)
    return bool(key) and label_key(title).startswith(key)


def _year(document: Document, template: FormTemplate, title: str | None) -> int | None:
    if template.title.year is None:
        return None
    pattern = compiled(template.title.year)
    head = [line.text for line in document.lines[:HEAD_LINES] if line.row is None]
    # The lines from the title on first: a line above the title is the page's (a web page's
    # heading `…2021年预算绩效评价结果公开` over a form of 2020), read only when the form's own
    # lines state no year.
    at = next((k for k, text in enumerate(head) if title and _is_title_line(text, title)), 0)
    for text in [title or "", *head[at:], *head[:at]]:
        match = pattern.search(text)
        if match:
            return int(match.group(1))
    return None

