"""Batch runs: parallel workers with per-document time limits, resume, streamed records.

    engine.run_batch   plan (hash, resume, dedupe) -> pool -> store, returns RunStats
    pool.WorkerPool    the killable one-task-per-worker process pool
    store.RecordStore  append-only, fsync'd records.jsonl and its resume index
    progress           rich bar / plain log / quiet
"""

from extract.batch.engine import RunStats, default_workers, run_batch
from extract.batch.progress import make_reporter

__all__ = ["RunStats", "default_workers", "make_reporter", "run_batch"]
