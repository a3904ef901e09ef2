"""The batch engine: plan (hash, resume, dedupe), run the pool, stream records to the store.

Owns the order of a batch run and its bookkeeping; it knows nothing about the output
tables (``extract.outputs``) or the command line (``extract.cli_batch``).

* **Plan**: every input is hashed (sha256 of its bytes) in the parent. A hash already in
  OUTDIR/records.jsonl is *skipped* (resume); a hash seen earlier in the same inputs is a
  *duplicate*: a byte-identical copy with the same kind of suffix is the same document, so
  it is read once and its path is listed under ``duplicates`` in summary.json (the same
  bytes under .txt and .docx go to different readers: two documents). A file that cannot be hashed (missing,
  unreadable, over the size limit) is keyed by its path and still gets a (failed) record.
* **Run**: tasks go to `pool.WorkerPool`; each outcome is appended to the store the moment
  it arrives (one complete line, one ``write``), so memory stays flat and an interruption
  loses nothing that was reported. The file is fsync'd every `SYNC_EVERY_RECORDS` records
  or `SYNC_EVERY_SECONDS`, and at the end: a kill (Ctrl-C, SIGTERM, ``kill -9``) cannot
  tear a line the kernel already has, so every reported record survives it; only a power
  loss or OS crash can lose the records of the last half second, never leave a half line,
  and the next run reads those documents again. (An fsync per record cost ~0.25-1 ms of
  the parent's time per document, as much as a worker spends reading a text report.)
  Tracebacks and kill notes go to OUTDIR/errors.log, never into records.
* **Engines**: the tasks go to an engine (`engines.py`): this machine's pool by default, or
  shards on a Dask or Ray cluster whose part files the driver (this process, alone) takes
  into records.jsonl and then removes. Parts a stopped run left behind are taken in first,
  so a run stopped on a cluster finishes on one machine and the other way round.
* **Retry**: a document whose record is a `timeout` or `worker-crashed` (a busy or failing
  machine more than the document) is read once more by the next run; ``retry_failed``
  reads every failed document again. The new record replaces the old one.
* **Interrupt**: Ctrl-C or SIGTERM stops the workers at once and returns with
  ``interrupted=True``; the next run with the same OUTDIR continues where this one stopped.
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import sys
import threading
import time
from array import array
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from extract.batch.engines import SHARD_SIZE, make_engine
from extract.batch.parts import leftover_parts, read_part, remove_empty_parts_dir, remove_part
from extract.batch.pool import KILL_GRACE_SECONDS, Outcome, Task
from extract.batch.store import RecordStore, document_key
from extract.lineage import new_run_id, stamp_lines

ERRORS_LOG = "errors.log"
_HASH_CHUNK_BYTES = 1 << 20
SYNC_EVERY_RECORDS = 64  # fsync records.jsonl after this many appended records ...
SYNC_EVERY_SECONDS = 0.5  # ... or this long after the last fsync, whichever comes first


class Reporter(Protocol):
    """What the engine tells the person watching (see `progress.py`)."""

    def start(self, total: int, skipped: int, duplicates: int) -> None: ...
    def document(self, path: str, status: str, codes: list[str]) -> None: ...
    def stop(self) -> None: ...


@dataclass
class RunStats:
    """What this run did (the store holds what all runs did)."""

    found: int = 0
    planned: int = 0
    skipped: int = 0
    duplicates: list[dict[str, str]] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    durations: array = field(default_factory=lambda: array("d"))
    wall_seconds: float = 0.0
    interrupted: bool = False
    repaired_bytes: int = 0


class BatchInterrupted(Exception):
    """SIGTERM arrived; handled like Ctrl-C."""


def file_key(path: Path, max_bytes: int) -> tuple[str, str | None]:
    """(resume key, sha256) of a file; the key is ``path:<path>`` when it cannot be hashed."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return f"path:{path}", None
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(_HASH_CHUNK_BYTES):
                digest.update(chunk)
    except OSError:
        return f"path:{path}", None
    sha = digest.hexdigest()
    return document_key(sha, str(path)), sha


def plan(paths: list[Path], store: RecordStore, max_bytes: int, stats: RunStats, *,
         retry_failed: bool = False) -> list[Task]:
    """Tasks for the documents not yet recorded; fills skipped / duplicates in `stats`."""
    first_path: dict[str, str] = {}
    tasks: list[Task] = []
    for path in paths:
        key, sha = file_key(path, max_bytes)
        if key in first_path:
            stats.duplicates.append({"path": str(path), "same_as": first_path[key]})
            continue
        first_path[key] = str(path)
        if not store.should_read(key, retry_failed=retry_failed):
            stats.skipped += 1
        else:
            tasks.append(Task(len(tasks), str(path), sha))
    stats.found, stats.planned = len(paths), len(tasks)
    return tasks


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise BatchInterrupted

    previous = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _ErrorLog:
    """OUTDIR/errors.log, opened on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: Any = None

    def write(self, outcome: Outcome) -> None:
        if outcome.log is None:
            return
        stamp = datetime.now().isoformat(timespec="seconds")
        try:
            if self._fh is None:
                self._fh = self.path.open("a", encoding="utf-8")
            self._fh.write(f"[{stamp}] {outcome.task.path}\n{outcome.log.rstrip()}\n\n")
            self._fh.flush()
        except OSError as exc:  # a diagnostic log must never stop the run (the record is kept)
            print(f"jixiao batch: 无法写入 {self.path}: {exc}", file=sys.stderr)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def _key(outcome: Outcome) -> str:
    return document_key(outcome.task.sha256, outcome.task.path)


def _take_leftovers(store: RecordStore) -> None:
    """Move the parts a stopped run left in OUTDIR into the store."""
    for part in leftover_parts(store.path.parent):
        try:
            outcomes = read_part(part)
        except OSError:
            continue
        for outcome in outcomes:
            key = _key(outcome)
            store.accept(outcome.line, key, (key, outcome.part), outcome.status, outcome.codes)
        store.sync()
        remove_part(part)


def run_batch(paths: list[Path], outdir: Path, settings: Any, *, workers: int | None,
              extractor: str, reporter: Reporter, grace: float = KILL_GRACE_SECONDS,
              engine: str = "local", address: str | None = None, start_method: str | None = None,
              shard_size: int = SHARD_SIZE, retry_failed: bool = False) -> RunStats:
    """Read every not-yet-recorded document of `paths` into OUTDIR/records.jsonl.

    `workers` is the pool size: on this machine (local), or on each node (a cluster engine;
    None there means one per CPU of the node).
    """
    stats = RunStats()
    run_id = new_run_id()
    started = time.monotonic()
    outdir.mkdir(parents=True, exist_ok=True)
    errors = _ErrorLog(outdir / ERRORS_LOG)
    with RecordStore(outdir) as store:
        stats.repaired_bytes = store.repaired_bytes
        _take_leftovers(store)
        tasks = plan(paths, store, settings.limits.max_file_bytes, stats, retry_failed=retry_failed)
        size = workers if engine != "local" else min(workers or 1, max(1, len(tasks)))
        runner = make_engine(engine, address, outdir, size, extractor, settings, grace=grace,
                             start_method=start_method, shard_size=shard_size,
                             page_listener=getattr(reporter, "page", None))
        reporter.start(len(tasks), stats.skipped, len(stats.duplicates))
        try:
            with _sigterm_as_interrupt():
                unsynced, synced_at = 0, time.monotonic()
                for outcomes, part in runner.run(tasks) if tasks else ():
                    for outcome in outcomes:
                        key = _key(outcome)
                        if not store.accept(stamp_lines(outcome.line, run_id), key, (key, outcome.part),
                                            outcome.status, outcome.codes):
                            continue  # a shard the engine ran twice
                        unsynced += 1
                        errors.write(outcome)
                        stats.statuses[outcome.status] += 1
                        stats.durations.append(outcome.seconds)
                        reporter.document(outcome.task.path, outcome.status, outcome.codes)
                    if part is not None:  # its records are in the store: the part can go
                        store.sync()
                        remove_part(part)
                        unsynced, synced_at = 0, time.monotonic()
                    if unsynced >= SYNC_EVERY_RECORDS or time.monotonic() - synced_at >= SYNC_EVERY_SECONDS:
                        store.sync()
                        unsynced, synced_at = 0, time.monotonic()
                store.sync()
            runner.close()
            remove_empty_parts_dir(outdir)
        except (KeyboardInterrupt, BatchInterrupted):
            stats.interrupted = True
            runner.close(kill=True)
        except BaseException:
            runner.close(kill=True)
            raise
        finally:
            reporter.stop()
            errors.close()
    stats.wall_seconds = time.monotonic() - started
    return stats


def default_workers() -> int:
    """One worker per CPU."""
    return os.cpu_count() or 1
