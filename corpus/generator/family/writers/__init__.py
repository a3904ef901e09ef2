"""Writers of files holding one or more forms: text dialects, Word and PDF.

A part is a `Part(kind, spec, grid)`: a self-evaluation form (`kind="self"`, with its grid) or a
monitoring form (`kind="monitoring"`, printed by the monitoring generator's own code). A writer
is `write(parts, stem, rng) -> (path, spans)`, where `spans[i]` is the first and last page
(PDF), or line (text), that part i occupies, or None where the format cannot know it (Word).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

# layout -> (record format, module, function, where spans count: "lines", "pages" or None)
LAYOUTS: dict[str, tuple[str, str, str, str | None]] = {
    "txt-tabs": ("txt", "text", "write_tabs", "lines"),
    "txt-markdown": ("txt", "text", "write_markdown", "lines"),
    "txt-html": ("txt", "text", "write_html", "lines"),
    "txt-cells": ("txt", "text", "write_cells", "lines"),
    "docx": ("docx", "word", "write", None),
    "pdf": ("pdf", "pdf", "write", "pages"),
}


@dataclass(frozen=True)
class Part:
    """One form to print in a file."""

    kind: str          # "self" or "monitoring"
    spec: Any
    grid: Any = None


def writer_for(layout: str):
    """The write function of `layout` (imported lazily: reportlab only for PDF)."""
    _fmt, module, func, _span = LAYOUTS[layout]
    return getattr(importlib.import_module(f"corpus.generator.family.writers.{module}"), func)
