"""The body of `jixiao extract`: one JSONL line per form found (at least one per input document)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from extract.cli_common import UsageError, prepare
from extract.output import jsonl_line, open_output
from extract.runner import extract_records_safely
from schemas.record import Status


def extract_command(inputs: list[Path], output: Path | None, config: Path | None, ocr: str | None = None) -> int:
    """Extract every document named by `inputs`; 1 when any failed to read, else 0."""
    try:
        settings, paths = prepare(inputs, config, ocr=ocr)
    except UsageError as exc:
        typer.echo(f"错误: {exc}", err=True)
        return 2
    failed = 0
    with open_output(output) as stream:
        for path in paths:
            for record in extract_records_safely(path, settings):
                failed += record.status == Status.FAILED
                stream.write(jsonl_line(record))
            stream.flush()
    if failed:
        print(f"{failed} 个文件读取失败（见 status/errors）", file=sys.stderr)
    return 1 if failed else 0
