"""A process pool the batch engine controls: killable workers, each fed a short queue of tasks.

Why not ``concurrent.futures.ProcessPoolExecutor``: a worker that segfaults or calls
``os._exit`` breaks that pool for every pending task, and a task stuck in C code cannot be
cancelled. Here the parent owns each worker: it keeps up to `PREFETCH` tasks queued in the
worker's pipe (so a worker never waits for the parent between documents), waits on the
result pipes and the process sentinels together, and kills and replaces a worker whose
current task overran its deadline (`timeout`) or that died (`worker-crashed`); the tasks
still queued behind it go to the replacement. Workers are started by a forkserver that has
imported the extractor once, so a replacement costs a fork, not an import; where there is no
forkserver (Windows) or when asked (``start_method="spawn"``, JIXIAO_BATCH_START_METHOD),
they are spawned.

A worker's first message says it is ready (extractor imported): no deadline runs before it,
so a slow start on a busy machine is never charged to a document. Each worker also holds a
lifeline pipe to the parent; when the parent is gone (even after ``kill -9``) the lifeline
reads end-of-file and the worker exits at once, quietly, as it does when a result cannot
be sent back.

A worker reads its tasks in order and sends one result per task, straight after the
previous one, so the parent knows which task is running: the oldest unanswered one, started
when the previous result arrived (or when it was sent to an idle worker). Its deadline is
counted from then. The worker sends the record already serialised (the JSON line), so the
parent only appends it to the store.

Inside the worker the document also runs under ``extract.timelimit.time_limit`` (SIGALRM),
so a pure-Python hang ends cleanly with a `timeout` record; the parent's kill at
``timeout + grace`` is the backstop for code that never returns to the interpreter. Without
SIGALRM the parent's kill at ``timeout`` is the limit.

Scans (`extract.batch.scans`): a worker of a batch holding images loads the OCR engine
before it says it is ready (never charged to a document); a worker of a batch that may
hold scans sends ("page", "seen" | "done") as each page's OCR starts and ends, which the
parent hands to `page_listener` (the progress display's page count).
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Self

from extract.batch.scans import ocr_needs, prepare_worker, worker_threads

DEFAULT_EXTRACTOR = "extract.pipeline:extract_records"
KILL_GRACE_SECONDS = 5.0  # the parent kills at timeout + this, after the worker's own alarm
PREFETCH = 3  # tasks in a worker's pipe at once: the one it runs and two waiting
START_METHOD_ENV = "JIXIAO_BATCH_START_METHOD"  # "spawn" or "forkserver"
READY = "ready"  # a worker's first message


def default_start_method() -> str:
    """forkserver where the platform has it, else spawn (JIXIAO_BATCH_START_METHOD overrides)."""
    chosen = os.environ.get(START_METHOD_ENV)
    if chosen in mp.get_all_start_methods():
        return chosen
    return "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"


@dataclass(frozen=True)
class Task:
    """One document to read: its path and the content hash the parent computed."""

    id: int
    path: str
    sha256: str | None


@dataclass
class Outcome:
    """What became of a task: its record lines (one per form) and what the progress display needs."""

    task: Task
    line: str
    status: str
    codes: list[str]
    seconds: float
    log: str | None = None  # traceback or note for errors.log
    part: Any = 1  # the record's part index (its identity is the document key and this)


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


_STATUS_RANK = {"ok": 0, "partial": 1, "failed": 2}


def _outcome(task: Task, result: Any, seconds: float, log: str | None = None) -> Outcome:
    """The outcome of one document: its record, or its records (one per form, one JSON line
    each, written in one append, identified as the whole document: part 1); the status shown is
    the worst of them."""
    records = list(result) if isinstance(result, list | tuple) else [result]
    codes = [error.code for record in records for error in record.errors]
    status = max((str(record.status.value) for record in records), key=lambda s: _STATUS_RANK.get(s, 2))
    line = "\n".join(record.model_dump_json() for record in records)
    return Outcome(task, line, status, codes, seconds, log)


def _run_one(extract: Callable[..., Any], settings: Any, task: Task) -> Outcome:
    from extract.timelimit import time_limit
    from schemas.errors import ReadError

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


def _watch_parent(lifeline: Connection) -> None:
    """Exit the worker at once, quietly, when the parent's end of the lifeline closes."""
    with contextlib.suppress(Exception):
        lifeline.recv()
    os._exit(0)


def _worker_main(conn: Connection, lifeline: Connection, extractor: str, settings: Any,
                 ocr: tuple[bool, bool, int] = (False, False, 0)) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides how to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(lifeline,), daemon=True).start()
    try:
        extract = resolve(extractor)
    except Exception as exc:  # noqa: BLE001 - report it per document, keep the run going
        error = exc

        def extract(path: Path, settings: Any) -> Any:
            raise RuntimeError(f"无法加载提取函数 {extractor}: {one_line(error)}")

    try:
        prepare_worker(conn, *ocr)
        conn.send(READY)
        while True:
            message = conn.recv()
            if message is None:
                return
            for fields in message:  # a batch of (id, path, sha256), run in order
                conn.send(_run_one(extract, settings, Task(*fields)))
    except (EOFError, OSError):  # the parent is gone: nobody to report to
        os._exit(0)


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    lifeline: Connection
    ready: bool = False  # the worker said it is ready; no deadline runs before
    queue: deque[Task] = field(default_factory=deque)  # sent, not answered; [0] is running
    started: float = 0.0  # when queue[0] started
    deadline: float = field(default=float("inf"))

    @property
    def task(self) -> Task | None:
        """The task the worker is running (the oldest unanswered one)."""
        return self.queue[0] if self.queue else None


class WorkerPool:
    """`workers` processes reading documents, each task bounded by `timeout` (+ grace)."""

    def __init__(self, workers: int, extractor: str, settings: Any, *,
                 grace: float = KILL_GRACE_SECONDS, prefetch: int = PREFETCH,
                 start_method: str | None = None, ocr: tuple[bool, bool] | None = None,
                 page_listener: Callable[[str], None] | None = None) -> None:
        self.workers = max(1, workers)
        # (preload the OCR engine, report pages) in each worker; None: from the first run's tasks
        self.ocr = ocr
        self.page_listener = page_listener
        self.extractor = extractor
        self.settings = settings
        self.timeout = float(settings.limits.timeout_seconds)
        self.grace = grace if hasattr(signal, "SIGALRM") else 0.0
        self.prefetch = max(1, prefetch)
        self.start_method = start_method or default_start_method()
        self._ctx: Any = mp.get_context(self.start_method)
        if self.start_method == "forkserver":
            self._ctx.set_forkserver_preload([extractor.partition(":")[0]])
        self._slots: list[_Slot] = []

    def _spawn(self) -> _Slot:
        parent, child = self._ctx.Pipe(duplex=True)
        keep, give = self._ctx.Pipe(duplex=False)  # the lifeline: the worker reads, we never write
        proc = self._ctx.Process(
            target=_worker_main, args=(child, keep, self.extractor, self.settings,
                  (*(self.ocr or (False, False)), worker_threads(self.workers))),
            daemon=True, name="jixiao-batch-worker",
        )
        proc.start()
        child.close()
        keep.close()
        return _Slot(proc, parent, give)

    def _retire(self, index: int) -> list[Task]:
        """Kill worker `index`, put a fresh one in its place; return the tasks it still had."""
        slot = self._slots[index]
        with contextlib.suppress(Exception):
            slot.proc.kill()
            slot.proc.join(2)
        for conn in (slot.conn, slot.lifeline):
            with contextlib.suppress(Exception):
                conn.close()
        self._slots[index] = self._spawn()
        return list(slot.queue)

    def _start_head(self, slot: _Slot, now: float) -> None:
        slot.started = now
        ready = slot.queue and slot.ready
        slot.deadline = now + self.timeout + self.grace if ready else float("inf")

    def _assign(self, index: int, tasks: list[Task]) -> bool:
        """Send `tasks` (one message) to worker `index`; False when they could not be sent.

        An idle dead worker is replaced once; a dead worker that still owes results is left
        for `_collect` (its sentinel is ready), which reports it and takes its tasks back.
        """
        slot = self._slots[index]
        for _ in range(2):
            idle = not slot.queue
            if slot.proc.is_alive():
                try:
                    slot.conn.send([(t.id, t.path, t.sha256) for t in tasks])
                except OSError:
                    pass
                else:
                    slot.queue.extend(tasks)
                    if idle:
                        self._start_head(slot, time.monotonic())
                    return True
            if not idle:
                return False
            self._retire(index)
            slot = self._slots[index]
        return False

    def _collect(self, index: int) -> tuple[list[Outcome], list[Task]]:
        """Results waiting from worker `index`; if it died: the failed head and the tasks to resend."""
        slot = self._slots[index]
        outcomes: list[Outcome] = []
        try:
            while slot.queue and slot.conn.poll():
                outcome: Outcome = slot.conn.recv()
                if outcome == READY:
                    slot.ready = True
                    self._start_head(slot, time.monotonic())
                    continue
                if isinstance(outcome, tuple):  # (PAGE, "seen" | "done"): progress, not a result
                    if self.page_listener is not None:
                        self.page_listener(outcome[1])
                    continue
                head = slot.queue.popleft()
                assert outcome.task.id == head.id, "worker answered out of order"
                outcomes.append(outcome)
                self._start_head(slot, time.monotonic())
        except (EOFError, OSError):
            pass
        if not slot.queue or slot.proc.is_alive():
            return outcomes, []  # answered, or the sentinel woke us spuriously
        slot.proc.join(1)
        code = slot.proc.exitcode
        how = f"信号 {-code}（{signal.Signals(-code).name}）" if code and code < 0 else f"退出码 {code}"
        message = f"处理该文件的工作进程意外退出（{how}），该文件未能读取"
        task, started = slot.queue[0], slot.started
        requeue = self._retire(index)[1:]
        outcomes.append(self._failed(task, "worker-crashed", message, started))
        return outcomes, requeue

    def _failed(self, task: Task, code: str, message: str, started: float) -> Outcome:
        record = make_failed_record(task.path, code, message, task.sha256)
        return _outcome(task, record, time.monotonic() - started, f"{code}: {message}")

    def _expire(self, index: int) -> tuple[Outcome, list[Task]]:
        slot = self._slots[index]
        assert slot.task is not None
        message = f"处理时间超过上限 {self.timeout:g} 秒，工作进程已被终止"
        outcome = self._failed(slot.task, "timeout", message, slot.started)
        return outcome, self._retire(index)[1:]

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Outcomes in completion order; every task yields exactly one outcome."""
        if self.ocr is None and isinstance(tasks, list | tuple):
            self.ocr = ocr_needs(task.path for task in tasks)
        pending = iter(tasks)
        retry: deque[Task] = deque()  # tasks taken back from a killed or dead worker
        if not self._slots:
            self._slots = [self._spawn() for _ in range(self.workers)]
        exhausted, stuck = False, 0
        while True:
            for index, slot in enumerate(self._slots):
                want = self.prefetch - len(slot.queue)
                batch: list[Task] = []
                while want > 0 and (retry or not exhausted):
                    task = retry.popleft() if retry else next(pending, None)
                    if task is None:
                        exhausted = True
                        break
                    batch.append(task)
                    want -= 1
                if batch and not self._assign(index, batch):
                    retry.extendleft(reversed(batch))
            busy = [i for i, s in enumerate(self._slots) if s.queue]
            if not busy:
                if retry and stuck < 3:  # every worker refused the tasks: try fresh ones
                    stuck += 1
                    continue
                for task in [*retry, *pending]:  # no worker can be started: still one record each
                    yield self._failed(task, "worker-crashed", "无法启动工作进程，该文件未能读取",
                                       time.monotonic())
                return
            stuck = 0
            nearest = min(self._slots[i].deadline for i in busy)
            handles = [h for i in busy for h in (self._slots[i].conn, self._slots[i].proc.sentinel)]
            left = None if nearest == float("inf") else max(0.0, nearest - time.monotonic())
            ready = set(wait(handles, timeout=left))
            for i in busy:
                slot = self._slots[i]
                if slot.conn in ready or slot.proc.sentinel in ready:
                    outcomes, requeue = self._collect(i)
                    retry.extend(requeue)
                    yield from outcomes
                slot = self._slots[i]
                if slot.queue and time.monotonic() > slot.deadline:
                    outcome, requeue = self._expire(i)
                    retry.extend(requeue)
                    yield outcome

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
            for conn in (slot.conn, slot.lifeline):
                with contextlib.suppress(Exception):
                    conn.close()
        self._slots = []

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.close(kill=exc_type is not None)
