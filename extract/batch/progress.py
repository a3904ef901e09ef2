"""What a batch run shows while it works: a rich progress bar, a plain log, or nothing.

* a terminal on stderr: a rich bar with done / ok / partial / failed counts and time left,
  and on batches with scans the pages read by OCR / the pages whose OCR has begun;
* stderr not a terminal (a log file, CI): one line per document, ``[12/500] ok      path``;
* ``--quiet``: nothing while running (the CLI prints the final summary line).
Everything goes to stderr, so stdout stays free for the caller.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class QuietReporter:
    """Shows nothing while the run goes on."""

    def start(self, total: int, skipped: int, duplicates: int) -> None:
        """Nothing to show."""

    def document(self, path: str, status: str, codes: list[str]) -> None:
        """Nothing to show."""

    def page(self, event: str) -> None:
        """Nothing to show."""

    def stop(self) -> None:
        """Nothing to show."""


class PlainReporter:
    """One line per document: ``[i/n] status  path (codes)``."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = 0
        self.done = 0

    def start(self, total: int, skipped: int, duplicates: int) -> None:
        """Announce what will be read and what is skipped."""
        self.total = total
        note = f"待处理 {total} 个文档；已记录跳过 {skipped} 个；重复文件 {duplicates} 个"
        print(note, file=self.stream, flush=True)

    def document(self, path: str, status: str, codes: list[str]) -> None:
        """One line for a finished document."""
        self.done += 1
        suffix = f" ({', '.join(codes)})" if status == "failed" and codes else ""
        print(f"[{self.done}/{self.total}] {status:<7} {path}{suffix}", file=self.stream, flush=True)

    def page(self, event: str) -> None:
        """Pages are not logged (one line per document)."""

    def stop(self) -> None:
        """Nothing more to print."""


class RichReporter:
    """A live progress bar with ok / partial / failed counts and the time left."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.counts: Counter[str] = Counter()
        self.pages: Counter[str] = Counter()  # OCR'd pages: "seen" (begun) and "done" (read)
        self.progress = Progress(
            TextColumn("[bold]批处理"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[green]ok {task.fields[ok]}[/] [yellow]partial {task.fields[partial]}[/] "
                       "[red]failed {task.fields[failed]}[/]"),
            TextColumn("{task.fields[pages]}"),
            TimeElapsedColumn(),
            TextColumn("剩余"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.task_id: TaskID | None = None

    def start(self, total: int, skipped: int, duplicates: int) -> None:
        """Show the bar."""
        if skipped or duplicates:
            self.console.print(f"已记录跳过 {skipped} 个；重复文件 {duplicates} 个")
        self.progress.start()
        self.task_id = self.progress.add_task("batch", total=total, ok=0, partial=0, failed=0, pages="")

    def document(self, path: str, status: str, codes: list[str]) -> None:
        """Advance the bar; failed documents are also printed above it."""
        self.counts[status] += 1
        if status == "failed":
            self.progress.console.print(f"[red]failed[/] {escape(path)} ({escape(', '.join(codes))})", markup=True,
                                        highlight=False)
        if self.task_id is None:
            return
        self.progress.update(self.task_id, advance=1, ok=self.counts["ok"],
                             partial=self.counts["partial"], failed=self.counts["failed"])

    def page(self, event: str) -> None:
        """A page's OCR began ("seen") or ended ("done"): the bar shows 页 done/seen."""
        self.pages[event] += 1
        if self.task_id is not None:
            self.progress.update(self.task_id, pages=self.page_text())

    def page_text(self) -> str:
        """`OCR 页 done/seen`, or nothing before the first OCR'd page."""
        return f"OCR 页 {self.pages['done']}/{self.pages['seen']}" if self.pages["seen"] else ""

    def stop(self) -> None:
        """Remove the live display."""
        self.progress.stop()


def make_reporter(quiet: bool, stream: TextIO | None = None) -> QuietReporter | PlainReporter | RichReporter:
    """The reporter for this terminal and these options."""
    stream = stream or sys.stderr
    if quiet:
        return QuietReporter()
    if stream.isatty():
        return RichReporter()
    return PlainReporter(stream)
