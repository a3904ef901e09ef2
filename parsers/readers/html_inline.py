"""Inline HTML left inside OCR'd cells: `<p>` paragraphs, checkbox `<input>`s, `<br>`, entities.

Shared by the tab-separated and the HTML-table dialects. Produces plain text with one
paragraph per line and boxes rendered as ☑/☐ where the `<input>` stood.
"""

from __future__ import annotations

import html

import regex

from parsers.readers.checkbox_glyphs import CHECKED, UNCHECKED, canonical_glyphs

_INPUT = regex.compile(r"<input\b[^>]*>", regex.IGNORECASE)
_CHECKED_ATTR = regex.compile(r"\bchecked\b(?!\s*=\s*[\"']?(?:false|0)\b)", regex.IGNORECASE)
_CHECKBOX_TYPE = regex.compile(r"type\s*=\s*[\"']?(?:checkbox|radio)", regex.IGNORECASE)
_BREAK = regex.compile(r"<\s*br\s*/?\s*>|<\s*/\s*(?:p|div|li|h\d)\s*>", regex.IGNORECASE)
_OPEN_BLOCK = regex.compile(r"<\s*(?:p|div|li|h\d)\b[^>]*>", regex.IGNORECASE)
_TAG = regex.compile(r"<[^<>]{0,2000}>")
_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)


def _render_input(match: regex.Match[str]) -> str:
    tag = match.group(0)
    if not _CHECKBOX_TYPE.search(tag):
        return ""
    return CHECKED if _CHECKED_ATTR.search(tag) else UNCHECKED


def inline_html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs on their own lines, boxes as ☑/☐."""
    if "<" not in fragment and "&" not in fragment:
        text = canonical_glyphs(fragment)
        if "\n" not in text:
            return text.strip()
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())
    text = _COMMENT.sub("", fragment)
    text = _INPUT.sub(_render_input, text)
    text = _OPEN_BLOCK.sub("\n", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    text = canonical_glyphs(html.unescape(text))
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
