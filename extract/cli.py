"""The `jixiao` command: extract, check, batch, load, schema. Each command only wires options.

Exit codes: `extract` 0 when every document was read, 1 when any failed; `check` 1 when any
`error` discrepancy was found; `batch` 0/1 like extract; 2 on bad usage everywhere.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="jixiao（绩效）: read 财政项目支出绩效运行监控 reports into JSON records and check them.",
)

Inputs = Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")]
Config = Annotated[Path | None, typer.Option("--config", help="TOML file overriding limits and tolerances.")]
Ocr = Annotated[str | None, typer.Option(
    "--ocr", help="Scans: auto (pages without a text layer), always, never. Default: [limits] ocr, else auto.")]


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSONL here instead of stdout.")] = None,
    config: Config = None,
    ocr: Ocr = None,
) -> None:
    """One JSON record per document, one per line (JSONL)."""
    from extract.cli_extract import extract_command

    raise typer.Exit(extract_command(inputs, output, config, ocr))


@app.command()
def check(
    inputs: Inputs,
    output_format: Annotated[str, typer.Option("--format", help="text (for people) or json.")] = "text",
    config: Config = None,
    ocr: Ocr = None,
) -> None:
    """The discrepancy list per document; exit 1 when any error was found."""
    from extract.cli_check import check_command

    raise typer.Exit(check_command(inputs, output_format, config, ocr))


@app.command()
def batch(
    inputs: Inputs,
    outdir: Annotated[Path, typer.Option("-o", "--outdir", help="Output folder (created; resumable).")],
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Worker processes (default: cores).")] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", min=0.1, help="Seconds per document.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="Print only the final summary.")] = False,
    config: Config = None,
    ocr: Ocr = None,
    engine: Annotated[str, typer.Option("--engine", metavar="local|dask|ray", help="Where documents are read.")] = "local",
    address: Annotated[str | None, typer.Option("--address", metavar="URL", help="Scheduler of --engine dask/ray, e.g. tcp://HOST:8786.")] = None,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="Documents per cluster task.")] = 16,
    start_method: Annotated[str | None, typer.Option("--start-method", metavar="forkserver|spawn", help="How worker processes start (default: forkserver where available).")] = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Read failed documents again.")] = False,
) -> None:
    """The auditor's batch run: records, tables, report.html and summary.json in OUTDIR."""
    from extract.cli_batch import ClusterOptions, batch_command

    cluster = ClusterOptions(engine, address, shard_size, start_method, retry_failed)
    raise typer.Exit(batch_command(inputs, outdir, workers, timeout, quiet, config, ocr, cluster))


@app.command()
def load(
    outdir: Annotated[Path, typer.Argument(help="A batch OUTDIR (its records.jsonl and summary.json).")],
    db: Annotated[str | None, typer.Option("--db", help="duckdb:///PATH or postgresql://… "
                                           "(default: duckdb OUTDIR/audit.duckdb).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="Print only problems.")] = False,
) -> None:
    """Load a batch OUTDIR into a database, idempotently (a reload changes nothing)."""
    from extract.cli_load import load_command

    raise typer.Exit(load_command(outdir, db, quiet))


@app.command()
def schema(
    form: Annotated[str | None, typer.Option("--form", help="Only this form's fields (monitoring, self_evaluation …).")] = None,
    sql: Annotated[str | None, typer.Option("--sql", help="Print the warehouse DDL: postgresql or duckdb.")] = None,
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
        typer.echo(f"错误: 未知的表种“{form}”，可用: {', '.join(FIELDS_MODELS)}", err=True)
        raise typer.Exit(2)
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
