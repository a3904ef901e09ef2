"""The body of `jixiao extract`: one JSONL line per input document, whatever happens to it."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from extract.errors import JixiaoError
from extract.output import jsonl_line, open_output
from extract.settings import load_settings
from extract.inputs import expand_inputs
from extract.runner import extract_safely
from schemas.record import Status


def extract_command(inputs: list[Path], output: Path | None, config: Path | None) -> int:
    """Extract every document named by `inputs`; 1 when any failed to read, else 0."""
    missing = [str(path) for path in inputs if not path.exists() and not path.is_symlink()]
    if missing:
        typer.echo(f"错误: 输入不存在: {', '.join(missing)}", err=True)
        return 2
    try:
        settings = load_settings(config)
    except JixiaoError as exc:
        typer.echo(f"错误: {exc}", err=True)
        return 2
    failed = 0
    with open_output(output) as stream:
        for path in expand_inputs(inputs):
            record = extract_safely(path, settings)
            failed += record.status == Status.FAILED
            stream.write(jsonl_line(record))
            stream.flush()
    if failed:
        print(f"{failed} 个文件读取失败（见 status/errors）", file=sys.stderr)
    return 1 if failed else 0
