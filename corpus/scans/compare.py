"""Comparing a record read from a scan with the record of the PDF it was made from.

`leaves` flattens a record's fields into dotted paths and scalars (spaces in text ignored:
OCR and the text layer may space CJK text differently), so two records compare value by value.
"""

from __future__ import annotations

from typing import Any


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Dotted path -> scalar of a record's fields (spaces in text ignored)."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in leaves(item, f"{path}{key}.").items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in leaves(item, f"{path}{i}.").items()}
    return {path[:-1]: value.replace(" ", "") if isinstance(value, str) else value}
