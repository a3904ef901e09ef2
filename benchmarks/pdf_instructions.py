"""PDF pipeline beside PDFium's floor by instruction counts (valgrind's callgrind), not seconds.

    python benchmarks/pdf_instructions.py [--n 2] [--seed 1] [--parts pipe floor read layout parse]

Not a test: prints figures. CPU time on a shared machine swings by a third from minute to
minute (see BENCHMARKS.md); the instructions one pass executes do not, so this is the figure
that decides issue 15's target (the pipeline at most twice PDFium's floor). The documents are
`benchmarks/speed.py`'s: every PDF dialect of `corpus.generator`, N each, generated into a
temporary folder. Each part runs in its own process under
`valgrind --tool=callgrind --collect-atstart=no --toggle-collect=sys_call_tracing`: a warm-up
pass over the PDFs (imports, caches, PDFium's first page), then one pass inside
`sys.call_tracing`, the only code counted. `PYTHONHASHSEED=0` keeps the hash seed from moving
the counts (a few million between seeds). Parts:

* pipe: `extract_file` on each PDF, the whole pipeline (read, lay out, parse, check);
* floor: PDFium opening each PDF, every character's code point and loose box, every page
  object's bounds (`speed.floor_pdfium`);
* read: the PDFium reader alone (`pdf_pdfium.pages`: characters, paths, widgets);
* layout: the page layout of pages already read (`pdf.layouts`);
* parse: parsing and checking documents already read (`extract_document_records`);
the last three with the cyclic collector off, as the pipeline runs them.

Needs valgrind (Debian's package); without it the script says so and exits.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for entry in (str(ROOT), str(ROOT / "benchmarks")):
    if entry not in sys.path:
        sys.path.insert(0, entry)

PARTS = ("pipe", "floor", "read", "layout", "parse")
TARGET = 2.0  # the pipeline / PDFium's floor


def _pass(part: str, pdfs: list[Path]) -> Callable[[], object]:
    """The work one counted pass does for `part`, its inputs prepared beforehand."""
    from extract.settings import Limits

    if part == "pipe":
        from extract.pipeline import extract_file

        return lambda: [extract_file(p) for p in pdfs]
    if part == "floor":
        from speed import floor_pdfium

        return lambda: [floor_pdfium(p) for p in pdfs]
    from parsers.readers import pdf_pdfium

    if part == "read":
        datas = [p.read_bytes() for p in pdfs]
        return lambda: [list(pdf_pdfium.pages(d, Limits())) for d in datas]
    if part == "layout":
        from parsers.readers.pdf import layouts

        pages = [list(pdf_pdfium.pages(p.read_bytes(), Limits())) for p in pdfs]
        return lambda: [layouts(v) for v in pages]
    from extract.pipeline import extract_document_records
    from parsers.readers.pdf import read
    from schemas.record import Source

    documents = [read(p.read_bytes(), Source(path=str(p)), Limits()) for p in pdfs]
    return lambda: [extract_document_records(d) for d in documents]


def inner(part: str, folder: Path) -> None:
    """Run under callgrind: a warm-up pass, then the counted pass inside `sys.call_tracing`.
    The parts of the pipeline (read, layout, parse) are counted with the cyclic collector off,
    as `extract_records` runs them (`gc_pause`); a collection there would walk the inputs
    prepared beforehand, which the pipeline never holds (a full one costs 15-30 M)."""
    work = _pass(part, sorted(folder.glob("*.pdf")))
    work()
    if part in ("read", "layout", "parse"):
        gc.disable()
    sys.call_tracing(lambda _: work(), (None,))


def count(part: str, folder: Path, scratch: Path) -> float:
    """Millions of instructions of one counted pass of `part`."""
    out = scratch / f"{part}.callgrind"
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(ROOT))
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=sys_call_tracing",
         f"--callgrind-out-file={out}", sys.executable, __file__, "--inner", part, str(folder)],
        check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for line in out.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1]) / 1e6
    raise RuntimeError(f"no instruction count in {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2, help="documents per PDF dialect")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--inner", nargs=2, metavar=("PART", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.inner[0], Path(args.inner[1]))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind): no instruction counts")
    from corpus.generator import DIALECTS, generate

    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-instructions-") as tmp:
        scratch = Path(tmp)
        folder = scratch / "pdfs"
        folder.mkdir()
        pdf_dialects = [d for d in DIALECTS if d.startswith("pdf-")]
        docs = generate(scratch / "generated", args.n, args.seed, dialects=pdf_dialects)
        for doc in docs:
            shutil.copy(doc.path, folder / Path(doc.path).name)
        pdfs = sorted(folder.glob("*.pdf"))
        print(f"{len(pdfs)} generated PDFs (seed {args.seed}, {args.n} a dialect); "
              f"one pass after a warm-up, M instructions (callgrind, PYTHONHASHSEED=0)")
        counts = {}
        for part in args.parts:
            counts[part] = count(part, folder, scratch)
            print(f"  {part:<7} {counts[part]:10.1f}")
        if "pipe" in counts and "floor" in counts:
            ratio = counts["pipe"] / counts["floor"]
            verdict = "met" if ratio <= TARGET else "missed"
            print(f"pipeline / PDFium floor: {ratio:.2f} (target <= {TARGET:g}: {verdict})")


if __name__ == "__main__":
    main()
