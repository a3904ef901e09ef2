"""Accuracy benchmark of the form family: generate self-evaluation files, extract, score.

    python benchmarks/accuracy_family.py --n 4 --seed 1 [--layouts a,b] [--no-faults] [--keep DIR]

Extracts each file with `extract.pipeline.extract_records` (a list of records per file), or
`extract_file` (one record) where that does not exist yet, and prints per layout and per
variant: files whose forms were split right (record count and each form's type in order),
scalar fields right (form type, year and title, and the text and score fields), funds cells
right (amounts by yuan and unit, scores and rates numerically, a row the form does not print
counted as one cell), indicator cells right (the eight keys of each indicator by position;
missing or extra indicators count as wrong cells), then the recall of each planted rule
(found = that rule id at error or warning severity on that form) and the clean forms with a
false error/warning. Never raises: a missing pipeline or a failing document scores 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.generator.family import LAYOUTS, RULES, generate

FOUND = ("error", "warning")
SCALARS = ("project_name", "department", "implementing_unit", "goal_planned", "goal_actual", "total_weight",
           "total_score", "grade", "conclusion", "problems", "improvements")
SCORES = ("total_weight", "total_score", "weight", "score", "rate_pct")
FUNDS_ROWS = ("total", "fiscal", "carryover", "other")
FUNDS_COLUMNS = ("initial_budget", "annual_budget", "executed", "weight", "rate_pct", "score")
IND_KEYS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation_reason")


def _dec(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", "").rstrip("%")) if value is not None else None
    except InvalidOperation:
        return None


def _text(value: Any) -> Any:
    return value.replace(" ", "") if isinstance(value, str) else value


def same(key: str, expected: Any, got: Any) -> bool:
    """Whether one extracted value matches the expected one."""
    if expected is None or got is None:
        return expected is None and got is None
    if key in SCORES:
        return _dec(expected) == _dec(got)
    if isinstance(expected, dict) and "yuan" in expected:
        if not isinstance(got, dict) or _dec(expected["yuan"]) != _dec(got.get("yuan")):
            return False
        return _dec(expected["yuan"]) == 0 or expected.get("unit") == got.get("unit")
    if isinstance(expected, dict) and "raw" in expected:   # a target
        if not isinstance(got, dict):
            return False
        return (_text(expected["raw"]) == _text(got.get("raw")) and expected["op"] == got.get("op")
                and _dec(expected["value"]) == _dec(got.get("value")) and expected["unit"] == got.get("unit"))
    return _text(expected) == _text(got)


@dataclass
class Tally:
    """Right/total counters of one layout or variant."""

    files: int = 0
    split_right: int = 0
    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def add(self, kind: str, right: bool) -> None:
        self.counts[kind][0] += int(right)
        self.counts[kind][1] += 1

    def share(self, kind: str) -> str:
        right, total = self.counts[kind]
        return f"{100 * right / total:5.1f}% ({right}/{total})" if total else "    -"


def _funds_cells(expected: dict | None, got: dict | None, tally: Tally) -> None:
    expected, got = expected or {}, got or {}
    rows = [(k, expected.get(k), got.get(k)) for k in FUNDS_ROWS]
    rows += [(f"extra.{i}", e, (got.get("extra") or [None] * (i + 1))[i] if i < len(got.get("extra") or []) else None)
             for i, e in enumerate(expected.get("extra") or [])]
    for _key, e_row, g_row in rows:
        if e_row is None:
            tally.add("funds", g_row is None)
            continue
        for column in FUNDS_COLUMNS:
            tally.add("funds", same(column, e_row.get(column), (g_row or {}).get(column)))


def _indicator_cells(expected: list, got: list, tally: Tally) -> None:
    for i in range(max(len(expected), len(got))):
        e = expected[i] if i < len(expected) else None
        g = got[i] if i < len(got) else None
        for key in IND_KEYS:
            tally.add("indicators", e is not None and g is not None and same(key, e.get(key), g.get(key)))


def _score_form(form: dict, got: dict | None, tallies: list[Tally], recall: dict, alarms: list, name: str) -> None:
    expected = form["record"]
    found = {d["rule"] for d in (got or {}).get("discrepancies", []) if d.get("severity") in FOUND}
    for fault in form["faults"]:
        recall[fault["rule"]][0] += int(fault["rule"] in found)
        recall[fault["rule"]][1] += 1
    if not form["faults"]:
        alarms.append((name, form["variant"], sorted(found)))
    if form["variant"] == "monitoring":
        return
    e_fields, g_fields = expected["fields"], (got or {}).get("fields") or {}
    g_form = (got or {}).get("form") or {}
    for t in tallies:
        for key in ("type", "year", "title"):
            t.add("scalars", got is not None and same(key, expected["form"][key], g_form.get(key)))
        for key in SCALARS:
            t.add("scalars", got is not None and same(key, e_fields[key], g_fields.get(key)))
        _funds_cells(e_fields["funds"], g_fields.get("funds") if got else None, t)
        _indicator_cells(e_fields["indicators"], g_fields.get("indicators") or [] if got else [], t)


def _extractor():
    try:
        from extract import pipeline
    except Exception as exc:  # noqa: BLE001 - the benchmark runs whatever the pipeline's state
        print(f"extract.pipeline not importable ({exc}); every document scores 0", file=sys.stderr)
        return None
    if hasattr(pipeline, "extract_records"):
        return lambda p: [r.model_dump(mode="json") for r in pipeline.extract_records(p)]
    print("extract.pipeline.extract_records missing: using extract_file (one record per file)", file=sys.stderr)
    return lambda p: [pipeline.extract_file(p).model_dump(mode="json")]


def run(out: Path, n: int, seed: int, layouts: list[str], faults: bool) -> int:
    """Generate into `out`, extract, print the tables."""
    docs = generate(out, n, seed, layouts, faults=faults)
    extract = _extractor()
    by_layout: dict[str, Tally] = defaultdict(Tally)
    by_variant: dict[str, Tally] = defaultdict(Tally)
    recall: dict[str, list[int]] = {rule: [0, 0] for rule in RULES}
    alarms: list[tuple[str, str, list[str]]] = []
    crashes: Counter[str] = Counter()
    for doc in docs:
        records: list[dict] = []
        if extract is not None:
            try:
                records = extract(doc.path)
            except Exception:  # noqa: BLE001
                crashes[doc.layout] += 1
                if crashes[doc.layout] == 1:
                    traceback.print_exc()
        forms = doc.expected["forms"]
        types = [f["record"]["form"]["type"] for f in forms]
        split = [(r.get("form") or {}).get("type") for r in records] == types
        by_layout[doc.layout].files += 1
        by_layout[doc.layout].split_right += int(split)
        for i, form in enumerate(forms):
            got = records[i] if i < len(records) else None
            variant = by_variant[form["variant"]]
            variant.files += 1
            variant.split_right += int(split)
            _score_form(form, got, [by_layout[doc.layout], variant], recall, alarms, doc.path.name)
    _print(by_layout, by_variant, recall, alarms, crashes)
    return 0


def _print(by_layout, by_variant, recall, alarms, crashes) -> None:
    print(f"{'layout':14} {'files':>5} {'split right':>12}  {'scalar fields':>20}  {'funds cells':>22}  "
          f"{'indicator cells':>24}  crashes")
    for name, t in by_layout.items():
        split = f"{100 * t.split_right / t.files:5.1f}%" if t.files else "-"
        print(f"{name:14} {t.files:5} {split:>12}  {t.share('scalars'):>20}  {t.share('funds'):>22}  "
              f"{t.share('indicators'):>24}  {crashes[name]}")
    print(f"\n{'variant':14} {'forms':>5} {'in split file':>13}  {'scalar fields':>20}  {'funds cells':>22}  "
          f"{'indicator cells':>24}")
    for name, t in sorted(by_variant.items()):
        split = f"{100 * t.split_right / t.files:5.1f}%" if t.files else "-"
        print(f"{name:14} {t.files:5} {split:>13}  {t.share('scalars'):>20}  {t.share('funds'):>22}  "
              f"{t.share('indicators'):>24}")
    print("\nfault recall (error or warning with the planted rule id, on its form)")
    for rule, (found, total) in recall.items():
        if total:
            print(f"  {rule:18} {100 * found / total:5.1f}% ({found}/{total})")
    bad = [a for a in alarms if a[2]]
    print(f"\nclean forms with a false error/warning: {len(bad)}/{len(alarms)}")
    rules = Counter(rule for _n, _v, found in bad for rule in found)
    for rule, count in rules.most_common():
        print(f"  {rule:18} {count}")
    for name, variant, found in bad[:10]:
        print(f"    {name} [{variant}]: {', '.join(found)}")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run (in a temporary folder unless --keep)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=4, help="files per layout")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--layouts", type=lambda s: [x for x in s.split(",") if x], default=list(LAYOUTS))
    parser.add_argument("--no-faults", action="store_true", help="clean files only")
    parser.add_argument("--keep", type=Path, default=None, help="write the corpus here and keep it")
    args = parser.parse_args(argv)
    if args.keep is not None:
        return run(args.keep, args.n, args.seed, args.layouts, not args.no_faults)
    with tempfile.TemporaryDirectory() as tmp:
        return run(Path(tmp), args.n, args.seed, args.layouts, not args.no_faults)


if __name__ == "__main__":
    raise SystemExit(main())
