"""The append-only record store of a batch run: OUTDIR/records.jsonl, and its resume index.

Owns the durability promise: every record is appended as one complete line in a single
``write`` followed by ``fsync``, so Ctrl-C, SIGTERM or ``kill -9`` can at worst leave one
trailing partial line, which `RecordStore.open` truncates away before appending again.
(The batch engine appends with ``sync=False`` and calls `RecordStore.sync` every
`engine.SYNC_EVERY_RECORDS` records or `engine.SYNC_EVERY_SECONDS`: the lines are just as
whole on a kill; only a power loss can cost the last unsynced records, which are re-read.)
Resume is by *content*: the index holds the sha256 of every recorded document (or
``path:<path>`` for a file that could not even be hashed). Readers of the store (the
derived outputs) use `iter_records` / `read_record_at`, which stream and never hold more
than one record in memory.

A write that fails (``ENOSPC`` on a full disk, ``EIO``, a failed ``fsync``) is undone: the
file is cut back to where the line began, so records.jsonl never holds a half line, and
`StoreWriteError` is raised with a message for people (the run stops; what was recorded
before stays, and the next run resumes after it).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any, BinaryIO, Self

from parsers.readers import READERS

RECORDS_NAME = "records.jsonl"
LOCK_NAME = ".jixiao-batch.lock"
_CHUNK_BYTES = 1 << 16


class StoreBusyError(RuntimeError):
    """Another batch run holds the lock on this OUTDIR."""


class StoreWriteError(OSError):
    """A record line could not be written (disk full, I/O error); the line was rolled back.

    The command line reports it as a message (no traceback) with exit code 74 (EX_IOERR).
    """


def describe_os_error(exc: OSError) -> str:
    """An OSError for people, naming a full disk or quota plainly."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足（ENOSPC）"
    return exc.strerror or str(exc) or type(exc).__name__


def document_key(sha256: str | None, path: str) -> str:
    """The identity of a document: its content hash and the reader its suffix selects.

    The same bytes under .txt and .docx are read by different readers, so they are two
    documents; a copy under another name with the same kind of suffix is the same one. A
    file that could not be hashed is known by its path.
    """
    if not sha256:
        return f"path:{path}"
    reader = READERS.get(PurePath(path).suffix.lower(), "unsupported").rsplit(".", 1)[-1]
    return f"{sha256}:{reader}"


def record_key(record: dict[str, Any]) -> str:
    """The resume key of a record (see `document_key`)."""
    source = record.get("source") or {}
    return document_key(source.get("sha256"), str(source.get("path")))


def repair_tail(path: Path) -> int:
    """Cut a trailing partial line (from a killed run); return the number of bytes removed."""
    if not path.exists():
        return 0
    with path.open("rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - _CHUNK_BYTES)
            fh.seek(start)
            chunk = fh.read(end - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            fh.truncate(keep)
            fh.flush()
            os.fsync(fh.fileno())
        return size - keep


def iter_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(byte offset, record) for every complete, parseable line; bad lines are skipped."""
    if not path.exists():
        return
    with path.open("rb") as fh:
        offset = 0
        for raw in fh:
            start, offset = offset, offset + len(raw)
            if not raw.endswith(b"\n"):
                break  # a partial tail is not a record
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield start, record


def read_record_at(fh: BinaryIO, offset: int) -> dict[str, Any]:
    """The record whose line starts at `offset` of the open store file."""
    fh.seek(offset)
    return json.loads(fh.readline())


class RecordStore:
    """records.jsonl opened for appending, with the set of keys already recorded."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / RECORDS_NAME
        self.keys: set[str] = set()
        self.repaired_bytes = 0
        self._lock_fd: int | None = None
        self._fd: int | None = None
        self._unsynced = False

    def open(self) -> Self:
        """Lock OUTDIR, repair a partial tail, index existing records, open for append."""
        self._lock_fd = os.open(self.path.parent / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise StoreBusyError(f"另一个 batch 进程正在写入 {self.path.parent}") from exc
        self.repaired_bytes = repair_tail(self.path)
        self.keys = {record_key(record) for _, record in iter_records(self.path)}
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        return self

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def append(self, line: str, key: str, *, sync: bool = True) -> None:
        """Append one record line in a single write, then fsync (unless `sync` is False).

        With ``sync=False`` the line is whole in the file at once (a kill cannot tear it:
        the kernel has it) but reaches the disk at the next `sync` or `close`; the batch
        engine syncs every few records or fraction of a second, so a power loss can cost
        the last few records (the next run reads them again), never a half line.
        """
        assert self._fd is not None, "store not open"
        data = line.rstrip("\n").encode("utf-8") + b"\n"
        start = os.fstat(self._fd).st_size  # one writer (the lock): the line starts here
        try:
            written = os.write(self._fd, data)
            while written < len(data):  # short writes are rare on regular files; finish the line
                written += os.write(self._fd, data[written:])
            if sync:
                os.fsync(self._fd)
        except OSError as exc:
            self._roll_back(start)
            raise StoreWriteError(
                f"无法写入 {self.path}: {describe_os_error(exc)}；已写入的记录完好（没有残缺的行），"
                "腾出空间后用同样的命令再次运行即可继续"
            ) from exc
        self.keys.add(key)
        self._unsynced = not sync  # an fsync covers every earlier line too

    def sync(self) -> None:
        """fsync the lines appended with ``sync=False`` since the last sync."""
        if self._fd is None or not self._unsynced:
            return
        try:
            os.fsync(self._fd)
        except OSError as exc:
            raise StoreWriteError(
                f"无法写入 {self.path}: {describe_os_error(exc)}；已写入的记录可能未落盘，"
                "腾出空间后用同样的命令再次运行即可继续"
            ) from exc
        self._unsynced = False

    def _roll_back(self, size: int) -> None:
        """Cut the file back to `size` bytes after a failed append (best effort)."""
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, size)  # type: ignore[arg-type]
            os.fsync(self._fd)  # type: ignore[arg-type]

    def close(self) -> None:
        """Close the file and release the lock."""
        with contextlib.suppress(StoreWriteError):
            self.sync()
        for fd in (self._fd, self._lock_fd):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._fd = self._lock_fd = None

    def __enter__(self) -> Self:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()
