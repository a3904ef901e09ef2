"""Image reader: PNG, JPEG and TIFF (multi-page too) scans -> Document, by OCR.

Owns decoding with Pillow under the image limits (checked on the declared size, before any
pixel is decoded) and each page's resolution (the declared dpi when plausible, otherwise
from the page's short side taken as A4's 210 mm); pages over `OCR_DPI` are scaled down to it.

    not an image Pillow knows                  -> NotADocument   (not-a-document)
    more frames than limits.max_pages          -> LimitExceeded  (too-many-pages)
    a page over limits.max_image_pixels        -> LimitExceeded  (image-too-large)
    a page declaring over twice that           -> UnsafeDocument (image-bomb)
    truncated or broken image data             -> CorruptDocument (corrupt)
    --ocr never                                -> NoTextLayer    (no-text-layer)
    Pillow or the OCR extra not installed      -> OcrUnavailable (ocr-unavailable)
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import Any

from extract.errors import (
    CorruptDocument,
    EmptyDocument,
    LimitExceeded,
    NotADocument,
    NoTextLayer,
    UnsafeDocument,
)
from extract.settings import Limits
from parsers.lines import build_document
from parsers.ocr.engine import OcrUnavailable
from parsers.readers.scan_pages import PageImage, read_pages
from schemas.document import Document
from schemas.record import Source

OCR_DPI = 300
A4_SHORT_INCHES = 210 / 25.4


def read(data: bytes, source: Source, limits: Limits) -> Document:
    """Read an image file's bytes into a Document (see the module docstring for the errors)."""
    from parsers.readers.pdf import assemble

    if limits.ocr == "never":
        raise NoTextLayer("图片没有文字层，需要 OCR（当前设置 ocr = never）")
    result = read_pages(_pages(data, limits))
    if not any(layout.has_text for layout in result.layouts):
        raise NoTextLayer("OCR 未在图片中识别出文字")
    blocks = assemble(result.layouts)
    update = {"pages": len(result.layouts), "format": "image", "ocr": result.info()}
    return build_document(source.model_copy(update=update), blocks)


def _open(data: bytes) -> Any:
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError as exc:
        raise OcrUnavailable("读取图片需要 OCR 组件：pip install 'jixiao[ocr]'") from exc
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise UnsafeDocument(f"图片像素数异常（解压炸弹）: {exc}", code="image-bomb") from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise NotADocument(f"文件不是可识别的图片: {exc}") from exc


def _pages(data: bytes, limits: Limits) -> Iterator[PageImage]:
    import numpy as np
    from PIL import Image

    image = _open(data)
    frames = int(getattr(image, "n_frames", 1) or 1)
    if frames > limits.max_pages:
        raise LimitExceeded(f"图片共 {frames} 页，超过上限 {limits.max_pages} 页", code="too-many-pages")
    if frames < 1:
        raise EmptyDocument("图片没有页面")
    for index in range(frames):
        try:
            image.seek(index)
            _check_size(image.size, limits)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                rgb = image.convert("RGB")
            dpi = _dpi(image)
            if dpi > OCR_DPI * 1.05:
                factor = OCR_DPI / dpi
                rgb = rgb.resize((max(1, round(rgb.width * factor)), max(1, round(rgb.height * factor))), Image.Resampling.LANCZOS)
                dpi = OCR_DPI
            array = np.asarray(rgb)
        except (LimitExceeded, UnsafeDocument):
            raise
        except Image.DecompressionBombError as exc:
            raise UnsafeDocument(f"图片像素数异常（解压炸弹）: {exc}", code="image-bomb") from exc
        except (OSError, ValueError, EOFError, SyntaxError) as exc:
            raise CorruptDocument(f"图片数据损坏: {exc}") from exc
        yield index + 1, array, dpi


def _check_size(size: tuple[int, int], limits: Limits) -> None:
    pixels = size[0] * size[1]
    if pixels > 2 * limits.max_image_pixels:
        raise UnsafeDocument(f"图片声明 {size[0]}×{size[1]} 像素，远超上限（疑似解压炸弹）", code="image-bomb")
    if pixels > limits.max_image_pixels:
        raise LimitExceeded(f"图片 {size[0]}×{size[1]} 像素，超过上限 {limits.max_image_pixels}", code="image-too-large")
    if min(size) < 32:
        raise EmptyDocument(f"图片太小（{size[0]}×{size[1]} 像素），无法识别")


def _dpi(image: Any) -> float:
    declared = image.info.get("dpi")
    try:
        value = float(declared[0]) if declared else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if 100 <= value <= 1200:
        return value
    return max(72.0, min(image.size) / A4_SHORT_INCHES)
