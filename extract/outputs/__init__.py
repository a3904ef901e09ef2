"""Derived outputs of a batch run, all built by streaming OUTDIR/records.jsonl.

    index.build_index      one pass: per-document index (path, offset, counts) + totals
    tables                 fields.csv, fields.parquet, discrepancies.csv, discrepancies.xlsx,
                           and the form family's fields-<type>, indicators, funds (.csv/.parquet)
    family                 a family record -> rows of those tables
    report_html            report.html (self-contained review page)
    summary                summary.json and the one-line summary
    flatten / safety       record -> row; formula neutralisation and HTML escaping
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.batch.store import describe_os_error
from extract.outputs.index import build_index
from extract.outputs.report_html import write_report
from extract.outputs.summary import build_summary, write_summary
from extract.outputs.tables import (
    write_discrepancy_tables,
    write_family_tables,
    write_fields_csv,
    write_fields_parquet,
)

EXIT_OUTPUT_ERROR = 74  # EX_IOERR


class OutputWriteError(OSError):
    """An output file could not be written (disk full, I/O error).

    `message` says what happened and what to do; `code` is the exit code the command line
    gives (74, EX_IOERR). No output is left half-written (`atomic_output`).
    """

    code = EXIT_OUTPUT_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def write_outputs(outdir: Path, stats: Any, settings: Any, workers: int,
                  headers: str = "keys") -> dict[str, Any]:
    """Build every derived output from records.jsonl; return the summary.

    `headers="zh"` gives fields.csv and discrepancies.csv Chinese column headers.
    Raises OutputWriteError when an output cannot be written.
    """
    try:
        return _write_outputs(outdir, stats, settings, workers, headers)
    except OSError as exc:
        message = (f"无法写入输出文件（{outdir}）: {describe_os_error(exc)}；"
                   "records.jsonl 中的记录完好，没有生成残缺的输出文件；腾出空间后用同样的命令再次运行即可")
        raise OutputWriteError(message) from exc


def _write_outputs(outdir: Path, stats: Any, settings: Any, workers: int, headers: str) -> dict[str, Any]:
    index = build_index(outdir)
    write_fields_csv(index, headers)
    write_fields_parquet(index)
    write_family_tables(index)
    rows = write_discrepancy_tables(index, headers)
    summary = build_summary(index, stats, settings, workers, rows)
    write_report(index, {"jixiao_version": summary["jixiao_version"],
                         "schema_version": summary["schema_version"]})
    write_summary(index, summary)
    return summary


__all__ = ["EXIT_OUTPUT_ERROR", "OutputWriteError", "write_outputs"]
