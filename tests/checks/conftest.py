"""Fixtures of the checker tests; the factories themselves live in `factory.py`."""

from __future__ import annotations

import pytest

from .factory import Case, make_case


@pytest.fixture
def clean_case() -> Case:
    """The consistent report."""
    return make_case()
