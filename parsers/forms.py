"""The registry of form templates: load and validate them; classify a document's form and variant.

Templates are data (parsers/forms/*.yaml, read by `parsers.template_data`), validated by
schemas.template when loaded, so a typo fails at start-up with a TemplateError naming the
file, never mid-extraction. Every template's field and table keys must be fields of its
form's model (schemas.forms).
`all_templates()` lists every form jixiao reads; `template_for(type)` gives one.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import regex
from pydantic import ValidationError

from parsers.char_sets import any_of
from parsers.normalize import clean_text, label_key
from parsers.template_data import template_data
from schemas.document import Document
from schemas.errors import TemplateError
from schemas.forms import FIELDS_MODELS
from schemas.record import FormInfo
from schemas.template import FormTemplate

TITLE_SCAN_LINES = 12
MAX_TITLE_CHARS = 60
"""A form's title line is at most this long (a longer line is text that names the form)."""
TITLE_TAIL_PART = r"\s*[（(【][^（）()【】]{1,12}[）)】]\s*"
"""One bracketed part printed after a title (`（2023年度）`, `（重点）`), as a pattern source."""
# A line holding only bracketed parts of a title: `（重点）`, `（跟踪评价）（一般）`.
_TITLE_TAIL = regex.compile(r"(?:\s*[（(【][^（）()【】]{1,8}[）)】]\s*){1,3}")


TEMPLATE_FILES: tuple[str, ...] = ("monitoring.yaml", "self_evaluation.yaml", "target_declaration.yaml",
                                 "execution_monitoring.yaml")
"""Every template file, in the order forms are tried (ties go to the earlier)."""


@cache
def all_templates() -> tuple[FormTemplate, ...]:
    """Every form template jixiao reads, loaded and validated once."""
    return tuple(load_template(name) for name in TEMPLATE_FILES)


def names_a_form(text: str) -> bool:
    """Whether a short line names a form of some template (`项目支出绩效目标执行监控表（2024年度）`):
    a title, never page furniture, even when every page opens with it (one form per page)."""
    words, common = title_words()
    if common is not None and common.search(text) is None:
        return False
    key = label_key(clean_text(text))
    return 0 < len(key) <= 40 and any(word_key in key for word_key, _ in words)


_TITLE_WORDS: list[tuple[tuple[FormTemplate, ...], list[tuple[str, FormTemplate]], re.Pattern[str] | None]] = []


def title_words() -> tuple[list[tuple[str, FormTemplate]], re.Pattern[str] | None]:
    """The label keys of every template's title words (`template.title.match`), in template
    order, and a pattern finding the characters all of them hold that `clean_text` and
    `label_key` cannot make (non-ASCII; None when they share none): a text in which it finds
    nothing names no form, whatever it holds besides."""
    templates = all_templates()
    if _TITLE_WORDS and _TITLE_WORDS[0][0] is templates:
        return _TITLE_WORDS[0][1], _TITLE_WORDS[0][2]
    words = [(label_key(word), template) for template in templates for word in template.title.match]
    common: set[str] | None = None
    for word_key, _ in words:
        common = set(word_key) if common is None else common & set(word_key)
    kept = [c for c in common or () if not c.isascii()]
    finder = any_of(kept) if kept else None
    _TITLE_WORDS[:] = [(templates, words, finder)]
    return words, finder


def template_for(form_type: str) -> FormTemplate:
    """The template of `form_type` (`monitoring`, `self_evaluation` …); KeyError if none."""
    for template in all_templates():
        if template.form == form_type:
            return template
    raise KeyError(form_type)


def monitoring_template() -> FormTemplate:
    """The 财政项目支出绩效运行监控 template."""
    return template_for("monitoring")


def load_template(name: str) -> FormTemplate:
    """Load and validate one template file from parsers/forms/."""
    text = resources.files("parsers").joinpath("forms", name).read_text(encoding="utf-8")
    try:
        template = FormTemplate.model_validate(template_data(name, text))
    except ValidationError as exc:
        raise TemplateError(f"模板 {name} 无效: {exc}") from exc
    model = FIELDS_MODELS.get(template.form)
    if model is None:
        raise TemplateError(f"模板 {name} 的表种未知: {template.form}")
    unknown = (set(template.fields) | set(template.tables)) - set(model.model_fields)
    if unknown:
        raise TemplateError(f"模板 {name} 含有未知字段: {sorted(unknown)}")
    return template


def classify(document: Document, template: FormTemplate) -> FormInfo:
    """The form info of `document`: its title line and variant, if the title names them."""
    keys = [label_key(word) for word in template.title.match]
    head = document.lines[:TITLE_SCAN_LINES]
    for index, line in enumerate(head):
        if any(key in label_key(line.text) for key in keys):
            title = clean_text(line.text).replace("\n", "")
            variant = _variant(title, template)
            if variant is None and index + 1 < len(head):
                # OCR may put the rest of the title (`（跟踪评价）（一般）`) on its own line.
                following = clean_text(head[index + 1].text).replace("\n", "")
                if _TITLE_TAIL.fullmatch(following) and _variant(following, template):
                    title, variant = title + following, _variant(following, template)
            return FormInfo(type=template.form, variant=variant, title=title)
    return FormInfo()


def _variant(title: str, template: FormTemplate) -> str | None:
    for variant, words in template.title.variants.items():
        if any(f"（{w}）" in title or f"({w})" in title or f"【{w}】" in title for w in words):
            return variant
    return None
