"""Part files: where a shard run on a cluster node leaves its records for the driver.

A shard's part is named from its documents' keys (`shard_name`), so a shard the engine runs
again (a lost node, a retry) writes the same name and replaces its own part: nothing is
counted twice. A part is written whole or not at all (temp file in the same folder, fsync,
rename). Each line is ``<meta JSON>\\t<record JSON>``: the meta (task, status, codes,
seconds, log, part index) lets the driver report and key the record without parsing it;
JSON never holds a raw tab, so the first tab splits the two.

Only the driver moves parts into records.jsonl (`RecordStore.accept`, which keeps each
record identity once) and removes them after; a part left by a stopped run is taken in by
the next run on that OUTDIR, whatever its engine.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

from extract.batch.pool import Outcome, Task

PARTS_DIR = ".jixiao-parts"
PART_SUFFIX = ".part"


def shard_name(keys: Iterable[str]) -> str:
    """A stable name for the shard holding the documents with these keys."""
    return hashlib.sha256("\n".join(sorted(keys)).encode("utf-8")).hexdigest()[:40]


def parts_dir(outdir: Path) -> Path:
    return outdir / PARTS_DIR


def _meta(outcome: Outcome) -> str:
    task = outcome.task
    return json.dumps({"id": task.id, "path": task.path, "sha256": task.sha256,
                       "status": outcome.status, "codes": outcome.codes,
                       "seconds": outcome.seconds, "log": outcome.log, "part": outcome.part},
                      ensure_ascii=False)


def _sync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_part(outdir: Path, name: str, outcomes: list[Outcome]) -> Path:
    """Write a shard's outcomes as its part (temp, fsync, rename); return the part's path."""
    folder = parts_dir(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{name}{PART_SUFFIX}"
    temp = folder / f".{name}.{uuid.uuid4().hex[:12]}.tmp"
    try:
        with temp.open("wb") as fh:
            for outcome in outcomes:
                line = outcome.line.rstrip("\n")
                fh.write(f"{_meta(outcome)}\t{line}\n".encode())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_dir(folder)
    return final


def read_part(path: Path) -> list[Outcome]:
    """The outcomes of a part; lines that are not whole are left out (the part is re-run)."""
    outcomes: list[Outcome] = []
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n") or b"\t" not in raw:
                continue
            head, _, line = raw.decode("utf-8").rstrip("\n").partition("\t")
            try:
                meta = json.loads(head)
            except ValueError:
                continue
            task = Task(int(meta["id"]), str(meta["path"]), meta.get("sha256"))
            outcomes.append(Outcome(task, line, str(meta["status"]), list(meta.get("codes") or []),
                                    float(meta.get("seconds") or 0.0), meta.get("log"),
                                    meta.get("part", 1)))
    return outcomes


def leftover_parts(outdir: Path) -> list[Path]:
    """Parts a stopped run left in OUTDIR (oldest first)."""
    folder = parts_dir(outdir)
    if not folder.is_dir():
        return []
    parts = [p for p in folder.iterdir() if p.name.endswith(PART_SUFFIX)]
    return sorted(parts, key=lambda p: p.stat().st_mtime)


def remove_part(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def remove_empty_parts_dir(outdir: Path) -> None:
    folder = parts_dir(outdir)
    with contextlib.suppress(OSError):
        for stale in folder.glob(".*.tmp"):  # a node killed mid-write
            stale.unlink()
        folder.rmdir()
