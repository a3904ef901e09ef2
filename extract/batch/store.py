"""The append-only record store of a batch run: OUTDIR/records.jsonl, and its resume index.

Owns the durability promise: every record is appended as one complete line in a single
``write`` followed by ``fsync``, so Ctrl-C, SIGTERM or ``kill -9`` can at worst leave one
trailing partial line, which `RecordStore.open` truncates away before appending again.
(The batch engine appends with ``sync=False`` and calls `RecordStore.sync` every
`engine.SYNC_EVERY_RECORDS` records or `engine.SYNC_EVERY_SECONDS`: the lines are just as
whole on a kill; only a power loss can cost the last unsynced records, which are re-read.)
Resume is by *content*: the index holds the sha256 of every recorded document (or
``path:<path>`` for a file that could not even be hashed). A record's identity is
(document key, part index) (`record_identity`): the same identity delivered twice in one
run (a shard the engine ran twice) is kept once, and a document read again (a retried
`timeout` / `worker-crashed`, ``--retry-failed``) replaces its earlier records when the
store closes (the file is rewritten: temp file, fsync, rename). Failed documents are
remembered (`RecordStore.failed`) with whether their failure is one a resume retries, and
how often each was already retried (OUTDIR/.jixiao-retries.json). Readers of the store (the
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
import json
import os
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any, BinaryIO, Self

from extract.batch.lock import LOCK_NAME, DirLock, LockBusyError
from parsers.readers import READERS

RECORDS_NAME = "records.jsonl"
RETRIES_NAME = ".jixiao-retries.json"
RETRIABLE_CODES = frozenset({"timeout", "worker-crashed"})  # a busy machine, not the document
_CHUNK_BYTES = 1 << 16

__all__ = ["LOCK_NAME", "RECORDS_NAME", "RecordStore", "StoreBusyError", "StoreWriteError"]

StoreBusyError = LockBusyError  # another batch run holds the lock on this OUTDIR
Identity = tuple[str, Any]


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


def part_index(source: dict[str, Any]) -> Any:
    """The part index of a record's source (several forms in one file); 1 when it has none."""
    part = source.get("part")
    if isinstance(part, dict):
        part = part.get("index")
    return 1 if part is None else part


def record_identity(record: dict[str, Any]) -> Identity:
    """A record's identity: (document key, part index)."""
    source = record.get("source") or {}
    return record_key(record), part_index(source)


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
        self.failed: dict[str, bool] = {}  # failed document key -> a resume retries it
        self.retries: dict[str, int] = {}
        self.repaired_bytes = 0
        self._lock = DirLock(outdir)
        self._fd: int | None = None
        self._unsynced = False
        self._offsets: dict[str, list[int]] = {}
        self._fresh: set[Identity] = set()  # identities appended by this run
        self._fresh_keys: set[str] = set()
        self._superseded: set[int] = set()

    def open(self) -> Self:
        """Lock OUTDIR, repair a partial tail, index existing records, open for append."""
        self._lock.acquire()
        try:
            self.repaired_bytes = repair_tail(self.path)
            for offset, record in iter_records(self.path):
                self._index(record_key(record), record, offset)
            self.retries = _read_retries(self.path.parent / RETRIES_NAME)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except BaseException:
            self._lock.release()
            raise
        return self

    def _index(self, key: str, record: dict[str, Any], offset: int) -> None:
        self.keys.add(key)
        self._offsets.setdefault(key, []).append(offset)
        if record.get("status") == "failed":
            codes = {e.get("code") for e in record.get("errors") or [] if isinstance(e, dict)}
            self.failed[key] = bool(codes & RETRIABLE_CODES)
        else:
            self.failed.pop(key, None)

    def should_read(self, key: str, *, retry_failed: bool = False) -> bool:
        """Whether a planned document is read in this run (new, retried, or asked for)."""
        if key not in self.keys:
            return True
        if key not in self.failed:
            return False
        if retry_failed:
            return True
        if self.failed[key] and self.retries.get(key, 0) < 1:
            self.retries[key] = self.retries.get(key, 0) + 1
            return True
        return False

    def accept(self, line: str, key: str, identity: Identity, status: str, codes: list[str],
               *, sync: bool = False) -> bool:
        """Append a delivered record unless this run already has its identity.

        A document this run reads again replaces the records earlier runs kept for it.
        """
        if identity in self._fresh:
            return False
        if key in self.keys and key not in self._fresh_keys:
            self._superseded.update(self._offsets.pop(key, []))
        self.append(line, key, sync=sync)
        if status == "failed":
            self.failed[key] = bool(RETRIABLE_CODES.intersection(codes))
        else:
            self.failed.pop(key, None)
        self._fresh.add(identity)
        self._fresh_keys.add(key)
        return True

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
        self._offsets.setdefault(key, []).append(start)
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

    def _drop_superseded(self) -> None:
        """Rewrite records.jsonl without the records a re-read replaced (temp, fsync, rename)."""
        if not self._superseded:
            return
        temp = self.path.with_name(f".{RECORDS_NAME}.{os.getpid()}.tmp")
        try:
            with self.path.open("rb") as src, temp.open("wb") as dst:
                offset = 0
                for raw in src:
                    if offset not in self._superseded:
                        dst.write(raw)
                    offset += len(raw)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(temp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise StoreWriteError(f"无法写入 {self.path}: {describe_os_error(exc)}") from exc
        self._superseded.clear()

    def close(self) -> None:
        """Close the file, drop replaced records, save the retry counts, release the lock."""
        try:
            with contextlib.suppress(StoreWriteError):
                self.sync()
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.close(self._fd)
                self._fd = None
                self._drop_superseded()
                _write_retries(self.path.parent / RETRIES_NAME, self.retries)
        finally:
            self._lock.release()

    def __enter__(self) -> Self:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_retries(path: Path) -> dict[str, int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): int(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_retries(path: Path, retries: dict[str, int]) -> None:
    if not retries:
        with contextlib.suppress(OSError):
            path.unlink()
        return
    temp = path.with_name(path.name + ".tmp")
    with contextlib.suppress(OSError):  # only a count of retries: losing it costs one retry
        temp.write_text(json.dumps(retries), encoding="utf-8")
        os.replace(temp, path)
