"""Output safety: spreadsheet-formula neutralisation and HTML / inline-script escaping.

Owns the one place where document text is made safe for the places it is shown: a cell of
a CSV file or workbook (where ``=HYPERLINK(...)`` would otherwise run as a formula) and the
review page (where ``<script>`` would otherwise run). Numbers are never touched: only
``str`` values are neutralised, so Decimal amounts stay numbers in both CSV and XLSX.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Also neutralised: the full-width forms (an East-Asian IME turns ＝ into = as it is typed,
# and some importers fold them), and a formula character behind leading blanks or line
# breaks, which an importer that trims cells ("trim spaces") would bring to the front.
_FULLWIDTH_PREFIXES = ("\uff1d", "\uff0b", "\uff0d", "\uff20")
_BLANKS = " \t\r\n\u3000\u00a0\u200b\ufeff"
XLSX_MAX_CELL_CHARS = 32_767
# Characters an XLSX (XML 1.0) cell cannot hold; openpyxl refuses them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def neutralise_cell(value: Any) -> Any:
    """A cell value safe for a spreadsheet: text starting like a formula gets a leading '."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could take `text` for a formula (see FORMULA_PREFIXES)."""
    if text.startswith(FORMULA_PREFIXES + _FULLWIDTH_PREFIXES):
        return True
    stripped = text.lstrip(_BLANKS)
    return stripped != text and stripped.startswith(FORMULA_PREFIXES + _FULLWIDTH_PREFIXES)


def xlsx_cell(value: Any) -> Any:
    """`neutralise_cell` plus what XLSX needs: no XML-illegal characters, bounded length."""
    if isinstance(value, str):
        value = _XML_ILLEGAL.sub("\ufffd", value)
        if len(value) > XLSX_MAX_CELL_CHARS - 1:
            value = value[: XLSX_MAX_CELL_CHARS - 2] + "…"
        return neutralise_cell(value)
    return value


def esc(value: Any) -> str:
    """HTML-escape any value for element text or a quoted attribute (quote=True)."""
    return html.escape("" if value is None else str(value), quote=True)


_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_for_script(data: Any) -> str:
    """JSON that can sit inside <script>…</script>: no `</script>`, no line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group(0)], text)
