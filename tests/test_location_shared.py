"""`schemas.discrepancy.location` gives the Location a validation gives, one instance a place."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from parsers.lines import build_document
from schemas.discrepancy import Location, location
from schemas.document import Paragraph
from schemas.record import Source


def test_a_shared_location_is_the_validated_one() -> None:
    shared = location(2, 7)
    assert shared == Location(page=2, line=7) and hash(shared) == hash(Location(page=2, line=7))
    assert shared is location(2, 7)
    assert shared.model_dump() == {"page": 2, "line": 7}
    with pytest.raises(ValidationError):
        shared.line = 8  # frozen: sharing it cannot let one holder change another's
    with pytest.raises(ValidationError):
        location(1, "seven")  # type: ignore[arg-type]


def test_document_lines_share_their_locations() -> None:
    blocks = [Paragraph(page=1, text="一\n二"), Paragraph(page=2, text="三")]
    first = build_document(Source(path="a.txt"), blocks)
    again = build_document(Source(path="b.txt"), blocks)
    assert [line.loc for line in first.lines] == [Location(page=1, line=1), Location(page=1, line=2), Location(page=2, line=1)]
    assert all(a.loc is b.loc for a, b in zip(first.lines, again.lines, strict=True))
