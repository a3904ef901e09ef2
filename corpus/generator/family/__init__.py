"""Synthetic self-evaluation forms (项目支出绩效自评表 and its variants), alone, several per file,
or beside a monitoring form, in text, Word and PDF, each file with its expected records.

Public API:
    generate(out, n, seed, layouts=None, faults=False, rules=None) -> list[FamilyDoc]
    make_spec(seed, variant=None, faults=(), no_empty_cells=False) -> SelfEvalSpec
    LAYOUTS, VARIANTS, RULES

Layering as in the monitoring generator: `content` chooses a clean form, `faults` plants rule
violations, `layout` says what stands in which cell, `writers/*` print one format each,
`expected` derives the truth. Seeds come from SHA-256 of (seed, layout, index), so runs
repeat exactly. Written beside each file: `<name>.expected.json`; in OUT: `manifest.json`.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.generator import doc_seed
from corpus.generator import make_spec as make_monitoring_spec
from corpus.generator.expected import expected_record as monitoring_expected
from corpus.generator.family.content import build_clean
from corpus.generator.family.expected import faults as expected_faults
from corpus.generator.family.expected import monitoring_record, self_evaluation_record
from corpus.generator.family.faults import RULES, applicable, plant
from corpus.generator.family.layout import grid
from corpus.generator.family.model import VARIANTS, SelfEvalSpec
from corpus.generator.family.writers import LAYOUTS, Part, writer_for

__all__ = ["LAYOUTS", "RULES", "VARIANTS", "FamilyDoc", "generate", "make_spec"]


@dataclass(frozen=True)
class FamilyDoc:
    """One written file and its expectation."""

    path: Path
    expected_path: Path
    expected: dict[str, Any]
    layout: str


def make_spec(seed: int, variant: str | None = None, faults: list[str] | tuple[str, ...] = (),
              no_empty_cells: bool = False) -> SelfEvalSpec:
    """The content of one self-evaluation form with `faults` planted."""
    spec = build_clean(seed, variant, no_empty_cells)
    return plant(spec, list(faults), random.Random(seed + 2))


def _composition(rng: random.Random) -> tuple[int, bool]:
    """(number of self-evaluation forms, whether a monitoring form joins them)."""
    roll = rng.random()
    if roll < 0.55:
        return 1, False
    if roll < 0.85:
        return rng.randint(2, 4), False
    return rng.randint(1, 3), True


def _plan(rng: random.Random, fault: str | None, n_self: int) -> list[tuple[str, list[str]]]:
    variants = [rng.choice(VARIANTS) for _ in range(n_self)]
    faults: list[list[str]] = [[] for _ in range(n_self)]
    if fault is not None:
        k = rng.randrange(n_self)
        if not applicable(fault, variants[k]):
            variants[k] = rng.choice([v for v in VARIANTS if applicable(fault, v)])
        faults[k] = [fault]
    return list(zip(variants, faults, strict=True))


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def build_document(layout: str, s: int, fault: str | None, stem: Path) -> FamilyDoc:
    """Write one file of `layout` from document seed `s` (with `fault` planted into one form)."""
    fmt, _module, _func, span_kind = LAYOUTS[layout]
    rng = random.Random(s)
    n_self, with_monitoring = _composition(rng)
    parts: list[Part] = []
    meta: list[tuple[str, list[str]]] = []
    for k, (variant, faults) in enumerate(_plan(rng, fault, n_self)):
        spec = make_spec(s + 7919 * (k + 1), variant, faults, no_empty_cells=layout == "txt-cells")
        parts.append(Part("self", spec, grid(spec, placeholder=rng.random() < 0.2)))
        meta.append((variant, faults))
    if with_monitoring:
        mspec = make_monitoring_spec(s + 104_729, [])
        at = rng.randint(0, len(parts))
        parts.insert(at, Part("monitoring", mspec))
        meta.insert(at, ("monitoring", []))
    path, spans = writer_for(layout)(parts, stem, random.Random(s + 3))
    forms = []
    for i, part in enumerate(parts):
        if part.kind == "monitoring":
            record = monitoring_record(monitoring_expected(part.spec, fmt, "txt-tabs"), part.spec.year, path.name, fmt)
            entry: dict[str, Any] = {"variant": "monitoring", "faults": []}
        else:
            record = self_evaluation_record(part.spec, path.name, fmt)
            entry = {"variant": part.spec.variant, "faults": expected_faults(part.spec)}
        if len(parts) > 1:
            part_info: dict[str, Any] = {"index": i + 1, "count": len(parts)}
            if span_kind is not None:
                part_info[span_kind] = list(spans[i])
            record["source"]["part"] = part_info
        forms.append({"record": record, **entry})
    expected = {"generator": "family", "layout": layout, "format": fmt, "seed": s, "count": len(parts), "forms": forms}
    expected_path = stem.with_name(stem.name + ".expected.json")
    expected_path.write_text(_dump(expected), encoding="utf-8")
    return FamilyDoc(path, expected_path, expected, layout)


def generate(out: Path, n: int, seed: int, layouts: list[str] | None = None, faults: bool = False,
             rules: list[str] | None = None) -> list[FamilyDoc]:
    """Write `n` files per layout into `out` and `manifest.json`.

    With `faults`, every second file carries one planted fault, the rules taken in turn from
    `rules` (default: every rule of forms-v1), so each rule is planted in every format.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rules = list(rules or RULES)
    docs: list[FamilyDoc] = []
    for li, layout in enumerate(layouts or list(LAYOUTS)):
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
        for index in range(n):
            fault = rules[(index // 2 + li) % len(rules)] if faults and index % 2 == 1 else None
            s = doc_seed(seed, f"family:{layout}", index)
            docs.append(build_document(layout, s, fault, out / f"family-{layout}_{index:04d}"))
    manifest = [{"file": d.path.name, "expected": d.expected_path.name, "layout": d.layout,
                 "format": d.expected["format"], "forms": d.expected["count"],
                 "variants": [f["variant"] for f in d.expected["forms"]],
                 "faults": [x["rule"] for f in d.expected["forms"] for x in f["faults"]]} for d in docs]
    (out / "manifest.json").write_text(_dump({"generator": "family", "seed": seed, "documents": manifest}),
                                       encoding="utf-8")
    return docs
