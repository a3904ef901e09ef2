"""jixiao's public API: read reports into records (`extract_file`) and check them.

    from extract import extract_file
    record = extract_file(Path("reports/七宝镇-12.docx"))   # a schemas.Record, never raises
                                                            # for a bad document: status failed

The pipeline is imported on first use, so `jixiao --help` and `jixiao schema` stay fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_document", "extract_file", "run_checks"]


def __getattr__(name: str) -> Any:
    if name in ("extract_file", "extract_document"):
        from extract import pipeline

        return getattr(pipeline, name)
    if name == "run_checks":
        from extract.checks import run_checks

        return run_checks
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
