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
# Typographic spaces (&ensp; &emsp; &thinsp; …) read as a plain space; zero-width ones dropped.
_ODD_SPACE = regex.compile(r"[\u2000-\u200a\u202f\u205f]")
_ZERO_WIDTH = regex.compile(r"[\u200b-\u200d\u2060\ufeff]")


# Box look-alikes OCR'd with full-width brackets (［√］ ［ ］ 【√】) read as the ASCII ones.
_WIDE_BOX = regex.compile(r"[［【]([ \u3000]*)([√✓✔xXＸ×]?)([ \u3000]*)[］】]")


def ascii_box_brackets(text: str) -> str:
    """`［√］是 ［ ］否` -> `[√]是 [ ]否`, the spelling `parsers.fields.choice` knows."""
    if "［" not in text and "【" not in text:
        return text
    return _WIDE_BOX.sub(_ascii_box, text)


def _ascii_box(match: regex.Match[str]) -> str:
    mark = match.group(2).replace("Ｘ", "X")
    if mark:
        return f"[{mark}]"
    return "[ ]" if match.group(1) + match.group(3) else "[]"


def plain_spaces(text: str) -> str:
    """`text` with typographic spaces as " " and zero-width characters removed."""
    return _ZERO_WIDTH.sub("", _ODD_SPACE.sub(" ", text))


def _render_input(match: regex.Match[str]) -> str:
    tag = match.group(0)
    if not _CHECKBOX_TYPE.search(tag):
        return ""
    return CHECKED if _CHECKED_ATTR.search(tag) else UNCHECKED


def inline_html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs on their own lines, boxes as ☑/☐."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        text = canonical_glyphs(ascii_box_brackets(plain_spaces(fragment)))
        if "\n" not in text:
            return text.strip()
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())
    text = _COMMENT.sub("", fragment)
    text = _INPUT.sub(_render_input, text)
    text = _OPEN_BLOCK.sub("\n", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    text = canonical_glyphs(ascii_box_brackets(plain_spaces(html.unescape(text))))
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
