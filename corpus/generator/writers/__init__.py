"""Writers: one module per output format; DIALECTS maps a dialect name to its writer.

A writer is `write(spec, stem, rng) -> Path`: it prints `spec` into `stem` + its suffix and
returns the path. `rng` drives only presentation (label brackets, glyph pairs, layout mode),
never content, so the expected record depends on the spec alone.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from pathlib import Path

from corpus.generator.model import FormSpec

Writer = Callable[[FormSpec, Path, random.Random], Path]

# dialect -> (record format, module, function)
DIALECTS: dict[str, tuple[str, str, str]] = {
    "txt-tabs": ("txt", "txt_tabs", "write"),
    "txt-markdown": ("txt", "txt_markdown", "write"),
    "txt-html": ("txt", "txt_html", "write"),
    "txt-cells": ("txt", "txt_cells", "write"),
    "docx-glyph": ("docx", "docx_writer", "write_glyph"),
    "docx-symbol": ("docx", "docx_writer", "write_symbol"),
    "docx-sdt": ("docx", "docx_writer", "write_sdt"),
    "docx-formfield": ("docx", "docx_writer", "write_formfield"),
    "pdf-glyph": ("pdf", "pdf_writer", "write_glyph"),
    "pdf-pua": ("pdf", "pdf_writer", "write_pua"),
    "pdf-drawn": ("pdf", "pdf_writer", "write_drawn"),
    "pdf-acroform": ("pdf", "pdf_writer", "write_acroform"),
    "pdf-word": ("pdf", "pdf_word", "write"),
}
DEFAULT_DIALECTS: tuple[str, ...] = tuple(d for d in DIALECTS if d != "pdf-word")


def writer_for(dialect: str) -> Writer:
    """The write function of `dialect` (imported lazily: reportlab only when a PDF is asked for)."""
    _fmt, module, func = DIALECTS[dialect]
    return getattr(importlib.import_module(f"corpus.generator.writers.{module}"), func)


def format_of(dialect: str) -> str:
    """The record's source.format for `dialect`: txt, docx or pdf."""
    return DIALECTS[dialect][0]
