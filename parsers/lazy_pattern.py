"""Regular expressions compiled on first use instead of when their module is imported.

Owns `LazyPattern`: a module that holds patterns only some documents need (the markdown,
split-cell or column readers of a text file, the target parser of the self-evaluation form)
keeps them as `LazyPattern`s, so that importing it costs nothing and a run that never
reaches them never compiles them (the `regex` module compiles in Python: a few hundred
patterns are a noticeable part of the command line's start-up). A pattern is compiled once
per process, at the first call of one of its methods, and behaves exactly as the
`regex.compile` of the same arguments; from then on its methods are the compiled pattern's
own (bound on the object), so a match costs what it costs on the compiled pattern.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "split", "sub", "subn")


class LazyPattern:
    """`regex.compile(pattern, flags)`, done at the first call of one of its methods."""

    match: Callable[..., regex.Match[str] | None]
    fullmatch: Callable[..., regex.Match[str] | None]
    search: Callable[..., regex.Match[str] | None]
    finditer: Callable[..., Iterator[regex.Match[str]]]
    findall: Callable[..., list[Any]]
    split: Callable[..., list[Any]]
    sub: Callable[..., str]
    subn: Callable[..., tuple[str, int]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        """The pattern's source text (reading it compiles nothing)."""
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (compiled now, and its methods bound here, if it was not yet)."""
        if self._compiled is None:
            compiled = regex.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Reached only for a method not bound yet, i.e. before the first match.
        if name not in _METHODS:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"
