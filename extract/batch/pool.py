"""A process pool the batch engine controls: one document per worker at a time, killable.

Why not ``concurrent.futures.ProcessPoolExecutor``: a worker that segfaults or calls
``os._exit`` breaks that pool for every pending task, and a task stuck in C code cannot be
cancelled. Here the parent owns each worker: it sends one task, waits on the result pipe
and the process sentinel together, and kills and replaces a worker whose task overran its
deadline (`timeout`) or that died (`worker-crashed`). Workers are started by a forkserver
that has imported the extractor once, so a replacement costs a fork, not an import.

Inside the worker the document also runs under ``extract.timelimit.time_limit`` (SIGALRM),
so a pure-Python hang ends cleanly with a `timeout` record; the parent's kill at
``timeout + grace`` is the backstop for code that never returns to the interpreter.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

DEFAULT_EXTRACTOR = "extract.pipeline:extract_file"
KILL_GRACE_SECONDS = 5.0  # the parent kills at timeout + this, after the worker's own alarm


@dataclass(frozen=True)
class Task:
    """One document to read: its path and the content hash the parent computed."""

    id: int
    path: str
    sha256: str | None


@dataclass
class Outcome:
    """What became of a task: the record line and what the progress display needs."""

    task: Task
    line: str
    status: str
    codes: list[str]
    seconds: float
    log: str | None = None  # traceback or note for errors.log


def resolve(ref: str) -> Callable[..., Any]:
    """Import "module:function"."""
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def make_failed_record(path: str, code: str, message: str, sha256: str | None) -> Any:
    """A failed Record built with the pipeline's own `failed_record` (versions included)."""
    try:
        from extract.pipeline import failed_record
    except Exception:  # noqa: BLE001 - pipeline not importable: build it the same way here
        from extract.version import __version__
        from parsers.readers import source_for
        from schemas.record import ErrorItem, Record, Status

        record = Record(status=Status.FAILED, errors=[ErrorItem(code=code, message=message)],
                        source=source_for(Path(path)), jixiao_version=__version__)
    else:
        record = failed_record(Path(path), code, message)
    source = record.source.model_copy(update={"sha256": sha256})
    return record.model_copy(update={"source": source})


def one_line(exc: BaseException) -> str:
    """An exception as one line: `Type: message`, newlines folded."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _outcome(task: Task, record: Any, seconds: float, log: str | None = None) -> Outcome:
    codes = [error.code for error in record.errors]
    return Outcome(task, record.model_dump_json(), str(record.status.value), codes, seconds, log)


def _run_one(extract: Callable[..., Any], settings: Any, task: Task) -> Outcome:
    from extract.errors import ReadError
    from extract.timelimit import time_limit

    started = time.perf_counter()
    log = None
    try:
        # The pipeline sets the same limit inside (and that inner alarm wins); this one only
        # bites an extractor without its own limit.
        with time_limit(settings.limits.timeout_seconds):
            record = extract(Path(task.path), settings)
    except ReadError as exc:
        record = make_failed_record(task.path, exc.code, exc.message, task.sha256)
    except Exception as exc:  # noqa: BLE001 - the per-document boundary: never lose a record
        record = make_failed_record(task.path, "internal-error", one_line(exc), task.sha256)
        log = traceback.format_exc()
    return _outcome(task, record, time.perf_counter() - started, log)


def _worker_main(conn: Connection, extractor: str, settings: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides how to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        extract = resolve(extractor)
    except Exception as exc:  # noqa: BLE001 - report it per document, keep the run going
        error = exc

        def extract(path: Path, settings: Any) -> Any:
            raise RuntimeError(f"无法加载提取函数 {extractor}: {one_line(error)}")

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        conn.send(_run_one(extract, settings, Task(*message)))


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    task: Task | None = None
    started: float = 0.0
    deadline: float = field(default=float("inf"))


class WorkerPool:
    """`workers` processes reading documents, each task bounded by `timeout` (+ grace)."""

    def __init__(self, workers: int, extractor: str, settings: Any, *,
                 grace: float = KILL_GRACE_SECONDS) -> None:
        self.workers = max(1, workers)
        self.extractor = extractor
        self.settings = settings
        self.timeout = float(settings.limits.timeout_seconds)
        self.grace = grace
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload([extractor.partition(":")[0]])
        self._slots: list[_Slot] = []

    def _spawn(self) -> _Slot:
        parent, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(
            target=_worker_main, args=(child, self.extractor, self.settings),
            daemon=True, name="jixiao-batch-worker",
        )
        proc.start()
        child.close()
        return _Slot(proc, parent)

    def _retire(self, slot: _Slot) -> _Slot:
        with contextlib.suppress(Exception):
            slot.proc.kill()
            slot.proc.join(2)
        with contextlib.suppress(Exception):
            slot.conn.close()
        return self._spawn()

    def _assign(self, index: int, task: Task) -> None:
        slot = self._slots[index]
        for _ in range(2):
            if slot.proc.is_alive():
                try:
                    slot.conn.send((task.id, task.path, task.sha256))
                    break
                except OSError:
                    pass
            slot = self._slots[index] = self._retire(slot)
        slot.task, slot.started = task, time.monotonic()
        slot.deadline = slot.started + self.timeout + self.grace

    def _collect(self, index: int) -> Outcome | None:
        slot = self._slots[index]
        task = slot.task
        assert task is not None
        try:
            if slot.conn.poll():
                outcome: Outcome = slot.conn.recv()
                slot.task = None
                return outcome
        except (EOFError, OSError):
            pass
        if slot.proc.is_alive():
            return None  # the sentinel woke us spuriously
        slot.proc.join(1)
        code = slot.proc.exitcode
        how = f"信号 {-code}（{signal.Signals(-code).name}）" if code and code < 0 else f"退出码 {code}"
        message = f"处理该文件的工作进程意外退出（{how}），该文件未能读取"
        self._slots[index] = self._retire(slot)
        return self._failed(task, "worker-crashed", message, slot.started)

    def _failed(self, task: Task, code: str, message: str, started: float) -> Outcome:
        record = make_failed_record(task.path, code, message, task.sha256)
        return _outcome(task, record, time.monotonic() - started, f"{code}: {message}")

    def _expire(self, index: int) -> Outcome:
        slot = self._slots[index]
        assert slot.task is not None
        message = f"处理时间超过上限 {self.timeout:g} 秒，工作进程已被终止"
        outcome = self._failed(slot.task, "timeout", message, slot.started)
        self._slots[index] = self._retire(slot)
        return outcome

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Outcomes in completion order; every task yields exactly one outcome."""
        pending = iter(tasks)
        if not self._slots:
            self._slots = [self._spawn() for _ in range(self.workers)]
        exhausted = False
        while True:
            for index, slot in enumerate(self._slots):
                if slot.task is None and not exhausted:
                    task = next(pending, None)
                    if task is None:
                        exhausted = True
                    else:
                        self._assign(index, task)
            busy = [i for i, s in enumerate(self._slots) if s.task is not None]
            if not busy:
                return
            nearest = min(self._slots[i].deadline for i in busy)
            handles = [h for i in busy for h in (self._slots[i].conn, self._slots[i].proc.sentinel)]
            ready = set(wait(handles, timeout=max(0.0, nearest - time.monotonic())))
            for i in busy:
                slot = self._slots[i]
                if slot.conn in ready or slot.proc.sentinel in ready:
                    outcome = self._collect(i)
                    if outcome is not None:
                        yield outcome
                if self._slots[i].task is not None and time.monotonic() > self._slots[i].deadline:
                    yield self._expire(i)

    def close(self, *, kill: bool = False) -> None:
        """Stop every worker: politely (finish, then exit) or at once (`kill`)."""
        for slot in self._slots:
            with contextlib.suppress(Exception):
                if kill:
                    slot.proc.kill()
                else:
                    slot.conn.send(None)
        for slot in self._slots:
            with contextlib.suppress(Exception):
                slot.proc.join(2)
                if slot.proc.is_alive():
                    slot.proc.kill()
                    slot.proc.join(1)
            with contextlib.suppress(Exception):
                slot.conn.close()
        self._slots = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.close(kill=exc_type is not None)
