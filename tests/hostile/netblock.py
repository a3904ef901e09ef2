"""Make every attempt at network access fail loudly (and record it).

`install()` replaces `socket.socket` with a class refusing Internet families (AF_UNIX stays:
multiprocessing needs it), and `socket.create_connection`, `socket.getaddrinfo` and
`urllib.request.urlopen` with functions that raise. `SITECUSTOMIZE` is the same as a
sitecustomize module, for subprocesses (put its folder first on PYTHONPATH); every attempt is
also appended to the file named by $JIXIAO_NET_LOG, so a test sees attempts in workers too.
"""

from __future__ import annotations

import os
import socket
import urllib.request

ATTEMPTS: list[str] = []
_REAL_SOCKET = socket.socket


class NetworkBlocked(OSError):
    """Raised instead of opening a network connection."""


def _note(what: str) -> None:
    ATTEMPTS.append(what)
    log = os.environ.get("JIXIAO_NET_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(what.replace("\n", " ") + "\n")


class GuardedSocket(_REAL_SOCKET):
    def __init__(self, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None) -> None:
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            _note(f"socket({family})")
            raise NetworkBlocked("network access attempted in a hostile-input test")
        super().__init__(family, type, proto, fileno)


def _refuse(name: str):
    def refuse(*args: object, **kwargs: object) -> None:
        _note(f"{name}{args[:1]}")
        raise NetworkBlocked(f"network access attempted: {name}")

    return refuse


def install() -> None:
    socket.socket = GuardedSocket  # type: ignore[misc]
    socket.create_connection = _refuse("create_connection")  # type: ignore[assignment]
    socket.getaddrinfo = _refuse("getaddrinfo")  # type: ignore[assignment]
    urllib.request.urlopen = _refuse("urlopen")  # type: ignore[assignment]


SITECUSTOMIZE = f"""
import sys
sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r})
import netblock
netblock.install()
"""
