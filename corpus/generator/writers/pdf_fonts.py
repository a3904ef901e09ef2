"""Fonts for the PDF writers: STSong-Light for CJK (no font file needed), a TTF for box glyphs,
and a "Wingdings2" font whose private-use code points U+F052/U+F0A3 draw ☑/☐.

No Wingdings font ships with Linux, so the last is DejaVu Sans registered under the face
name "Wingdings2" with the two PUA code points pointed at the ☑ and ☐ glyphs: the PDF then
has a font named `…+Wingdings2` whose text layer holds U+F052/U+F0A3, as Word prints them.
Without a TTF the glyphs fall back to STSong-Light (the characters still reach the text layer).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

CJK = "STSong-Light"
GLYPH = "JixiaoGlyphs"
PUA = "Wingdings2-Generated"  # the reader knows symbol fonts by "Wingdings2" in the name
PUA_CHECKED, PUA_UNCHECKED = "\uf052", "\uf0a3"
_CANDIDATES = (str(Path(__file__).resolve().parents[2] / "fonts" / "DejaVuSans-boxes.ttf"),
               "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
               "/usr/share/fonts/dejavu/DejaVuSans.ttf",
               "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf")
_ready: dict[str, str] = {}


def _ttf_path() -> str | None:
    return next((p for p in _CANDIDATES if Path(p).exists()), None)


def fonts() -> dict[str, str]:
    """Register once; returns {"cjk": name, "glyph": name, "pua": name} of usable fonts."""
    if _ready:
        return _ready
    pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    _ready.update(cjk=CJK, glyph=CJK, pua=CJK)
    path = _ttf_path()
    if path:
        pdfmetrics.registerFont(TTFont(GLYPH, path))
        pua = TTFont(PUA, path)
        pua.face.name = PUA.encode()
        table = pua.face.charToGlyph
        table[ord(PUA_CHECKED)] = table.get(0x2611, 0)
        table[ord(PUA_UNCHECKED)] = table.get(0x2610, 0)
        pdfmetrics.registerFont(pua)
        _ready.update(glyph=GLYPH, pua=PUA)
    return _ready
