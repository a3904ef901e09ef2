"""OCR dialect 4: one cell per line (placeholder: every line a paragraph)."""

from __future__ import annotations

from parsers.normalize import is_page_furniture
from schemas.document import Block, Paragraph


def sniff(text: str) -> bool:
    """Accepts anything: the fallback dialect."""
    return True


def parse(text: str) -> list[Block]:
    """Every non-empty line a paragraph."""
    return [Paragraph(text=line.strip()) for line in text.split("\n") if line.strip() and not is_page_furniture(line)]
