"""Box groups of a form: a choice field's boxes (项目属性) and the boxes inside table rows
(偏差原因, 完成目标可能性), read into values and `CheckboxGroup`s.

A row's group is printed in one cell (`☑经费保障 ☐制度保障`, or written: `经费保障、人员保障`,
`确定能`) or as sub-columns under the column's header, one box per option (the header row below
the column's header names the options). `BoxRead` keeps each option's state while the table is
read; `settle_rows` turns every `BoxRead` of a table into the field value (`boxes`: the ticked
options, a list; `option`: the one ticked option, else None) and a group whose `field` is the
dotted path (`indicators.3.likelihood`) and `question` the header as printed. A written answer
(no box printed) gives the value but no group. A box whose state is unknown leaves the group
undecided (no value; its group lists every option unticked and is marked `undecided`, for
`checkbox-state` to report).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parsers.fields.choice import group_states, option_states, scan
from parsers.normalize import label_key, one_line
from schemas.checkbox import CheckboxGroup, CheckboxOption
from schemas.document import Checkbox
from schemas.template import ColumnSpec, FieldSpec


@dataclass(frozen=True)
class BoxRead:
    """A box group as read: each option's state (None: undecided), whether boxes were printed,
    and the question (the column header as printed)."""

    states: dict[str, bool] | None
    boxed: bool
    question: str
    options: tuple[str, ...] = ()  # the column's options, for the group of an undecided read


def _words(options: tuple[str, ...], words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """printed word -> option."""
    out = {option: option for option in options}
    for option, synonyms in words.items():
        out.update({word: option for word in synonyms})
    return out


def box_cell(text: str, column: ColumnSpec, question: str, boxes: tuple[Checkbox, ...] = ()) -> BoxRead | None:
    """The group printed in one cell; None when the cell names no option.

    The cell's box elements answer (each the option its label names); the text is read
    where the reader made no element of some box (look-alikes such as ■, 口 or √ beside a
    label, which the elements' labels then swallow: `☐确定能 ■有可能`)."""
    words = _words(column.options, column.option_words)
    items = scan(text, tuple(words))
    labels = [words[str(item.value)] for item in items if item.kind == "label"]
    boxed = bool(boxes) or any(item.kind == "box" for item in items)
    if not labels:
        return None
    if not boxed:
        # Written: every option the cell names is the answer; but a cell naming every option
        # and marking none is the group as printed, whose boxes did not come through (a scan
        # where only a hand tick marks the chosen ones): a group with nothing ticked.
        if len(column.options) > 1 and set(labels) >= set(column.options):
            return BoxRead(dict.fromkeys(column.options, False), True, question)
        return BoxRead({option: option in labels for option in column.options}, False, question)
    states = group_states([(box, None) for box in boxes], text, tuple(words))
    if states is None:
        return BoxRead(None, True, question, column.options)
    merged = {option: False for option in column.options}
    for word, state in states.items():
        merged[words[word]] = merged[words[word]] or state
    return BoxRead(merged, True, question)


def box_state(text: str, boxes: tuple[Checkbox, ...] = ()) -> bool | None:
    """One sub-column cell: True ticked, False empty or an empty box, None undecided; from the
    cell's box elements where the reader made them, else from look-alikes in its text."""
    if boxes:
        if any(box.state == "unknown" for box in boxes):
            return None
        return any(box.state == "checked" for box in boxes)
    items = [item for item in scan(text, ()) if item.kind == "box"]
    if not items:
        return False if not one_line(text) or one_line(text) in ("—", "-", "/") else None
    if any(item.value is None for item in items):
        return None
    return any(bool(item.value) for item in items)


def option_of(header_text: str, column: ColumnSpec) -> str | None:
    """The option a sub-column header names (`确定能完成` -> 确定能), if any: the cell holds
    the option's word (and at most a few characters more) and no box."""
    key = label_key(one_line(header_text))
    if any(item.kind == "box" for item in scan(header_text, ())):
        return None
    words = _words(column.options, column.option_words)
    for word in sorted(words, key=len, reverse=True):
        word_key = label_key(word)
        if word_key and key.startswith(word_key) and len(key) <= len(word_key) + 3:
            return words[word]
    return None


def value_of(read: BoxRead, column_type: str) -> Any:
    """The field value of a group: the ticked options (boxes) or the one ticked (option)."""
    if read.states is None:
        return [] if column_type == "boxes" else None
    ticked = [option for option, state in read.states.items() if state]
    if column_type == "boxes":
        return ticked
    return ticked[0] if len(ticked) == 1 else None


def group_of(read: BoxRead, field: str) -> CheckboxGroup | None:
    """The record's group for a boxed read (None for a written answer). An undecided read
    (a box whose state is unknown) lists its options unticked, as a yes/no field's does, so
    that `checkbox-state` reports the group as unreadable instead of it vanishing."""
    if not read.boxed:
        return None
    states = read.states if read.states is not None else dict.fromkeys(read.options, False)
    if not states:
        return None
    return CheckboxGroup(question=read.question, field=field, undecided=read.states is None,
                         options=[CheckboxOption(label=o, checked=s) for o, s in states.items()])


def settle_rows(name: str, items: list[dict[str, Any]], columns: dict[str, ColumnSpec]) -> list[CheckboxGroup]:
    """Replace every BoxRead in a rows table's items by its value; the groups, in order."""
    groups: list[CheckboxGroup] = []
    for index, item in enumerate(items):
        for key, value in list(item.items()):
            if isinstance(value, BoxRead):
                item[key] = value_of(value, columns[key].type)
                group = group_of(value, f"{name}.{index}.{key}")
                if group is not None:
                    groups.append(group)
            elif value is None and key in columns and columns[key].type == "boxes":
                item[key] = []
    return groups


def choice_field(text: str, spec: FieldSpec, name: str) -> tuple[str | None, CheckboxGroup | None]:
    """A `choice` field (项目属性): the ticked option as printed and its group.

    The group's options are the option words the cell prints, in order; a cell without boxes
    naming one option is a written answer (its value, no group)."""
    items = scan(text, spec.options)
    printed = list(dict.fromkeys(str(item.value) for item in items if item.kind == "label"))
    if not printed:
        return None, None
    if not any(item.kind == "box" for item in items):
        return (printed[0] if len(printed) == 1 else None), None
    states = option_states(text, tuple(printed))
    if states is None:  # a box whose state is unknown: undecided, its group listed unticked
        return None, CheckboxGroup(question=spec.question or name, field=name, undecided=True,
                                   options=[CheckboxOption(label=o, checked=False) for o in printed])
    ticked = [option for option, state in states.items() if state]
    group = CheckboxGroup(question=spec.question or name, field=name,
                          options=[CheckboxOption(label=o, checked=s) for o, s in states.items()])
    return (ticked[0] if len(ticked) == 1 else None), group
