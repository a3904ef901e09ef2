"""The labels of every form template, as a reader of unruled text needs them.

Owns the label vocabulary a layout reader splits rows by: every field label, column and row
label, `under` header, box-group question, non-section label and boundary label of every
template (`parsers.forms.all_templates`), compiled into one pattern that finds a printed label
inside a line also when OCR put spaces or brackets inside it (`预 算 单 位`,
`具体实施 (内设机构)`) or a unit after it (`当年预算数（万元）`). Also which labels head a
figure column (an amount, percent or score), which name a row of a grid (年度资金总额) and
which open a table (项目资金), so
a row of figures can be laid under its header. Nothing here is form-specific: the words come
from the templates only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from parsers.forms import all_templates
from parsers.normalize import label_key, split_unit
from parsers.readers.text_label_scan import LabelScanner

_FIGURE_TYPES = frozenset({"amount", "percent", "score"})
_GAP = r"[ \t\u3000:：()（）、]*"
_UNIT = r"(?:[ \t\u3000]*[（(][ \t\u3000]*(?:元|万元|亿元|%|％)[ \t\u3000]*[)）])?"
_POINTS = r"(?:[ \t\u3000]*[（(][ \t\u3000]*\d+(?:\.\d+)?[ \t\u3000]*分[ \t\u3000]*[)）])?"
# A bracketed span of years after a label (中期目标（2024年-2026年）), as table headers print it.
_YEARS = r"(?:[ \t\u3000]*[（(][ \t\u3000]*(?:19|20)\d{2}[^（）()\n]{0,16}[)）])?"
_YEARS_NOTE = regex.compile(r"[（(][ \t\u3000]*(?:19|20)\d{2}[^（）()\n]{0,16}[)）]\s*$")
_TAIL = r"[)）]?" + _UNIT + _POINTS + _YEARS + r"[ \t\u3000]*[:：]?"
# A template's `1-N月` stands for any month range printed (1-7月执行数 is the label 1-N月执行数).
_MONTHS_WORD = "1-N月"
_MONTHS_PRINTED = r"1[ \t\u3000]*[-－—–~～至到][ \t\u3000]*(?:1[0-2]|[1-9])[ \t\u3000]*月"
_MONTHS = regex.compile(r"(?<![\d.])" + _MONTHS_PRINTED)


@dataclass(frozen=True)
class Vocabulary:
    """Label keys of all templates and the pattern finding them in a line."""

    keys: frozenset[str]
    figure_keys: frozenset[str]
    row_keys: frozenset[str]
    block_keys: frozenset[str]
    figures_after: dict[str, int]
    figure_kind: dict[str, str]
    scanner: LabelScanner
    """Where labels stand in a line (`scanner.spans(line)`; `scanner.pattern`, the pattern)."""
    prefixes: frozenset[str] = frozenset()
    box_options: dict[str, frozenset[str]] | None = None

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The one pattern finding any label in a line (compiled on first use)."""
        return self.scanner.pattern

    def box_column(self, text: str) -> str | None:
        """The key of the box or option column whose options `text` (a cell of boxes) names."""
        named = set(regex.findall(r"[☑☐]\s*([^☑☐\s]+)", text))
        for key, options in (self.box_options or {}).items():
            if named and named <= options:
                return key
        return None

    def begins_label(self, text: str) -> bool:
        """Whether `text` is the first part of a longer label, wrapped over lines (年度项目预算
        of 年度项目预算完成可能性), and so no row to cut at the shorter labels it holds."""
        key = label_key(_MONTHS.sub(_MONTHS_WORD, text))
        return key not in self.keys and key in self.prefixes

    def key_of(self, text: str) -> str | None:
        """The label key `text` is, exactly (unit and points dropped), else None."""
        base = _YEARS_NOTE.sub("", _MONTHS.sub(_MONTHS_WORD, split_unit(text)[0]))
        base = regex.sub(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$", "", base)
        key = label_key(base)
        if key not in self.keys and key.startswith("其中"):
            key = key.removeprefix("其中")
        return key if key in self.keys else None

    def is_label(self, text: str) -> bool:
        """Whether the whole of `text` is one known label."""
        return self.key_of(text) is not None


def _words() -> tuple[set[str], set[str], set[str], set[str]]:
    words: set[str] = set()
    blocks: set[str] = set()
    figures: set[str] = set()
    rows: set[str] = set()
    for template in all_templates():
        for spec in template.fields.values():
            words.update(spec.labels)
            words.update(spec.under)
            if spec.type in _FIGURE_TYPES:
                figures.update(spec.labels)
            if spec.question:
                words.add(spec.question)
        for table in template.tables.values():
            words.update(table.labels)
            blocks.update(table.labels)
            for column in table.columns.values():
                words.update(column.labels)
                words.update(column.split)
                if column.type in _FIGURE_TYPES:
                    figures.update(column.labels)
            for row in table.rows.values():
                words.update(row.labels)
                rows.update(row.labels)
        for box in template.boxes.values():
            words.add(box.question)
            words.update(box.labels)
        words.update(template.not_sections)
        words.update(template.other_labels)
    return words, figures, rows, blocks


def _figure_kinds() -> dict[str, str]:
    """Label key -> the kind of figure its column or field holds (amount, percent, score)."""
    out: dict[str, str] = {}
    for template in all_templates():
        typed: list[tuple[tuple[str, ...], str]] = [(spec.labels, spec.type) for spec in template.fields.values()]
        typed += [(column.labels, column.type) for table in template.tables.values() for column in table.columns.values()]
        for labels, kind in typed:
            if kind in _FIGURE_TYPES:
                for label in labels:
                    out.setdefault(label_key(split_unit(label)[0]), kind)
    return out


def _figures_after() -> dict[str, int]:
    """Label key -> how many figure fields of one form share that label (总分: 分值 and 得分)."""
    out: dict[str, int] = {}
    for template in all_templates():
        counts: dict[str, int] = {}
        for spec in template.fields.values():
            if spec.type in _FIGURE_TYPES:
                for label in spec.labels:
                    key = label_key(split_unit(label)[0])
                    counts[key] = counts.get(key, 0) + 1
        for key, count in counts.items():
            out[key] = max(out.get(key, 0), count)
    return out


def _alternative(key: str) -> str:
    """The pattern of one label key: its characters with gaps allowed between, `1-N月` any range."""
    parts = key.split(_MONTHS_WORD)
    spelled = [_GAP.join(regex.escape(char) for char in part) for part in parts]
    return (_GAP + _MONTHS_PRINTED + _GAP).join(spelled)


def _box_options() -> dict[str, frozenset[str]]:
    """Label key of a box or option column -> its options."""
    out: dict[str, frozenset[str]] = {}
    for template in all_templates():
        for table in template.tables.values():
            for column in table.columns.values():
                if column.type in ("boxes", "option") and column.options:
                    for label in column.labels:
                        key = label_key(split_unit(label)[0])
                        out[key] = out.get(key, frozenset()) | frozenset(column.options)
    return out


@cache
def vocabulary() -> Vocabulary:
    """The label vocabulary of every template, built once."""
    words, figures, rows, blocks = _words()
    keys = {label_key(split_unit(word)[0]) for word in words}
    keys.discard("")
    ordered = sorted(keys, key=len, reverse=True)
    alternatives = [_alternative(key) for key in ordered]
    # 其中： before a row label (其中：财政拨款) belongs to the label, as the table reader reads it.
    # Compiled only when a process scans many lines (`LabelScanner`): one file is walked.
    source = "(?:其中[ \t\u3000:：]*)?(?:" + "|".join(alternatives) + ")" + _TAIL
    scanner = LabelScanner(source, ordered, months=regex.compile(_MONTHS_PRINTED), tail=regex.compile(_TAIL))
    return Vocabulary(
        keys=frozenset(keys),
        figure_keys=frozenset(label_key(split_unit(word)[0]) for word in figures),
        row_keys=frozenset(label_key(split_unit(word)[0]) for word in rows),
        block_keys=frozenset(label_key(split_unit(word)[0]) for word in blocks),
        figures_after=_figures_after(),
        figure_kind=_figure_kinds(),
        scanner=scanner,
        prefixes=frozenset(key[:end] for key in keys for end in range(2, len(key))),
        box_options=_box_options(),
    )
