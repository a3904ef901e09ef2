"""Shared fixtures: the corpus cases (document + hand-checked expected record)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCUMENT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def corpus_cases() -> list[tuple[str, Path, Path]]:
    """(id, document, expected.json) for every corpus case with an expected record."""
    cases = []
    for expected in sorted(CORPUS.rglob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        documents = [p for p in expected.parent.glob(stem + ".*") if p.suffix.lower() in DOCUMENT_SUFFIXES]
        if documents:
            case_id = str(expected.parent.relative_to(CORPUS) / stem)
            cases.append((case_id, documents[0], expected))
    return cases


def load_expected(path: Path) -> dict:
    """The hand-checked expected record of a case."""
    return json.loads(path.read_text(encoding="utf-8"))
