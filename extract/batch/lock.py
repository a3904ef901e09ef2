"""The OUTDIR lock of a batch run: one writer at a time, and no lock file left behind.

Portable: the lock is an OS lock on OUTDIR/.jixiao-batch.lock (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows), so it dies with its process however that process ends
(``kill -9`` included) and a later run takes it over. The file holds the owner's pid and
host for people; it is removed when the run ends. Removal races are closed the usual way:
after locking, the holder checks that the file it locked is still the one at the path, and
starts again if another run removed it in between.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

LOCK_NAME = ".jixiao-batch.lock"
_ATTEMPTS = 5

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class LockBusyError(RuntimeError):
    """Another run holds the lock."""


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:  # BlockingIOError / PermissionError: held by another process
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


class DirLock:
    """Held between `acquire` and `release`; raises `LockBusyError` when another run has it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> DirLock:
        for _ in range(_ATTEMPTS):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                raise LockBusyError(f"另一个 batch 进程正在写入 {self.path.parent}")
            if fcntl is None or _same_file(fd, self.path):
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
                    os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
                self._fd = fd
                return self
            os.close(fd)  # the file was removed by its last holder after we opened it
        raise LockBusyError(f"无法锁定 {self.path}")

    def release(self) -> None:
        """Remove the lock file and let go of the lock."""
        if self._fd is None:
            return
        if fcntl is not None:  # POSIX: remove while still holding it, then close
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            with contextlib.suppress(OSError):
                os.close(self._fd)
        else:  # Windows cannot remove an open file
            with contextlib.suppress(OSError):
                os.close(self._fd)
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        self._fd = None
