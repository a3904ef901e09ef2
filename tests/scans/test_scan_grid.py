"""The table grid rebuilt from a scan's rulings (no OCR): low rows, seal gaps, merged cells."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("cv2")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
ImageFilter = pytest.importorskip("PIL.ImageFilter")
ImageFont = pytest.importorskip("PIL.ImageFont")

from corpus.scans import make
from parsers.ocr import marks, prep
from parsers.readers.pdf_tables import find_grids, segments

XS = (40, 120, 200, 280, 360)
YS = (100, 118, 160, 178, 220)
# A low header row of four cells, a row whose last three cells are one, a low row that is
# one cell across, a row of four cells: (row0, col0, row1, col1), end-exclusive.
CELLS = [(0, 0, 1, 1), (0, 1, 1, 2), (0, 2, 1, 3), (0, 3, 1, 4), (1, 0, 2, 1), (1, 1, 2, 4), (2, 0, 3, 4),
         (3, 0, 4, 1), (3, 1, 4, 2), (3, 2, 4, 3), (3, 3, 4, 4)]


def _scan(dpi: int, blur: float = 0.0) -> object:
    px = dpi / 72
    page = Image.new("RGB", (round(400 * px), round(260 * px)), "white")
    draw = ImageDraw.Draw(page)
    width = max(1, round(0.5 * px))

    def line(x0: float, y0: float, x1: float, y1: float) -> None:
        draw.line([(x0 * px, y0 * px), (x1 * px, y1 * px)], fill="black", width=width)

    for y in YS:
        line(XS[0], y, XS[-1], y)
    for x in (XS[0], XS[-1]):
        line(x, YS[0], x, YS[-1])
    for x in XS[1:-1]:
        line(x, YS[0], x, YS[1])  # the low header row's short separators
        line(x, YS[3], x, YS[4])
    line(XS[1], YS[1], XS[1], YS[2])
    # A seal's star over the rule under the merged cell, a ring's stroke across a separator.
    draw.rectangle([210 * px, 157 * px, 240 * px, 163 * px], fill="white")
    draw.rectangle([117 * px, 195 * px, 123 * px, 197.5 * px], fill="white")
    # Strokes of text: a long dash in a cell, a character's upright touching the low row's top.
    line(150, 140, 185, 140)
    line(XS[2], 162, XS[2], 172)
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    return page


@pytest.mark.parametrize(("dpi", "blur"), [(200, 0.0), (250, 0.8), (300, 1.0)])
def test_grid_from_pixels_has_the_printed_cells(dpi: int, blur: float) -> None:
    grey = prep.seal_free_grey(np.asarray(_scan(dpi, blur)))
    ink = prep.ink_mask(grey).astype(np.uint8) * 255
    grids = find_grids(segments(marks.rulings(ink, dpi), [], [], set()))
    assert len(grids) == 1
    grid = grids[0]
    assert [round(x) for x in grid.xs] == list(XS)
    assert [round(y) for y in grid.ys] == list(YS)
    assert sorted((r.r0, r.c0, r.r1, r.c1) for r in grid.regions) == CELLS


def test_a_page_with_a_table_of_narrow_columns_is_not_turned() -> None:
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for x in range(100, 1200, 110):  # many narrow columns, a few words in each
        draw.line([(x, 100), (x, 1600)], fill="black", width=2)
        for y in range(140, 1560, 120):
            for k in range(3):
                draw.rectangle([x + 12 + 30 * k, y, x + 38 + 30 * k, y + 26], outline="black", width=3)
    for y in range(100, 1601, 120):
        draw.line([(100, y), (1200, y)], fill="black", width=2)
    grey = prep.seal_free_grey(np.asarray(page))
    assert not prep.quarter_turned(grey)
    assert prep.quarter_turned(prep.quarter(grey, 1))



@pytest.mark.parametrize("blur", [1.0, 1.2])
def test_a_blurred_row_of_characters_is_no_ruling(blur: float) -> None:
    # 200 dpi, blur 1.2: `网格化综合` in a cell read as two rulings through the cell, which
    # split a row of the monitoring form in three and lost four fields.
    font_path = make.cjk_font()
    if font_path is None:
        pytest.skip("no CJK font")
    dpi = 200
    px = dpi / 72
    font = ImageFont.truetype(font_path, round(10.5 * px))
    page = Image.new("RGB", (round(400 * px), round(200 * px)), "white")
    draw = ImageDraw.Draw(page)
    width = max(1, round(0.5 * px))
    for y in (40, 100, 160, 162.2):  # the last two: a double ruling, both kept
        draw.line([(40 * px, y * px), (360 * px, y * px)], fill="black", width=width)
    for x in (40, 200, 360):
        draw.line([(x * px, 40 * px), (x * px, 160 * px)], fill="black", width=width)
    for x, y, words in ((44, 46, "江川路街道网格化综合管理"), (44, 60, "中心社区事务受理服务中心"),
                        (204, 64, "吴泾镇人民政府财政所预算")):
        draw.text((x * px, y * px), words, font=font, fill="black")
    grey = prep.seal_free_grey(np.asarray(page.filter(ImageFilter.GaussianBlur(blur))))
    ink = prep.ink_mask(grey).astype(np.uint8) * 255
    rules = marks.rulings(ink, dpi)
    across = sorted(round((r.top + r.bottom) / 2) for r in rules if r.bottom - r.top < 3)
    assert across == [40, 100, 160, 162]



def test_the_upright_of_a_character_in_a_low_row_is_no_short_ruling() -> None:
    # 200 dpi, blur 0.5: the uprights of 浦 and 建 in a 15 pt row, nearly rule to rule, were
    # taken for the short rulings of a low row (their sides inked along 0.52-0.88 of them by
    # the character's other strokes) and cut 浦江镇规划建设和生态环境办公室 into `工镇规划建设和生`
    # and `环境办公室`. Drawn here: an upright, bars across it, a stroke close beside it. The
    # row's own short separator stays.
    dpi = 200
    px = dpi / 72
    page = Image.new("RGB", (round(420 * px), round(200 * px)), "white")
    draw = ImageDraw.Draw(page)

    def line(x0: float, y0: float, x1: float, y1: float, width: int = max(1, round(0.5 * px))) -> None:
        draw.line([(x0 * px, y0 * px), (x1 * px, y1 * px)], fill="black", width=width)

    for y in (60, 119, 134, 180):
        line(40, y, 400, y)
    for x in (40, 140, 400):
        line(x, 60, x, 180)
    line(330, 119, 330, 134)  # the low row's separator
    for x in (160, 200, 240):
        line(x, 121.5, x, 131.8, 2)
        for y in (122.6, 124.8, 127.0, 129.2, 131.4):
            line(x - 4.5, y, x + 4.5, y, 2)
        line(x - 1.1, 122, x - 1.1, 127.5, 2)
    grey = prep.seal_free_grey(np.asarray(page.filter(ImageFilter.GaussianBlur(0.5))))
    rules = marks.rulings(prep.ink_mask(grey).astype(np.uint8) * 255, dpi)
    uprights = sorted(round(r.x0) for r in rules if r.x1 - r.x0 < 3 and r.bottom - r.top > 5)
    assert uprights == [40, 140, 330, 400]
