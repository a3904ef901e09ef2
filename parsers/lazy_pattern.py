"""Regular expressions compiled on first use instead of when their module is imported.

Owns `LazyPattern`: a module that holds patterns only some documents need (the markdown,
split-cell or column readers of a text file, the target parser of the self-evaluation form)
keeps them as `LazyPattern`s, so that importing it costs nothing and a run that never
reaches them never compiles them (the `regex` module compiles in Python: a few hundred
patterns are a noticeable part of the command line's start-up). A pattern is compiled once
per process, at its first match, and behaves exactly as the `regex.compile` of the same
arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex


class LazyPattern:
    """`regex.compile(pattern, flags)`, done at the first call of one of its methods."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = regex.compile(self._source, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:
        """The pattern's source text (without compiling it)."""
        return self._source

    def match(self, string: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self.compiled.match(string, *args, **kwargs)

    def fullmatch(self, string: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self.compiled.fullmatch(string, *args, **kwargs)

    def search(self, string: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self.compiled.search(string, *args, **kwargs)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(string, *args, **kwargs)

    def findall(self, string: str, *args: Any, **kwargs: Any) -> list[Any]:
        return self.compiled.findall(string, *args, **kwargs)

    def split(self, string: str, *args: Any, **kwargs: Any) -> list[str | Any]:
        return self.compiled.split(string, *args, **kwargs)

    def sub(self, repl: str | Callable[[regex.Match[str]], str], string: str, *args: Any,
            **kwargs: Any) -> str:
        return self.compiled.sub(repl, string, *args, **kwargs)

    def subn(self, repl: str | Callable[[regex.Match[str]], str], string: str, *args: Any,
             **kwargs: Any) -> tuple[str, int]:
        return self.compiled.subn(repl, string, *args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"
