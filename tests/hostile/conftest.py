"""Fixtures of the hostile-input tests: the hostile folder (built once per session, in a
temp folder), a local HTTP "canary" server that counts connections, and network blocking."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import netblock  # noqa: E402
import samples  # noqa: E402


class Canary:
    """A TCP server on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.hits: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            conn.settimeout(1)
            try:
                self.hits.append(conn.recv(300))
            except OSError:
                self.hits.append(b"")
            conn.close()


@pytest.fixture(scope="session")
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.server.close()


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory, canary: Canary) -> tuple[Path, dict[str, samples.Sample]]:
    """The hostile folder (every sample, links, a pipe) and {path: sample}."""
    root = tmp_path_factory.mktemp("hostile-root") / "hostile 输入"
    written = samples.build_folder(root, canary.url)
    return root, written


@pytest.fixture(scope="session")
def long_line_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "one 50 MB line.txt"
    samples.write_long_line(path)
    return path


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Block network access in this process; returns the list of attempts (must stay empty)."""
    import socket as socket_module
    import urllib.request

    monkeypatch.setattr(socket_module, "socket", netblock.GuardedSocket)
    monkeypatch.setattr(socket_module, "create_connection", netblock._refuse("create_connection"))
    monkeypatch.setattr(socket_module, "getaddrinfo", netblock._refuse("getaddrinfo"))
    monkeypatch.setattr(urllib.request, "urlopen", netblock._refuse("urlopen"))
    netblock.ATTEMPTS.clear()
    return netblock.ATTEMPTS
