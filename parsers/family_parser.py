"""parse_family: a Document holding one family form (not the monitoring form) -> a Record.

Reads the template's tables first (`parsers.tables`), then its scalar fields outside the rows
the tables used (`parsers.family_fields`), and the budget year from the title, else from the
lines above the first table, else from the project name. Amounts keep the unit they state
(cell, header, caption): reading decides units, checks only report.
"""

from __future__ import annotations

from typing import Any, cast

import regex

from parsers.family_fields import read_scalars
from parsers.form_year import name_year
from parsers.normalize import label_key
from parsers.stream_tables import stream_grid, stream_lines, stream_rows
from parsers.tables import TableRead, compiled, header_key, read_grid, read_rows
from schemas.document import Document, Table
from schemas.forms import FIELDS_MODELS, AnyFields
from schemas.record import FormInfo, ProvenanceEntry, Record, Status
from schemas.template import FormTemplate

_CAPTION_UNIT = regex.compile(r"(?<![预实施算])(?:金额|计量|货币|资金)?单位\s*[:：]\s*(亿元|万元|元)(?![\p{Han}])")
HEAD_LINES = 8


def parse_family(document: Document, template: FormTemplate, form: FormInfo) -> Record:
    """Every field of `template` read from `document` (status is decided later)."""
    caption_unit = _caption_unit(document)
    stop_keys = _stop_keys(template)
    values: dict[str, Any] = {}
    provenance: dict[str, ProvenanceEntry] = {}
    used: set[tuple[int, int]] = set()
    for name, spec in template.tables.items():
        stops = stop_keys - _own_keys(spec)
        lines = stream_lines(document)
        if lines:
            read: TableRead = (stream_grid(lines, spec, caption_unit, stops) if spec.kind == "grid"
                               else stream_rows(lines, spec, stops))
        else:
            read = (read_grid(document, spec, caption_unit, stops) if spec.kind == "grid"
                    else read_rows(document, spec, stops))
        used |= read.used
        if read.value is None or read.value == {} or (isinstance(read.value, dict) and not _any_row(read.value)):
            continue
        values[name] = read.value
        provenance.update({f"{name}.{key}": entry for key, entry in read.provenance.items()})
    scalars, scalar_provenance = read_scalars(document, template, used)
    values.update(scalars)
    provenance.update(scalar_provenance)
    fields = cast(AnyFields, FIELDS_MODELS[template.form].model_validate(values))
    year = _year(document, template, form.title) or name_year(values.get("project_name"))
    return Record(
        status=Status.PARTIAL,
        source=document.source,
        form=form.model_copy(update={"year": year}),
        fields=fields,
        provenance=provenance,
    )


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
        match = _CAPTION_UNIT.search(line.text)
        if match:
            return match.group(1)
        if isinstance(document.blocks[line.block], Table) and line.row is not None and line.row > 2:
            return None
    return None


def _year(document: Document, template: FormTemplate, title: str | None) -> int | None:
    if template.title.year is None:
        return None
    pattern = compiled(template.title.year)
    for text in [title or "", *(line.text for line in document.lines[:HEAD_LINES] if line.row is None)]:
        match = pattern.search(text)
        if match:
            return int(match.group(1))
    return None
