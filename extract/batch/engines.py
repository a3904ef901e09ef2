"""Where a batch's documents are read: the local pool (default), or a Dask or Ray cluster.

An engine turns tasks into deliveries ``(outcomes, part)``: the local engine yields each
outcome as its worker reports it (no part); a cluster engine cuts the tasks into shards
(`SHARD_SIZE` documents), runs each as one engine task (`shard.run_shard`, which uses
jixiao's own pool on its node and writes the shard's part file) and yields the part's
outcomes once the task is done. The engine retries shards of lost nodes by itself; a shard
it gives up on is split and its documents retried one by one; a document the engine still
cannot finish gets a `worker-crashed` record from the driver. Every task therefore yields
exactly one outcome (more runs of one shard are kept once by the store).

Cluster engines import their library only when chosen (``pip install jixiao[dask]`` /
``jixiao[ray]``); jixiao itself opens no listener: it connects to the scheduler at
``--address``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from extract.batch.parts import read_part, shard_name
from extract.batch.pool import KILL_GRACE_SECONDS, Outcome, Task, WorkerPool, make_failed_record
from extract.batch.shard import ShardSpec, run_shard
from extract.batch.store import document_key

ENGINES = ("local", "dask", "ray")
SHARD_SIZE = 16
CONNECT_TIMEOUT_SECONDS = 30

Delivery = tuple[list[Outcome], Path | None]


class EngineError(RuntimeError):
    """The chosen engine cannot be used (not installed, scheduler unreachable)."""


class LocalEngine:
    """This machine's process pool."""

    def __init__(self, workers: int, extractor: str, settings: Any, *,
                 grace: float = KILL_GRACE_SECONDS, start_method: str | None = None,
                 page_listener: Callable[[str], None] | None = None) -> None:
        self.pool = WorkerPool(workers, extractor, settings, grace=grace, start_method=start_method,
                               page_listener=page_listener)

    def run(self, tasks: list[Task]) -> Iterator[Delivery]:
        for outcome in self.pool.run(tasks):
            yield [outcome], None

    def close(self, *, kill: bool = False) -> None:
        self.pool.close(kill=kill)


class ShardEngine:
    """Shards over a cluster; subclasses submit one shard and wait for the next finished one."""

    def __init__(self, outdir: Path, workers: int | None, extractor: str, settings: Any, *,
                 grace: float = KILL_GRACE_SECONDS, start_method: str | None = None,
                 shard_size: int = SHARD_SIZE) -> None:
        self.outdir = outdir
        self.workers = workers
        self.extractor = extractor
        self.settings = settings
        self.grace = grace
        self.start_method = start_method
        self.shard_size = max(1, shard_size)

    def _spec(self, shard: list[Task]) -> ShardSpec:
        name = shard_name(document_key(t.sha256, t.path) for t in shard)
        return ShardSpec(str(self.outdir), name, tuple((t.id, t.path, t.sha256) for t in shard),
                         self.extractor, self.settings, self.workers, self.grace,
                         self.start_method)

    def submit(self, spec: ShardSpec) -> Any:
        raise NotImplementedError

    def next_done(self) -> tuple[Any, BaseException | None]:
        """(handle, error) of a finished shard task; error None when it succeeded."""
        raise NotImplementedError

    def run(self, tasks: list[Task]) -> Iterator[Delivery]:
        running: dict[Any, tuple[ShardSpec, list[Task]]] = {}
        for start in range(0, len(tasks), self.shard_size):
            shard = tasks[start:start + self.shard_size]
            spec = self._spec(shard)
            running[self.submit(spec)] = (spec, shard)
        while running:
            handle, error = self.next_done()
            spec, shard = running.pop(handle)
            part = Path(self.outdir) / ".jixiao-parts" / f"{spec.name}.part"
            outcomes: list[Outcome] = []
            if error is None:
                try:
                    outcomes = read_part(part)
                except OSError as exc:
                    error = exc
            done = {o.task.id for o in outcomes}
            if error is None and done >= {t.id for t in shard}:
                yield outcomes, part
                continue
            if len(shard) > 1:  # the engine gave up on the shard: document by document
                for task in shard:
                    single = self._spec([task])
                    running[self.submit(single)] = (single, [task])
                continue
            yield [self._lost(shard[0], error)], None

    def _lost(self, task: Task, error: BaseException | None) -> Outcome:
        from extract.batch.pool import _outcome, one_line

        why = one_line(error) if error is not None else "没有写出结果"
        message = f"集群未能完成该文件（{why}），该文件未能读取"
        record = make_failed_record(task.path, "worker-crashed", message, task.sha256)
        return _outcome(task, record, 0.0, f"worker-crashed: {message}")

    def close(self, *, kill: bool = False) -> None:
        raise NotImplementedError


class DaskEngine(ShardEngine):
    """A Dask distributed cluster (``dask scheduler`` / ``dask worker``) at `address`."""

    def __init__(self, address: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            from distributed import Client, as_completed
        except ImportError as exc:
            raise EngineError("--engine dask 需要安装 dask：pip install 'jixiao[dask]'") from exc
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"无法连接 Dask 调度器 {address}: {exc}") from exc
        self._done = as_completed(loop=self.client.loop)
        self._futures: list[Any] = []

    def submit(self, spec: ShardSpec) -> Any:
        key = f"jixiao-shard-{spec.name[:16]}-{uuid.uuid4().hex[:8]}"
        future = self.client.submit(run_shard, spec, key=key, pure=False, retries=1)
        self._done.add(future)
        self._futures.append(future)
        return future

    def next_done(self) -> tuple[Any, BaseException | None]:
        future = next(self._done)
        error = future.exception() if future.status == "error" else None
        if future.status == "cancelled":
            error = RuntimeError("任务被取消")
        # Let go of it: a finished task's result lives on its worker, and Dask would run it
        # again if that worker died while we still held the future.
        self._futures.remove(future)
        future.release()
        return future, error

    def close(self, *, kill: bool = False) -> None:
        if kill and self._futures:
            self.client.cancel(self._futures)
        self.client.close()


class RayEngine(ShardEngine):
    """A Ray cluster (``ray start --head`` / ``ray start --address``) at `address`."""

    def __init__(self, address: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            import ray
        except ImportError as exc:
            raise EngineError("--engine ray 需要安装 ray：pip install 'jixiao[ray]'") from exc
        self.ray = ray
        try:
            ray.init(address=address, ignore_reinit_error=True, log_to_driver=False,
                     logging_level=logging.WARNING)
        except Exception as exc:
            raise EngineError(f"无法连接 Ray 集群 {address}: {exc}") from exc
        self._remote = ray.remote(max_retries=3, num_cpus=1)(run_shard)
        self._refs: list[Any] = []

    def submit(self, spec: ShardSpec) -> Any:
        ref = self._remote.remote(spec)
        self._refs.append(ref)
        return ref

    def next_done(self) -> tuple[Any, BaseException | None]:
        done, _ = self.ray.wait(self._refs, num_returns=1)
        ref = done[0]
        self._refs.remove(ref)
        try:
            self.ray.get(ref)
        except Exception as exc:  # noqa: BLE001 - a lost shard, retried document by document
            return ref, exc
        return ref, None

    def close(self, *, kill: bool = False) -> None:
        if kill:
            for ref in self._refs:
                self.ray.cancel(ref, force=True)
        self.ray.shutdown()


def make_engine(name: str, address: str | None, outdir: Path, workers: int | None,
                extractor: str, settings: Any, *, grace: float = KILL_GRACE_SECONDS,
                start_method: str | None = None, shard_size: int = SHARD_SIZE,
                page_listener: Callable[[str], None] | None = None) -> Any:
    """The engine called `name` (see `ENGINES`); OCR'd pages are counted on the local one."""
    if name == "local":
        return LocalEngine(workers or 1, extractor, settings, grace=grace,
                           start_method=start_method, page_listener=page_listener)
    if not address:
        raise EngineError(f"--engine {name} 需要 --address（调度器地址）")
    cls = DaskEngine if name == "dask" else RayEngine
    return cls(address, outdir, workers, extractor, settings, grace=grace,
               start_method=start_method, shard_size=shard_size)
