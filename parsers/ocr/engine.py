"""The offline OCR engine: RapidOCR (PP-OCR models inside its wheel) on onnxruntime.

Owns loading the engine once per process (`engine()`, which also loads both models, so
`preload()` in a batch worker leaves nothing to load at its first page; `loads()` counts),
its settings (no 0/180 line classifier: it drops whole lines; detection on a bounded side;
recognition one line image at a time, which costs less CPU than padded batches, on images
padded to `REC_MIN_WIDTH`; threads, sleeping when idle: `parsers.ocr.sessions`; with
two or more threads the detector's session uses them all and the recognizer's one, called
from as many threads at once by `read_lines`), detection (`detect`: line boxes) apart from
recognition (`read_lines`: a batch of line images), so a page's lines can be cut at its
rulings before anything is read and every piece is read once; `recognize` does both. A
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

from schemas.errors import ReadError

ENGINE_NAME = "rapidocr"
# Longest side the text detector sees (pixels): larger pages are scaled down for detection
# (a 300-dpi A4 page is 3508 px high; table text is still found at 1280).
DET_LIMIT_SIDE = 1280
# Text-line images the recognizer reads in one batch: every image of a batch is padded to
# the widest, which costs more than the calls saved (measured: BENCHMARKS.md, OCR of scans).
REC_BATCH = 1
# Narrowest line image the recognizer sees (pixels at its 48-px height; RapidOCR's own
# 320). Narrower padding (160) cost a fifth less recognition CPU but lost a short cell's
# leading ≤ (`≤24小时` read `24小时`) and raised a seal star's score past the emblem bound
# (BENCHMARKS.md, OCR of scans): kept.
REC_MIN_WIDTH = 320
_LOCK = threading.Lock()
_ENGINE: Any = None
_LOADS = 0  # engines this process has built (one unless something went wrong)


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


def threads() -> int:
    """The CPU threads a page's OCR may use (`JIXIAO_OCR_THREADS`, else up to 2)."""
    return _threads()


def _threads() -> int:
    value = os.environ.get("JIXIAO_OCR_THREADS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(2, os.cpu_count() or 1))


def engine() -> Any:
    """The process's engine, loaded on first use (thread-safe)."""
    global _ENGINE, _LOADS
    with _LOCK:
        if _ENGINE is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as exc:
                raise OcrUnavailable(
                    "扫描件需要 OCR 组件：pip install 'jixiao[ocr]'（模型随包安装，不联网）"
                ) from exc
            from parsers.ocr.sessions import tuned_sessions

            with tuned_sessions():
                built = RapidOCR(params={
                    "Global.use_cls": False,
                    "Global.log_level": "error",
                    "Global.max_side_len": 100_000,
                    "Det.limit_type": "max",
                    "Det.limit_side_len": DET_LIMIT_SIDE,
                    "Rec.rec_batch_num": REC_BATCH,
                    "Rec.rec_img_shape": [3, 48, REC_MIN_WIDTH],
                    "EngineConfig.onnxruntime.intra_op_num_threads": _threads(),
                    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                    "EngineConfig.onnxruntime.enable_cpu_mem_arena": False,
                })
                # RapidOCR loads the models lazily; the recognizer's session gets one thread
                # when `read_lines` calls it from several threads at once.
                if callable(getattr(built, "_load_det_model", None)):
                    built._load_det_model()
                if _threads() > 1:
                    built.cfg.EngineConfig.onnxruntime.intra_op_num_threads = 1
                if callable(getattr(built, "_load_rec_model", None)):
                    built._load_rec_model()
            _ENGINE = built
            _LOADS += 1
        return _ENGINE


def loads() -> int:
    """How many times this process has loaded the engine (0: not yet)."""
    return _LOADS


def preload() -> bool:
    """Load the engine now (a batch worker's start); False when the extra is missing."""
    if not available():
        return False
    engine()
    return True


def _rgb(image: Any) -> Any:
    import numpy as np

    return np.ascontiguousarray(image if image.ndim == 3 else np.stack([image] * 3, axis=-1))


def detect(image: Any) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom in pixels) of the text lines on a page image, top to bottom."""
    try:
        out = engine()(_rgb(image), use_det=True, use_cls=False, use_rec=False)
    except ReadError:
        raise
    except Exception as exc:  # the engine's own failures, whatever their type
        raise OcrFailed(f"OCR 无法识别该页: {type(exc).__name__}: {exc}") from exc
    boxes = getattr(out, "boxes", None)  # absent when nothing was detected on the page
    if boxes is None:
        return []
    found = []
    for box in boxes:
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        found.append((min(xs), min(ys), max(xs), max(ys)))
    return sorted(found, key=lambda b: (b[1], b[0]))


def _shares(crops: list[Any], count: int) -> list[list[int]]:
    """The crops' indices dealt into `count` shares of about equal work (the widest first to
    the share with the least so far; a crop's work is its width at the recognizer's height)."""
    work = [max(REC_MIN_WIDTH, 48.0 * crop.shape[1] / max(1, crop.shape[0])) for crop in crops]
    shares: list[list[int]] = [[] for _ in range(count)]
    loads = [0.0] * count
    for index in sorted(range(len(crops)), key=lambda i: -work[i]):
        least = loads.index(min(loads))
        shares[least].append(index)
        loads[least] += work[index]
    return [share for share in shares if share]


def _recognised(crops: list[Any]) -> list[tuple[str, float]]:
    try:
        out = engine().recognize_txt([_rgb(crop) for crop in crops])
    except ReadError:
        raise
    except Exception as exc:
        raise OcrFailed(f"OCR 无法识别该页: {type(exc).__name__}: {exc}") from exc
    texts = list(out.txts or ())
    scores = list(out.scores or ())
    return [(tidy(text), float(score)) for text, score in zip(texts, scores, strict=True)]


def read_lines(crops: list[Any]) -> list[tuple[str, float]]:
    """Text and score of each text-line image (no detection), the crops shared out among
    the recognition threads; results in the crops' order."""
    if not crops:
        return []
    count = min(_threads(), len(crops))
    if count <= 1:
        return _recognised(crops)
    from concurrent.futures import ThreadPoolExecutor

    shares = _shares(crops, count)
    engine()
    with ThreadPoolExecutor(max_workers=len(shares)) as pool:
        parts = list(pool.map(lambda share: _recognised([crops[i] for i in share]), shares))
    out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
    for share, part in zip(shares, parts, strict=True):
        for index, result in zip(share, part, strict=True):
            out[index] = result
    return out


def recognize(image: Any) -> list[OcrLine]:
    """Text lines of a page image (H×W or H×W×3 uint8 array), top to bottom."""
    boxes = detect(image)
    crops = [image[int(top):int(bottom) + 1, int(x0):int(x1) + 1] for x0, top, x1, bottom in boxes]
    return [OcrLine(text, box, score) for box, (text, score) in zip(boxes, read_lines(crops), strict=True)
            if text.strip()]


def recognize_crop(image: Any) -> tuple[str, float]:
    """The text of one line image (no detection): text and score."""
    array = _rgb(image)
    try:
        out = engine()(array, use_det=False, use_cls=False, use_rec=True)
    except Exception as exc:
        raise OcrFailed(f"OCR 无法识别: {type(exc).__name__}: {exc}") from exc
    texts = list(out.txts or ())
    scores = list(out.scores or ())
    return (tidy("".join(texts)), float(min(scores)) if scores else 0.0)
