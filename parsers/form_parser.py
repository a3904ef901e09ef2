"""parse_document: a Document -> a Record with form, fields, boxes, sections and provenance.

The one field parser every format shares. It reads only the document model: labels are
looked up in the token stream (`locate`), values parsed by type (`fields.FIELD_PARSERS`),
checkbox groups built from the yes/no and choice fields, the narrative split into sections,
and the stage conclusion read from its section. Checks come after, in `extract.checks`.
"""

from __future__ import annotations

from typing import Any

from parsers import unit_caption
from parsers.conclusion import parse_conclusion
from parsers.fields import FIELD_PARSERS
from parsers.fields.choice import chosen, group_states, option_states, undecided
from parsers.form_year import monitoring_year
from parsers.forms import classify, monitoring_template
from parsers.locate import Hit, find_hits, label_index
from parsers.normalize import label_key
from parsers.sections import NarrativeLine, is_top_heading, narrative_lines, split_sections
from parsers.tokens import Token, tokens_of
from schemas.checkbox import CheckboxGroup, CheckboxOption
from schemas.discrepancy import Location
from schemas.document import Checkbox, Document
from schemas.fields import Fields
from schemas.record import FormInfo, ProvenanceEntry, Record, Status
from schemas.section import Section
from schemas.template import FieldSpec, FormTemplate
from schemas.trusted import maker

MIN_LABELS_FOR_FORM = 8  # of the form's 17 labelled fields
# A table or paragraph hit's provenance, from the ints and text the document's tokens hold
# (`schemas.trusted`: unvalidated, the instance validation would give).
_entry = maker(ProvenanceEntry, "page", "line", "text", "block", "row", "col")
# A checkbox field's group, from the template's strings and the states read (bools).
_option = maker(CheckboxOption, "label", "checked")
_checkbox_group = maker(CheckboxGroup, "question", "field", "undecided", "options")


def parse_document(document: Document, template: FormTemplate | None = None) -> Record:
    """Everything the field parser reads from `document` (status is decided later)."""
    template = template or monitoring_template()
    index = label_index(template)
    form = classify(document, template)
    tokens = tokens_of(document)
    hits = find_hits(tokens, index)
    if form.type is None and len(hits) >= MIN_LABELS_FOR_FORM:
        # The title was lost (cut off by the scanner, or never typed): the labels tell the form.
        form = FormInfo(type=template.form)
    consumed = _consumed(hits)
    narrative = list(narrative_lines(tokens, consumed))
    sections = split_sections(narrative, template.not_sections)
    values: dict[str, Any] = {}
    provenance: dict[str, ProvenanceEntry] = {}
    groups: list[CheckboxGroup] = []
    caption_unit = _caption_unit(tokens)
    for name, spec in template.fields.items():
        if spec.variants and form.variant is not None and form.variant not in spec.variants:
            continue
        hit = hits.get(name)
        if spec.type == "conclusion":
            values[name], entry = _conclusion(hit, sections, spec, narrative)
            if entry:
                provenance[name] = entry
            continue
        if hit is None:
            continue
        provenance[name] = _provenance(hit)
        if spec.type in ("yes_no", "choice"):
            boxes = _value_boxes(tokens, hit, spec.options)
            states = _states(tokens, hit, spec.options, boxes)
            groups.append(_group(name, spec, states, states is None and _undecided(boxes, hit, spec.options)))
            answer = chosen(states)
            values[name] = answer if spec.type == "choice" or answer is None else answer == spec.options[0]
            continue
        unit = hit.unit or (caption_unit if spec.type == "amount" else None)
        values[name] = FIELD_PARSERS[spec.type](hit.value_text, spec, unit)
    fields = Fields(**values)
    if form.type is not None:
        period = fields.tracking_period
        year = monitoring_year(form.title, fields.project_name, period.start if period else None)
        form = form.model_copy(update={"year": year})
    return Record(
        status=Status.PARTIAL,
        source=document.source,
        form=form,
        fields=fields,
        checkboxes=groups,
        sections=sections,
        provenance=provenance,
    )


def _consumed(hits: dict[str, Hit]) -> set[int]:
    used: set[int] = set()
    for hit in hits.values():
        used.update(hit.label_tokens)
        used.update(token.index for token in hit.values)
    return used


def _caption_unit(tokens: list[Token]) -> str | None:
    """The unit a caption states for the whole table (`金额单位：万元`), if any."""
    for token in tokens:
        unit = unit_caption.caption_unit(token.text) if "单位" in token.text else None  # a caption says 单位
        if unit:
            return unit
        if is_top_heading(token.text):
            return None
    return None


def _states(tokens: list[Token], hit: Hit, options: tuple[str, ...],
            boxes: list[tuple[Checkbox, str | None]]) -> dict[str, bool] | None:
    """Each option's state: from the box elements of the group's cells (`boxes`, as
    `_value_boxes` finds them); where the cells hold none (or look-alikes only a label makes
    boxes), from their text or a grid of headers.
    None when a box's state is unknown: undecided, never guessed from elsewhere."""
    if any(box.state == "unknown" for box, _ in boxes):
        return None
    states = group_states(boxes, hit.value_text, options)
    if states is None and hit.label.in_table and hit.values:
        grid = _grid_choice_text(tokens, hit, options)
        states = option_states(grid, options) if grid else None
    return states


def _undecided(boxes: list[tuple[Checkbox, str | None]], hit: Hit, options: tuple[str, ...]) -> bool:
    """True when the group's value shows a mark the reading cannot place (a box element of
    unknown state, a lone tick between two options), not merely no answer."""
    return any(box.state == "unknown" for box, _ in boxes) or undecided(hit.value_text, options)


def _value_boxes(tokens: list[Token], hit: Hit, options: tuple[str, ...]) -> list[tuple[Checkbox, str | None]]:
    """The box elements of the group's value, each with the option header above its cell
    (a box alone in a cell under `确定能完成` answers that option); [] when the value is
    text the boxes cannot be told apart in (an inline value not found in its token)."""
    if hit.inline_value is not None:
        start = hit.inline_at if hit.inline_at >= 0 else hit.label.text.rfind(hit.inline_value)
        if start < 0 or not hit.inline_value:
            return []
        end = start + len(hit.inline_value)
        return [(box, None) for box in hit.label.boxes if start <= box.offset < end]
    return [(box, _header_above(tokens, value, options) if not box.label else None)
            for value in hit.values for box in value.boxes]


def _header_above(tokens: list[Token], value: Token, options: tuple[str, ...]) -> str | None:
    """The option header standing above the cell of `value`, if any."""
    if value.row is None or value.col is None:
        return None
    row, col = value.row, value.col
    return next(
        (key for t in reversed(tokens[: value.index])
         if t.block == value.block and t.row is not None and t.row < row and t.col is not None
         and t.col <= col < t.col + t.col_span and (key := "".join(t.text.split())) in options),
        None,
    )


def _grid_choice_text(tokens: list[Token], hit: Hit, options: tuple[str, ...]) -> str | None:
    """Boxes under option headers (`| 判断内容 | 确定能完成 | 有可能完成 |` above `| 年度… | □ | ■ |`)
    as `option box` pairs; None when a box has no option header above it."""
    parts = []
    for value in hit.values:
        if value.row is None or value.col is None:
            return None
        header = _header_above(tokens, value, options)
        if header is None:
            return None
        parts.append(f"{header}{value.text.strip()}")
    return "\t".join(parts)


def _group(name: str, spec: FieldSpec, states: dict[str, bool] | None, undecided: bool) -> CheckboxGroup:
    states = states or {option: False for option in spec.options}
    return _checkbox_group(
        question=spec.question or name,
        field=name,
        undecided=undecided,
        options=[_option(label=label, checked=states[label]) for label in spec.options],
    )


def _provenance(hit: Hit) -> ProvenanceEntry:
    token: Token = hit.evidence_token
    if hit.inline_value is not None:
        text = hit.label.text.strip()
    else:
        value = " ".join(hit.value_text.split())
        text = f"{' '.join(hit.label.text.split())}\t{value}"
    loc = token.line.loc
    return _entry(
        page=loc.page,
        line=loc.line,
        text=text,
        block=token.block,
        row=token.row,
        col=token.col,
    )


def _conclusion(
    hit: Hit | None, sections: list[Section], spec: FieldSpec, narrative: list[NarrativeLine]
) -> tuple[str | None, ProvenanceEntry | None]:
    if hit is not None and hit.value_text.strip():
        return parse_conclusion(hit.value_text), _provenance(hit)
    key = label_key(spec.section or "")
    for section in sections:
        if key and key in label_key(section.heading):
            text = section.text or "\n".join(sub.heading + sub.text for sub in section.subsections)
            first = text.splitlines()[0] if text else ""
            loc = _line_of(narrative, first, section.location) if first else None
            entry = ProvenanceEntry(page=loc.page, line=loc.line, text=first) if loc else None
            return parse_conclusion(text), entry
    return None, None


def _line_of(lines: list[NarrativeLine], text: str, after: Location | None) -> Location | None:
    """Where `text` stands: the first narrative line from `after` on that holds it."""
    start = (after.page, after.line) if after else (0, 0)
    return next((line.loc for line in lines if (line.loc.page, line.loc.line) >= start and text in line.text), None)
