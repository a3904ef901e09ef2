"""pdf-word: a docx from `docx_writer` (glyph boxes) printed to PDF by LibreOffice headless.

Needs `soffice` on PATH (Debian: libreoffice-writer-nogui); raises RuntimeError otherwise.
Each conversion uses its own LibreOffice profile directory, so concurrent runs do not clash.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from corpus.generator.model import FormSpec
from corpus.generator.writers.docx_writer import build

TIMEOUT_SECONDS = 180


def available() -> bool:
    """Whether LibreOffice can be run."""
    return shutil.which("soffice") is not None


def write(spec: FormSpec, stem: Path, rng: random.Random) -> Path:
    """Write `stem`.pdf via a temporary docx."""
    if not available():
        raise RuntimeError("pdf-word needs LibreOffice (soffice) on PATH")
    with tempfile.TemporaryDirectory(prefix="jixiao-pdfword-") as tmp:
        docx_path = Path(tmp) / (stem.name + ".docx")
        build(spec, rng, "glyph").save(str(docx_path))
        profile = Path(tmp) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
                       check=True, capture_output=True, timeout=TIMEOUT_SECONDS)
        path = stem.with_suffix(".pdf")
        shutil.copyfile(Path(tmp) / (stem.name + ".pdf"), path)
    return path
