"""A scanned page with ink from which the engine reads no text is named in the record
(`source.ocr.pages_no_text`, error `ocr-page-no-text`, status partial); a blank page is not.
The engine is replaced by one that reads nothing where a page holds no text (no OCR)."""

from __future__ import annotations

import io

import pytest

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
pytest.importorskip("cv2")

from extract.status import decide_family_status, decide_status
from parsers.forms import all_templates
from parsers.ocr import engine, page
from parsers.readers import image as image_reader
from schemas.limits import Limits
from schemas.record import FormInfo, Record, Source, Status


def _pages() -> bytes:
    """Three 100-dpi A4 pages: a line of text, a drawing (a signature's scrawl), a blank sheet."""
    text, drawing, blank = (Image.new("RGB", (827, 1169), "white") for _ in range(3))
    ImageDraw.Draw(text).rectangle([100, 500, 400, 530], fill="black")  # read as text below
    ImageDraw.Draw(drawing).line([(120, 700), (260, 640), (330, 760), (480, 660)], fill="black", width=4)
    buffer = io.BytesIO()
    text.save(buffer, "TIFF", dpi=(100, 100), save_all=True, append_images=[drawing, blank])
    return buffer.getvalue()


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    def detect(grey):  # a line only where the page holds the text bar
        return [(100.0, 500.0, 400.0, 530.0)] if grey[515, 250] < 128 else []

    monkeypatch.setattr(engine, "engine", lambda: None)
    monkeypatch.setattr(engine, "detect", detect)
    monkeypatch.setattr(engine, "read_lines", lambda crops: [("项目名称测试", 0.99) for _ in crops])


def test_a_page_with_ink_and_no_text_is_named_and_a_blank_page_is_not(fake_engine: None) -> None:
    document = image_reader.read(_pages(), Source(path="x.tif", format="image"), Limits())
    assert document.source.ocr is not None
    assert document.source.ocr.pages_ocr == [1, 2, 3]
    assert document.source.ocr.pages_failed == []
    assert document.source.ocr.pages_no_text == [2]
    record = Record(status=Status.OK, source=document.source, form=FormInfo(type="monitoring"))
    status, errors = decide_status(record)
    assert status == Status.PARTIAL
    (item,) = [e for e in errors if e.code == "ocr-page-no-text"]
    assert "第 2 页" in item.message
    template = all_templates()[0]
    status, errors = decide_family_status(record.model_copy(update={"form": FormInfo(type=template.form)}), template)
    assert status == Status.PARTIAL and "ocr-page-no-text" in [e.code for e in errors]


def test_inked_pages() -> None:
    sheet = np.full((1169, 827), 250, dtype=np.uint8)
    noisy = np.clip(sheet + np.random.default_rng(3).normal(0, 12, sheet.shape), 0, 255).astype(np.uint8)
    assert not page.inked(sheet) and not page.inked(noisy)
    line = sheet.copy()
    line[500:530, 100:400] = 0  # one short printed line
    assert page.inked(line)
