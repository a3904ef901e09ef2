"""The body of `jixiao check`: the discrepancy list for people (text) or machines (json).

Text: one block per document (path, project name, status), its discrepancies grouped by
severity (错误/警告/提示), each with rule id, fields (Chinese labels), message and the
evidence quoted as `第N页第M行`. JSON: one object per document per line (path, status,
errors, discrepancies). Exit code: 1 when any `error` discrepancy was found or a document
could not be read (it could not be checked), 0 otherwise, 2 on bad usage (unknown
`--format`, missing input, unreadable settings).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from extract.checks.base import label
from extract.cli_common import UsageError, prepare
from extract.runner import extract_records_safely
from schemas.discrepancy import Discrepancy, Evidence, Severity
from schemas.record import Record, Status

FORMATS = ("text", "json")
SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
STATUS_NAMES = {Status.OK: "完整", Status.PARTIAL: "部分字段缺失", Status.FAILED: "读取失败"}


def check_command(inputs: list[Path], output_format: str, config: Path | None, ocr: str | None = None) -> int:
    """Check every document named by `inputs`; 1 when any error was found, else 0 (2: bad usage)."""
    if output_format not in FORMATS:
        typer.echo(f"错误: 未知的输出格式“{output_format}”，可用: {', '.join(FORMATS)}", err=True)
        return 2
    try:
        settings, paths = prepare(inputs, config, ocr=ocr)
    except UsageError as exc:
        typer.echo(f"错误: {exc}", err=True)
        return 2
    if not paths:
        typer.echo("没有找到可检查的文件（.txt .md .html .htm .docx .pdf）", err=True)
    console = Console(highlight=False, soft_wrap=True)
    found_error = False
    for path in paths:
        for record in extract_records_safely(path, settings):
            found_error |= has_error(record)
            if output_format == "json":
                typer.echo(json_line(path, record))
            else:
                print_block(console, path, record)
    return 1 if found_error else 0


def has_error(record: Record) -> bool:
    """True when the record holds an `error` discrepancy or could not be read."""
    return record.status == Status.FAILED or any(d.severity == Severity.ERROR for d in record.discrepancies)


def json_line(path: Path, record: Record) -> str:
    """One document's result as a JSON object on one line."""
    data = {
        "path": str(path),
        "status": record.status.value,
        **({"part": record.source.part.index} if record.source.part else {}),
        "errors": [e.model_dump(mode="json") for e in record.errors],
        "discrepancies": [d.model_dump(mode="json") for d in record.discrepancies],
    }
    return json.dumps(data, ensure_ascii=False)


def where(evidence: Evidence) -> str:
    """`第1页第5行` (or `说明` for a note without a location)."""
    if evidence.location is None:
        return "说明"
    return f"第{evidence.location.page}页第{evidence.location.line}行"


def print_block(console: Console, path: Path, record: Record) -> None:
    """The readable block of one document."""
    counts = {s: sum(1 for d in record.discrepancies if d.severity == s) for s in Severity}
    summary = " · ".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in counts.items())
    part = record.source.part
    where_in_file = f"（第{part.index}/{part.count}张表）" if part else ""
    console.rule(escape(str(path)) + where_in_file, align="left")
    project = getattr(record.fields, "project_name", None) or getattr(record.fields, "department", None)
    console.print(f"项目：{escape(project or '（未读到项目名称）')}")
    console.print(f"状态：{record.status.value}（{STATUS_NAMES[record.status]}）  {summary}")
    for error in record.errors:
        console.print(f"  [red]{escape(error.code)}[/red]：{escape(error.message)}")
    if not record.discrepancies and record.status != Status.FAILED:
        console.print("  [green]未发现不一致[/green]")
    for severity in Severity:
        items = [d for d in record.discrepancies if d.severity == severity]
        if items:
            console.print(f"[{SEVERITY_STYLES[severity]}]{SEVERITY_NAMES[severity]}（{len(items)}）[/]")
            for number, item in enumerate(items, 1):
                _print_item(console, number, item)
    console.print()


def _print_item(console: Console, number: int, item: Discrepancy) -> None:
    fields = "、".join(label(name) for name in item.fields)
    head = f"  {number}. \\[{escape(item.rule)}]" + (f" {escape(fields)}" if fields else "")
    console.print(head)
    console.print(f"     {escape(item.message)}")
    for evidence in item.evidence:
        text = evidence.text.replace("\t", " │ ")
        console.print(f"     [dim]▸ {where(evidence)}：[/dim]{escape(text)}")
