"""The `jixiao` command: extract, check, batch, schema. Each command only wires options.

Exit codes, the same words everywhere (`--fail-on` decides what counts as a failing run for
`check` and `batch`; a document that could not be read is always an error):

    0   nothing at or above the `--fail-on` level (extract: every document was read)
    1   a document failed to read, or (check, batch) a problem at or above `--fail-on`
    2   bad usage: a missing input, an unknown option value, an invalid --config
    74  an output (-o FILE, OUTDIR's files) cannot be written: read-only or missing folder,
        disk full; nothing half-written is left
    130 interrupted (batch)

Only this module imports typer; the pipeline is imported by the command that runs, so
`--help`, `--version` and `schema` stay fast.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from schemas.limits import DEFAULT_TIMEOUT_SECONDS

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="jixiao（绩效）: read 财政项目支出绩效运行监控 reports into JSON records and check them.",
)


def app_for(args: list[str]) -> typer.Typer:
    """The app that runs `args`: `app` itself, or, when `args` begin with the name of one of its
    commands, a copy of it holding that command alone. typer builds the parser of every command
    an app holds before it parses anything; a command's parser, help and behaviour are its own,
    so building the one asked for is enough (a third of the command line's start-up otherwise)."""
    import typer.main

    def name(info: typer.models.CommandInfo) -> str | None:
        return info.name or (typer.main.get_command_name(info.callback.__name__) if info.callback else None)

    chosen = [info for info in app.registered_commands if args and name(info) == args[0]]
    if not chosen:
        return app
    single = copy.copy(app)
    single.registered_commands = chosen
    return single


def _version(value: bool) -> None:
    if value:
        from extract.version import __version__

        typer.echo(f"jixiao {__version__}")
        raise typer.Exit(0)


# readable=False: an unreadable file is a document with a `file-unreadable` record, not a usage error.
Inputs = Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).",
                                              metavar="INPUT...", readable=False)]
Config = Annotated[Path | None, typer.Option("--config", metavar="FILE.toml",
                                             help="TOML file overriding limits and tolerances.")]
Lang = Annotated[str, typer.Option("--lang", metavar="zh|en",
                                   help="Language of messages, progress and summaries.")]
Timeout = Annotated[float | None, typer.Option(
    "--timeout", metavar="SECONDS",
    help=f"Seconds allowed per document. \\[default: {DEFAULT_TIMEOUT_SECONDS:g}, or timeout_seconds from --config]")]
FailOn = Annotated[str, typer.Option(
    "--fail-on", metavar="error|warning|never",
    help="Exit 1 when a document failed to read or a problem of this severity or worse was found.")]
Version = Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                       help="Print jixiao's version and exit.")]
Ocr = Annotated[str | None, typer.Option(
    "--ocr", metavar="auto|always|never",
    help="Scans: auto (pages without a text layer), always, never. \\[default: \\[limits] ocr, else auto]")]


@app.callback()
def main(version: Version = False) -> None:
    """jixiao（绩效）: read 财政项目支出绩效运行监控 reports into JSON records and check them."""


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="OUT.jsonl",
                                                help="Write JSONL here instead of stdout.")] = None,
    config: Config = None,
    timeout: Timeout = None,
    lang: Lang = "zh",
    ocr: Ocr = None,
    version: Version = False,
) -> None:
    """One JSON record per document, one per line (JSONL), then one summary line."""
    from extract.cli_extract import extract_command

    raise typer.Exit(extract_command(inputs, output, config, timeout=timeout, lang=lang, ocr=ocr))


@app.command()
def check(
    inputs: Inputs,
    output_format: Annotated[str, typer.Option("--format", metavar="text|json",
                                               help="text (for people) or json.")] = "text",
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE",
                                                help="Write the list here instead of stdout.")] = None,
    fail_on: FailOn = "error",
    config: Config = None,
    timeout: Timeout = None,
    lang: Lang = "zh",
    ocr: Ocr = None,
    version: Version = False,
) -> None:
    """The discrepancy list per document; exit 1 on a problem at or above --fail-on."""
    from extract.startup import command_imports

    with command_imports():
        from extract.cli_check import check_command
    raise typer.Exit(check_command(inputs, output_format, config, output=output, fail_on=fail_on, ocr=ocr,
                                   timeout=timeout, lang=lang))


@app.command()
def batch(
    inputs: Inputs,
    outdir: Annotated[Path, typer.Option("-o", "--outdir", metavar="OUTDIR",
                                         help="Output folder (created; resumable).")],
    workers: Annotated[int | None, typer.Option("--workers", min=1, metavar="N",
                                                help="Worker processes (default: number of CPUs).")] = None,
    timeout: Timeout = None,
    fail_on: FailOn = "error",
    headers: Annotated[str, typer.Option("--headers", metavar="keys|zh",
                                         help="Column headers of the CSV/Excel tables.")] = "keys",
    quiet: Annotated[bool, typer.Option("--quiet", help="Print only the final summary.")] = False,
    config: Config = None,
    lang: Lang = "zh",
    ocr: Ocr = None,
    engine: Annotated[str, typer.Option("--engine", metavar="local|dask|ray", help="Where documents are read.")] = "local",
    address: Annotated[str | None, typer.Option("--address", metavar="URL", help="Scheduler of --engine dask/ray, e.g. tcp://HOST:8786.")] = None,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, metavar="N", help="Documents per cluster task.")] = 16,
    start_method: Annotated[str | None, typer.Option("--start-method", metavar="forkserver|spawn", help="How worker processes start (default: forkserver where available).")] = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Read failed documents again.")] = False,
    version: Version = False,
) -> None:
    """The auditor's batch run: records, tables, report.html and summary.json in OUTDIR."""
    from extract.startup import command_imports

    with command_imports():
        from extract.cli_batch import ClusterOptions, batch_command
    cluster = ClusterOptions(engine, address, shard_size, start_method, retry_failed)
    raise typer.Exit(batch_command(inputs, outdir, workers, timeout, quiet, config, ocr, cluster,
                                   fail_on=fail_on, headers=headers, lang=lang))


@app.command()
def load(
    outdir: Annotated[Path, typer.Argument(metavar="OUTDIR", help="A batch OUTDIR (its records.jsonl and summary.json).")],
    db: Annotated[str | None, typer.Option("--db", metavar="URL", help="duckdb:///PATH or postgresql://… "
                                           "(default: duckdb OUTDIR/audit.duckdb).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="Print only problems.")] = False,
    version: Version = False,
) -> None:
    """Load a batch OUTDIR into a database, idempotently (a reload changes nothing)."""
    from extract.cli_load import load_command

    raise typer.Exit(load_command(outdir, db, quiet))


@app.command()
def schema(
    form: Annotated[str | None, typer.Option("--form", metavar="TYPE", help="Only this form's fields (monitoring, self_evaluation …).")] = None,
    sql: Annotated[str | None, typer.Option("--sql", metavar="postgresql|duckdb", help="Print the warehouse DDL.")] = None,
    version: Version = False,
) -> None:
    """Print the JSON Schema of a record (every form), of one form's fields, or the warehouse DDL."""
    from schemas.forms import FIELDS_MODELS
    from schemas.record import Record

    if sql is not None:
        from extract.cli_load import schema_sql_command

        raise typer.Exit(schema_sql_command(sql))
    if form is None:
        document = Record.model_json_schema()
    elif form in FIELDS_MODELS:
        document = FIELDS_MODELS[form].model_json_schema()
    else:
        typer.echo(f"jixiao schema: 未知的表种“{form}”，可用: {', '.join(FIELDS_MODELS)}", err=True)
        raise typer.Exit(2)
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
