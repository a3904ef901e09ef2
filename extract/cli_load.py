"""`jixiao load OUTDIR [--db URL]` and `jixiao schema --sql DIALECT` (registered by `extract.cli`).

Only wires options to `extract.warehouse`. ``--db`` defaults to the embedded DuckDB file
OUTDIR/audit.duckdb. Exit codes: 0 loaded; 1 loaded, but some records.jsonl lines were no
valid record (rejected, listed on stderr); 2 bad usage (no records.jsonl, a database URL
jixiao cannot use or reach, a missing driver).
"""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def default_db(outdir: Path) -> str:
    """duckdb:///<OUTDIR>/audit.duckdb."""
    return f"duckdb:///{(outdir / 'audit.duckdb').resolve().as_posix().lstrip('/')}"


def load_command(outdir: Path, db: str | None, quiet: bool = False) -> int:
    """Load OUTDIR into the database; print one summary line; return the exit code."""
    from extract.warehouse.backends import BackendError
    from extract.warehouse.loader import LoadError, load_outdir

    try:
        report = load_outdir(outdir, db or default_db(outdir))
    except (LoadError, BackendError) as exc:
        print(f"jixiao load: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for problem in report.problems:
        print(f"jixiao load: {problem}", file=sys.stderr)
    if not quiet or report.rejected:
        print(f"载入 {report.records} 条记录到 {report.target}: 新增 {report.inserted}, 替换 {report.replaced}, "
              f"未变 {report.unchanged}, 重复 {report.duplicates}, 无效 {report.rejected}; "
              f"变更行 {report.changed_rows} (写入 {report.rows_written}, 删除 {report.rows_deleted}, "
              f"路径 {report.paths_added}); load_id {report.load_id}", flush=True)
    return EXIT_REJECTED if report.rejected else EXIT_OK


def schema_sql_command(dialect: str) -> int:
    """Print the warehouse DDL of `dialect`."""
    from extract.warehouse.ddl import DIALECTS, schema_sql

    if dialect not in DIALECTS:
        print(f"jixiao schema: --sql 只接受 {' / '.join(DIALECTS)}（收到 {dialect}）", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(schema_sql(dialect))
    return EXIT_OK
