"""Speed benchmark: the pipeline beside the libraries underneath it, batch throughput, memory, start-up.

    python benchmarks/speed.py [--n 3] [--rounds 15] [--batch-docs 2000] [--batch-repeats 3]
                               [--memory-sizes 200 2000] [--skip-batch] [--skip-memory]
                               [--ocr-pages 3] [--ocr-batch 6] [--skip-ocr]

Not a test: prints figures (and the targets met or missed). Everything runs on documents
generated into a temporary folder by `corpus.generator` (N per representation, every text,
Word and PDF dialect, multi-page PDFs included), in this one run:

1. **In process, per format.** For every document, after a warm-up, `extract_file` (read +
   parse + check, the whole pipeline) and the *floor* it cannot beat are timed alternately,
   `--rounds` times, documents shuffled each round, so background load hits both alike:
   * txt/md/html: reading the file (bytes + UTF-8 decode);
   * docx: python-docx loading the document and walking it (``docx.Document(path)``,
     ``iter_inner_content``: paragraph text, every table cell's text);
   * pdf: pdfplumber opening the file and reading each page's ``page.chars`` and ``page.lines``.
   Printed: ms per document and per page (sum over documents of the per-document median,
   and of the per-document min), and the ratio pipeline / floor.
   **PDF engines** (1c, CPU time): per page of the generated PDFs, the pipeline, its layout
   work alone (pages already read), PDFium's floor (characters with boxes plus page
   objects) and pdfplumber's (chars, lines, rects); then a 20-page report (the generated
   forms' pages copied into one PDF) read whole by ``extract_records``; then heavy PDFs (1d).
2. **Batch throughput**: the real engine (`extract.batch.run_batch`, forkserver workers,
   records.jsonl with its fsyncs) on a generated folder, 1 and 2 workers alternately,
   `--batch-repeats` times each; documents per second of the engine phase (the derived
   tables, report and summary are timed separately: they are one streaming pass).
3. **Peak memory**: `python -m extract batch` in a subprocess on 200 and 2,000 documents,
   RSS of the whole process tree (parent, forkserver, workers) sampled every 50 ms.
4. **Start-up**: wall time of ``jixiao extract small.txt`` (and ``python -m extract``),
   median of 5 subprocess runs.
5. **OCR of scans** (with the ocr extra and a CJK font; `benchmarks/ocr_speed.py`): CPU and
   wall seconds per 300-dpi A4 page with 2 threads, the load average, this process's peak
   RSS; then a batch of `--ocr-batch` one-page scans with 2 workers: peak RSS of the
   process tree, its CPU seconds and wall time.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for entry in (str(ROOT), str(ROOT / "benchmarks")):
    if entry not in sys.path:
        sys.path.insert(0, entry)

FORMAT_OF = {".txt": "txt", ".md": "txt", ".html": "txt", ".htm": "txt", ".docx": "docx", ".pdf": "pdf"}
TARGETS = {"pdf": 1.3, "docx": 1.5}  # pipeline / floor, per page


# --------------------------------------------------------------------------- machine

def machine() -> str:
    """CPU model, cores, Python: the line BENCHMARKS.md quotes."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; load average at start {load:.2f}")


# --------------------------------------------------------------------------- floors

def floor_text(path: Path) -> None:
    """Reading a text document: its bytes, decoded."""
    path.read_bytes().decode("utf-8", "replace")


def floor_docx(path: Path) -> None:
    """python-docx: load, then every paragraph's text and every table cell's text, in order."""
    import docx

    def walk(container: object) -> None:
        for block in container.iter_inner_content():  # type: ignore[attr-defined]
            if hasattr(block, "rows"):
                for row in block.rows:
                    for cell in row.cells:
                        cell.text  # noqa: B018 - the work being measured
                        walk(cell)
            else:
                block.text  # noqa: B018

    walk(docx.Document(str(path)))


def floor_pdf(path: Path) -> None:
    """pdfplumber: open, then each page's characters and ruling lines."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.chars  # noqa: B018
            page.lines  # noqa: B018


FLOORS: dict[str, Callable[[Path], None]] = {"txt": floor_text, "docx": floor_docx, "pdf": floor_pdf}


def floor_pdfium(path: Path) -> None:
    """PDFium: open, then each page's characters with their boxes and every page object's bounds."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(path)
    rect = c.FS_RECTF()
    l_, b_, r_, t_ = (ctypes.c_float() for _ in range(4))
    for index in range(len(doc)):
        page = doc[index]
        text = page.get_textpage()
        for i in range(c.FPDFText_CountChars(text.raw)):
            c.FPDFText_GetUnicode(text.raw, i)
            c.FPDFText_GetLooseCharBox(text.raw, i, rect)
        for i in range(c.FPDFPage_CountObjects(page.raw)):
            c.FPDFPageObj_GetBounds(c.FPDFPage_GetObject(page.raw, i), l_, b_, r_, t_)
        text.close()
        page.close()
    doc.close()


def floor_pdfplumber_full(path: Path) -> None:
    """pdfplumber: open, then each page's characters, lines and rects."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.chars  # noqa: B018
            page.lines  # noqa: B018
            page.rects  # noqa: B018


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# --------------------------------------------------------------------------- 1. in process

def generate(folder: Path, n: int, seed: int) -> list[tuple[str, Path]]:
    """(dialect, path) of N generated documents per dialect (all dialects)."""
    from corpus.generator import DIALECTS
    from corpus.generator import generate as gen

    docs = gen(folder, n, seed, dialects=list(DIALECTS))
    return [(doc.dialect, Path(doc.path)) for doc in docs]


def in_process(docs: list[tuple[str, Path]], rounds: int) -> dict[str, dict]:
    """Per dialect and per format: pages, pipeline and floor times (per-document median / min)."""
    from extract.pipeline import extract_file

    pages: dict[Path, int] = {}
    for _, path in docs:  # warm-up: imports, caches, the first page of every library
        record = extract_file(path)
        pages[path] = max(1, record.source.pages or 1)
        FLOORS[FORMAT_OF[path.suffix]](path)
    times: dict[Path, dict[str, list[float]]] = {path: {"pipe": [], "floor": []} for _, path in docs}
    order = [path for _, path in docs]
    rng = random.Random(7)
    for round_no in range(rounds):
        rng.shuffle(order)
        for path in order:
            floor = FLOORS[FORMAT_OF[path.suffix]]
            steps = [("pipe", lambda p=path: extract_file(p)), ("floor", lambda p=path, f=floor: f(p))]
            if round_no % 2:
                steps.reverse()  # neither side always runs first
            for name, fn in steps:
                times[path][name].append(_timed(fn))

    groups: dict[str, list[Path]] = defaultdict(list)
    for dialect, path in docs:
        groups[dialect].append(path)
        groups["ALL " + FORMAT_OF[path.suffix]].append(path)
    rows: dict[str, dict] = {}
    for name, paths in groups.items():
        n_pages = sum(pages[p] for p in paths)
        row = {"docs": len(paths), "pages": n_pages}
        for side in ("pipe", "floor"):
            row[f"{side}_med"] = sum(statistics.median(times[p][side]) for p in paths)
            row[f"{side}_min"] = sum(min(times[p][side]) for p in paths)
        rows[name] = row
    return rows


def text_in_a_row(paths: list[Path], runs: int) -> float:
    """Median ms per document of text reports read one after another (after a warm-up)."""
    from extract.pipeline import extract_file

    for path in paths:
        extract_file(path)
    times = [_timed(lambda p=path: extract_file(p)) for _ in range(runs) for path in paths]
    return statistics.median(times) * 1000


def print_in_process(rows: dict[str, dict]) -> None:
    print("\n## 1. In process: pipeline (extract_file) beside the floor, ms (median of runs; min)")
    head = (f"{'representation':<16} {'docs':>4} {'pages':>5} | {'pipe/doc':>9} {'floor/doc':>9} | "
            f"{'pipe/page':>9} {'(min)':>7} {'floor/page':>10} {'(min)':>7} | {'ratio':>6} {'(min)':>6}")
    print(head)
    print("-" * len(head))
    for name in sorted(rows, key=lambda k: (k.startswith("ALL"), FORMAT_OF.get("." + k.split("-")[0], ""), k)):
        r = rows[name]
        ms = 1000.0
        ratio = r["pipe_med"] / r["floor_med"]
        ratio_min = r["pipe_min"] / r["floor_min"]
        print(f"{name:<16} {r['docs']:>4} {r['pages']:>5} | {r['pipe_med'] / r['docs'] * ms:>9.2f} "
              f"{r['floor_med'] / r['docs'] * ms:>9.2f} | {r['pipe_med'] / r['pages'] * ms:>9.2f} "
              f"{r['pipe_min'] / r['pages'] * ms:>7.2f} {r['floor_med'] / r['pages'] * ms:>10.2f} "
              f"{r['floor_min'] / r['pages'] * ms:>7.2f} | {ratio:>6.2f} {ratio_min:>6.2f}")


# --------------------------------------------------------------------------- 1c. PDF engines

def _cpu(fn: Callable[[], object], runs: int) -> float:
    """Median CPU seconds of `fn` (process time: other processes' load does not count)."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        fn()
        times.append(time.process_time() - started)
    return statistics.median(times)


REPORT_PAGES = 20


def pdf_engines(docs: list[tuple[str, Path]], runs: int) -> dict[str, float]:
    """CPU ms per page on the generated PDFs: the pipeline, its layout work alone, both floors."""
    from extract.pipeline import extract_file
    from extract.settings import Limits
    from parsers.readers import pdf_pdfium
    from parsers.readers.pdf import layouts

    pdfs = [path for _, path in docs if path.suffix == ".pdf"]
    primitives = {p: list(pdf_pdfium.pages(p.read_bytes(), Limits())) for p in pdfs}
    pages = sum(len(v) for v in primitives.values())
    sides = {
        "jixiao pipeline (extract_file)": lambda: [extract_file(p) for p in pdfs],
        "  of it: layout work alone (pages already read)": lambda: [layouts(v) for v in primitives.values()],
        "PDFium floor (chars with boxes + page objects)": lambda: [floor_pdfium(p) for p in pdfs],
        "pdfplumber floor (chars, lines, rects)": lambda: [floor_pdfplumber_full(p) for p in pdfs],
    }
    for fn in sides.values():
        fn()  # warm-up
    return {name: _cpu(fn, runs) / pages * 1000 for name, fn in sides.items()} | {"pages": float(pages)}


def report_pdf(docs: list[tuple[str, Path]], folder: Path, pages: int = REPORT_PAGES) -> Path:
    """One PDF of `pages` pages: the generated forms' PDFs one after another (PDFium copies them)."""
    import pypdfium2 as pdfium

    pdfs = [path for _, path in docs if path.suffix == ".pdf"]
    report = pdfium.PdfDocument.new()
    while len(report) < pages:
        for path in pdfs:
            source = pdfium.PdfDocument(path)
            take = min(len(source), pages - len(report))
            report.import_pages(source, list(range(take)))
            source.close()
            if len(report) >= pages:
                break
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"report-{pages}-pages.pdf"
    report.save(str(path))
    report.close()
    return path


def report_cpu(path: Path, runs: int) -> tuple[float, list[str]]:
    """Median CPU seconds of `extract_records` on the report, and its records' statuses."""
    from extract.pipeline import extract_records

    records = extract_records(path)  # warm-up
    return _cpu(lambda: extract_records(path), runs), [str(r.status) for r in records]


def heavy_pdfs(folder: Path) -> dict[str, Path]:
    """Heavy PDFs drawn with reportlab: dense vector figures, 400 pages, 30,000 small text objects."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    found = {}
    path = folder / "figures-55-pages.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for page in range(55):
        canvas.setFont("Helvetica", 9)
        canvas.drawString(50, 800, f"Figure {page + 1}: a dense scatter and line plot")
        for _ in range(4000):  # markers and polylines: thousands of path objects per page
            x, y = rng.uniform(50, 545), rng.uniform(80, 780)
            canvas.circle(x, y, 0.6, stroke=1, fill=0)
        for _ in range(40):
            path_obj = canvas.beginPath()
            path_obj.moveTo(50, rng.uniform(80, 780))
            for k in range(1, 100):
                path_obj.lineTo(50 + k * 5, rng.uniform(80, 780))
            canvas.drawPath(path_obj, stroke=1, fill=0)
        canvas.showPage()
    canvas.save()
    found["55 pages of dense vector figures"] = path
    path = folder / "report-400-pages.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for page in range(400):
        canvas.setFont("Helvetica", 10)
        for line in range(50):
            canvas.drawString(50, 790 - line * 14, f"Page {page + 1} line {line + 1}: the quick brown fox jumps over")
        canvas.showPage()
    canvas.save()
    found["400 pages of text"] = path
    path = folder / "tiny-text-objects.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for _ in range(3):
        canvas.setFont("Helvetica", 2)
        for i in range(10_000):  # one text object per glyph pair, as some generators write
            canvas.drawString(20 + (i % 100) * 5.5, 820 - (i // 100) * 8, "ab")
        canvas.showPage()
    canvas.save()
    found["3 pages of 10,000 small text objects each"] = path
    return found


def print_pdf_section(docs: list[tuple[str, Path]], root: Path, runs: int, verdicts: list[str]) -> None:
    from extract.pipeline import extract_file

    rows = pdf_engines(docs, runs)
    pages = int(rows.pop("pages"))
    print(f"\n## 1c. PDF engines, CPU ms per page on the generated PDFs ({pages} pages, median of {runs})")
    for name, value in rows.items():
        print(f"  {name:<50} {value:>8.2f}")
    pipe, floor = rows["jixiao pipeline (extract_file)"], rows["PDFium floor (chars with boxes + page objects)"]
    print(f"  {'pipeline / PDFium floor':<50} {pipe / floor:>8.2f}")
    verdicts.append(f"PDF pipeline / PDFium floor per page {pipe / floor:.2f} (target <= 2): "
                    f"{'met' if pipe / floor <= 2 else 'MISSED'}")
    twenty, statuses = report_cpu(report_pdf(docs, root / "report"), runs)
    print(f"\n## 1c'. A {REPORT_PAGES}-page report (the generated forms' pages in one PDF), extract_records, "
          f"CPU s (median of {runs})")
    print(f"  {twenty:.3f} s, {len(statuses)} records ({', '.join(sorted(set(statuses)))}); "
          f"per-page pipeline x {REPORT_PAGES}: {REPORT_PAGES * pipe / 1000:.3f} s")
    verdicts.append(f"a {REPORT_PAGES}-page report {twenty:.2f} s CPU (target < 0.5): "
                    f"{'met' if twenty < 0.5 else 'MISSED'}")
    print("\n## 1d. Heavy PDFs, jixiao extract_file, CPU s (one run)")
    for name, path in heavy_pdfs(root / "heavy").items():
        started = time.process_time()
        record = extract_file(path)
        seconds = time.process_time() - started
        codes = ",".join(e.code for e in record.errors) or "-"
        print(f"  {name:<45} {seconds:>6.2f} s  ({record.status}: {codes})")
        verdicts.append(f"heavy PDF, {name}: {seconds:.2f} s CPU (target < 5): {'met' if seconds < 5 else 'MISSED'}")


# --------------------------------------------------------------------------- 2. batch

def batch_corpus(folder: Path, n: int) -> None:
    """N distinct one-page OCR'd text reports (the shared seed varied, else generated)."""
    from batch_speed import SEED, make_corpus

    folder.mkdir(parents=True, exist_ok=True)
    if SEED.exists():
        make_corpus(folder, n)
        return
    from corpus.generator import generate as gen

    gen(folder, n, 11, dialects=["txt-tabs"])
    for extra in folder.glob("*.json"):
        extra.unlink()


def batch_throughput(folder: Path, workers_list: list[int], repeats: int) -> dict[int, list[tuple[float, float]]]:
    """{workers: [(engine seconds, outputs seconds)]}, runs alternating between worker counts."""
    from extract.batch import run_batch
    from extract.batch.progress import QuietReporter
    from extract.cli_batch import _settings
    from extract.inputs import expand_inputs
    from extract.outputs import write_outputs

    settings = _settings(None, None)
    paths = list(expand_inputs([folder]))
    results: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for repeat in range(repeats):
        for workers in (workers_list if repeat % 2 == 0 else workers_list[::-1]):
            outdir = Path(tempfile.mkdtemp(prefix="jixiao-speed-out-"))
            try:
                started = time.perf_counter()
                stats = run_batch(paths, outdir, settings, workers=workers,
                                  extractor="extract.pipeline:extract_file", reporter=QuietReporter())
                engine = time.perf_counter() - started
                started = time.perf_counter()
                write_outputs(outdir, stats, settings, workers)
                results[workers].append((engine, time.perf_counter() - started))
            finally:
                shutil.rmtree(outdir, ignore_errors=True)
    return results


# --------------------------------------------------------------------------- 3. memory

def peak_memory(root: Path, sizes: list[int], workers: int) -> dict[int, tuple[float, float, int]]:
    """{docs: (seconds, peak tree RSS MiB, exit code)} of `python -m extract batch` runs."""
    from batch_speed import run

    found = {}
    for size in sizes:
        folder = root / f"mem-{size}"
        batch_corpus(folder, size)
        seconds, peak_kib, code = run(folder, root / f"mem-out-{size}", workers)
        found[size] = (seconds, peak_kib / 1024, code)
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(root / f"mem-out-{size}", ignore_errors=True)
    return found


# --------------------------------------------------------------------------- 4. start-up

STARTUP_DEPENDENCIES = ("typer", "click", "rich", "pydantic", "pydantic-core", "regex", "PyYAML",
                        "charset-normalizer")


def startup_versions() -> str:
    """The versions of what `jixiao extract small.txt` imports, as this run resolved them."""
    from importlib.metadata import PackageNotFoundError, version

    def one(name: str) -> str:
        try:
            return f"{name} {version(name)}"
        except PackageNotFoundError:
            return f"{name} (not installed)"

    return f"Python {platform.python_version()}; " + ", ".join(one(name) for name in STARTUP_DEPENDENCIES)


def startup_cpu(small: Path, runs: int = 5) -> list[float]:
    """CPU seconds (user + system) of `python -m extract extract small.txt`, one per run."""
    import resource

    found = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "extract", "extract", str(small)], cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        found.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return found


def startup(small: Path, runs: int = 5) -> dict[str, list[float]]:
    """Wall seconds of `jixiao extract small.txt` (entry point, and python -m extract)."""
    commands = {"python -m extract extract": [sys.executable, "-m", "extract", "extract", str(small)]}
    exe = shutil.which("jixiao")
    if exe:
        commands["jixiao extract"] = [exe, "extract", str(small)]
        # pyenv and similar put a shell shim first on PATH: also time the real script
        real = Path(sys.executable).with_name("jixiao")
        if real.exists() and real.resolve() != Path(exe).resolve():
            commands["<python bin>/jixiao extract"] = [str(real), "extract", str(small)]
    found: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        for name, command in commands.items():  # interleaved
            started = time.perf_counter()
            subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
            found[name].append(time.perf_counter() - started)
    return found


# --------------------------------------------------------------------------- main

# --------------------------------------------------------------------------- 5. OCR of scans

def ocr_section(pages: int, batch: int, verdicts: list[str]) -> None:
    """OCR seconds per page and the memory of a batch of scans (skipped without the extra)."""
    from corpus.scans import make
    from parsers.ocr import engine

    print("\n## 5. OCR of scans (300-dpi A4 pages, 2 cores)")
    if not engine.available() or make.cjk_font() is None:
        print("skipped: needs the ocr extra and a CJK font")
        return
    import ocr_speed

    figures = ocr_speed.page_figures(pages, 300, 2, 1)
    lines = ocr_speed.page_report(figures, 300, 2, 1)
    for line in lines[:-1]:
        print(line)
    verdicts.append(lines[-1])
    if batch:
        report = ocr_speed.batch_report(ocr_speed.batch_figures(batch, 300, 2))
        for line in report:
            print(line)
        verdicts.append(report[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3, help="documents per representation (dialect)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=15, help="timed runs per document")
    parser.add_argument("--batch-docs", type=int, default=2000)
    parser.add_argument("--batch-repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--memory-sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--pdf-only", action="store_true", help="only the PDF engine sections (1c, 1d)")
    parser.add_argument("--ocr-pages", type=int, default=3, help="scanned pages read for section 5")
    parser.add_argument("--ocr-batch", type=int, default=6, help="one-page scans in section 5's batch")
    parser.add_argument("--skip-ocr", action="store_true")
    args = parser.parse_args()

    print(f"# jixiao speed — {machine()}")
    verdicts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="jixiao-speed-") as tmp:
        root = Path(tmp)
        docs = generate(root / "docs", args.n, args.seed)
        print_pdf_section(docs, root, max(3, args.rounds // 3), verdicts)
        if args.pdf_only:
            for line in verdicts:
                print("- " + line)
            return 0
        rows = in_process(docs, args.rounds)
        print_in_process(rows)
        for fmt, target in TARGETS.items():
            r = rows[f"ALL {fmt}"]
            ratio = r["pipe_med"] / r["floor_med"]
            verdicts.append(f"{fmt} pipeline/floor per page {ratio:.2f} (target <= {target}): "
                            f"{'met' if ratio <= target else 'MISSED'}")
        text_docs = [path for dialect, path in docs if dialect == "txt-tabs"]
        if text_docs:
            mixed = rows["txt-tabs"]["pipe_med"] / rows["txt-tabs"]["docs"] * 1000
            alone = text_in_a_row(text_docs, args.rounds * 10)
            print("\n## 1b. One-page OCR'd text (txt-tabs), ms/doc (median)")
            print(f"  among the other formats, as above (caches cooled by PDF and Word): {mixed:.2f}")
            print(f"  one text report after another, as in a batch of text reports:     {alone:.2f}")
            verdicts.append(f"one-page OCR'd text (txt-tabs) {alone:.2f} ms/doc in a row of text reports, "
                            f"{mixed:.2f} among PDFs and Word (target < 2): {'met' if alone < 2 else 'MISSED'}")

        if not args.skip_batch:
            folder = root / "batch"
            batch_corpus(folder, args.batch_docs)
            results = batch_throughput(folder, args.workers, args.batch_repeats)
            print(f"\n## 2. Batch throughput: run_batch on {args.batch_docs} one-page text reports, docs/s "
                  f"(median of {args.batch_repeats}; best)")
            print(f"{'workers':>7} {'engine docs/s':>14} {'(best)':>8} {'outputs s':>10} {'end-to-end docs/s':>18}")
            rate = {}
            for workers in args.workers:
                engine = [e for e, _ in results[workers]]
                outputs = [o for _, o in results[workers]]
                rate[workers] = args.batch_docs / statistics.median(engine)
                best = args.batch_docs / min(engine)
                total = args.batch_docs / statistics.median([e + o for e, o in results[workers]])
                print(f"{workers:>7} {rate[workers]:>14.1f} {best:>8.1f} {statistics.median(outputs):>10.2f} "
                      f"{total:>18.1f}")
            if 1 in rate and 2 in rate:
                speedup = rate[2] / rate[1]
                print(f"2 workers / 1 worker (engine, medians): {speedup:.2f}x")
                verdicts.append(f"batch 2 workers / 1 worker {speedup:.2f}x (target >= 1.8 on 2 cores): "
                                f"{'met' if speedup >= 1.8 else 'MISSED'}")
            shutil.rmtree(folder, ignore_errors=True)

        if not args.skip_memory:
            workers = max(args.workers)
            mem = peak_memory(root, args.memory_sizes, workers)
            print(f"\n## 3. Peak memory: python -m extract batch --workers {workers}, RSS of the process tree")
            print(f"{'docs':>6} {'seconds':>8} {'docs/s':>8} {'peak RSS MiB':>13} exit")
            for size, (seconds, mib, code) in mem.items():
                print(f"{size:>6} {seconds:>8.2f} {size / seconds:>8.1f} {mib:>13.1f} {code}")
            if len(mem) >= 2:
                small, large = min(mem), max(mem)
                growth = mem[large][1] / mem[small][1] - 1
                verdicts.append(f"peak memory {large} docs vs {small}: {growth:+.1%} (target within 20%): "
                                f"{'met' if abs(growth) <= 0.2 else 'MISSED'}")

        small = next(path for dialect, path in docs if dialect == "txt-tabs")
        times = startup(small)
        print("\n## 4. Start-up: one small .txt, subprocess wall time, s (median of 5; min)")
        for name, values in times.items():
            print(f"{name:<30} {statistics.median(values):>6.3f} {min(values):>6.3f}")
        primary = times.get("<python bin>/jixiao extract") or times.get("jixiao extract") \
            or times["python -m extract extract"]
        verdicts.append(f"jixiao extract start-up {statistics.median(primary):.3f} s (target < 0.5): "
                        f"{'met' if statistics.median(primary) < 0.5 else 'MISSED'}")
        cpu = startup_cpu(small)
        print(f"CPU (user+system) of python -m extract extract: median {statistics.median(cpu):.3f} s, "
              f"min {min(cpu):.3f} s")
        print(f"with {startup_versions()}")
        verdicts.append(f"jixiao extract start-up CPU {statistics.median(cpu):.3f} s (target <= 0.3): "
                        f"{'met' if statistics.median(cpu) <= 0.3 else 'MISSED'}")

    if not args.skip_ocr:
        ocr_section(args.ocr_pages, args.ocr_batch, verdicts)

    print("\n## Targets")
    for line in verdicts:
        print("- " + line)
    print(f"(load average at end {os.getloadavg()[0]:.2f}; other processes on the machine add noise)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
