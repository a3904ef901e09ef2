"""What an engine task runs on a cluster node: one shard through jixiao's own worker pool.

The engine (Dask, Ray) only moves shards and re-runs those of lost nodes; the documents are
read by `pool.WorkerPool` on the node, so the per-document time limit, kill-and-replace and
`worker-crashed` records hold there exactly as on one machine. The shard's outcomes are
written as its part file (`parts.write_part`); the task returns only counts.

A node keeps one pool per setting between shards (workers stay warm); shards of one node
process run one after another through it. Engine workers are often daemonic processes,
which Python's multiprocessing forbids to have children; the pool's workers are ours to
kill and exit when this process dies (their lifeline), so the flag is lifted for them.
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.batch.parts import write_part
from extract.batch.pool import Task, WorkerPool


@dataclass(frozen=True)
class ShardSpec:
    """Everything a node needs to read one shard (picklable)."""

    outdir: str
    name: str
    tasks: tuple[tuple[int, str, str | None], ...]
    extractor: str
    settings: Any
    workers: int | None  # pool size on the node; None: one per CPU there
    grace: float
    start_method: str | None


_pools: dict[tuple[Any, ...], WorkerPool] = {}
_lock = threading.Lock()


def _allow_children() -> None:
    config = getattr(mp.current_process(), "_config", None)
    if isinstance(config, dict) and config.get("daemon"):
        config["daemon"] = False


def _pool(spec: ShardSpec) -> WorkerPool:
    import os

    workers = spec.workers or os.cpu_count() or 1
    key = (spec.extractor, spec.settings.model_dump_json(), workers, spec.grace, spec.start_method)
    pool = _pools.get(key)
    if pool is None:
        pool = _pools[key] = WorkerPool(workers, spec.extractor, spec.settings, grace=spec.grace,
                                        start_method=spec.start_method)
    return pool


def run_shard(spec: ShardSpec) -> dict[str, Any]:
    """Read the shard's documents on this node; write its part; return its counts."""
    _allow_children()
    tasks = [Task(*fields) for fields in spec.tasks]
    with _lock:
        pool = _pool(spec)
        outcomes = list(pool.run(tasks))
    path = write_part(Path(spec.outdir), spec.name, outcomes)
    return {"name": spec.name, "part": str(path), "documents": len(outcomes)}


@atexit.register
def _close_pools() -> None:
    for pool in _pools.values():
        pool.close(kill=True)
    _pools.clear()
