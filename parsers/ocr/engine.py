"""The offline OCR engine: RapidOCR (PP-OCR models inside its wheel) on onnxruntime.

Owns loading the engine once per process (`engine()`; `preload()` for batch workers), its
settings (no 0/180 line classifier: it drops whole lines; detection on a bounded side;
threads), and turning its output into `OcrLine`s in the caller's pixel coordinates. A
missing extra raises `OcrUnavailable` (ocr-unavailable); an engine failure on a page raises
`OcrFailed` (ocr-failed) for that page only. Model files are the ones the package ships:
the configuration points at no URL and nothing is downloaded.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

import regex

from extract.errors import ReadError

ENGINE_NAME = "rapidocr"
# Longest side the text detector sees (pixels): larger pages are scaled down for detection.
DET_LIMIT_SIDE = 1600
_LOCK = threading.Lock()
_ENGINE: Any = None


class OcrUnavailable(ReadError):
    """The OCR extra is not installed: `pip install 'jixiao[ocr]'`."""

    code = "ocr-unavailable"


class OcrFailed(ReadError):
    """The OCR engine could not read a page."""

    code = "ocr-failed"


@dataclass(frozen=True)
class OcrLine:
    """One recognised text line: its text, box (x0, top, x1, bottom in pixels) and score."""

    text: str
    box: tuple[float, float, float, float]
    score: float


# Recognizers mix ASCII and full-width brackets; beside Chinese text the form writes （）.
_OPEN_BY_HAN = regex.compile(r"\((?=\p{Han})|(?<=\p{Han})\(")
_CLOSE_BY_HAN = regex.compile(r"(?<=\p{Han})\)|\)(?=\p{Han})")


def tidy(text: str) -> str:
    """The recognizer's text with brackets beside Chinese made full-width."""
    return _CLOSE_BY_HAN.sub("）", _OPEN_BY_HAN.sub("（", text))


def engine_version() -> str:
    """`rapidocr <version>` (for source.ocr.engine)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{ENGINE_NAME} {version('rapidocr')}"
    except PackageNotFoundError:  # pragma: no cover - only without the extra
        return ENGINE_NAME


def available() -> bool:
    """True when the OCR extra is installed (checked without loading any model)."""
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime", "numpy", "PIL"))


def _threads() -> int:
    value = os.environ.get("JIXIAO_OCR_THREADS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(2, os.cpu_count() or 1))


def engine() -> Any:
    """The process's engine, loaded on first use (thread-safe)."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as exc:
                raise OcrUnavailable(
                    "扫描件需要 OCR 组件：pip install 'jixiao[ocr]'（模型随包安装，不联网）"
                ) from exc
            _ENGINE = RapidOCR(params={
                "Global.use_cls": False,
                "Global.log_level": "error",
                "Global.max_side_len": 100_000,
                "Det.limit_type": "max",
                "Det.limit_side_len": DET_LIMIT_SIDE,
                "EngineConfig.onnxruntime.intra_op_num_threads": _threads(),
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            })
        return _ENGINE


def preload() -> bool:
    """Load the engine now (a batch worker's start); False when the extra is missing."""
    if not available():
        return False
    engine()
    return True


def recognize(image: Any) -> list[OcrLine]:
    """Text lines of a page image (H×W or H×W×3 uint8 array), top to bottom."""
    import numpy as np

    array = np.ascontiguousarray(image if image.ndim == 3 else np.stack([image] * 3, axis=-1))
    try:
        out = engine()(array, use_det=True, use_cls=False, use_rec=True)
    except ReadError:
        raise
    except Exception as exc:  # the engine's own failures, whatever their type
        raise OcrFailed(f"OCR 无法识别该页: {type(exc).__name__}: {exc}") from exc
    lines = []
    boxes = getattr(out, "boxes", None)  # absent when nothing was detected on the page
    if boxes is None:
        return []
    for box, text, score in zip(boxes, out.txts or (), out.scores or (), strict=False):
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        if text.strip():
            lines.append(OcrLine(tidy(text), (min(xs), min(ys), max(xs), max(ys)), float(score)))
    return sorted(lines, key=lambda line: (line.box[1], line.box[0]))


def recognize_crop(image: Any) -> tuple[str, float]:
    """The text of one line image (no detection): text and score."""
    import numpy as np

    array = np.ascontiguousarray(image if image.ndim == 3 else np.stack([image] * 3, axis=-1))
    try:
        out = engine()(array, use_det=False, use_cls=False, use_rec=True)
    except Exception as exc:
        raise OcrFailed(f"OCR 无法识别: {type(exc).__name__}: {exc}") from exc
    texts = list(out.txts or ())
    scores = list(out.scores or ())
    return (tidy("".join(texts)), float(min(scores)) if scores else 0.0)
