"""Page images without OCR: boxes from pixels, skew, quarter turns, seal removal, image limits."""

from __future__ import annotations

import io

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("cv2")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")

from parsers.ocr import marks, prep
from parsers.readers import image as image_reader
from schemas.errors import LimitExceeded, NotADocument, NoTextLayer, UnsafeDocument
from schemas.limits import Limits
from schemas.record import Source

DPI = 300
SIDE = 42  # a 10 pt box at 300 dpi


def _page(width: int = 1200, height: int = 500) -> tuple:
    page = Image.new("RGB", (width, height), "white")
    return page, ImageDraw.Draw(page)


def _box(draw, x: int, y: int, mark: str = "") -> None:
    draw.rectangle([x, y, x + SIDE, y + SIDE], outline="black", width=3)
    if mark == "tick":  # √ running past the box's top right corner
        draw.line([(x + 6, y + 24), (x + 17, y + 38), (x + SIDE + 12, y - 12)], fill=(20, 20, 90), width=5)
    elif mark == "cross":
        draw.line([(x + 6, y + 6), (x + SIDE - 6, y + SIDE - 6)], fill="black", width=4)
        draw.line([(x + SIDE - 6, y + 6), (x + 6, y + SIDE - 6)], fill="black", width=4)
    elif mark == "check":  # a printed ☑'s check mark, inside the square
        draw.line([(x + 9, y + 22), (x + 18, y + 32), (x + 34, y + 10)], fill="black", width=4)
    elif mark == "speck":  # a dot of dust: neither empty nor ticked
        draw.rectangle([x + 17, y + 17, x + 23, y + 23], fill="black")


def _ink(page) -> object:
    return prep.ink_mask(prep.seal_free_grey(np.asarray(page))).astype(np.uint8) * 255


def test_box_states_come_from_the_ink_inside_the_square() -> None:
    page, draw = _page()
    marks_drawn = ["", "tick", "cross", "check", "speck"]
    for i, mark in enumerate(marks_drawn):
        _box(draw, 100 + i * 200, 200, mark)
    found = sorted(marks.boxes(_ink(page), DPI), key=lambda b: b.x0)
    assert [b.state for b in found] == [False, True, True, True, None]
    assert all(abs(b.x0 - (100 + i * 200)) <= 3 for i, b in enumerate(found))



def test_a_check_blurred_into_the_edges_of_a_small_box_at_200_dpi_is_ticked() -> None:
    # An AcroForm ☑ at 200 dpi, blur 1.2: the check's strokes ran into the box's left and
    # bottom edges, which then looked too thick for edges (10 px of a 21 px side) and the
    # ticked box was not found at all (`是否需要预算调整` read 否 unticked).
    ImageFilter = pytest.importorskip("PIL.ImageFilter")
    page, draw = _page(400, 200)
    for x, mark in ((100, False), (200, True)):
        draw.rectangle([x, 80, x + 21, 102], outline="black", width=3)
        if mark:
            draw.line([(x + 3, 92), (x + 8, 99), (x + 17, 85)], fill="black", width=3)
    found = sorted(marks.boxes(_ink(page.filter(ImageFilter.GaussianBlur(1.2))), 200), key=lambda b: b.x0)
    assert [(round(b.x0, -1), b.state) for b in found] == [(100, False), (200, True)]

def test_long_rules_are_rulings_not_boxes() -> None:
    page, draw = _page()
    draw.rectangle([50, 50, 1150, 450], outline="black", width=3)
    draw.line([(600, 50), (600, 450)], fill="black", width=3)
    _box(draw, 200, 200)
    ink = _ink(page)
    rules = marks.rulings(ink, DPI)
    horizontal = [r for r in rules if r.width > r.height]
    vertical = [r for r in rules if r.height > r.width]
    assert len(horizontal) == 2 and len(vertical) == 3
    assert [b.state for b in marks.boxes(ink, DPI)] == [False]


def _ruled(width: int = 1600, height: int = 1200) -> object:
    page, draw = _page(width, height)
    for y in range(100, 1100, 100):
        draw.line([(100, y), (1500, y)], fill="black", width=3)
        for x in range(120, 1480, 60):  # text-like marks on each row
            draw.rectangle([x, y + 30, x + 30, y + 60], fill="black")
    return page


def test_skew_is_measured_from_the_rulings() -> None:
    page = _ruled()
    for angle in (1.5, -0.8):
        turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white")
        grey = prep.seal_free_grey(np.asarray(turned))
        measured = prep.skew_degrees(grey)
        assert abs(measured + angle) < 0.15, (angle, measured)
        levelled, corrected = prep.deskewed(grey)
        assert abs(corrected + angle) < 0.15
        assert abs(prep.skew_degrees(levelled)) < 0.15


def _text_in_a_table(width: int = 1600, height: int = 1200) -> object:
    """Rows of character-like marks (口) set as text is (a gap of a tenth of a character) in a
    table whose narrow columns give it more vertical rules than a line has characters."""
    page, draw = _page(width, height)
    for y in range(100, 1100, 100):
        draw.line([(100, y), (1500, y)], fill="black", width=3)
        for x0 in range(100, 1500, 200):
            for x in range(x0 + 12, x0 + 150, 34):  # 口-like characters
                draw.rectangle([x, y + 30, x + 30, y + 60], outline="black", width=4)
    for x in range(100, 1501, 200):
        draw.line([(x, 100), (x, 1000)], fill="black", width=3)
    return page


def test_a_page_on_its_side_is_seen_as_turned() -> None:
    grey = prep.seal_free_grey(np.asarray(_text_in_a_table()))
    assert not prep.quarter_turned(grey)
    assert prep.quarter_turned(prep.quarter(grey, 1))
    assert prep.quarter_turned(prep.quarter(grey, 3))


def test_red_seal_disappears_from_the_grey_page() -> None:
    page, draw = _page(400, 400)
    draw.rectangle([50, 180, 350, 200], fill="black")  # a text stroke
    draw.ellipse([100, 100, 300, 300], outline=(230, 30, 30), width=12)  # the seal's ring
    grey = prep.seal_free_grey(np.asarray(page))
    assert grey[190, 200] < 60  # black ink stays
    assert grey[102, 200] > 200  # the red ring is as light as the paper
    assert grey[190, 60] < 60



def test_a_seal_of_a_lighter_red_leaves_no_grey_text_and_the_print_under_it_stays() -> None:
    # A seal printed (221, 67, 67): its red channel is a light grey, which the recognizer
    # read as the seal's arc text beside the label it covered (`总分区工`).
    page, draw = _page(400, 400)
    draw.rectangle([50, 180, 350, 200], fill=(20, 20, 20))  # a text stroke
    draw.rectangle([60, 230, 340, 236], fill=(128, 128, 128))  # a thin stroke's anti-aliased grey
    draw.text((150, 120), "区", fill=(221, 67, 67))
    draw.ellipse([100, 100, 300, 300], outline=(221, 67, 67), width=12)
    rgb = np.asarray(page).astype(np.float32)
    seal = np.asarray(Image.new("RGB", (400, 400), (221, 67, 67))).astype(np.float32)
    inside = np.zeros((400, 400), bool)
    inside[170:245, 120:280] = True  # the seal's ink multiplies the print under it
    rgb[inside] = rgb[inside] * seal[inside] / 255
    grey = prep.seal_free_grey(rgb.astype(np.uint8))
    assert grey[102, 200] == 255 and grey[300 - 6, 200] == 255  # the ring is paper
    assert grey[190, 200] < 60 and grey[190, 60] < 60  # black print stays, under the seal too
    assert grey[233, 200] < 160  # so does a mid grey under it

def _png(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def _read(data: bytes, limits: Limits) -> None:
    image_reader.read(data, Source(path="x.png", format="image"), limits)


def test_image_limits_have_their_own_codes() -> None:
    with pytest.raises(LimitExceeded) as big:
        _read(_png((40, 40)), Limits(max_image_pixels=1000))
    assert big.value.code == "image-too-large"
    with pytest.raises(UnsafeDocument) as bomb:
        _read(_png((100, 100)), Limits(max_image_pixels=1000))
    assert bomb.value.code == "image-bomb"
    frames = [Image.new("RGB", (64, 64), "white") for _ in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(LimitExceeded) as pages:
        _read(buffer.getvalue(), Limits(max_pages=2))
    assert pages.value.code == "too-many-pages"


def test_not_an_image_and_ocr_never() -> None:
    with pytest.raises(NotADocument):
        _read(b"\x89PNG but not really", Limits())
    with pytest.raises(NoTextLayer):
        _read(_png((64, 64)), Limits(ocr="never"))


def test_a_page_the_engine_cannot_read_is_listed_and_the_others_count(monkeypatch) -> None:
    from extract.status import decide_status
    from parsers.ocr import engine
    from schemas.record import FormInfo, Record, Status

    calls = []

    def fake_detect(image):
        calls.append(image.shape)
        if len(calls) == 2:
            raise engine.OcrFailed("engine broke on this page")
        return [(100.0, 500.0, 400.0, 540.0)]

    monkeypatch.setattr(engine, "engine", lambda: None)
    monkeypatch.setattr(engine, "detect", fake_detect)
    monkeypatch.setattr(engine, "read_lines", lambda crops: [("项目名称测试", 0.99) for _ in crops])
    frames = [Image.new("RGB", (827, 1169), "white") for _ in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "TIFF", dpi=(100, 100), save_all=True, append_images=frames[1:])
    document = image_reader.read(buffer.getvalue(), Source(path="x.tif", format="image"), Limits())
    assert document.source.ocr is not None
    assert document.source.ocr.pages_ocr == [1, 2, 3]
    assert document.source.ocr.pages_failed == [2]
    assert [b.page for b in document.blocks] == [1, 3]  # mid-page: not a repeated header
    assert document.blocks[0].text == "项目名称测试"
    record = Record(status=Status.OK, source=document.source, form=FormInfo(type="monitoring"))
    status, errors = decide_status(record)
    assert status == Status.PARTIAL
    assert "ocr-page-failed" in [e.code for e in errors]


def test_piece_boxes_are_those_of_a_pixel_labelling() -> None:
    """Bounding boxes from outer contours: the same boxes as labelling every pixel, for rings
    with pieces inside their holes, diagonal touches and the image's edges, top row first."""
    import cv2

    rng = np.random.default_rng(7)
    mask = (rng.random((300, 400)) < 0.08).astype(np.uint8) * 255
    cv2.rectangle(mask, (20, 20), (200, 150), 255, 3)  # a ring, a piece in its hole
    cv2.rectangle(mask, (60, 60), (90, 90), 255, -1)
    mask[0, :50] = 255
    mask[:, -1] = 255
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    labelled = [(x, y, x + w, y + h) for x, y, w, h, _ in stats[1:count].tolist()]
    found = marks._components(mask)
    assert sorted(found) == sorted(labelled)
    assert [top for _, top, _, _ in found] == sorted(top for _, top, _, _ in labelled)
    assert marks._components(np.zeros((10, 10), np.uint8)) == []


def test_skew_of_a_page_without_rulings_is_measured_from_its_text() -> None:
    page, draw = _page(1600, 1200)
    for y in range(100, 1100, 60):  # lines of character-like marks, no rule
        for x in range(100, 1500, 34):
            draw.rectangle([x, y, x + 30, y + 30], outline="black", width=4)
    turned = page.rotate(1.2, resample=Image.Resampling.BICUBIC, fillcolor="white")
    measured = prep.skew_degrees(prep.seal_free_grey(np.asarray(turned)))
    assert abs(measured + 1.2) < 0.15, measured


def _short_table_alone(width: int = 2067, height: int = 2924) -> object:
    """A 250-dpi A4 page holding only a two-row table of 1-pixel rules (a form's last rows
    on a page of their own), no text."""
    page, draw = _page(width, height)
    for y in (160, 300, 440):
        draw.line([(115, y), (1950, y)], fill="black", width=1)
    for x in (115, 330, 545, 760, 975, 1950):
        draw.line([(x, 160), (x, 440)], fill="black", width=1)
    return page


def test_skew_of_a_short_table_alone_on_its_page() -> None:
    # The Hough transform found no segment in these three thin rules at 0.7°: the page was
    # read unlevelled and its skewed rules made no horizontal ruling, so no table.
    page = _short_table_alone()
    for angle in (0.7, 0.5, -0.5):
        turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white")
        grey = prep.seal_free_grey(np.asarray(turned))
        measured = prep.skew_degrees(grey)
        assert abs(measured + angle) < 0.15, (angle, measured)
        levelled, _ = prep.deskewed(grey)
        ink = prep.ink_mask(levelled).astype(np.uint8) * 255
        across = [r for r in marks.rulings(ink, 250) if r.x1 - r.x0 > r.bottom - r.top]
        assert len(across) == 3, (angle, across)
