"""Check boxes read from a scan's pixels, per box representation and per degradation (no OCR).

    python benchmarks/scan_boxes.py [--seed 2027] [--degradations clean,200dpi,...]

Not a test: prints figures. Generated forms (`corpus.generator`: monitoring PDFs with glyph,
drawn and AcroForm widget boxes; `corpus.generator.family`: an execution-monitoring PDF
whose ☐/■ glyphs are small) are scanned by `corpus.scans.make` under each degradation, the
glyph form also with hand-drawn ticks over, beside or instead of its boxes. Every box the
PDF's text layer and drawing hold is looked for in the scan's pixels (`parsers.ocr.marks`,
`parsers.ocr.ticks`, as a page is read, without the recognizer): found (a square, or a tick
standing for one, within 4 pt of its place) and its state right. A state the pixels cannot
decide counts as wrong here (in a record it is `unknown`, never a guess). Small squares
(under `marks.BOX_MIN_PT`) are boxes in a record only where the recognizer printed one;
this benchmark counts what the pixels give them. Also printed: outlined squares the pixels
found where the PDF has no box (characters drawn as squares; the recognizer's reading
keeps them out of a record), and the CPU seconds per page of the pixel work.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.scans import make

R = make.Recipe
DEGRADATIONS = {
    "clean 300dpi": R("", ".png", dpi=300),
    "200dpi": R("", ".png", dpi=200),
    "blur 1.0": R("", ".png", dpi=300, blur=1.0),
    "jpeg 60": R("", ".jpg", dpi=250, jpeg=60),
    "skew 1.1": R("", ".png", dpi=300, skew=1.1),
    "seal": R("", ".png", dpi=250, seal=True),
    "200dpi skew blur jpeg": R("", ".jpg", dpi=200, skew=-0.8, blur=0.8, jpeg=70, seal=True),
}
HAND_STYLES = ("over", "beside", "only")
MATCH_PT = 4.0


def expected_boxes(pdf: Path) -> list[list[tuple[float, float, float, float, bool | None, str]]]:
    """Per page: (x0, top, x1, bottom in points, state, representation) of every box."""
    from parsers.readers import pdf_pdfium
    from parsers.readers.checkbox_glyphs import CHECKED, MARKS, UNCHECKED
    from parsers.readers.pdf_boxes import char_text, drawn_boxes, widget_boxes
    from parsers.readers.pdf_text import Glyph
    from schemas.limits import Limits

    out = []
    for raw in pdf_pdfium.pages(pdf.read_bytes(), Limits()):
        glyphs = [Glyph(char_text(t, f), x0, x1, top, bottom, size, s) for t, x0, x1, top, bottom, size, s, f in raw.chars]
        page: list[tuple[float, float, float, float, bool | None, str]] = []
        for g in glyphs:
            if g.text in (CHECKED, UNCHECKED, "■"):
                page.append((g.x0, g.top, g.x1, g.bottom, g.text != UNCHECKED, "glyph ■" if g.text == "■" else "glyph"))
        widgets = widget_boxes(raw.widgets)
        drawn, _, _ = drawn_boxes(raw.rects, raw.lines, raw.curves, glyphs)
        for g in widgets + [d for d in drawn if not any(abs(d.x0 - w.x0) < 2 and abs(d.top - w.top) < 2 for w in widgets)]:
            state, source = MARKS[g.text]
            page.append((g.x0, g.top, g.x1, g.bottom, state, "widget" if source == "acroform" else source))
        out.append(page)
    return out


def scan_pages(path: Path, dpi: int) -> list[tuple[Any, float]]:
    import numpy as np
    from PIL import Image

    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(path))
        return [(np.asarray(doc[i].render(scale=dpi / 72).to_pil().convert("RGB")), float(dpi)) for i in range(len(doc))]
    image = Image.open(path)
    pages = []
    for i in range(getattr(image, "n_frames", 1)):
        image.seek(i)
        pages.append((np.asarray(image.convert("RGB")), float(dpi)))
    return pages


def pixel_boxes(image: Any, dpi: float) -> list[Any]:
    """The boxes a page's pixels give, in points, as `parsers.ocr.page` finds them."""
    from parsers.ocr import marks, prep, ticks

    grey = prep.seal_free_grey(image)
    turns = 1 if prep.quarter_turned(grey) else 0
    grey = prep.quarter(grey, turns) if turns else grey
    grey, _ = prep.deskewed(grey)
    ink = prep.ink_mask(grey).astype("uint8") * 255
    found = marks.boxes(ink, dpi)
    found = ticks.resolve(found, ticks.find(ink, dpi, found), lambda mark: "label")
    scale = 72.0 / dpi
    return [dataclasses.replace(b, x0=b.x0 * scale, top=b.top * scale, x1=b.x1 * scale, bottom=b.bottom * scale) for b in found]


class Tally:
    def __init__(self) -> None:
        self.by_kind: dict[str, list[int]] = {}
        self.by_degradation: dict[str, list[int]] = {}
        self.misses: Counter[str] = Counter()
        self.extra = 0
        self.pages = 0
        self.cpu = 0.0

    def add(self, kind: str, degradation: str, found: bool, right: bool) -> None:
        for table, key in ((self.by_kind, kind), (self.by_degradation, degradation)):
            row = table.setdefault(key, [0, 0, 0])
            row[0] += right
            row[1] += found
            row[2] += 1
        if not right:
            self.misses[f"{kind} / {degradation}: " + ("wrong state" if found else "not found")] += 1


def score(tally: Tally, pdf: Path, recipe: Any, degradation: str, hand: str | None, out: Path, small: bool = False) -> None:
    scan = make.make_from(pdf, recipe, out / f"{pdf.stem}_{len(tally.misses)}_{tally.pages}{recipe.suffix}")
    for (image, dpi), want in zip(scan_pages(scan, recipe.dpi), expected_boxes(pdf), strict=False):
        started = time.process_time()
        got = pixel_boxes(image, dpi)
        tally.cpu += time.process_time() - started
        tally.pages += 1
        used: set[int] = set()
        for x0, top, x1, bottom, state, kind in want:
            if hand and kind == "glyph":
                kind = f"hand {hand}" if state else "hand (empty square)"
            if small:
                kind += " (small)"
            if hand == "only" and not state:
                continue  # erased: the option has no box left (only the ticked one's √)
            cx, cy = (x0 + x1) / 2, (top + bottom) / 2
            # A glyph's box is its em square; the square drawn in it need not be centred.
            inside = [(abs((b.x0 + b.x1) / 2 - cx) + abs((b.top + b.bottom) / 2 - cy), i) for i, b in enumerate(got)
                      if x0 - 1 <= (b.x0 + b.x1) / 2 <= x1 + 1 and top - 1 <= (b.top + b.bottom) / 2 <= bottom + 1]
            near = sorted(inside) or sorted((abs((b.x0 + b.x1) / 2 - cx) + abs((b.top + b.bottom) / 2 - cy), i)
                                            for i, b in enumerate(got))
            if near and (inside or near[0][0] <= MATCH_PT):
                used.add(near[0][1])
                tally.add(kind, degradation, True, got[near[0][1]].state == state)
            else:
                tally.add(kind, degradation, False, False)
        tally.extra += sum(1 for i, b in enumerate(got) if i not in used and not b.small and not b.solid and b.isolated)


def sources(out: Path, seed: int) -> list[tuple[str, Path]]:
    from corpus import generator
    from corpus.generator import family

    docs = generator.generate(out / "monitoring", 1, seed, dialects=["pdf-glyph", "pdf-drawn", "pdf-acroform"])
    found = [(d.dialect, d.path) for d in docs]
    for doc in family.generate(out / "family", 3, seed, layouts=["pdf"], forms=("execution_monitoring",)):
        if any(f["record"].get("checkboxes") for f in doc.expected["forms"]):
            found.append(("family", doc.path))
            break
    return found


def _pct(row: list[int]) -> str:
    return f"{100.0 * row[0] / row[2]:.1f}% ({row[0]}/{row[2]}, found {row[1]})" if row[2] else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--degradations", default=",".join(DEGRADATIONS), help="comma-separated names of DEGRADATIONS")
    args = parser.parse_args(argv)
    if make.cjk_font() is None:
        sys.exit("no CJK font for rendering the PDFs (apt-get install fonts-wqy-microhei)")
    import os

    print(f"load average before: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        docs = sources(out, args.seed)
        for name in args.degradations.split(","):
            recipe = DEGRADATIONS[name]
            for dialect, pdf in docs:
                suffix = ".tif" if recipe.suffix != ".pdf" else ".pdf"  # every page in one file
                score(tally, pdf, dataclasses.replace(recipe, suffix=suffix), name, None, out, dialect == "family")
                if dialect == "pdf-glyph":
                    for style in HAND_STYLES:
                        hand = dataclasses.replace(recipe, suffix=suffix, hand_ticks=True, hand_style=style)
                        score(tally, pdf, hand, name, style, out)
    print("per representation:")
    for kind, row in sorted(tally.by_kind.items()):
        print(f"  {kind:24} {_pct(row)}")
    print("per degradation:")
    for name, row in tally.by_degradation.items():
        print(f"  {name:24} {_pct(row)}")
    total = [sum(r[i] for r in tally.by_kind.values()) for i in range(3)]
    print(f"all boxes: {_pct(total)}")
    print(f"outlined squares found where the PDF has no box: {tally.extra} on {tally.pages} pages")
    for miss, count in tally.misses.most_common(12):
        print(f"  miss: {miss} x{count}")
    print(f"{tally.pages} pages, {tally.cpu / max(1, tally.pages):.2f} CPU s/page for the pixel work; "
          f"load average after: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
