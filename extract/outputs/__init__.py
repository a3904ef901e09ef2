"""Derived outputs of a batch run, all built by streaming OUTDIR/records.jsonl.

    index.build_index      one pass: per-document index (path, offset, counts) + totals
    tables                 fields.csv, fields.parquet, discrepancies.csv, discrepancies.xlsx
    report_html            report.html (self-contained review page)
    summary                summary.json and the one-line summary
    flatten / safety       record -> row; formula neutralisation and HTML escaping
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.outputs.index import build_index
from extract.outputs.report_html import write_report
from extract.outputs.summary import build_summary, write_summary
from extract.outputs.tables import write_discrepancy_tables, write_fields_csv, write_fields_parquet


def write_outputs(outdir: Path, stats: Any, settings: Any, workers: int) -> dict[str, Any]:
    """Build every derived output from records.jsonl; return the summary."""
    index = build_index(outdir)
    write_fields_csv(index)
    write_fields_parquet(index)
    rows = write_discrepancy_tables(index)
    summary = build_summary(index, stats, settings, workers, rows)
    write_report(index, {"jixiao_version": summary["jixiao_version"],
                         "schema_version": summary["schema_version"]})
    write_summary(index, summary)
    return summary


__all__ = ["write_outputs"]
