"""A development cache of the recognizer's raw output, for re-scoring layout work without OCR.

    from benchmarks import ocr_cache; ocr_cache.install(Path("/tmp/ocr-cache"))

Only the scan benchmarks use it (`accuracy_scans.py --ocr-cache DIR`); never the product or
the tests. `install` wraps `parsers.ocr.engine.detect` (line boxes of a page image) and
`read_lines` (the text and score of each line image) so each result is stored under a hash
of the exact pixels it was computed from: a page or a line piece seen before is answered
from the cache, a piece cut differently after a layout change is read again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

_STATS = {"hits": 0, "misses": 0}


def _key(kind: str, array: Any) -> str:
    import numpy as np

    data = np.ascontiguousarray(array)
    digest = hashlib.sha1(f"{kind}{data.shape}{data.dtype}".encode())
    digest.update(data.tobytes())
    return digest.hexdigest()


def _write(path: Path, text: str) -> None:
    """Write whole or not at all, so runs sharing one folder never read half an entry."""
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    part.write_text(text)
    os.replace(part, path)


def install(folder: Path) -> None:
    """Answer the engine's detection and recognition from `folder` where it can."""
    from parsers.ocr import engine

    folder.mkdir(parents=True, exist_ok=True)
    detect, read_lines = engine.detect, engine.read_lines

    def cached_detect(image: Any) -> list[tuple[float, float, float, float]]:
        path = folder / f"det-{_key('det', image)}.json"
        if path.exists():
            _STATS["hits"] += 1
            return [tuple(box) for box in json.loads(path.read_text())]  # type: ignore[misc]
        _STATS["misses"] += 1
        boxes = detect(image)
        _write(path, json.dumps(boxes))
        return boxes

    def cached_read_lines(crops: list[Any]) -> list[tuple[str, float]]:
        keys = [_key("rec", crop) for crop in crops]
        found: dict[int, tuple[str, float]] = {}
        todo = []
        for i, key in enumerate(keys):
            path = folder / f"rec-{key}.json"
            if path.exists():
                text, score = json.loads(path.read_text())
                found[i] = (text, float(score))
            else:
                todo.append(i)
        _STATS["hits"] += len(found)
        _STATS["misses"] += len(todo)
        for i, result in zip(todo, read_lines([crops[i] for i in todo]) if todo else [], strict=True):
            _write(folder / f"rec-{keys[i]}.json", json.dumps(list(result), ensure_ascii=False))
            found[i] = result
        return [found[i] for i in range(len(crops))]

    engine.detect = cached_detect  # type: ignore[assignment]
    engine.read_lines = cached_read_lines  # type: ignore[assignment]


def stats() -> dict[str, int]:
    """Hits and misses so far (detections and line pieces together)."""
    return dict(_STATS)
