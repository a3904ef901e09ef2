"""Which forms a document holds: titles of every template, else the share of each one's labels.

`split_forms(document)` returns one `FormPart` per form in reading order. A title line (a
short line naming a template's title, `项目支出绩效自评表（2023年度）`) starts a form; a second
title starts a second form only when the part it opens holds labels of that form and prints
again a field label the form before it holds (项目名称 once more); a title repeated as a page
header, or marked continued (`（续）`, `续表`), over the rest of a table or the fields the form
before has not shown yet is no new form. A form printed after another without its title (its
项目名称 again, with another value) is a form of its own (`parsers.form_repeats`). Lines before
the first title that hold a form's labels but not its 项目名称 (the last rows of a form whose
first page the file does not hold) are a part of their own, a `fragment`, never folded into
the titled form. A title that names one form over a part holding few of its labels and many
of another's (a local title over another layout) gives the part to the other. A document with no title is given to the template
whose labels it holds the largest share of (none when it holds too few: no known form).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from parsers.form_repeats import INLINE_HEAD, identity_keys, repeat_starts
from parsers.forms import MAX_TITLE_CHARS, TITLE_TAIL_PART, all_templates, title_words
from parsers.normalize import clean_text, label_key
from parsers.tables import header_key
from schemas.document import Block, Document, Line, Table
from schemas.template import FormTemplate

MIN_PART_LABELS = 3
MIN_SHARE = 0.3
_TITLE_TAIL = regex.compile(rf"(?:{TITLE_TAIL_PART}){{1,3}}")
_CONTINUED = regex.compile(r"[（(【\[]\s*续(?:表|页)?\s*\d*\s*[)）】\]]|续表\s*\d*\s*$")


@dataclass(frozen=True)
class FormPart:
    """One form of a document: its sub-document, its template (None: no known form), title."""

    document: Document
    template: FormTemplate | None
    title: str | None
    first_line: int  # 1-based ordinal in the whole document's lines
    last_line: int
    fragment: bool = False  # the tail of a form whose beginning the file does not hold


def title_of(line: Line) -> FormTemplate | None:
    """The template whose title this line is, if it is a title line."""
    words, common = title_words()
    return _title_in(line, words, common)


def _title_in(line: Line, words: list[tuple[str, FormTemplate]], common: re.Pattern[str] | None) -> FormTemplate | None:
    """`title_of` with the templates' title words (`title_words`) at hand."""
    if common is not None and common.search(line.text) is None:
        return None  # holds no character every title has (most lines): no title
    text = clean_text(line.text).replace("\n", "")
    if not text or len(text) > MAX_TITLE_CHARS or "。" in text or "\t" in line.text.strip():
        return None
    key = label_key(text)
    best: tuple[int, FormTemplate] | None = None
    for word_key, template in words:
        if word_key in key and (best is None or len(word_key) > best[0]):
            best = (len(word_key), template)
    return best[1] if best else None


_LABELS: dict[int, dict[str, set[str]]] = {}


def template_labels(template: FormTemplate) -> dict[str, set[str]]:
    """Label keys of every field, table and table column of `template`, by name."""
    cached = _LABELS.get(id(template))
    if cached is not None:
        return cached
    out = {name: {header_key(label)[0] for label in spec.labels} for name, spec in template.fields.items()}
    for name, table in template.tables.items():
        out[name] = {header_key(label)[0] for label in table.labels}
        for column_name, column in table.columns.items():
            out[f"{name}.{column_name}"] = {header_key(label)[0] for label in (*column.labels, *column.split)}
        for row_name, row in table.rows.items():
            out[f"{name}.{row_name}"] = {header_key(label)[0] for label in row.labels}
    _LABELS[id(template)] = out
    return out


def labels_found(lines: list[Line], template: FormTemplate, keys: set[str] | None = None) -> int:
    """How many of `template`'s labelled names appear as a cell or a line's head in `lines`
    (`keys`: their `line_keys`, when already known)."""
    keys = line_keys(lines) if keys is None else keys
    return sum(1 for labels in template_labels(template).values() if labels & keys)


def line_keys(lines: list[Line]) -> set[str]:
    """The label keys of every cell and every line's head in `lines`."""
    keys: set[str] = set()
    for line in lines:
        for cell in line.text.split("\t"):
            keys.add(header_key(cell)[0])
        match = INLINE_HEAD.match(line.text) if ":" in line.text or "：" in line.text else None  # a head ends at a colon
        if match:
            keys.add(header_key(match.group(1))[0])
    return keys


def best_by_labels(lines: list[Line]) -> FormTemplate | None:
    """The template whose labels `lines` hold the largest share of, if that share is enough."""
    share, template = max(_shares(lines), key=lambda item: item[0])
    return template if share >= MIN_SHARE else None


def _shares(lines: list[Line]) -> list[tuple[float, FormTemplate]]:
    """(share of its labels `lines` hold, template) for every template."""
    keys = line_keys(lines)  # once for all templates
    scored = []
    for template in all_templates():
        total = len(template_labels(template))
        scored.append((labels_found(lines, template, keys) / total if total else 0.0, template))
    return scored


def split_forms(document: Document) -> list[FormPart]:
    """The forms of `document` in reading order (always at least one part)."""
    lines = list(document.lines)
    words, common = title_words()  # once for every line
    starts = [(i, template) for i, line in enumerate(lines) if (template := _title_in(line, words, common)) is not None]
    accepted: list[tuple[int, FormTemplate]] = []
    for k, (i, template) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        if accepted and (labels_found(lines[i:end], template) < MIN_PART_LABELS
                         or _continues(lines, accepted[-1][0], i, end, template)):
            continue
        if accepted and i - accepted[-1][0] <= 2:
            continue  # a title wrapped over two lines
        accepted.append((i, template))
    if not accepted:
        untitled = best_by_labels(lines)
        starts_untitled = _repeats(lines, 0, len(lines), untitled) if untitled is not None else []
        if not starts_untitled:
            return [FormPart(document, untitled, None, 1, len(lines))]
        forms: list[tuple[int, FormTemplate | None, str | None]] = [(0, untitled, None)]
    else:
        tail = _tail_before(lines, accepted[0][0])
        forms = [(0, tail, None)] if tail is not None else []
        for k, (i, titled) in enumerate(accepted):
            end = accepted[k + 1][0] if k + 1 < len(accepted) else len(lines)
            template = _by_content(lines[i:end], titled)
            forms.append((0 if k == 0 and tail is None else i, template, _title_text(lines, i)))
            forms += [(j, template, None) for j in _repeats(lines, i, end, template)]
    if len(forms) == 1:
        return [FormPart(document, forms[0][1], forms[0][2], 1, len(lines))]
    bounds = [i for i, _, _ in forms] + [len(lines)]
    return [FormPart(sub_document(document, bounds[k], bounds[k + 1]), template, title, bounds[k] + 1, bounds[k + 1],
                     fragment=k == 0 and tail is not None)
            for k, (_, template, title) in enumerate(forms)]


def _by_content(lines: list[Line], titled: FormTemplate) -> FormTemplate:
    """The template of a part whose title names `titled`: that one, unless the part holds
    under MIN_SHARE of its labels and at least twice MIN_SHARE of another form's, the most of
    any (a title one form's layout shares with another's: 项目支出绩效运行监控表 printed over the
    execution-monitoring table)."""
    shares = _shares(lines)
    own = next(share for share, template in shares if template is titled)
    share, best = max(shares, key=lambda item: item[0])
    return best if own < MIN_SHARE and share >= 2 * MIN_SHARE else titled


def _tail_before(lines: list[Line], end: int) -> FormTemplate | None:
    """The template of a form's tail printed before the file's first title (`lines[:end]`:
    the last indicator rows, 评价结论, the signatures of a form whose first page the file does
    not hold), None when those lines are no such tail. A form's body follows its title, so
    lines holding MIN_PART_LABELS labels of a form before any title are another form's; lines
    that print the field a form is known by (项目名称) are the titled form's own head."""
    if end == 0:
        return None
    head = lines[:end]
    keys = line_keys(head)
    best: tuple[int, FormTemplate] | None = None
    for template in all_templates():
        if identity_keys(template) & keys:
            return None
        found = labels_found(head, template, keys)
        if found >= MIN_PART_LABELS and (best is None or found > best[0]):
            best = (found, template)
    return best[1] if best else None


def _repeats(lines: list[Line], start: int, end: int, template: FormTemplate) -> list[int]:
    """`repeat_starts` whose part holds labels of the form, as a titled part must."""
    starts = repeat_starts(lines, start, end, template)
    bounds = [*starts, end]
    return [j for k, j in enumerate(starts) if labels_found(lines[j:bounds[k + 1]], template) >= MIN_PART_LABELS]


def _continues(lines: list[Line], start: int, i: int, end: int, template: FormTemplate) -> bool:
    """Whether the title at `i` continues the form begun at `start` (same template): it is
    marked continued, or its part [i, end) prints no field label the form so far prints."""
    if template is not title_of(lines[start]):
        return False
    if _CONTINUED.search(clean_text(" ".join(line.text for line in lines[i:i + 2]))):
        return True
    fields = {name: labels for name, labels in template_labels(template).items() if name in template.fields}
    before, after = line_keys(lines[start:i]), line_keys(lines[i:end])
    return not any(labels & before and labels & after for labels in fields.values())


def _title_text(lines: list[Line], i: int) -> str:
    title = clean_text(lines[i].text).replace("\n", "")
    if i + 1 < len(lines) and lines[i + 1].row is None:
        following = clean_text(lines[i + 1].text).replace("\n", "")
        if _TITLE_TAIL.fullmatch(following):
            title += following
    return title


def sub_document(document: Document, start: int, end: int) -> Document:
    """The lines [start, end) of `document` with their blocks (a table cut at a row boundary
    keeps its row numbers); line locations stay those of the whole file."""
    lines = document.lines[start:end]
    wanted: dict[int, set[int | None]] = {}
    for line in lines:
        wanted.setdefault(line.block, set()).add(line.row)
    remap: dict[int, int] = {}
    cell_maps: dict[int, dict[int, int]] = {}
    blocks: list[Block] = []
    for index in sorted(wanted):
        block = document.blocks[index]
        if isinstance(block, Table):
            rows = {row for row in wanted[index] if row is not None}
            first, last = min(rows), max(rows)
            kept = [k for k, cell in enumerate(block.cells) if first <= cell.row <= last]
            cell_maps[index] = {old: new for new, old in enumerate(kept)}
            block = block.model_copy(update={"cells": tuple(block.cells[k] for k in kept)})
        remap[index] = len(blocks)
        blocks.append(block)
    new_lines = tuple(
        line.model_copy(update={
            "block": remap[line.block],
            "cells": tuple(cell_maps[line.block][k] for k in line.cells) if line.block in cell_maps else line.cells,
        })
        for line in lines
    )
    return Document(source=document.source, blocks=tuple(blocks), lines=new_lines)
