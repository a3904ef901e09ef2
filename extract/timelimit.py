"""A per-document time limit: SIGALRM in the main thread raises LimitExceeded(timeout).

Pure-Python parsers (pdfminer, the XML readers, our regexes) are interrupted by the signal.
Where no signal can be used (not the main thread, or no SIGALRM), the block runs unlimited
and the batch engine's process-level limit is the guard.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from extract.errors import LimitExceeded


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise LimitExceeded(code="timeout") if the block runs longer than `seconds`."""
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise LimitExceeded(f"处理时间超过上限 {seconds:g} 秒，已停止", code="timeout")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
