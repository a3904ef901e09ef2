"""Running jixiao as a user without privileges, for the permission tests.

CI runs as root, and root writes into read-only folders and reads files of any mode, so a
permission test run as root proves nothing. `unshare --user` (no id mapping) starts the
command in a new user namespace as the overflow user: files owned by root are then judged by
their "other" permission bits, as they are for any ordinary user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def privileged() -> bool:
    """Whether this process ignores file permissions (root)."""
    return os.geteuid() == 0


@contextmanager
def open_folder() -> Iterator[Path]:
    """A scratch folder every user may enter (pytest's own tmp folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="jixiao-perm-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def run_jixiao_unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m extract ARGS` as an unprivileged user; skips (a failure under CI) when no
    user namespace can be made."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "--user", "true"], capture_output=True,
                                         check=False).returncode != 0:
        pytest.skip("no user namespace (unshare --user) to drop root's file privileges")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([unshare, "--user", sys.executable, "-m", "extract", *args],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=300,
                          check=False)
