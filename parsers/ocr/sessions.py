"""onnxruntime session options for the OCR models beyond what RapidOCR's settings reach.

RapidOCR builds its onnxruntime sessions itself from its settings (threads, memory arena,
graph optimisation: all set in `parsers.ocr.engine`). What it does not set is decided here:
the intra-op and inter-op thread pools sleep when they run out of work instead of spinning,
so a page read with two threads does not burn a core waiting (on a shared or busy machine a
spinning pool takes CPU time from the thread doing the work: measured in BENCHMARKS.md, "OCR
of scans"). `tuned_sessions()` is the context in which RapidOCR builds its sessions with
these entries; outside it RapidOCR is left as it is. A RapidOCR without the hook it uses
(another major version) is built with its own options: slower, never different text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

SESSION_CONFIG = {
    "session.intra_op.allow_spinning": "0",
    "session.inter_op.allow_spinning": "0",
}


@contextmanager
def tuned_sessions() -> Iterator[None]:
    """RapidOCR sessions built inside get `SESSION_CONFIG` added to their options."""
    try:
        from rapidocr.inference_engine.onnxruntime.main import OrtInferSession
    except ImportError:
        yield
        return
    original = OrtInferSession.__dict__.get("_init_sess_opts")
    if not isinstance(original, staticmethod):
        yield
        return
    build: Callable[[Any], Any] = original.__func__

    def options(cfg: Any) -> Any:
        opts = build(cfg)
        for key, value in SESSION_CONFIG.items():
            opts.add_session_config_entry(key, value)
        return opts

    OrtInferSession._init_sess_opts = staticmethod(options)  # type: ignore[method-assign]
    try:
        yield
    finally:
        OrtInferSession._init_sess_opts = original  # type: ignore[method-assign]
