"""CLI: python -m corpus.generator family --out DIR --n N --seed S [--layouts …] [--faults [--rules …]].

Also runs as `python -m corpus.generator.family …` with the same options.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpus.generator.family import LAYOUTS, RULES, generate


def _csv(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, generate, print one line per file."""
    parser = argparse.ArgumentParser(prog="python -m corpus.generator family", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--n", type=int, default=5, help="files per layout")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--layouts", "--formats", dest="layouts", type=_csv, default=list(LAYOUTS),
                        help=f"comma-separated layouts: {','.join(LAYOUTS)}")
    parser.add_argument("--faults", action="store_true", help="plant one fault into every second file")
    parser.add_argument("--rules", type=_csv, default=None, help=f"rules to plant in turn: {','.join(RULES)}")
    args = parser.parse_args(argv)
    bad = [x for x in args.layouts if x not in LAYOUTS] + [r for r in args.rules or [] if r not in RULES]
    if bad:
        parser.error(f"unknown layout or rule: {', '.join(bad)}")
    docs = generate(args.out, args.n, args.seed, args.layouts, args.faults, args.rules)
    for doc in docs:
        faults = ",".join(x["rule"] for f in doc.expected["forms"] for x in f["faults"]) or "-"
        print(f"{doc.path}\t{doc.layout}\t{doc.expected['count']}\t{faults}")
    print(f"{len(docs)} files written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
