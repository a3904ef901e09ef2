"""Checkbox groups as the record reports them: a question and its options with their state."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


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

    @property
    def ticked(self) -> list[str]:
        """Labels of the ticked options."""
        return [option.label for option in self.options if option.checked]
