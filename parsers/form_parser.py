"""parse_document: a Document -> a Record with form, fields, boxes, sections and provenance.

The one field parser every format shares. It reads only the document model: labels are
looked up in the token stream (`locate`), values parsed by type (`fields.FIELD_PARSERS`),
checkbox groups built from the yes/no and choice fields, the narrative split into sections,
and the stage conclusion read from its section. Checks come after, in `extract.checks`.
"""

from __future__ import annotations

from typing import Any

from parsers.conclusion import parse_conclusion
from parsers.fields import FIELD_PARSERS
from parsers.fields.choice import option_states
from parsers.forms import classify, monitoring_template
from parsers.locate import Hit, LabelIndex, find_hits
from parsers.normalize import label_key
from parsers.sections import narrative_lines, split_sections
from parsers.tokens import Token, tokens_of
from schemas.checkbox import CheckboxGroup, CheckboxOption
from schemas.document import Document
from schemas.fields import Fields
from schemas.record import ProvenanceEntry, Record, Status
from schemas.section import Section
from schemas.template import FieldSpec, FormTemplate

_INDEX_CACHE: dict[int, LabelIndex] = {}


def parse_document(document: Document, template: FormTemplate | None = None) -> Record:
    """Everything the field parser reads from `document` (status is decided later)."""
    template = template or monitoring_template()
    index = _INDEX_CACHE.get(id(template))
    if index is None:
        index = _INDEX_CACHE[id(template)] = LabelIndex(template)
    form = classify(document, template)
    tokens = tokens_of(document)
    hits = find_hits(tokens, index)
    consumed = _consumed(hits)
    sections = split_sections(narrative_lines(tokens, consumed), template.not_sections)
    values: dict[str, Any] = {}
    provenance: dict[str, ProvenanceEntry] = {}
    groups: list[CheckboxGroup] = []
    for name, spec in template.fields.items():
        if spec.variants and form.variant is not None and form.variant not in spec.variants:
            continue
        hit = hits.get(name)
        if spec.type == "conclusion":
            values[name], entry = _conclusion(hit, sections, spec)
            if entry:
                provenance[name] = entry
            continue
        if hit is None:
            continue
        if spec.type in ("yes_no", "choice"):
            groups.append(_group(name, spec, hit))
        values[name] = FIELD_PARSERS[spec.type](hit.value_text, spec, hit.unit)
        provenance[name] = _provenance(hit)
    return Record(
        status=Status.PARTIAL,
        source=document.source,
        form=form,
        fields=Fields(**values),
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


def _group(name: str, spec: FieldSpec, hit: Hit) -> CheckboxGroup:
    states = option_states(hit.value_text, spec.options) or {option: False for option in spec.options}
    return CheckboxGroup(
        question=spec.question or name,
        field=name,
        options=[CheckboxOption(label=label, checked=states[label]) for label in spec.options],
    )


def _provenance(hit: Hit) -> ProvenanceEntry:
    token: Token = hit.evidence_token
    if hit.inline_value is not None:
        text = hit.label.text.strip()
    else:
        value = " ".join(hit.value_text.split())
        text = f"{' '.join(hit.label.text.split())}\t{value}"
    return ProvenanceEntry(
        page=token.line.loc.page,
        line=token.line.loc.line,
        text=text,
        block=token.block,
        row=token.row,
        col=token.col,
    )


def _conclusion(hit: Hit | None, sections: list[Section], spec: FieldSpec) -> tuple[str | None, ProvenanceEntry | None]:
    if hit is not None and hit.value_text.strip():
        return parse_conclusion(hit.value_text), _provenance(hit)
    key = label_key(spec.section or "")
    for section in sections:
        if key and key in label_key(section.heading):
            text = section.text or "\n".join(sub.heading + sub.text for sub in section.subsections)
            loc = section.location
            first = text.splitlines()[0] if text else ""
            entry = ProvenanceEntry(page=loc.page, line=loc.line + 1, text=first) if loc and first else None
            return parse_conclusion(text), entry
    return None, None
