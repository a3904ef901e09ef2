"""Discrepancies the checker raises, with the source evidence that shows them, and where a text
stands (`Location`; `location` gives one shared instance a place)."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    """How serious a discrepancy is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: sort key, most serious first."""
        return ("error", "warning", "info").index(self.value)


class Location(BaseModel):
    """Where in the source a piece of text stands: 1-based page and line."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    page: int = 1
    line: int


@lru_cache(maxsize=16384)
def location(page: int, line: int) -> Location:
    """`Location(page=page, line=line)`, one shared instance per place: Locations are frozen, and
    the same few thousand places (a document's lines, the fields' and the narrative's) are
    asked for again and again, each a pydantic validation (about 10,000 machine instructions)."""
    return Location(page=page, line=line)


class Evidence(BaseModel):
    """A quotation of the source with its location."""

    model_config = ConfigDict(extra="forbid")

    text: str
    location: Location | None = None


class Discrepancy(BaseModel):
    """One contradiction found in a record, named by its rule id."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    severity: Severity
    fields: list[str] = []
    message: str
    evidence: list[Evidence] = []
