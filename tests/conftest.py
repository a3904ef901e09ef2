"""Shared fixtures: the corpus cases (document + hand-checked expected record)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

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



# Tests that need a browser, LibreOffice, a network or user namespace skip on a developer's machine
# without them; under `.ci/run` (JIXIAO_CI=1, which installs them) such a skip is a failure,
# so CI coverage never depends on what happens to be installed.
_TOOL_WORDS = ("chromium", "libreoffice", "network namespace", "user namespace")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # noqa: ARG001 - pytest hook signature
    """Turn a missing-tool skip into a failure under CI."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("JIXIAO_CI") != "1" or not report.skipped or not isinstance(report.longrepr, tuple):
        return
    reason = str(report.longrepr[2])
    if any(word in reason.lower() for word in _TOOL_WORDS):
        report.outcome = "failed"
        report.longrepr = f"a tool this test needs is missing under CI: {reason}"
