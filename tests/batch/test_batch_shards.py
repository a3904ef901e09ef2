"""The shard engine's own logic, with a stand-in for the cluster: a shard the engine gives
up on is split and retried document by document; a document it still cannot finish gets
a `worker-crashed` record; every task gives exactly one outcome."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from extract.batch.engines import ShardEngine
from extract.batch.pool import Task
from extract.batch.shard import ShardSpec, run_shard
from extract.settings import Settings

FAKE = "batch_fakes:fake_extract"


class FlakyCluster(ShardEngine):
    """Loses every shard of more than one document, and always the document named "lost"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queue: deque[ShardSpec] = deque()
        self.sizes: list[int] = []

    def submit(self, spec: ShardSpec) -> Any:
        self.queue.append(spec)
        self.sizes.append(len(spec.tasks))
        return spec.name

    def next_done(self) -> tuple[Any, BaseException | None]:
        spec = self.queue.popleft()
        if len(spec.tasks) > 1 or "lost" in spec.tasks[0][1]:
            return spec.name, RuntimeError("node lost")
        run_shard(spec)
        return spec.name, None

    def close(self, *, kill: bool = False) -> None:
        pass


def test_a_given_up_shard_is_retried_document_by_document(tmp_path: Path) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    names = ["ok-1.txt", "lost.txt", "ok-2.txt", "ok-3.txt", "ok-4.txt"]
    tasks = []
    for number, name in enumerate(names):
        (folder / name).write_text(f"项目 {number}\n", encoding="utf-8")
        tasks.append(Task(number, str(folder / name), f"{number:064x}"))
    engine = FlakyCluster(outdir, 1, FAKE, Settings(), shard_size=3)
    outcomes = [o for delivered, _ in engine.run(tasks) for o in delivered]
    assert engine.sizes == [3, 2, 1, 1, 1, 1, 1]  # two shards lost, then one task per document
    by_name = {Path(o.task.path).name: o for o in outcomes}
    assert sorted(by_name) == sorted(names) and len(outcomes) == len(names)
    assert by_name["lost.txt"].status == "failed" and by_name["lost.txt"].codes == ["worker-crashed"]
    assert {by_name[n].status for n in names if n != "lost.txt"} == {"ok"}
