"""The plain text of a generated file, read with the libraries a user would open it with.

Shared by the generator tests: a .docx through python-docx (paragraphs, then table cells), a
.pdf through pdfplumber, text as UTF-8 (with or without BOM) or GB18030.
"""

from __future__ import annotations

from pathlib import Path


def plain_text(path: Path) -> str:
    """Everything `path` shows a reader; AssertionError when text decodes as neither encoding."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError(f"{path.name} decodes neither as UTF-8 nor GB18030")
