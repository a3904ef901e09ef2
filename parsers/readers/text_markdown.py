"""OCR dialect: markdown (placeholder until implemented)."""

from __future__ import annotations

from schemas.document import Block


def sniff(text: str) -> bool:
    """Not yet recognised."""
    return False


def parse(text: str) -> list[Block]:
    """Not yet implemented."""
    return []
