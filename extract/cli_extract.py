"""The body of `jixiao extract`: one JSONL line per form found (at least one per input
document, whatever happens to it), then one summary line for people.

The summary line (documents, 读取完整 / 部分读取 / 读取失败, problems by severity, where the
records are) goes to stdout when the records go to a file (`-o`), to stderr when they go to
stdout, so a pipe of records stays pure JSONL.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from extract.cli_common import (
    EXIT_CANNOT_WRITE,
    EXIT_FAILED,
    EXIT_OK,
    OutputError,
    UsageError,
    language,
    open_report,
    prepare,
    say_usage_error,
)
from extract.vocabulary import Lang, text, totals_text


def extract_command(inputs: list[Path], output: Path | None, config: Path | None,
                    timeout: float | None = None, lang: str = "zh", ocr: str | None = None) -> int:
    """Extract every document named by `inputs`; 1 when any failed to read, else 0."""
    try:
        lang_ = language(lang)
        settings, paths = prepare(inputs, config, timeout, lang_, ocr)
    except UsageError as exc:
        return say_usage_error("extract", exc, lang)
    from extract.startup import command_imports

    with command_imports():
        from extract.output import jsonl_line
        from extract.runner import extract_records_safely
    statuses: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    try:
        with open_report(output, lang_) as stream:
            for path in paths:
                for record in extract_records_safely(path, settings):
                    statuses[record.status.value] += 1
                    severities.update(d.severity.value for d in record.discrepancies)
                    stream.write(jsonl_line(record))
                stream.flush()
    except OutputError as exc:
        print(f"jixiao extract: {exc}", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    print(summary_line(statuses, severities, output, lang_, len(paths)), file=sys.stdout if output else sys.stderr)
    return EXIT_FAILED if statuses["failed"] else EXIT_OK


def summary_line(statuses: Counter[str], severities: Counter[str], output: Path | None, lang: Lang,
                 files: int | None = None) -> str:
    """`3 个文档：读取完整 1 · 部分读取 1 · 读取失败 1；问题：错误 6 · 警告 2 · 提示 1；记录写入 out.jsonl`."""
    where = text("records-in", lang, path=output) if output else text("records-stdout", lang)
    return f"{totals_text(statuses, severities, lang, files)}{'；' if lang == 'zh' else '; '}{where}"
