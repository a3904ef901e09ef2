"""The closed checkbox vocabulary: every reader renders boxes as ☑ (ticked) or ☐ (empty).

A reader that knows more than the glyph (a Word content control, an AcroForm widget, a drawn
square, a scan's pixels) writes a *source mark* instead (`mark`): one character that travels
through the reader's joins and splits like a glyph and tells `parsers.box_elements` the box's
state and source when it turns the marks into `Checkbox` elements and ☑/☐/⍰ in the text.
A plain ☑/☐/⍰ becomes a box read from a glyph.

Owns the tables of Unicode glyphs and symbol-font code points (Wingdings, Wingdings 2,
Webdings) that stand for boxes. OCR look-alikes (口 for ☐, √ for ☑) are NOT rewritten here,
because 口 and √ are ordinary text elsewhere; `parsers.fields.choice` reads them, and only
next to an option label.
"""

from __future__ import annotations

from parsers.char_sets import any_of

CHECKED = "☑"
UNCHECKED = "☐"
# A box whose state a scan does not show (neither clearly empty nor clearly ticked): the
# field parser leaves its group undecided rather than guessing.
UNKNOWN = "⍰"

# Glyphs that unambiguously are boxes wherever they appear.
CHECKED_GLYPHS = frozenset("☑☒▣⊠🗹🗷✅")
UNCHECKED_GLYPHS = frozenset("☐□▢◻⬜❑❒")

# Glyphs that are boxes only beside an option label (parsers.fields.choice decides).
CHECKED_LOOKALIKES = ("[√]", "[✓]", "[✔]", "[x]", "[X]", "(√)", "（√）", "☑", "√", "✓", "✔", "■", "☒", "▣", "✗", "✘", "×")
UNCHECKED_LOOKALIKES = ("[ ]", "[]", "[  ]", "（ ）", "( )", "()", "（）", "☐", "□", "口", "▢", "◻", "〇", "○")

# Symbol fonts: (font family, code point with the 0xF000 private-use offset removed) -> state.
# Checked against the Unicode 7.0 mappings of the three fonts (Wingdings 2 "R" = U+2611,
# "£" = U+25A1; Wingdings 0xFE = U+1F5F9, 0xA8 = U+1F78E; Webdings "a" = U+2714, "c" = U+2B1C).
# Filled squares (Wingdings 0x6E, Wingdings 2 0xA2, Webdings 0x67) are deliberately absent:
# like "■" in text they mean "ticked" only beside an option label, which the field parser
# decides. Wingdings 2 0xA8 (▣) is absent too: the same code point is Wingdings' empty box,
# and a run that lost its font must read F0A8 as empty.
_SYMBOL_FONT_BOXES: dict[str, dict[int, bool]] = {
    "wingdings": {
        0xFE: True, 0xFD: True, 0xFC: True, 0xFB: True, 0x78: True,  # 🗹 🗷 ✓ 🗶 ⌧
        0xA8: False, 0x6F: False, 0x70: False, 0x71: False, 0x72: False,  # 🞎 🞏 🞐 ❑ ❒
    },
    "wingdings 2": {
        0x52: True, 0x54: True, 0x53: True, 0x51: True, 0x50: True, 0x4F: True,  # ☑ ☒ ⮽ 🗵 🗸 🗴
        0xA3: False, 0xA4: False, 0xA5: False, 0xA6: False,  # □ 🞑 🞒 🞓
    },
    "webdings": {0x61: True, 0x63: False},  # ✔ ⬜
    "symbol": {0xD6: True},  # √ typed from the Symbol font
}


def symbol_box_state(font: str | None, char: int) -> bool | None:
    """Ticked (True), empty (False) or not a box (None) for a symbol-font character.

    `char` may carry the private-use offset (0xF052) or not (0x52). An unknown font name
    falls back to the Wingdings tables, since Word documents often drop the font of a run.
    """
    code = char - 0xF000 if 0xF000 <= char <= 0xF0FF else char
    family = (font or "").strip().lower()
    families = [family] if family in _SYMBOL_FONT_BOXES else ["wingdings 2", "wingdings"]
    for name in families:
        state = _SYMBOL_FONT_BOXES[name].get(code)
        if state is not None:
            return state
    return None


def private_use_box(char: str) -> str | None:
    """Render a private-use code point left by a symbol font (e.g. U+F052) as ☑/☐, else None."""
    code = ord(char)
    if not 0xF000 <= code <= 0xF0FF:
        return None
    state = symbol_box_state(None, code)
    if state is None:
        return None
    return CHECKED if state else UNCHECKED


def render(state: bool) -> str:
    """☑ for ticked, ☐ for empty."""
    return CHECKED if state else UNCHECKED


def _glyph_table() -> dict[int, str]:
    table = {ord(char): CHECKED for char in CHECKED_GLYPHS}
    table.update({ord(char): UNCHECKED for char in UNCHECKED_GLYPHS})
    for code in range(0xF000, 0xF100):
        rendered = private_use_box(chr(code))
        if rendered:
            table[code] = rendered
    return table


_GLYPH_TABLE = _glyph_table()
_GLYPH_CHARS = any_of(chr(code) for code in _GLYPH_TABLE)


def canonical_glyphs(text: str) -> str:
    """Replace unambiguous box glyphs and private-use box code points with ☑/☐."""
    if _GLYPH_CHARS.search(text) is None:
        return text
    return text.translate(_GLYPH_TABLE)


# ---------------------------------------------------------------- source marks
SOURCES = ("w14", "formfield", "glyph", "acroform", "drawn", "ocr", "pixels", "picture")
_MARK_BASE = 0xF0100  # Supplementary Private Use Area-A: never in a document's own text
_STATES: tuple[bool | None, ...] = (None, True, False)
GLYPHS = {None: UNKNOWN, True: CHECKED, False: UNCHECKED}
MARKS: dict[str, tuple[bool | None, str]] = {
    chr(_MARK_BASE + 3 * i + k): (state, source)
    for i, source in enumerate(SOURCES) for k, state in enumerate(_STATES)
}
_MARK_OF = {value: char for char, value in MARKS.items()}
BOX_CHARS = frozenset({CHECKED, UNCHECKED, UNKNOWN, *MARKS})
"""Every character that is a box in a reader's text: the glyphs and the source marks."""


def mark(state: bool | None, source: str) -> str:
    """The source mark of a box in `state` (None: unknown) read from `source`."""
    return _MARK_OF[(state, source)]


def mark_glyphs(text: str, source: str) -> str:
    """`text` with its ☑/☐/⍰ glyphs written as source marks of `source`."""
    states = {CHECKED: True, UNCHECKED: False, UNKNOWN: None}
    return "".join(mark(states[char], source) if char in states else char for char in text)
