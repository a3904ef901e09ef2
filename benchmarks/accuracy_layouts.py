"""Accuracy per text layout: generated unseen forms re-laid in every layout, extracted, scored.

    python benchmarks/accuracy_layouts.py --n 20 --seed 2027 [--layouts spaced,fused] [--faults]

Generates monitoring forms (`corpus.generator`, tab dialect) and self-evaluation files
(`corpus.generator.family`, tab layout), reads each into the document model, prints it again
in every layout of `corpus.generator.relayout.RENDERERS` and runs the pipeline on that text.
Prints per layout: monitoring fields right (the 18 fields, as benchmarks/accuracy.py scores
them), self-evaluation scalar fields and funds cells right (as benchmarks/accuracy_family.py
scores them), and values holding separator debris (a pipe, or a whole label of the form).
Clean forms by default: a planted fault changes no value a reader must find.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import field_right
from benchmarks.accuracy_family import Tally, _score_form
from corpus.generator import generate as generate_monitoring
from corpus.generator.family import generate as generate_family
from corpus.generator.model import FIELD_KEYS
from corpus.generator.relayout import RENDERERS
from extract.pipeline import extract_records
from parsers.readers import read_document
from parsers.readers.text_labels import vocabulary


def debris(value: Any) -> int:
    """Strings in `value` holding a pipe or ending in a whole label of a form."""
    if isinstance(value, str):
        words = vocabulary()
        tail = value.split()[-1] if value.split() else ""
        return int("|" in value or (len(value) > len(tail) and words.is_label(tail)))
    if isinstance(value, dict):
        return sum(debris(v) for k, v in value.items() if k != "label")
    if isinstance(value, list):
        return sum(debris(v) for v in value)
    return 0


def _relaid(path: Path, layout: str, out: Path) -> Path:
    document = read_document(path, path.read_bytes())
    target = out / f"{path.stem}.{layout}.txt"
    target.write_text(RENDERERS[layout](document), encoding="utf-8")
    return target


def run(n: int, seed: int, layouts: list[str], faults: bool) -> None:
    work = Path(tempfile.mkdtemp(prefix="jixiao-layouts-"))
    monitoring = generate_monitoring(work / "monitoring", n, seed, ["txt-tabs"], fault_rate=0.5 if faults else 0.0)
    family = generate_family(work / "family", n, seed, ["txt-tabs"], faults=faults)
    print(f"# {n} monitoring forms and {n} self-evaluation files (seed {seed}), each re-laid in {len(layouts)} layouts")
    print(f"{'layout':26} {'monitoring fields':>22} {'self-eval scalars':>22} {'self-eval funds':>22} "
          f"{'debris':>7}  dialect read")
    for layout in layouts:
        right = total = 0
        junk = 0
        dialects: dict[str, int] = defaultdict(int)
        for doc in monitoring:
            records = [r.model_dump(mode="json") for r in extract_records(_relaid(doc.path, layout, work))]
            got = records[0]["fields"] if records else {}
            dialects[(records[0]["source"].get("dialect") if records else None) or "-"] += 1
            for key in FIELD_KEYS:
                right += field_right(key, doc.expected["fields"][key], got.get(key))
                total += 1
            junk += sum(debris(got.get(key)) for key in FIELD_KEYS)
        tally = Tally()
        for doc in family:
            records = [r.model_dump(mode="json") for r in extract_records(_relaid(doc.path, layout, work))]
            for i, form in enumerate(doc.expected["forms"]):
                got = records[i] if i < len(records) else None
                _score_form(form, got, [tally], defaultdict(lambda: [0, 0]), [], doc.path.name)
                if got is not None:
                    fields = got.get("fields") or {}
                    junk += sum(debris(v) for k, v in fields.items() if k != "indicators")
        share = f"{100 * right / total:5.1f}% ({right}/{total})" if total else "-"
        print(f"{layout:26} {share:>22} {tally.share('scalars'):>22} {tally.share('funds'):>22} {junk:7}  "
              + ", ".join(f"{name} {count}" for name, count in sorted(dialects.items())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--layouts", default=",".join(RENDERERS))
    parser.add_argument("--faults", action="store_true", help="plant faults as the other benchmarks do")
    args = parser.parse_args(argv)
    run(args.n, args.seed, [name for name in args.layouts.split(",") if name], args.faults)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
