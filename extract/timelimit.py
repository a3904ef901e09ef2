"""A per-document time limit: SIGALRM in the main thread raises LimitExceeded(timeout).

Pure-Python parsers (pdfminer, the XML readers, our regexes) are interrupted by the signal.
Where no signal can be used (not the main thread, or no SIGALRM), the block runs unlimited
and the batch engine's process-level limit is the guard.

Two details keep a hostile document from slipping past the limit:
- the alarm repeats every `REPEAT_SECONDS` after it first fires, so a library that catches
  the first LimitExceeded in a broad ``except Exception`` (and carries on looping) is
  interrupted again instead of running forever;
- limits nest: an inner block never extends an outer one, and leaving the inner block
  re-arms the outer timer with what is left of it (instead of cancelling it).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from schemas.errors import LimitExceeded

REPEAT_SECONDS = 0.5


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
    assert seconds is not None

    def _expired(signum: int, frame: object) -> None:
        raise LimitExceeded(f"处理时间超过上限 {seconds:g} 秒，已停止", code="timeout")

    started = time.monotonic()
    outer_left, outer_repeat = signal.getitimer(signal.ITIMER_REAL)
    delay = min(seconds, outer_left) if outer_left > 0 else seconds
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, delay, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left > 0:  # give the enclosing limit back what is left of it
            left = max(outer_left - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, outer_repeat)
