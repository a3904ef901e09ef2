"""The body of `jixiao check`: the discrepancy list for people (text) or machines (json).

Text: one block per document (path, project name, read status and review result together:
`读取完整 · 发现 6 个错误`), its discrepancies grouped by severity (错误/警告/提示), each with
rule id, fields (Chinese labels), message and the evidence quoted as `第N页第M行`. JSON: one
object per document per line (path, status, errors, discrepancies). `-o FILE` writes either
to a file. Exit code (`--fail-on`, shared with `batch`): 1 when a document could not be read
(it could not be checked) or a problem at or above the level was found (default `error`),
0 otherwise; 2 on bad usage; 74 when FILE cannot be written.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from extract.checks.base import label
from extract.cli_common import (
    EXIT_CANNOT_WRITE,
    FAIL_ON,
    OutputError,
    UsageError,
    check_choice,
    exit_code,
    language,
    open_report,
    prepare,
    say_usage_error,
)
from extract.runner import extract_records_safely
from extract.vocabulary import Lang, document_state, severity_name, text
from schemas.discrepancy import Discrepancy, Evidence, Severity
from schemas.record import Record, Status

FORMATS = ("text", "json")
SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def check_command(inputs: list[Path], output_format: str, config: Path | None, *,
                  output: Path | None = None, fail_on: str = "error", timeout: float | None = None,
                  lang: str = "zh", ocr: str | None = None) -> int:
    """Check every document named by `inputs`; the exit code follows `fail_on` (see module)."""
    try:
        lang_ = language(lang)
        check_choice("--format", output_format, FORMATS, lang_)
        check_choice("--fail-on", fail_on, FAIL_ON, lang_)
        settings, paths = prepare(inputs, config, timeout, lang_, ocr)
    except UsageError as exc:
        return say_usage_error("check", exc, lang)
    if not paths:
        print(text("no-documents", lang_), file=sys.stderr)
    failed = 0
    severities: Counter[str] = Counter()
    try:
        with open_report(output, lang_) as stream:
            console = Console(file=stream, highlight=False, soft_wrap=True,
                              force_terminal=None if output is None else False)
            for path in paths:
                for record in extract_records_safely(path, settings):
                    failed += record.status == Status.FAILED
                    severities.update(d.severity.value for d in record.discrepancies)
                    if output_format == "json":
                        stream.write(json_line(path, record) + "\n")
                    else:
                        print_block(console, path, record, lang_)
                stream.flush()
    except OutputError as exc:
        print(f"jixiao check: {exc}", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    return exit_code(failed, severities, fail_on)


def has_error(record: Record) -> bool:
    """True when the record holds an `error` discrepancy or could not be read."""
    return record.status == Status.FAILED or any(d.severity == Severity.ERROR for d in record.discrepancies)


def json_line(path: Path, record: Record) -> str:
    """One document's result as a JSON object on one line."""
    data = {
        "path": str(path),
        "status": record.status.value,
        "errors": [e.model_dump(mode="json") for e in record.errors],
        "discrepancies": [d.model_dump(mode="json") for d in record.discrepancies],
    }
    return json.dumps(data, ensure_ascii=False)


def where(evidence: Evidence, lang: Lang = "zh") -> str:
    """`第1页第5行` (or `说明` for a note without a location)."""
    if evidence.location is None:
        return text("note", lang)
    return text("page-line", lang, page=evidence.location.page, line=evidence.location.line)


def print_block(console: Console, path: Path, record: Record, lang: Lang = "zh") -> None:
    """The readable block of one document."""
    counts = Counter(d.severity.value for d in record.discrepancies)
    colon = "：" if lang == "zh" else ": "
    part = record.source.part
    where_in_file = text("part-of-file", lang, index=part.index, count=part.count) if part else ""
    console.rule(escape(str(path)) + where_in_file, align="left")
    project = getattr(record.fields, "project_name", None) or getattr(record.fields, "department", None)
    name = project or text("no-project-name", lang)
    console.print(f"{text('project', lang)}{colon}{escape(name)}")
    console.print(f"{text('status', lang)}{colon}{document_state(record.status.value, counts, lang)}")
    for error in record.errors:
        console.print(f"  [red]{escape(error.code)}[/red]{colon}{escape(error.message)}")
    for severity in Severity:
        items = [d for d in record.discrepancies if d.severity == severity]
        if items:
            count = f"（{len(items)}）" if lang == "zh" else f" ({len(items)})"
            console.print(f"[{SEVERITY_STYLES[severity]}]{severity_name(severity.value, lang)}{count}[/]")
            for number, item in enumerate(items, 1):
                _print_item(console, number, item, lang)
    console.print()


def _print_item(console: Console, number: int, item: Discrepancy, lang: Lang) -> None:
    fields = "、".join(label(name) for name in item.fields)
    head = f"  {number}. \\[{escape(item.rule)}]" + (f" {escape(fields)}" if fields else "")
    console.print(head)
    console.print(f"     {escape(item.message)}")
    for evidence in item.evidence:
        snippet = evidence.text.replace("\t", " │ ")
        console.print(f"     [dim]▸ {where(evidence, lang)}{'：' if lang == 'zh' else ': '}[/dim]{escape(snippet)}")
