"""A batch extractor for the OCR batch tests, loaded by the workers by name ("ocr_probe:probe_extract").

It reads the document with the real pipeline, then writes into each record's
`fields.project_name` which worker read it and how many times that worker had loaded the
OCR engine before and after the document: `pid=<pid> before=<n> after=<n>`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from extract.pipeline import extract_records
from parsers.ocr import engine
from schemas.fields import Fields


def probe_extract(path: Path, settings: Any) -> list[Any]:
    """The pipeline's records, each naming the worker and its engine loads."""
    before = engine.loads()
    records = extract_records(path, settings)
    note = f"pid={os.getpid()} before={before} after={engine.loads()}"
    return [record.model_copy(update={"fields": Fields(project_name=note)}) for record in records]
