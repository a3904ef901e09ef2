"""Synthetic corpus generator: monitoring forms in 13 dialects, each with its expected record.

Public API:
    generate(out, n, seed, dialects=None, faults=None, fault_rate=0.0) -> list[GeneratedDoc]
    make_spec(doc_seed, faults) -> FormSpec      # the content of one form
    DIALECTS, DEFAULT_DIALECTS, RULES

Layering (each module small, one job): `content` chooses a clean, consistent form from a
seeded RNG; `faults` plants rule violations; `narrative` and `layout` say what the text and
the grid contain; `writers/*` print one format each; `expected` derives the truth. Every
document's seed is derived from (seed, dialect, index) with SHA-256, so runs repeat
exactly and adding a dialect does not change the documents of the others.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

from corpus.generator.content import build_clean
from corpus.generator.expected import expected_record
from corpus.generator.faults import RULES, pick_faults, plant
from corpus.generator.model import FormSpec
from corpus.generator.writers import DEFAULT_DIALECTS, DIALECTS, format_of, writer_for

__all__ = ["DEFAULT_DIALECTS", "DIALECTS", "RULES", "GeneratedDoc", "doc_seed", "generate", "make_spec"]


@dataclass(frozen=True)
class GeneratedDoc:
    """One written document and its expected record."""

    path: Path
    expected_path: Path
    expected: dict
    dialect: str


def doc_seed(seed: int, dialect: str, index: int) -> int:
    """A stable per-document seed (SHA-256, not Python's salted hash)."""
    digest = hashlib.sha256(f"{seed}:{dialect}:{index}".encode()).hexdigest()
    return int(digest[:12], 16)


def make_spec(seed: int, faults: list[str]) -> FormSpec:
    """The content of one form with `faults` planted."""
    return plant(build_clean(seed), faults, random.Random(seed + 2))


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def generate(out: Path, n: int, seed: int, dialects: list[str] | None = None,
             faults: list[str] | None = None, fault_rate: float = 0.0) -> list[GeneratedDoc]:
    """Write `n` documents per dialect into `out`, each with `<name>.expected.json`.

    `faults` plants exactly those rule ids into every document; otherwise each document
    gets one rule (or a pair) with probability `fault_rate`.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    docs = []
    for dialect in dialects or list(DEFAULT_DIALECTS):
        if dialect not in DIALECTS:
            raise ValueError(f"unknown dialect {dialect!r}; known: {', '.join(DIALECTS)}")
        write = writer_for(dialect)
        for index in range(n):
            s = doc_seed(seed, dialect, index)
            chosen = list(faults) if faults is not None else pick_faults(random.Random(s + 1), fault_rate)
            spec = make_spec(s, chosen)
            stem = out / f"{dialect}_{index:04d}"
            path = write(spec, stem, random.Random(s + 3))
            expected = expected_record(spec, format_of(dialect), dialect)
            expected_path = stem.with_name(stem.name + ".expected.json")
            expected_path.write_text(_dump(expected), encoding="utf-8")
            docs.append(GeneratedDoc(path, expected_path, expected, dialect))
    return docs
