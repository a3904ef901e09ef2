"""A machine without CJK fonts reads a PDF whose fonts are not embedded as one that has them.

PDFium measures the glyphs of a font the file does not embed (reportlab's STSong-Light, many
government PDFs) with a system font standing in for it. On a server with no CJK font, a
text object of one character (`是` in a yes/no cell) gets bounds of no size and PDFium's
text page leaves it out; the PDFium engine must notice and let pdfplumber, which reads the
file's own widths, read the file. The machine without fonts is made for each test: a mount
namespace with empty folders over the system's font folders.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parsers.readers import pdf_pdfium
from schemas.limits import Limits

ROOT = Path(__file__).resolve().parents[2]
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/X11/fonts")

# Run inside the namespace: both engines' documents of every PDF named on the command line,
# printed as {name: [text with PDFium, text with pdfplumber, same document?]}.
_COMPARE = """
import json, sys
from pathlib import Path
from parsers.readers import source_for
from parsers.readers.pdf import read_with
from schemas.limits import Limits
out = {}
for name in sys.argv[1:]:
    path = Path(name)
    data = path.read_bytes()
    docs = [read_with(data, source_for(path, data), Limits(), engine).model_dump()
            for engine in ("pdfium", "pdfplumber")]
    texts = [" ".join(line["text"] for line in doc["lines"]) for doc in docs]
    out[name] = [*texts, docs[0] == docs[1]]
print(json.dumps(out, ensure_ascii=False))
"""


def _without_fonts(*pdfs: Path) -> dict[str, list]:
    """_COMPARE run where no font folder holds a font; skips (a failure under CI) when no
    mount namespace can be made."""
    unshare = shutil.which("unshare")
    probe = [unshare or "unshare", "--mount", "--map-root-user", "true"]
    if unshare is None or subprocess.run(probe, capture_output=True, check=False).returncode != 0:
        pytest.skip("no mount namespace (unshare --mount --map-root-user) to hide the fonts in")
    mounts = " && ".join(f"mount -t tmpfs none {folder}" for folder in FONT_FOLDERS
                         if Path(folder).is_dir())
    script = f"{mounts + ' && ' if mounts else ''}exec \"$0\" -c \"$@\""
    result = subprocess.run(
        [unshare, "--mount", "--map-root-user", "sh", "-c", script, sys.executable, _COMPARE,
         *map(str, pdfs)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def _one_character_objects(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont("STSong-Light", 10)
    canvas.drawString(72, 700, "是否为经常性项目")
    canvas.drawString(72, 660, "是")  # each a text object of its own, as a cell's answer
    canvas.drawString(72, 620, "否")
    canvas.save()
    return path


def test_one_character_answers_are_read_without_system_fonts(tmp_path: Path) -> None:
    pdf = _one_character_objects(tmp_path / "answers.pdf")
    pdfium_text, plumber_text, same = _without_fonts(pdf)[str(pdf)]
    assert "".join(plumber_text.split()) == "是否为经常性项目是否"
    assert pdfium_text == plumber_text
    assert same


def test_every_corpus_pdf_reads_the_same_without_system_fonts() -> None:
    pdfs = sorted((ROOT / "corpus").rglob("*.pdf"))
    compared = _without_fonts(*pdfs)
    assert len(compared) == len(pdfs) >= 10
    assert [name for name, (_, _, same) in compared.items() if not same] == []


def test_empty_text_objects_in_embedded_fonts_keep_the_pdfium_engine() -> None:
    # Word processors write empty text objects (bounds of no size) in the fonts they embed:
    # those are no sign of text PDFium could not measure.
    pdfs = sorted((ROOT / "corpus" / "pdf").glob("word_grid*.pdf"))
    assert pdfs
    for pdf in pdfs:
        pages = list(pdf_pdfium.pages(pdf.read_bytes(), Limits()))
        assert pages and all(page.chars for page in pages), pdf.name
