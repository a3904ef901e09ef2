"""Reader limits: what keeps one hostile or huge document from taking the run down.

The readers (parsers/) enforce them and the settings file (`[limits]`, `extract.settings`)
overrides them; they sit here so that both layers can name them without importing upward.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, PositiveFloat, PositiveInt

DEFAULT_TIMEOUT_SECONDS = 120.0
"""Seconds allowed per document in extract, check and batch alike (a 20-page PDF takes a few
seconds; a hang is cut at 2 minutes). `[limits] timeout_seconds` or `--timeout` override it."""


class Limits(BaseModel):
    """Limits that keep one hostile or huge document from taking the run down."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_file_bytes: PositiveInt = 100 * 1024 * 1024
    """Bigger files are refused unread (too-large)."""
    max_unzipped_bytes: PositiveInt = 200 * 1024 * 1024
    """A .docx whose parts add up to more, declared or inflated, is refused (unsafe-content)."""
    max_zip_ratio: PositiveInt = 200
    """A zip member (over 1 MiB) expanding more than this many times is a bomb (unsafe-content)."""
    max_pages: PositiveInt = 500
    """PDFs with more pages are refused before a page is parsed (too-many-pages)."""
    max_line_chars: PositiveInt = 1_000_000
    """A text file with a longer line is refused (too-large)."""
    timeout_seconds: PositiveFloat = DEFAULT_TIMEOUT_SECONDS
    """Reading and checking one document takes at most this long (timeout)."""
    max_image_pixels: PositiveInt = 60_000_000
    """An image page with more pixels (A4 at 600 dpi is 35 M) is refused (image-too-large);
    one declaring over twice this is a decompression bomb (image-bomb)."""
    ocr: Literal["auto", "always", "never"] = "auto"
    """Pages read by OCR: those without a usable text layer (auto), every page (always), none."""
