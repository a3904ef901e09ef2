"""The four ways a Word document holds a checkbox, as raw WordprocessingML.

glyph: a Unicode glyph run (☑☐ ☒☐ ■□ √□). symbol: `<w:sym w:font="Wingdings 2"
w:char="F052"/>` (F0A3 empty), Wingdings F0FE/F0A8, or the private-use character U+F052 in
a run whose font is Wingdings 2. sdt: a `w14:checkbox` content control whose shown glyph
may disagree with `w14:checked` (the state wins). formfield: a legacy FORMCHECKBOX field
(`w:ffData/w:checkBox` with `w:default`/`w:checked`) that shows no character at all.
Each `make_*` returns a function (paragraph, checked) -> None chosen once per document.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
BoxRenderer = Callable[[Paragraph, bool], None]
GLYPH_PAIRS = (("☑", "☐"), ("☒", "☐"), ("■", "□"), ("√", "□"))
SYMBOLS = (("sym", "Wingdings 2", 0xF052, 0xF0A3), ("sym", "Wingdings", 0xF0FE, 0xF0A8),
           ("pua", "Wingdings 2", 0xF052, 0xF0A3))


def _el(tag: str, **attrs: str) -> etree._Element:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _font_run(font: str) -> etree._Element:
    run, rpr = _el("w:r"), _el("w:rPr")
    rpr.append(_el("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font))
    run.append(rpr)
    return run


def make_glyph(rng: random.Random) -> BoxRenderer:
    """Unicode glyph runs, one pair per document."""
    pair = rng.choice(GLYPH_PAIRS)

    def render(paragraph: Paragraph, checked: bool) -> None:
        paragraph.add_run(pair[0] if checked else pair[1])

    return render


def make_symbol(rng: random.Random) -> BoxRenderer:
    """w:sym in Wingdings / Wingdings 2, or a PUA character in a Wingdings 2 run."""
    kind, font, on_code, off_code = rng.choice(SYMBOLS)

    def render(paragraph: Paragraph, checked: bool) -> None:
        code = on_code if checked else off_code
        run = _font_run(font)
        if kind == "sym":
            run.append(_el("w:sym", font=font, char=f"{code:04X}"))
        else:
            text = _el("w:t")
            text.text = chr(code)
            run.append(text)
        paragraph._p.append(run)

    return render


def make_sdt(rng: random.Random) -> BoxRenderer:
    """w14:checkbox content controls; one in ~6 shows the glyph of the other state."""

    def render(paragraph: Paragraph, checked: bool) -> None:
        sdt, pr, content = _el("w:sdt"), _el("w:sdtPr"), _el("w:sdtContent")
        box = etree.SubElement(pr, f"{{{W14}}}checkbox", nsmap={"w14": W14})
        etree.SubElement(box, f"{{{W14}}}checked").set(f"{{{W14}}}val", "1" if checked else "0")
        for tag, code in (("checkedState", "2612"), ("uncheckedState", "2610")):
            state = etree.SubElement(box, f"{{{W14}}}{tag}")
            state.set(f"{{{W14}}}val", code)
            state.set(f"{{{W14}}}font", "MS Gothic")
        shown = checked if rng.random() > 0.17 else not checked
        run = _font_run("MS Gothic")
        text = _el("w:t")
        text.text = "☒" if shown else "☐"
        run.append(text)
        content.append(run)
        sdt.append(pr)
        sdt.append(content)
        paragraph._p.append(sdt)

    return render


def make_formfield(rng: random.Random) -> BoxRenderer:
    """Legacy FORMCHECKBOX fields: begin (ffData) / instrText / [separate] / end."""
    counter = itertools.count(1)

    def render(paragraph: Paragraph, checked: bool) -> None:
        data = _el("w:ffData")
        data.append(_el("w:name", val=f"Check{next(counter)}"))
        data.append(_el("w:enabled"))
        data.append(_el("w:calcOnExit", val="0"))
        box = _el("w:checkBox")
        box.append(_el("w:sizeAuto"))
        style = rng.random()
        if style < 0.5:   # default off, w:checked only when ticked
            box.append(_el("w:default", val="0"))
            if checked:
                box.append(_el("w:checked"))
        elif style < 0.75:  # the default alone carries the state
            box.append(_el("w:default", val="1" if checked else "0"))
        else:               # w:checked overrides a contrary default
            box.append(_el("w:default", val="0" if checked else "1"))
            box.append(_el("w:checked", val="1" if checked else "0"))
        data.append(box)
        begin = _el("w:fldChar", fldCharType="begin")
        begin.append(data)
        parts = [begin]
        instr = _el("w:instrText")
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = " FORMCHECKBOX "
        parts.append(instr)
        if rng.random() < 0.5:
            parts.append(_el("w:fldChar", fldCharType="separate"))
        parts.append(_el("w:fldChar", fldCharType="end"))
        for part in parts:
            run = _el("w:r")
            run.append(part)
            paragraph._p.append(run)

    return render


MAKERS: dict[str, Callable[[random.Random], BoxRenderer]] = {
    "glyph": make_glyph, "symbol": make_symbol, "sdt": make_sdt, "formfield": make_formfield,
}
