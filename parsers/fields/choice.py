"""Ticked boxes beside option labels -> each option's state, and the chosen option.

A group's boxes are elements of its cells (`schemas.document.Checkbox`, attached by the
readers): `box_states` reads them, each box answering the option its label names (the
first option after a box that stands before its label, the last one before a box that
follows it; a box alone in its cell answers the option header above it). `option_states`
reads what the readers could not make elements of: boxes that are boxes only beside an
option label, and bare answers. It works on the text of a group's cells (`是☐ 否☑`, `☑确定能完成\t☐有可能完成`, `是 口 否 √`,
`[√]是 [ ]否`; a tick typed right after an empty box, `是 □ √ 否 □`, or right before one,
`□是 √□否`, ticks that box). Readers render real boxes as ☑/☐; OCR look-alikes (口 □ [ ] for empty,
√ ■ ☒ [√] for ticked) are read here, and only next to an option label, since 口 and √ are
ordinary characters elsewhere. Whether boxes stand before or after their labels is decided
per group from the first item: a group that opens with a box puts boxes before labels;
ticked boxes alone between labels (hand ticks standing for the boxes, the other options
printed without boxes: `是 ☑否`, `经费保障制度保障 ☑人员保障 ☑ 硬件条件保障`) belong to the
labels they are written against, the side without a space; a tick spaced from both (a wrap
fell beside it: `经费保障 ☑` / `制度保障`) leaves the group undecided, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from parsers.frozen_init import frozen_init
from parsers.normalize import collapse_cjk_spaces, to_ascii
from parsers.readers.checkbox_glyphs import CHECKED_LOOKALIKES as _TICKED
from parsers.readers.checkbox_glyphs import UNCHECKED_LOOKALIKES as _EMPTY
from parsers.readers.checkbox_glyphs import UNKNOWN as _UNKNOWN
from parsers.readers.checkbox_glyphs import canonical_glyphs
from schemas.document import Checkbox


@frozen_init
@dataclass(frozen=True)
class Item:
    """An option label or a box found in the group's text, in reading order."""

    kind: str  # "label" or "box"
    value: str | bool | None  # a box's None: its state is unknown (a scan did not show it)
    start: int


_HAND_MARKS = frozenset("√✓✔")
"""Ticks a hand or a keyboard writes, which are no box of their own after an empty box."""


@cache
def _pattern(options: tuple[str, ...]) -> regex.Pattern[str]:
    boxes = sorted((*_TICKED, *_EMPTY, _UNKNOWN), key=len, reverse=True)
    labels = sorted(options, key=len, reverse=True)
    alternatives = [regex.escape(label) for label in labels] + [regex.escape(box) for box in boxes]
    return regex.compile("|".join(alternatives))


def scan(text: str, options: tuple[str, ...]) -> list[Item]:
    """Option labels and boxes of `text` in order."""
    return list(_scanned(text, options))


@lru_cache(maxsize=1024)  # pure: a group's text is asked for again, and forms print the same few
def _scanned(text: str, options: tuple[str, ...]) -> tuple[Item, ...]:
    text = collapse_cjk_spaces(canonical_glyphs(to_ascii(text)))
    items: list[Item] = []
    last_end = 0
    lone_tick = False  # the last item is a hand tick of its own, not yet joined to a box
    for match in _pattern(options).finditer(text):
        token = match.group(0)
        joins_tick = lone_tick and token in _EMPTY and not text[last_end:match.start()].strip()
        lone_tick = False
        if token in options:
            items.append(Item("label", token, match.start()))
        elif joins_tick:
            # An empty box right after a hand tick (`□新增项目 √□延续项目`): the tick was
            # written against that box, which is ticked.
            continue
        elif token in _HAND_MARKS and items and items[-1].kind == "box" and items[-1].value is False \
                and not text[last_end:match.start()].strip() \
                and not any(text.startswith(option, match.end()) for option in options):
            # A tick typed right after an empty box (`常年性项目 □ √`) is the box ticked;
            # one written against the next label (`是□ √否□`) is that label's.
            items[-1] = Item("box", True, items[-1].start)
        else:
            items.append(Item("box", None if token == _UNKNOWN else token in _TICKED, match.start()))
            lone_tick = token in _HAND_MARKS
        last_end = match.end()
    return tuple(items)


def option_states(text: str, options: tuple[str, ...]) -> dict[str, bool] | None:
    """Each option's state; None when the text shows neither the options nor any box, or
    when a box's state is unknown or a lone tick is set apart from both labels (`_set_apart`):
    the group is undecided, never guessed."""
    return _item_states(text, options, scan(text, options))


def _item_states(text: str, options: tuple[str, ...], items: list[Item]) -> dict[str, bool] | None:
    """`option_states` of `text` from its `scan` items."""
    labels = [item for item in items if item.kind == "label"]
    boxes = [item for item in items if item.kind == "box"]
    if not labels or any(box.value is None for box in boxes):
        return None
    if not boxes:
        # No boxes at all: a bare answer (`否`) names the choice; all options listed names none.
        named = {item.value for item in labels}
        if len(named) == 1:
            return {option: option in named for option in options}
        return {option: False for option in options}
    boxes_first = items[0].kind == "box"
    if _lone_ticks(items, boxes):
        spacing = _spacing(text, boxes)
        if _set_apart(spacing):
            return None  # the side a lone tick belongs to is a convention the text does not show
        ticks = _ticks_side(spacing)
        if ticks is not None:
            boxes_first = ticks
    states = {option: False for option in options}
    for index, item in enumerate(items):
        if item.kind != "label" or not isinstance(item.value, str):
            continue
        neighbour = index - 1 if boxes_first else index + 1
        if 0 <= neighbour < len(items) and items[neighbour].kind == "box":
            states[item.value] = states[item.value] or bool(items[neighbour].value)
    return states


def box_states(boxes: list[tuple[Checkbox, str | None]], options: tuple[str, ...]) -> dict[str, bool] | None:
    """Each option's state from the group's box elements, each with the option header above it
    (or None); None when a box's state is unknown (undecided, never guessed) or no box answers
    an option."""
    if any(box.state == "unknown" for box, _ in boxes):
        return None
    states = {option: False for option in options}
    answered = False
    for box, header in boxes:
        option = _option_of(box, header, options)
        if option is not None:
            answered = True
            states[option] = states[option] or box.state == "checked"
    return states if answered else None


def group_states(
    boxes: list[tuple[Checkbox, str | None]], text: str, options: tuple[str, ...]
) -> dict[str, bool] | None:
    """Each option's state from a group's box elements and its text: None when a box's state
    is unknown (undecided, never guessed, whatever the text shows). The elements answer
    unless the text holds look-alikes only a label makes boxes (which the elements' labels
    then swallow: `☐确定能 ■有可能`), the text's boxes are ticks alone between labels
    (`_lone_ticks`: the elements' labels, cut by the group's first item, would give each tick
    a side by a convention the text does not show; the spacing says their side, or nothing does), or no element names an option; then the
    text answers (its items scanned once for both questions)."""
    if any(box.state == "unknown" for box, _ in boxes):
        return None
    if boxes and not has_lookalikes(text):
        items = scan(text, options)
        if not _lone_ticks(items, [item for item in items if item.kind == "box"]):
            states = box_states(boxes, options)
            if states is not None:
                return states
        return _item_states(text, options, items)
    return option_states(text, options)


def _option_of(box: Checkbox, header: str | None, options: tuple[str, ...]) -> str | None:
    if not box.label:
        return header
    named = _named_options(box.label, options)
    if not named:
        return None
    return named[0] if box.label_side == "after" else named[-1]


@lru_cache(maxsize=1024)  # pure: box labels are the options' few words (是, 否, 确定能完成)
def _named_options(label: str, options: tuple[str, ...]) -> tuple[str, ...]:
    """The options `label` names, in order."""
    text = collapse_cjk_spaces(to_ascii(label))
    return tuple(match.group(0) for match in _pattern(options).finditer(text) if match.group(0) in options)


def has_lookalikes(text: str) -> bool:
    """True when `text` holds a box look-alike (口, √, [ ], ■ …) that only an option label
    beside it makes a box: the readers made no element of it."""
    return _LOOKALIKE.search(canonical_glyphs(to_ascii(text))) is not None


_LOOKALIKES = tuple(look for look in (*_TICKED, *_EMPTY) if look not in ("☑", "☐"))
_LOOKALIKE = re.compile("|".join(re.escape(look) for look in _LOOKALIKES))  # finds any (one `re` pass)


def undecided(text: str, options: tuple[str, ...]) -> bool:
    """True when the text shows a mark the reading cannot place: a box whose state is
    unknown (⍰), or lone ticks (`_lone_ticks`) set apart from both labels (`_set_apart`:
    `经费保障 ☑ 制度保障`)."""
    items = scan(text, options)
    boxes = [item for item in items if item.kind == "box"]
    if any(box.value is None for box in boxes):
        return True
    return _lone_ticks(items, boxes) and _set_apart(_spacing(text, boxes))


def _lone_ticks(items: list[Item], boxes: list[Item]) -> bool:
    """True when the boxes are ticked boxes only, each between two labels: hand ticks
    standing for the boxes, the other options printed without any."""
    if not boxes or any(box.value is not True for box in boxes):
        return False
    for box in boxes:
        at = items.index(box)
        if not 0 < at < len(items) - 1 or items[at - 1].kind != "label" or items[at + 1].kind != "label":
            return False
    return True


def _ticks_side(spacing: list[tuple[int, int]]) -> bool | None:
    """For lone ticks (`_lone_ticks`), by their `_spacing`: True when they are written
    against the label after them, False against the one before, None when the spacing does
    not say. Each box is written against the side with the narrower gap (`是 ☑否`; a tick
    at the end of its option's cell, `确定能完成 ☑` before the next cell, is that option's);
    a box with like gaps on both sides says nothing, and boxes that disagree say nothing."""
    sides = {before > after for before, after in spacing if before != after}
    return sides.pop() if len(sides) == 1 else None


def _set_apart(spacing: list[tuple[int, int]]) -> bool:
    """True when a lone tick stands with a space on both sides (`经费保障 ☑ 制度保障`, a
    narrow cell wrapped beside it) and none tells the side: box-first forms would mean the
    label after it, label-first ones (`是 □ 否 ☑`) the one before. A tick written against
    both (`确定能完成√有可能完成`) is a mark written after its option, as the first item
    says (`option_states`)."""
    return _ticks_side(spacing) is None and any(before and after for before, after in spacing)


# The gap beside a tick: none, a space (or a line's wrap), a cell's border (the tab joining
# a row's cells).
_GAPS = {"\t": 2}


def _gap(char: str) -> int:
    return _GAPS.get(char, 1 if char.isspace() else 0)


def _spacing(text: str, boxes: list[Item]) -> list[tuple[int, int]]:
    """(gap before, gap after) of each tick of the text (`_gap`); [] when the ticks are not
    one character each (`[√]`)."""
    spaced = canonical_glyphs(to_ascii(text))
    marks = [i for i, c in enumerate(spaced) if c in _TICKED]
    if len(marks) != len(boxes):
        return []
    return [(_gap(spaced[i - 1]) if i > 0 else 0, _gap(spaced[i + 1]) if i + 1 < len(spaced) else 0) for i in marks]


def chosen(states: dict[str, bool] | None) -> str | None:
    """The one ticked option, or None when none or several are ticked."""
    if not states:
        return None
    ticked = [option for option, state in states.items() if state]
    return ticked[0] if len(ticked) == 1 else None
