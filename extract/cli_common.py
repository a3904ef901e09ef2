"""What the commands share before and after reading: usage checks, settings, output files,
the exit code of a run.

`prepare(...)` returns the settings and the documents to read, or raises `UsageError` with a
message for the person at the terminal (exit 2). `open_report(path)` opens an output file or
raises `OutputError` (exit 74, one clear message, never a traceback). `exit_code(...)` is the
one rule `check` and `batch` share for a run with problems (`--fail-on`).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from extract.errors import JixiaoError
from extract.vocabulary import LANGS, Lang, text, usage_error

if TYPE_CHECKING:
    from extract.settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CANNOT_WRITE = 0, 1, 2, 74
FAIL_ON = ("error", "warning", "never")


class UsageError(JixiaoError):
    """Bad command-line usage: a missing input, an unreadable settings file (exit 2)."""


class OutputError(JixiaoError):
    """An output file cannot be written (exit 74); the message says where and why."""


def language(lang: str) -> Lang:
    """The `--lang` value, checked (a bad one is told in Chinese, the default)."""
    if lang == "en":
        return "en"
    if lang == "zh":
        return "zh"
    raise UsageError(text("bad-choice", "zh", option="--lang", value=lang, choices=", ".join(LANGS)))


def check_choice(option: str, value: str, choices: tuple[str, ...], lang: Lang) -> str:
    """`value` when it is one of `choices`, else a UsageError."""
    if value not in choices:
        raise UsageError(text("bad-choice", lang, option=option, value=value, choices=", ".join(choices)))
    return value


def prepare(inputs: list[Path], config: Path | None, timeout: float | None = None,
            lang: Lang = "zh", ocr: str | None = None) -> tuple[Settings, list[Path]]:
    """The settings of the run and the documents named by `inputs`, in a stable order."""
    from extract.inputs import expand_inputs

    if not inputs:
        raise UsageError(text("no-input", lang))
    missing = [str(path) for path in inputs if not path.exists() and not path.is_symlink()]
    if missing:
        raise UsageError(text("missing-input", lang, paths=", ".join(missing)))
    settings = load_run_settings(config, timeout, lang, ocr)
    return settings, expand_inputs(inputs)


def load_run_settings(config: Path | None, timeout: float | None, lang: Lang = "zh",
                      ocr: str | None = None) -> Settings:
    """Settings from `--config`, with `--timeout` (seconds per document) and `--ocr` on top."""
    from extract.settings import load_settings, with_ocr

    try:
        settings = with_ocr(load_settings(config), ocr)
    except JixiaoError as exc:
        raise UsageError(str(exc)) from exc
    if timeout is not None:
        if timeout <= 0:
            raise UsageError(text("bad-number", lang, option="--timeout", value=f"{timeout:g}",
                                  rule="大于 0" if lang == "zh" else "greater than 0"))
        limits = settings.limits.model_copy(update={"timeout_seconds": float(timeout)})
        settings = settings.model_copy(update={"limits": limits})
    return settings


def say_usage_error(command: str, exc: Exception, lang: str = "zh") -> int:
    """Print the usage error in the one style and return exit code 2."""
    print(usage_error(command, str(exc), "en" if lang == "en" else "zh"), file=sys.stderr)
    return EXIT_USAGE


def os_reason(exc: OSError, lang: Lang = "zh") -> str:
    """Why an OSError happened, in words (no library text, no errno number)."""
    zh = {errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限", errno.EROFS: "文件系统为只读",
          errno.ENOENT: "文件夹不存在或无法创建", errno.ENOTDIR: "路径中有一段不是文件夹",
          errno.EISDIR: "这是一个文件夹", errno.ENOSPC: "磁盘空间不足", errno.EDQUOT: "超出磁盘配额"}
    if lang == "zh":
        return zh.get(exc.errno or 0, "写入时出错")
    return os.strerror(exc.errno) if exc.errno else "write error"


@contextmanager
def open_report(path: Path | None, lang: Lang = "zh") -> Iterator[TextIO]:
    """A UTF-8 text stream to `path` (its folder created if missing), or stdout when None.

    Any OSError opening, writing or closing the file becomes `OutputError` (exit 74).
    """
    if path is None:
        stream = sys.stdout
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
        yield stream
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise OutputError(text("cannot-write", lang, path=path, reason=os_reason(exc, lang))) from None
    try:
        with handle:
            yield handle
    except OSError as exc:
        raise OutputError(text("cannot-write", lang, path=path, reason=os_reason(exc, lang))) from None


def exit_code(failed_documents: int, severities: Mapping[str, int], fail_on: str) -> int:
    """1 when a document failed to read or a problem at or above `fail_on` was found, else 0.

    `error` (the default of check and batch) counts errors, `warning` errors and warnings;
    `never` gives 0 whatever was found (bad usage and unwritable outputs still give 2 and 74).
    """
    if fail_on == "never":
        return EXIT_OK
    levels = ("error",) if fail_on == "error" else ("error", "warning")
    found = failed_documents or any(severities.get(level, 0) for level in levels)
    return EXIT_FAILED if found else EXIT_OK

