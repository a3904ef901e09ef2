"""Checkbox groups as the record reports them: a question and its options with their state."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer


class CheckboxOption(BaseModel):
    """One option of a group and whether its box is ticked."""

    model_config = ConfigDict(extra="forbid")

    label: str
    checked: bool


class CheckboxGroup(BaseModel):
    """A question of the form answered by ticking boxes (是/否, or a single choice)."""

    model_config = ConfigDict(extra="forbid")

    question: str
    field: str | None = None
    options: list[CheckboxOption]
    undecided: bool = False
    """True when the reading saw a mark it could not place (a box whose state is unknown, a
    tick that the text puts between two options): every option is then listed unticked and
    `checkbox-state` reports the group. An extension of record-v1, left out when False."""

    @model_serializer(mode="wrap")
    def _drop_decided(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        dumped: dict[str, Any] = handler(self)
        if not dumped.get("undecided", True):
            dumped.pop("undecided")
        return dumped

    @property
    def ticked(self) -> list[str]:
        """Labels of the ticked options."""
        return [option.label for option in self.options if option.checked]
