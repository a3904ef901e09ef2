"""What `jixiao extract` and `jixiao check` share before reading: usage checks and settings.

`prepare(inputs, config)` returns the settings and the documents to read, or raises
`UsageError` with a message for the person at the terminal (the command exits 2).
"""

from __future__ import annotations

from pathlib import Path

from extract.errors import JixiaoError
from extract.inputs import expand_inputs
from extract.settings import Settings, load_settings, with_ocr


class UsageError(JixiaoError):
    """Bad command-line usage: a missing input, an unreadable settings file."""


def prepare(inputs: list[Path], config: Path | None, *, ocr: str | None = None) -> tuple[Settings, list[Path]]:
    """The settings of the run and the documents named by `inputs`, in a stable order."""
    missing = [str(path) for path in inputs if not path.exists() and not path.is_symlink()]
    if missing:
        raise UsageError(f"输入不存在: {', '.join(missing)}")
    try:
        settings = with_ocr(load_settings(config), ocr)
    except JixiaoError as exc:
        raise UsageError(str(exc)) from exc
    return settings, expand_inputs(inputs)
