"""CLI: python -m corpus.generator --out DIR --n N --seed S [--formats …] [--faults …|--fault-rate P].

`python -m corpus.generator family --help` writes the self-evaluation (form family) corpus instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpus.generator import DEFAULT_DIALECTS, DIALECTS, RULES, generate


def _csv(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, generate, print one line per document (`family …`: the self-evaluation corpus)."""
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["family"]:
        from corpus.generator.family.__main__ import main as family_main

        return family_main(args_in[1:])
    parser = argparse.ArgumentParser(prog="python -m corpus.generator", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--n", type=int, default=5, help="documents per format/dialect")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", type=_csv, default=list(DEFAULT_DIALECTS),
                        help=f"comma-separated dialects: {','.join(DIALECTS)}")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--faults", type=_csv, default=None,
                       help=f"plant these rule ids in every document: {','.join(RULES)}")
    group.add_argument("--fault-rate", type=float, default=0.0,
                       help="share of documents with one or two planted faults")
    args = parser.parse_args(argv)
    bad = [d for d in args.formats if d not in DIALECTS] + [r for r in args.faults or [] if r not in RULES]
    if bad:
        parser.error(f"unknown format or rule: {', '.join(bad)}")
    docs = generate(args.out, args.n, args.seed, args.formats, args.faults, args.fault_rate)
    for doc in docs:
        faults = ",".join(doc.expected["planted_faults"]) or "-"
        print(f"{doc.path}\t{doc.dialect}\t{faults}")
    print(f"{len(docs)} documents written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
