"""Reading accuracy on generated self-evaluation forms: split, scalar fields, funds and indicator cells.

    python benchmarks/family_reading.py [--n 40] [--seed 7]

Generates `--n` files per layout with `corpus.generator.family` into a temporary folder,
reads each with `extract.pipeline.extract_records` and compares every record with the
generator's expected records: files split into the right number of forms, form type / year /
title / status, scalar fields, funds cells (rows × columns, plus the extra lines) and
indicator cells. Prints the figures and the most frequent misses; asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.generator.family import generate
from extract.pipeline import extract_records

FUNDS_ROWS = ("total", "fiscal", "carryover", "other")
FUNDS_COLUMNS = ("initial_budget", "annual_budget", "executed", "weight", "rate_pct", "score")


def measure(root: Path) -> None:
    """Print the accuracy figures of every generated file in `root`."""
    stats: collections.Counter[str] = collections.Counter()
    misses: collections.Counter[tuple[str, str]] = collections.Counter()

    def compare(kind: str, key: str, got: object, want: object) -> None:
        stats[kind + "_n"] += 1
        if got == want:
            stats[kind + "_ok"] += 1
        else:
            misses[(kind, key)] += 1

    for expected_path in sorted(root.glob("*.expected.json")):
        document = Path(str(expected_path)[: -len(".expected.json")])
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        records = [record.model_dump(mode="json") for record in extract_records(document)]
        stats["files"] += 1
        if len(records) != expected["count"]:
            misses[("split", expected["layout"])] += 1
            continue
        stats["split_ok"] += 1
        for record, form in zip(records, expected["forms"], strict=True):
            want = form["record"]
            compare("form", "type", record["form"]["type"], want["form"]["type"])
            if want["form"]["type"] != "self_evaluation":
                continue
            for key in ("year", "title"):
                compare("form", key, record["form"][key], want["form"][key])
            compare("form", "status", record["status"], want["status"])
            for key, value in want["fields"].items():
                got = record["fields"].get(key)
                if key == "funds":
                    for row in FUNDS_ROWS:
                        for column in FUNDS_COLUMNS:
                            compare("funds", f"{row}.{column}", ((got or {}).get(row) or {}).get(column),
                                    ((value or {}).get(row) or {}).get(column))
                    compare("funds", "extra", (got or {}).get("extra") or [], (value or {}).get("extra") or [])
                elif key == "indicators":
                    compare("indicators", "count", len(got or []), len(value))
                    for want_row, got_row in zip(value, got or [], strict=False):
                        for column, cell in want_row.items():
                            compare("indicators", column, got_row.get(column), cell)
                else:
                    compare("scalar", key, got, value)
    print(f"files {stats['files']}, split right {stats['split_ok']} "
          f"({100 * stats['split_ok'] / max(stats['files'], 1):.2f}%)")
    for kind in ("form", "scalar", "funds", "indicators"):
        total = stats[kind + "_n"]
        print(f"{kind:10s} {stats[kind + '_ok']:6d} / {total:6d}  {100 * stats[kind + '_ok'] / max(total, 1):6.2f}%")
    for (kind, key), count in misses.most_common(10):
        print(f"  miss {count:4d}  {kind}.{key}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="files per layout")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), args.n, args.seed)
        measure(Path(folder))


if __name__ == "__main__":
    main()
