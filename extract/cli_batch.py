"""`jixiao batch INPUT... -o OUTDIR`: the auditor's batch run (registered by `extract.cli`).

Only wires options to the library: validate usage -> expand inputs -> `batch.run_batch`
(records.jsonl) -> `outputs.write_outputs` (tables, report, summary) -> exit code.

Exit codes (`--fail-on`, shared with `check`): 0 every document was read (ok or partial) and
no problem at or above the `--fail-on` level (default `error`) was found; 1 some document in
OUTDIR failed or such a problem was found (outputs are written either way); 2 bad usage (an input path that does not exist, a bad
--config, --workers < 1, --timeout <= 0, OUTDIR not a folder, not creatable or writable,
or in use by another run; an unknown --engine, a cluster that cannot be reached);
74 records.jsonl or an output could not be written (disk full, I/O error: no half line and
no truncated output is left; free space and run again); 130 interrupted (Ctrl-C / SIGTERM:
the records written so far are kept, run again to continue). An empty folder is not an
error: empty outputs, exit 0.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from extract.batch import default_workers, make_reporter, run_batch
from extract.batch.engines import ENGINES, SHARD_SIZE, EngineError
from extract.batch.pool import DEFAULT_EXTRACTOR
from extract.batch.store import StoreBusyError, StoreWriteError, describe_os_error
from extract.cli_common import FAIL_ON, check_choice, exit_code, language
from extract.cli_common import UsageError as CommonUsageError
from extract.inputs import expand_inputs
from extract.outputs import EXIT_OUTPUT_ERROR, OutputWriteError, write_outputs
from extract.outputs.summary import summary_line
from extract.settings import Settings, SettingsError, load_settings, with_ocr
from extract.vocabulary import usage_error

EXTRACTOR_ENV = "JIXIAO_BATCH_EXTRACTOR"  # test hook: "module:function" replacing extract_file
EXIT_OK, EXIT_FAILED_DOCS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_IO = EXIT_OUTPUT_ERROR  # 74: records.jsonl or an output could not be written (disk full)


class UsageError(Exception):
    """Bad command-line usage (exit 2)."""


@dataclass(frozen=True)
class ClusterOptions:
    """Where and how the documents are read (--engine, --address, ...)."""

    engine: str = "local"
    address: str | None = None
    shard_size: int = SHARD_SIZE
    start_method: str | None = None
    retry_failed: bool = False

    def check(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"--engine 只能是 {' / '.join(ENGINES)}（收到 {self.engine}）")
        if self.engine != "local" and not self.address:
            raise UsageError(f"--engine {self.engine} 需要 --address（如 tcp://HOST:8786）")
        if self.start_method and self.start_method not in mp.get_all_start_methods():
            methods = " / ".join(m for m in ("forkserver", "spawn") if m in mp.get_all_start_methods())
            raise UsageError(f"--start-method 只能是 {methods}（收到 {self.start_method}）")


def _usable_outdir(outdir: Path) -> None:
    """Create OUTDIR and check it can be written; UsageError (exit 2) with the reason."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"无法创建输出文件夹 {outdir}: {exc.strerror or exc}") from exc
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise UsageError(f"输出文件夹不可写: {outdir}")


def _settings(config: Path | None, timeout: float | None) -> Settings:
    try:
        settings = load_settings(config)
    except SettingsError as exc:
        raise UsageError(str(exc)) from exc
    if timeout is not None:
        if timeout <= 0:
            raise UsageError(f"--timeout 必须大于 0（收到 {timeout:g}）")
        limits = settings.limits.model_copy(update={"timeout_seconds": float(timeout)})
        settings = settings.model_copy(update={"limits": limits})
    return settings


def _documents(inputs: list[Path], outdir: Path) -> list[Path]:
    if not inputs:
        raise UsageError("没有给出输入文件或文件夹")
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise UsageError("输入路径不存在: " + ", ".join(missing))
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"输出位置不是文件夹: {outdir}")
    own = Path(os.path.realpath(outdir))
    # OUTDIR inside an input folder: never read our own report.html back as a document.
    return [p for p in expand_inputs(inputs) if own not in Path(os.path.realpath(p)).parents]


def batch_command(inputs: list[Path], outdir: Path, workers: int | None, timeout: float | None,
                  quiet: bool, config: Path | None, ocr: str | None = None,
                  cluster: ClusterOptions | None = None, *, fail_on: str = "error",
                  headers: str = "keys", lang: str = "zh") -> int:
    """Run a batch; return the exit code (see the module docstring)."""
    cluster = cluster or ClusterOptions()
    try:
        lang_ = language(lang)
        check_choice("--fail-on", fail_on, FAIL_ON, lang_)
        check_choice("--headers", headers, ("keys", "zh"), lang_)
    except CommonUsageError as exc:
        print(usage_error("batch", str(exc)), file=sys.stderr)
        return EXIT_USAGE
    try:
        if workers is not None and workers < 1:
            raise UsageError(f"--workers 必须至少为 1（收到 {workers}）")
        cluster.check()
        try:
            settings = with_ocr(_settings(config, timeout), ocr)
        except SettingsError as exc:
            raise UsageError(str(exc)) from exc
        paths = _documents(inputs, outdir)
        _usable_outdir(outdir)
        local = cluster.engine == "local"
        n_workers = workers or (default_workers() if local else None)
        extractor = os.environ.get(EXTRACTOR_ENV) or DEFAULT_EXTRACTOR
        stats = run_batch(paths, outdir, settings, workers=n_workers, extractor=extractor,
                          reporter=make_reporter(quiet), engine=cluster.engine,
                          address=cluster.address, start_method=cluster.start_method,
                          shard_size=cluster.shard_size, retry_failed=cluster.retry_failed)
        if stats.interrupted:
            print(f"jixiao batch: 已中断；已写入的记录保存在 {outdir / 'records.jsonl'}，"
                  "用同样的命令再次运行即可继续", file=sys.stderr)
            return EXIT_INTERRUPTED
        summary = write_outputs(outdir, stats, settings, n_workers or 0, headers)
    except (UsageError, StoreBusyError, EngineError) as exc:
        print(f"jixiao batch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (StoreWriteError, OutputWriteError) as exc:
        print(f"jixiao batch: {exc}", file=sys.stderr)
        return EXIT_IO
    except OSError as exc:  # OUTDIR's own files (lock, records, parts) cannot be written
        where = exc.filename or outdir
        print(f"jixiao batch: 无法写入 {where}: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_IO
    print(summary_line(summary, lang_), flush=True)
    return exit_code(summary["failed"], summary["discrepancies"]["by_severity"], fail_on)
