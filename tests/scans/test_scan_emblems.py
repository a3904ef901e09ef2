"""A seal's star that the seal-free grey still shows is no text of the page (no OCR)."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")

from parsers.ocr import glyphs, page


def _line(text: str, top: float, score: float = 0.99, height: float = 31, x0: float = 150) -> glyphs.Piece:
    return glyphs.Piece(text, x0, top, x0 + 30 * len(text), top + height, score)


def test_a_seal_star_read_as_a_symbol_is_dropped_and_text_is_kept() -> None:
    lines = [_line("街镇名称：上海市闵行区浦江镇人民政府", 225), _line("项目名称", 300), _line("金额", 380)]
    star = glyphs.Piece("☆", 986, 208, 1106, 322, 0.589)
    assert page.without_emblems([*lines, star]) == lines


@pytest.mark.parametrize("piece", [
    glyphs.Piece("☆", 986, 208, 1106, 322, 0.95),   # read with confidence: printed, kept
    glyphs.Piece("★", 986, 208, 1030, 240, 0.5),    # a text line's height: kept
    glyphs.Piece("√", 986, 208, 1106, 322, 0.55),   # a big hand tick: the boxes need it
    glyphs.Piece("印章", 986, 208, 1106, 322, 0.55),  # characters: kept (low score is marked)
])
def test_what_is_not_a_seal_emblem_is_kept(piece: glyphs.Piece) -> None:
    lines = [_line("项目名称", 300), _line("金额", 380)]
    assert piece in page.without_emblems([*lines, piece])


def test_a_star_read_with_a_middling_score_is_still_an_emblem() -> None:
    """The star of a 250-dpi seal was read as `☆` with a score of 0.859: above the reviewer's
    low-score mark, still no text."""
    lines = [_line("浦锦街道办事处", 260, height=54), _line("项目名称", 420, height=54), _line("金额", 560, height=54)]
    star = glyphs.Piece("☆", 1313, 257, 1444, 392, 0.859)
    assert page.without_emblems([*lines, star]) == lines


def _stamped_page(dpi: int, jpeg: int) -> tuple[object, str]:
    """An A4 page at `dpi` with a few labelled lines, a red seal (ring, big star, strokes of a
    name) stamped over the upper right one as ink is, JPEG-compressed at quality `jpeg` (0:
    not), and the text under the seal."""
    import math

    from PIL import Image, ImageChops, ImageDraw, ImageFont

    from corpus.scans import make

    font_path = make.cjk_font()
    if font_path is None:
        pytest.skip("needs a CJK font")
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(font_path, round(12 / 72 * dpi))
    under_seal = "浦锦街道办事处"
    r, cx, cy = 0.09 * width, 0.70 * width, 0.10 * height
    # The name runs under the ring's lower half, clear of the star (as a seal's star stands
    # between two rows of a form).
    draw.text((0.12 * width, cy + 0.45 * r), "街镇名称：", fill="black", font=font)
    draw.text((cx - 0.9 * r, cy + 0.45 * r), under_seal, fill="black", font=font)
    for row, text in enumerate(("项目名称：社区养老服务", "实施单位：社区事务受理中心", "年度预算：120.00万元")):
        draw.text((0.12 * width, (0.20 + 0.06 * row) * height), text, fill="black", font=font)
    stamp = Image.new("RGB", image.size, "white")
    ink = ImageDraw.Draw(stamp, "RGBA")
    red = (225, 30, 35, 200)
    ink.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=max(4, round(r * 0.06)))
    ink.polygon([(cx + 0.3 * r * math.cos(math.pi / 2 + k * 4 * math.pi / 5),
                  cy - 0.3 * r * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)], fill=red)
    for k in range(14):
        a = math.pi * (0.15 + 0.7 * k / 13)
        px, py = cx - 0.75 * r * math.cos(a), cy - 0.75 * r * math.sin(a)
        ink.rectangle([px - 0.07 * r, py - 0.07 * r, px + 0.07 * r, py + 0.07 * r], outline=red, width=3)
    stamped = ImageChops.multiply(image, stamp)
    if jpeg:  # JPEG's halved colour resolution leaves the seal's edges in the red channel
        import io

        buffer = io.BytesIO()
        stamped.save(buffer, "JPEG", quality=jpeg)
        stamped = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return stamped, under_seal


@pytest.mark.parametrize(("dpi", "jpeg"), [(200, 75), (250, 70), (300, 0)])
def test_a_stamped_page_reads_its_text_and_not_the_seal(dpi: int, jpeg: int) -> None:
    from parsers.ocr import engine

    if not engine.available():
        pytest.skip("needs the OCR extra")
    import numpy as np

    image, under_seal = _stamped_page(dpi, jpeg)
    scan = page.read_page(np.asarray(image), dpi, 1)
    from parsers.readers.pdf_text import TextLine

    lines = [item for item in scan.layout.items if isinstance(item, TextLine)]
    assert len(lines) == len(scan.layout.items)  # no rulings: no table
    text = "\n".join(line.text for line in lines)
    assert not set(text) & {"☆", "★", "✩", "✪", "✫", "✬", "✭", "✮", "✯"}
    assert under_seal in text
    assert "120.00" in text
