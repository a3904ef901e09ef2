"""Ticked boxes as Word stores them, rendered as ☑/☐ where they stand.

Owns the four Word representations of a box:
1. Unicode glyphs typed as text (☑ ☐ ☒ □ …; ■ and √ are left for the field parser);
2. symbol-font characters: `<w:sym w:font="Wingdings 2" w:char="F052"/>`, the same code
   points typed as private-use text (U+F052), or plain letters ("R", "£") in a run whose
   font is a symbol font;
3. checkbox content controls (`w14:checkbox` in `w:sdtPr`, state in `w14:checked`);
4. legacy form fields (`w:ffData/w:checkBox`, instruction FORMCHECKBOX), which show no
   character at all;
5. a small, square picture in a run (DrawingML `w:drawing` or VML `w:pict`, no text box in
   it), as pasted from web forms: a box whose state is unknown, since a picture is not
   read. It keeps its group undecided instead of letting it read as "nothing ticked".
The glyph and code-point tables themselves live in `checkbox_glyphs` (shared with PDF).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from parsers.readers.checkbox_glyphs import (
    CHECKED,
    CHECKED_GLYPHS,
    UNCHECKED,
    UNCHECKED_GLYPHS,
    canonical_glyphs,
    render,
    symbol_box_state,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SYMBOL_FONTS = frozenset({"wingdings", "wingdings 2", "wingdings 3", "webdings", "symbol"})
_FONT_ATTRS = (f"{W}ascii", f"{W}hAnsi", f"{W}eastAsia", f"{W}cs")
_FALSE = frozenset({"0", "false", "off", "no"})
BOX_GLYPHS = CHECKED_GLYPHS | UNCHECKED_GLYPHS | {CHECKED, UNCHECKED}
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_EMU_PER_PT = 12700
# A picture is a box when both its sides lie in this range (points) and it is about square.
BOX_PICTURE_PT = (5.0, 20.0)
BOX_PICTURE_RATIO = 1.4
_VML_SIZE = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|px|in|mm|cm)?", re.IGNORECASE)
_VML_UNIT_PT = {"pt": 1.0, "px": 0.75, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "": 0.75}


def run_symbol_font(run: etree._Element, styles: Mapping[str, str] | None = None) -> str | None:
    """The symbol font (lower case) of a run: named in its `w:rFonts`, else by its character
    style (`w:rStyle`, looked up in `styles` from `symbol_font_styles`), or None.

    Fonts set directly on the run win over the style's: a run whose `w:rFonts` names a text
    font for its Latin slots is not in the style's symbol font.
    """
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return None
    fonts = rpr.find(f"{W}rFonts")
    if fonts is not None:
        font = _symbol_font_of(fonts)
        if font is not None or fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi"):
            return font
    if styles:
        style = rpr.find(f"{W}rStyle")
        if style is not None:
            return styles.get(style.get(f"{W}val") or "")
    return None


def _symbol_font_of(fonts: etree._Element) -> str | None:
    for attr in _FONT_ATTRS:
        name = (fonts.get(attr) or "").strip().lower()
        if name in SYMBOL_FONTS:
            return name
    return None


def symbol_font_styles(styles: etree._Element | None) -> dict[str, str]:
    """Character styles (by id) whose font is a symbol font, following `w:basedOn`."""
    if styles is None:
        return {}
    own: dict[str, str | None] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        if not style_id or style.get(f"{W}type") != "character":
            continue
        fonts = style.find(f"{W}rPr/{W}rFonts")
        own[style_id] = _symbol_font_of(fonts) if fonts is not None else None
        if fonts is not None and own[style_id] is None and (fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")):
            continue  # a text font set here ends the inheritance
        parent = style.find(f"{W}basedOn")
        if parent is not None and parent.get(f"{W}val"):
            based[style_id] = parent.get(f"{W}val")
    found: dict[str, str] = {}
    for style_id in own:
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen:
            seen.add(current)
            font = own.get(current)
            if font:
                found[style_id] = font
                break
            current = based.get(current)
    return found


def render_run_text(text: str, symbol_font: str | None) -> str:
    """A `w:t` text with symbol-font boxes and unambiguous box glyphs rendered as ☑/☐.

    In a symbol-font run even plain letters are glyphs ("R" in Wingdings 2 is ☑), so every
    character is looked up; elsewhere only private-use code points (a symbol font's
    characters that lost their font) are, through the fallback tables.
    """
    if symbol_font is not None:
        return "".join(_symbol_char(symbol_font, char) for char in text)
    return canonical_glyphs(text)


def _symbol_char(font: str, char: str) -> str:
    state = symbol_box_state(font, ord(char))
    if state is None:
        return canonical_glyphs(char)
    return render(state)


def render_sym(sym: etree._Element) -> str:
    """`<w:sym w:font=… w:char=…/>` as ☑/☐ when it is a box, else the character itself."""
    try:
        code = int(sym.get(f"{W}char") or "", 16)
    except ValueError:
        return ""
    font = (sym.get(f"{W}font") or "").strip().lower() or None
    state = symbol_box_state(font, code)
    if state is not None:
        return render(state)
    if font is None or font not in SYMBOL_FONTS:
        return canonical_glyphs(chr(code)) if 0 < code < 0x110000 else ""
    return ""  # a decorative dingbat (arrow, hand, …): no text meaning


def on_off(element: etree._Element | None, attr: str, *, absent: bool) -> bool:
    """An OOXML on/off value: element missing -> `absent`; no value -> True; 0/false -> False."""
    if element is None:
        return absent
    value = element.get(attr)
    return value is None or value.strip().lower() not in _FALSE


def form_checkbox_state(fld_char: etree._Element) -> bool | None:
    """The state of a legacy FORMCHECKBOX from its `w:fldChar` begin, None if not a box."""
    box = fld_char.find(f"{W}ffData/{W}checkBox")
    if box is None:
        return None
    checked = box.find(f"{W}checked")
    if checked is not None:
        return on_off(checked, f"{W}val", absent=False)
    return on_off(box.find(f"{W}default"), f"{W}val", absent=False)


def sdt_checkbox_state(sdt: etree._Element) -> bool | None:
    """The state of a checkbox content control (`w14:checkbox`), None if not a checkbox."""
    props = sdt.find(f"{W}sdtPr")
    if props is None:
        return None
    for child in props:
        if isinstance(child.tag, str) and etree.QName(child).localname == "checkbox":
            checked = next(
                (c for c in child if isinstance(c.tag, str) and etree.QName(c).localname == "checked"),
                None,
            )
            if checked is None:
                return False
            value = next((v for k, v in checked.attrib.items() if k.endswith("val")), None)
            return value is None or value.strip().lower() not in _FALSE
    return None


def force_box(text: str, state: bool) -> str:
    """A checkbox control's content with its box glyph(s) replaced by the control's state.

    The content shows whatever glyph its author chose (☒ in MS Gothic, a Wingdings "þ", …);
    only `w14:checked` is the truth. Content with no recognisable glyph gets one in front.
    """
    glyph = render(state)
    out = [glyph if char in BOX_GLYPHS or char == "■" else char for char in text]
    rendered = "".join(out)
    return rendered if rendered != text or glyph in text else glyph + text


def is_box_picture(element: etree._Element) -> bool:
    """Whether a run's `w:drawing` or `w:pict` is a small square picture (a box drawn as an
    image) rather than a figure, a text box or a shape with text."""
    if element.find(f".//{W}txbxContent") is not None:
        return False
    size = _drawing_size(element) if element.tag == f"{W}drawing" else _vml_size(element)
    if size is None:
        return False
    low, high = BOX_PICTURE_PT
    width, height = size
    if not (low <= width <= high and low <= height <= high):
        return False
    return max(width, height) / min(width, height) <= BOX_PICTURE_RATIO


def _drawing_size(drawing: etree._Element) -> tuple[float, float] | None:
    extent = drawing.find(f"./*/{_WP}extent")  # wp:inline or wp:anchor
    if extent is None:
        return None
    try:
        cx, cy = int(extent.get("cx", "")), int(extent.get("cy", ""))
    except ValueError:
        return None
    return (cx / _EMU_PER_PT, cy / _EMU_PER_PT) if cx > 0 and cy > 0 else None


def _vml_size(pict: etree._Element) -> tuple[float, float] | None:
    for shape in pict.iter():
        style = shape.get("style") if isinstance(shape.tag, str) else None
        if not style:
            continue
        found = {name.lower(): float(value) * _VML_UNIT_PT[(unit or "").lower()]
                 for name, value, unit in _VML_SIZE.findall(style)}
        if "width" in found and "height" in found and found["width"] > 0 and found["height"] > 0:
            return found["width"], found["height"]
    return None
