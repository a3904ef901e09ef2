"""Scans of the corpus PDFs made by the tests: rendered, degraded, stamped, ticked by hand.

Nothing here is stored as an image: every scan is made from a text-layer PDF of
`corpus/pdf/` (rendered through PDFium), so its expected record is that PDF's own
`.expected.json`. The degradations are the ones of a real office scan: a small skew, a
quarter or half turn, blur, JPEG compression, a red seal (盖章) stamped over the text (its
ink multiplies the page: the print under it stays dark), and boxes (glyphs, drawn squares,
AcroForm widgets) whose printed state is erased and replaced by a hand-drawn √ or ✗ (the box
ticked in the original gets the hand mark, so the expected record stays the same).

Rendering Chinese needs a CJK font PDFium can find (Debian: fonts-wqy-microhei);
`cjk_font()` says whether there is one, so tests can skip without it.
"""

from __future__ import annotations

import glob
import io
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PDF_DIR = Path(__file__).resolve().parent.parent / "pdf"
_FONT_GLOBS = ("/usr/share/fonts/**/*wqy*", "/usr/share/fonts/**/*[Nn]oto*CJK*", "/usr/share/fonts/**/*[Dd]roid*Fallback*")


def cjk_font() -> str | None:
    """Path of a CJK font PDFium will substitute for the corpus PDFs' Chinese fonts."""
    for pattern in _FONT_GLOBS:
        found = sorted(path for path in glob.glob(pattern, recursive=True) if Path(path).is_file())
        if found:
            return found[0]
    return None


@dataclass(frozen=True)
class Recipe:
    """How one scan is made from its source PDF."""

    source: str  # file name in corpus/pdf
    suffix: str  # .png .jpg .tif .pdf
    dpi: int = 300
    skew: float = 0.0  # degrees, counter-clockwise
    turns: int = 0  # quarter turns, counter-clockwise
    blur: float = 0.0  # Gaussian radius, pixels
    jpeg: int = 0  # JPEG quality (0: none)
    seal: bool = False
    hand_ticks: bool = False
    # Where the hand mark goes: "over" the box, "beside" it (right of the square), or
    # "only": the printed boxes erased and a tick drawn where the ticked one stood.
    hand_style: str = "over"
    seed: int = 0


def render(pdf: Path, dpi: int) -> list[Any]:
    """The PDF's pages as RGB Pillow images."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    doc.init_forms()  # AcroForm check boxes drawn as the viewer shows them
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def box_positions(pdf: Path) -> list[list[tuple[float, float, float, float, bool]]]:
    """Per page: (x0, top, x1, bottom in points, ticked) of every check box the PDF holds:
    ☑/☐ glyphs (symbol-font code points too), drawn squares and AcroForm widgets, as the PDF
    reader finds them (a widget's stroked border is the widget)."""
    from parsers.readers import pdf_pdfium
    from parsers.readers.checkbox_glyphs import CHECKED, MARKS, UNCHECKED
    from parsers.readers.pdf_boxes import char_text, drawn_boxes, widget_boxes
    from parsers.readers.pdf_text import Glyph
    from schemas.limits import Limits

    out = []
    for raw in pdf_pdfium.pages(pdf.read_bytes(), Limits()):
        glyphs = [Glyph(char_text(t, f), x0, x1, top, bottom, size, s) for t, x0, x1, top, bottom, size, s, f in raw.chars]
        boxes = [(g.x0, g.top, g.x1, g.bottom, g.text == CHECKED) for g in glyphs if g.text in (CHECKED, UNCHECKED)]
        widgets = widget_boxes(raw.widgets)
        drawn, _, _ = drawn_boxes(raw.rects, raw.lines, raw.curves, glyphs)
        drawn = [d for d in drawn if not any(abs(d.x0 - w.x0) < 2 and abs(d.top - w.top) < 2 for w in widgets)]
        # A square as the em box of a glyph drawing it (`_redraw_boxes` draws at 0.8 em).
        pad = [0.125 * (g.x1 - g.x0) for g in widgets + drawn]
        boxes += [(g.x0 - p, g.top - p, g.x1 + p, g.bottom + p, MARKS[g.text][0] is True)
                  for g, p in zip(widgets + drawn, pad, strict=True)]
        out.append(boxes)
    return out


def _hand_mark(draw: Any, box: tuple[float, float, float, float], scale: float, rng: random.Random) -> None:
    x0, top, x1, bottom = (v * scale for v in box)
    side = x1 - x0
    width = max(2, round(side * 0.12))
    ink = (20, 20, 90)
    if rng.random() < 0.5:  # √ running a little past the box
        pts = [(x0 + 0.1 * side, top + 0.55 * side), (x0 + 0.4 * side, bottom - 0.05 * side),
               (x1 + 0.25 * side, top - 0.3 * side)]
        draw.line(pts, fill=ink, width=width, joint="curve")
    else:  # ✗ over the box
        draw.line([(x0 + 0.1 * side, top + 0.1 * side), (x1 - 0.1 * side, bottom - 0.1 * side)], fill=ink, width=width)
        draw.line([(x1 - 0.1 * side, top + 0.1 * side), (x0 + 0.1 * side, bottom - 0.1 * side)], fill=ink, width=width)


def _beside_mark(draw: Any, box: tuple[float, float, float, float], scale: float) -> None:
    """A √ drawn just above the box (in the row's white space), apart from it."""
    x0, top, _x1, _bottom = (v * scale for v in box)
    side = _x1 - x0
    y = top - 0.25 * side  # the tick's bottom
    width = max(2, round(side * 0.12))
    draw.line([(x0, y - 0.5 * side), (x0 + 0.35 * side, y), (x0 + 1.1 * side, y - 1.1 * side)],
              fill=(20, 20, 90), width=width, joint="curve")


def _redraw_boxes(image: Any, boxes: list[tuple[float, float, float, float, bool]], scale: float, rng: random.Random,
                  style: str = "over") -> None:
    """Erase each printed box and draw an empty square; the ticked ones get a hand mark
    (`style`: over the square, beside it, or only the mark where the box was)."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom, ticked in boxes:
        # A glyph's box is its em square; the drawn square sits inside it.
        side = min(x1 - x0, bottom - top) * 0.8
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        square = (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
        draw.rectangle([v * scale for v in (x0, top, x1, bottom)], fill="white")
        if style == "only":
            if ticked:  # the √ alone, standing where the box was
                x, y, s = square[0] * scale, square[1] * scale, side * scale
                draw.line([(x, y + 0.5 * s), (x + 0.35 * s, y + s), (x + s, y - 0.2 * s)],
                          fill=(20, 20, 90), width=max(2, round(s * 0.12)), joint="curve")
            continue
        draw.rectangle([v * scale for v in square], outline="black", width=max(2, round(scale * 0.6)))
        if ticked and style == "beside":
            _beside_mark(draw, square, scale)
        elif ticked:
            _hand_mark(draw, square, scale, rng)


def _seal(image: Any, rng: random.Random) -> Any:
    """A red round seal (ring, star, arc of text-like strokes) over the upper right text,
    stamped as ink is: the seal's dye multiplies the page, so print under it stays dark."""
    from PIL import Image, ImageChops, ImageDraw

    stamp = Image.new("RGB", image.size, "white")
    draw = ImageDraw.Draw(stamp, "RGBA")
    w, h = image.size
    r = w * 0.09
    cx, cy = w * (0.62 + 0.1 * rng.random()), h * (0.08 + 0.05 * rng.random())
    red = (225, 30, 35, 200)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=max(4, round(r * 0.06)))
    star = [(cx + 0.3 * r * math.cos(math.pi / 2 + k * 4 * math.pi / 5), cy - 0.3 * r * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
    draw.polygon(star, fill=red)
    for k in range(14):  # the unit's name around the ring, as strokes
        a = math.pi * (0.15 + 0.7 * k / 13)
        px, py = cx - 0.75 * r * math.cos(a), cy - 0.75 * r * math.sin(a)
        draw.rectangle([px - 0.07 * r, py - 0.07 * r, px + 0.07 * r, py + 0.07 * r], outline=red, width=3)
    return ImageChops.multiply(image, stamp)


def degrade(image: Any, recipe: Recipe, rng: random.Random) -> Any:
    from PIL import Image, ImageFilter

    if recipe.seal:
        image = _seal(image, rng)
    if recipe.skew:
        image = image.rotate(recipe.skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor="white")
    if recipe.turns:
        image = image.rotate(90 * recipe.turns, expand=True)
    if recipe.blur:
        image = image.filter(ImageFilter.GaussianBlur(recipe.blur))
    if recipe.jpeg:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=recipe.jpeg)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return image


def make(recipe: Recipe, out: Path) -> Path:
    """Write the scan the recipe describes to `out` (its suffix is the recipe's)."""
    return make_from(PDF_DIR / recipe.source, recipe, out)


def make_from(pdf: Path, recipe: Recipe, out: Path) -> Path:
    """Write a scan of the PDF at `pdf` as `recipe` describes (its `source` is not read)."""
    rng = random.Random(recipe.seed)
    pages = render(pdf, recipe.dpi)
    if recipe.hand_ticks:
        for image, boxes in zip(pages, box_positions(pdf), strict=True):
            _redraw_boxes(image, boxes, recipe.dpi / 72, rng, recipe.hand_style)
    pages = [degrade(page, recipe, rng) for page in pages]
    save(pages, out, recipe)
    return out


def save(pages: list[Any], out: Path, recipe: Recipe) -> None:
    dpi = (recipe.dpi, recipe.dpi)
    if recipe.suffix == ".pdf":
        pages[0].save(out, "PDF", resolution=recipe.dpi, save_all=True, append_images=pages[1:])
    elif recipe.suffix in (".tif", ".tiff"):
        pages[0].save(out, "TIFF", dpi=dpi, compression="tiff_lzw", save_all=True, append_images=pages[1:])
    elif recipe.suffix in (".jpg", ".jpeg"):
        pages[0].save(out, "JPEG", dpi=dpi, quality=recipe.jpeg or 85)
    else:
        pages[0].save(out, "PNG", dpi=dpi)


# The scan cases: name -> recipe; expected record: corpus/pdf/<source>'s .expected.json.
CASES: dict[str, Recipe] = {
    "clean_tif": Recipe("key_drawn_narrative_outside.pdf", ".tif", dpi=300),
    "skew_blur_jpeg_tif": Recipe("general_widgets_multipage.pdf", ".tif", dpi=300, skew=1.2, blur=1.0, jpeg=60, seed=1),
    "sealed_pdf_200dpi": Recipe("key_glyphs_yuan_multipage.pdf", ".pdf", dpi=200, seal=True, jpeg=75, seed=2),
    "turned_half_hand_ticks": Recipe("key_glyphs_yuan_multipage.pdf", ".tif", dpi=300, turns=2, hand_ticks=True, seed=3),
    "turned_quarter": Recipe("word_grid4_formcheckbox_drawn.pdf", ".tif", dpi=250, turns=1, seed=4),
    "onepage_jpg_sealed": Recipe("gradersim_wingdings_pua_onepage.pdf", ".jpg", dpi=250, skew=-0.7, jpeg=70, seal=True, seed=5),
    "onepage_png_hand_ticks": Recipe("gradersim_wingdings_pua_onepage.pdf", ".png", dpi=300, blur=0.8, hand_ticks=True, seed=6),
    "ticks_beside_png": Recipe("gradersim_wingdings_pua_onepage.pdf", ".png", dpi=300, hand_ticks=True,
                               hand_style="beside", seed=7),
    "ticks_only_jpg": Recipe("gradersim_wingdings_pua_onepage.pdf", ".jpg", dpi=300, jpeg=80, hand_ticks=True,
                             hand_style="only", seed=8),
}


def mixed_pdf(source: str, out: Path, scanned: tuple[int, ...] = (2,), dpi: int = 250) -> Path:
    """The source PDF with the pages in `scanned` (1-based) replaced by scans of themselves."""
    import pypdfium2 as pdfium

    pdf = PDF_DIR / source
    pages = render(pdf, dpi)
    original = pdfium.PdfDocument(str(pdf))
    result = pdfium.PdfDocument.new()
    try:
        for index, image in enumerate(pages, start=1):
            if index in scanned:
                buffer = io.BytesIO()
                image.save(buffer, "PDF", resolution=dpi)
                scan = pdfium.PdfDocument(buffer.getvalue())
                result.import_pages(scan, [0])
                scan.close()
            else:
                result.import_pages(original, [index - 1])
        result.save(str(out))
    finally:
        original.close()
        result.close()
    return out
