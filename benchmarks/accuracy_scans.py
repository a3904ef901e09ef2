"""Accuracy on scans not seen before: generated forms printed, degraded, scanned, read back.

    python benchmarks/accuracy_scans.py [--monitoring 4] [--family 2] [--forms a,b] [--seed 913]
        [--keep DIR] [--ocr-cache DIR]

Not a test: prints figures. Forms come from the generators (`corpus.generator`: monitoring
forms as PDFs with glyph, drawn and widget boxes; `corpus.generator.family`: PDFs of the
form family, drawn from `--forms`: self-evaluation, target declaration, execution monitoring),
with a seed the corpus does not use, so neither the forms nor their scans
were seen while the reader was written. Each PDF is rendered and degraded by
`corpus.scans.make` with the next recipe of `RECIPES` in turn (200-300 dpi; skew, blur,
JPEG, a red seal; hand-drawn ticks over, beside or instead of the boxes where the PDF prints
glyph boxes; saved as PNG, JPEG, TIFF or an image-only PDF; a file of several pages as a
TIFF where the recipe says PNG or JPEG), then extracted.

Printed: fields right (monitoring: every field of record-v1; family: scalars, funds cells
and indicator cells, as `accuracy_family` scores them), boxes right, and the wrong amounts
with no discrepancy (of any severity, ocr-confidence included) naming them: the target is
none; fields right per form type and per degradation; and the share of the fields' values
the scan reads as its own text-layer PDF does (the reader, not the OCR, decides the rest). Also the seconds per page this run took
(whatever the machine's load).

`--ocr-cache DIR` (development only) keeps the recognizer's raw output per page image and
line piece in DIR (`benchmarks.ocr_cache`), so a layout change is re-scored without OCR.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import accuracy, accuracy_family, ocr_cache
from corpus.scans import make
from corpus.scans.compare import leaves

TARGET_FIELDS = 95.0
TARGET_BOXES = 97.0
MONITORING_DIALECTS = ("pdf-glyph", "pdf-drawn", "pdf-acroform")
FAMILY_FORMS = ("self_evaluation", "target_declaration", "execution_monitoring")
R = make.Recipe
RECIPES = (
    R("", ".png", dpi=300, skew=0.8, blur=0.6, hand_ticks=True, seed=11),
    R("", ".jpg", dpi=250, jpeg=70, seal=True, seed=12),
    R("", ".tif", dpi=300, skew=-1.1, blur=1.0, jpeg=60, hand_ticks=True, hand_style="beside", seed=13),
    R("", ".pdf", dpi=200, seal=True, jpeg=75, seed=14),
    R("", ".png", dpi=300, blur=0.8, hand_ticks=True, hand_style="only", seed=15),
    R("", ".tif", dpi=250, skew=0.5, seal=True, turns=2, seed=16),
)


def _flagged(record: dict, key: str) -> bool:
    """Whether a discrepancy (any severity) names field `key` or a path above or below it."""
    for d in record.get("discrepancies") or []:
        for f in d.get("fields") or []:
            if f == key or key.startswith(f + ".") or f.startswith(key + "."):
                return True
    return False


def _pages(path: Path) -> int:
    from PIL import Image

    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        return len(pdfium.PdfDocument(str(path)))
    return int(getattr(Image.open(path), "n_frames", 1) or 1)


class Run:
    """The tallies of one benchmark run."""

    def __init__(self) -> None:
        self.fields = [0, 0]
        self.boxes = [0, 0]
        self.per_form: dict[str, list[int]] = {}
        self.per_recipe: dict[str, list[int]] = {}
        self.unflagged: list[tuple[str, str, Any, Any]] = []
        self.wrong: list[tuple[str, str, Any, Any]] = []
        self.pages = 0
        self.seconds = 0.0
        # Leaf values of the fields the scan reads as its own text-layer PDF does.
        self.as_pdf = [0, 0]
        self.unlike_pdf: list[tuple[str, str, Any, Any]] = []

    def against_pdf(self, name: str, pdf_records: list[dict], records: list[dict]) -> None:
        """Count the leaf values of the scan's fields equal to the text-layer PDF's."""
        for i, want in enumerate(pdf_records):
            got = leaves(records[i]["fields"]) if i < len(records) else {}
            for key, value in leaves(want["fields"]).items():
                self.as_pdf[1] += 1
                if got.get(key) == value:
                    self.as_pdf[0] += 1
                else:
                    self.unlike_pdf.append((name, key, value, got.get(key)))

    def count(self, form: str, recipe: str, right: int, total: int) -> None:
        """Add fields right/total to the totals, to `form`'s and to `recipe`'s."""
        for tally in (self.fields, self.per_form.setdefault(form, [0, 0]), self.per_recipe.setdefault(recipe, [0, 0])):
            tally[0] += right
            tally[1] += total

    def extract(self, path: Path) -> list[dict]:
        from extract.pipeline import extract_records
        from extract.settings import Limits, Settings

        started = time.perf_counter()
        records = [r.model_dump(mode="json") for r in
                   extract_records(path, Settings(limits=Limits(timeout_seconds=3600)))]
        self.seconds += time.perf_counter() - started
        self.pages += _pages(path)
        return records

    def monitoring(self, name: str, recipe: str, expected: dict, record: dict) -> None:
        tally, results = accuracy.Tally(), accuracy.Results()
        accuracy.score(expected, record, tally, results, name)
        self.count("monitoring", recipe, tally.fields_right, tally.fields_total)
        self.boxes[0] += tally.boxes_right
        self.boxes[1] += tally.boxes_total
        for _dialect, key, want, got, _ in results.mismatches:
            self.wrong.append((name, key, want, got))
            if key in accuracy.AMOUNT_KEYS and not _flagged(record, key):
                self.unflagged.append((name, key, want, got))
        got_boxes = accuracy.box_states(record.get("checkboxes") or [])
        for option, state in accuracy.box_states(expected["checkboxes"]).items():
            if got_boxes.get(option) != state:
                self.wrong.append((name, f"box {option}", state, got_boxes.get(option)))

    def family(self, name: str, recipe: str, form: dict, record: dict | None) -> None:
        tally = accuracy_family.Tally()
        accuracy_family._score_form(form, record, [tally], {}, [], name)
        form_type = form["record"]["form"]["type"]
        for kind in ("scalars", "funds", "indicators"):
            right, total = tally.counts[kind]
            self.count(form_type, recipe, right, total)
        right, total = tally.counts["boxes"]
        self.boxes[0] += right
        self.boxes[1] += total
        self._family_misses(name, form, record)

    def _family_misses(self, name: str, form: dict, record: dict | None) -> None:
        e_fields, g_fields = form["record"]["fields"], (record or {}).get("fields") or {}
        by_field = {g.get("field"): g for g in (record or {}).get("checkboxes") or []}
        for group in form["record"].get("checkboxes") or []:
            shown = [(o["label"], o["checked"]) for o in group["options"]]
            found = [(o.get("label"), o.get("checked")) for o in (by_field.get(group["field"]) or {}).get("options", [])]
            if found != shown:
                self.wrong.append((name, f"box {group['field']}", _ticks(shown), _ticks(found) if found else None))
        shape = accuracy_family.SHAPE[form["record"]["form"]["type"]]
        for key in shape["scalars"]:
            if not accuracy_family.same(key, e_fields.get(key), g_fields.get(key)):
                self.wrong.append((name, key, e_fields.get(key), g_fields.get(key)))
        got_ind = g_fields.get("indicators") or []
        for i, ind in enumerate(e_fields.get("indicators") or []):
            other = got_ind[i] if i < len(got_ind) else {}
            for key in shape["indicators"]:
                if not accuracy_family.same(key, ind.get(key), (other or {}).get(key)):
                    self.wrong.append((name, f"indicators.{i}.{key}", ind.get(key), (other or {}).get(key)))
        e_funds = form["record"]["fields"].get("funds") or {}
        g_funds = ((record or {}).get("fields") or {}).get("funds") or {}
        for row, cells in e_funds.items():
            if not isinstance(cells, dict):
                continue
            for column, want in cells.items():
                got = (g_funds.get(row) or {}).get(column) if isinstance(g_funds.get(row), dict) else None
                if isinstance(want, dict) and "yuan" in want and not accuracy_family.same(column, want, got):
                    key = f"funds.{row}.{column}"
                    shown = (name, key, _money(want), _money(got))
                    self.wrong.append(shown)
                    if record is None or not _flagged(record, key):
                        self.unflagged.append(shown)


def _ticks(options: list[tuple[Any, Any]]) -> str:
    """A box group's options as `label:✓|label:✗|label:?` (✓ ticked, ✗ empty, ? unknown)."""
    return "|".join(f"{label}:{'✓' if checked is True else '✗' if checked is False else '?'}" for label, checked in options)


def _money(amount: Any) -> str | None:
    return f"{amount.get('raw')} ({amount.get('yuan')} yuan, {amount.get('unit')})" if isinstance(amount, dict) else None


def describe(recipe: make.Recipe) -> str:
    """The degradations of a recipe, e.g. `tif 300dpi skew blur jpeg ticks-beside`."""
    parts = [recipe.suffix[1:], f"{recipe.dpi}dpi"]
    parts += [name for name, on in (("skew", recipe.skew), ("turned", recipe.turns), ("blur", recipe.blur),
                                    ("jpeg", recipe.jpeg), ("seal", recipe.seal)) if on]
    if recipe.hand_ticks:
        parts.append(f"ticks-{recipe.hand_style}")
    return " ".join(parts)


def run(out: Path, n_monitoring: int, n_family: int, seed: int,
        forms: tuple[str, ...] = FAMILY_FORMS) -> Run:
    from corpus import generator
    from corpus.generator import family

    result = Run()
    sources: list[tuple[Path, Any]] = []
    per_dialect = -(-n_monitoring // len(MONITORING_DIALECTS))
    docs = generator.generate(out / "monitoring", per_dialect, seed, dialects=list(MONITORING_DIALECTS))
    docs.sort(key=lambda d: (d.path.name.rsplit("_", 1)[-1], d.dialect))  # dialects in turn
    for doc in docs[:n_monitoring]:
        sources.append((doc.path, ("monitoring", doc.expected)))
    if n_family:
        for fdoc in family.generate(out / "family", n_family, seed, layouts=["pdf"], forms=forms):
            sources.append((fdoc.path, ("family", fdoc.expected)))
    for index, (pdf, (kind, expected)) in enumerate(sources):
        recipe = RECIPES[index % len(RECIPES)]
        if recipe.suffix in (".png", ".jpg") and _pages(pdf) > 1:  # one image holds one page
            recipe = dataclasses.replace(recipe, suffix=".tif")
        scan = make.make_from(pdf, recipe, out / f"{pdf.stem}_scan{recipe.suffix}")
        tag = describe(recipe)
        records = result.extract(scan)
        name = f"{scan.name} ({tag})"
        result.against_pdf(name, _pdf_records(pdf), records)
        if kind == "monitoring":
            result.monitoring(name, tag, expected, records[0] if records else {})
        else:
            for i, form in enumerate(expected["forms"]):
                got = records[i] if i < len(records) else None
                if form["variant"] == "monitoring":
                    mon = form["record"] | {"dialect": "family", "planted_faults": []}
                    result.monitoring(name, tag, mon, got or {})
                else:
                    result.family(name, tag, form, got)
        print(f"  read {name}: {len(records)} record(s)", flush=True)
    return result


def _pdf_records(pdf: Path) -> list[dict]:
    from extract.pipeline import extract_records

    return [r.model_dump(mode="json") for r in extract_records(pdf)]


def _pct(pair: list[int]) -> float:
    return 100.0 * pair[0] / pair[1] if pair[1] else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--monitoring", type=int, default=4, help="monitoring forms (spread over the PDF dialects)")
    parser.add_argument("--family", type=int, default=1, help="family PDF files (one or more forms each)")
    parser.add_argument("--seed", type=int, default=913)
    parser.add_argument("--forms", default=",".join(FAMILY_FORMS),
                        help=f"form types the family files draw from: {','.join(FAMILY_FORMS)}")
    parser.add_argument("--keep", type=Path, help="write the scans here instead of a temporary folder")
    parser.add_argument("--ocr-cache", type=Path, help="development only: keep the recognizer's output here")
    parser.add_argument("--show", type=int, default=30, help="misses to print")
    args = parser.parse_args(argv)
    if args.ocr_cache:
        ocr_cache.install(args.ocr_cache)
    if make.cjk_font() is None:
        sys.exit("no CJK font for rendering the PDFs (apt-get install fonts-wqy-microhei)")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        result = run(out, args.monitoring, args.family, args.seed, tuple(f for f in args.forms.split(",") if f))
    print(f"fields right: {_pct(result.fields):.1f}% ({result.fields[0]}/{result.fields[1]}), target >= {TARGET_FIELDS}%")
    print(f"boxes right:  {_pct(result.boxes):.1f}% ({result.boxes[0]}/{result.boxes[1]}), target >= {TARGET_BOXES}%")
    print(f"wrong amounts with no discrepancy naming them: {len(result.unflagged)} (target 0)")
    print(f"field values as the text-layer PDF reads them: {_pct(result.as_pdf):.1f}% "
          f"({result.as_pdf[0]}/{result.as_pdf[1]})")
    for label, tallies in (("form", result.per_form), ("degradation", result.per_recipe)):
        for name, pair in sorted(tallies.items()):
            print(f"  fields by {label} {name}: {_pct(pair):.1f}% ({pair[0]}/{pair[1]})")
    for name, key, want, got in result.wrong[:args.show]:
        mark = " UNFLAGGED" if (name, key, want, got) in result.unflagged else ""
        print(f"  {name}: {key} expected {accuracy._short(want)} got {accuracy._short(got)}{mark}")
    for name, key, want, got in result.unlike_pdf[:args.show]:
        print(f"  {name}: {key} PDF {accuracy._short(want)} scan {accuracy._short(got)}")
    if result.pages:
        if args.ocr_cache:
            print(f"OCR cache: {ocr_cache.stats()} (seconds are not OCR's)")
        print(f"{result.pages} pages in {result.seconds:.0f} s ({result.seconds / result.pages:.1f} s/page at this load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
