"""The schema of a form template (parsers/forms/*.yaml): labels, field types, options."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

FieldType = Literal["text", "amount", "percent", "period", "yes_no", "choice", "conclusion"]


class FieldSpec(BaseModel):
    """How one field is found (label synonyms, most specific first) and parsed (its type)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    labels: tuple[str, ...]
    type: FieldType
    strip: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    question: str | None = None
    variants: tuple[str, ...] = ()
    section: str | None = None

    @model_validator(mode="after")
    def _options_for_choices(self) -> FieldSpec:
        if self.type == "choice" and not self.options:
            raise ValueError("a choice field needs options")
        if self.type == "yes_no" and not self.options:
            object.__setattr__(self, "options", ("是", "否"))
        return self


class TitleSpec(BaseModel):
    """How the form is recognised by its title, and which words name the variants."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    match: tuple[str, ...]
    variants: dict[str, tuple[str, ...]] = {}


class FormTemplate(BaseModel):
    """A whole form: its title, its fields, numbered table labels that are not sections, and
    labels of rows that are not fields (联系人, 填报日期 …), which end a neighbour's value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    form: str
    title: TitleSpec
    fields: dict[str, FieldSpec]
    not_sections: tuple[str, ...] = ()
    other_labels: tuple[str, ...] = ()
