"""Numbered narrative sections (一、 二、 …) with their subsections (1、 2、 …)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from schemas.discrepancy import Location


class Section(BaseModel):
    """A numbered section: its heading as written, its own text, and its subsections."""

    model_config = ConfigDict(extra="forbid")

    heading: str
    text: str = ""
    subsections: list[Section] = []
    location: Location | None = None
