"""Defaults every command shares, importable without pydantic (the CLI's help text shows them)."""

DEFAULT_TIMEOUT_SECONDS = 120.0
"""Seconds allowed per document in extract, check and batch alike (a 20-page PDF takes a few
seconds; a hang is cut at 2 minutes). `[limits] timeout_seconds` or `--timeout` override it."""
