"""A full disk (ENOSPC from write or fsync) never leaves a half line in records.jsonl or a
truncated output presented as complete; the run stops with a clear message and exit code."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from extract.batch import store as store_module
from extract.batch.store import RecordStore, StoreWriteError, iter_records
from extract.settings import Settings

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_000_e4d372a10ec87f57.txt"


def _line(n: int) -> str:
    return json.dumps({"status": "ok", "source": {"path": f"doc{n}.txt", "sha256": f"{n:064d}"}})


@pytest.mark.parametrize("fail", ["write-half", "write", "fsync"])
def test_a_failed_append_leaves_no_half_line(tmp_path, monkeypatch, fail):
    with RecordStore(tmp_path) as store:
        store.append(_line(1), "k1")
        store.append(_line(2), "k2")
        before = store.path.read_bytes()
        real_write, real_fsync = os.write, os.fsync

        def write(fd, data):
            if fd == store._fd and fail == "write-half":
                real_write(fd, data[: len(data) // 2])  # half the line reaches the file
                raise OSError(errno.ENOSPC, "No space left on device")
            if fd == store._fd and fail == "write":
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        def fsync(fd):
            if fd == store._fd and fail == "fsync":
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_fsync(fd)

        monkeypatch.setattr(store_module.os, "write", write)
        monkeypatch.setattr(store_module.os, "fsync", fsync)
        with pytest.raises(StoreWriteError, match="磁盘空间不足"):
            store.append(_line(3), "k3")
        assert "k3" not in store.keys
    assert store.path.read_bytes() == before
    assert [r["source"]["path"] for _, r in iter_records(store.path)] == ["doc1.txt", "doc2.txt"]


def _seed_folder(root: Path, n: int) -> Path:
    folder = root / "in"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"d{i}.txt").write_text(text + "\n" * i, encoding="utf-8")
    return folder


def test_batch_stops_cleanly_when_the_disk_fills(tmp_path, monkeypatch, capsys):
    from extract.cli_batch import batch_command

    folder = _seed_folder(tmp_path, 4)
    out = tmp_path / "out"
    real_write = os.write
    appended = []

    def write(fd, data):
        if data.startswith(b"{") and data.endswith(b"\n"):  # a record line of the store
            if appended:
                real_write(fd, data[:100])
                raise OSError(errno.ENOSPC, "No space left on device")
            appended.append(data)
        return real_write(fd, data)

    monkeypatch.setattr(store_module.os, "write", write)
    code = batch_command([folder], out, 1, 30.0, True, None)
    err = capsys.readouterr().err
    assert code != 0 and "磁盘空间不足" in err and "Traceback" not in err
    lines = (out / "records.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 2  # one complete record, no half line
    json.loads(lines[0])
    assert not list(out.glob(".*.tmp-*"))


def test_outputs_are_never_left_truncated(tmp_path, monkeypatch, capsys):
    from extract.batch import run_batch
    from extract.batch.progress import QuietReporter
    from extract.outputs import EXIT_OUTPUT_ERROR, OutputWriteError, write_outputs
    from extract.outputs import index as index_module

    folder = _seed_folder(tmp_path, 2)
    out = tmp_path / "out"
    settings = Settings()
    stats = run_batch(sorted(folder.iterdir()), out, settings, workers=1,
                      extractor="extract.pipeline:extract_file", reporter=QuietReporter())
    write_outputs(out, stats, settings, 1)
    complete = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(index_module.os, "fsync", fsync)
    (folder / "d9.txt").write_text(SEED.read_text(encoding="utf-8") + "\n" * 9, encoding="utf-8")
    monkeypatch.undo()
    stats = run_batch(sorted(folder.iterdir()), out, settings, workers=1,
                      extractor="extract.pipeline:extract_file", reporter=QuietReporter())
    monkeypatch.setattr(index_module.os, "fsync", fsync)
    with pytest.raises(OutputWriteError) as info:
        write_outputs(out, stats, settings, 1)
    assert info.value.code == EXIT_OUTPUT_ERROR
    assert "磁盘空间不足" in info.value.message
    assert not list(out.glob(".*.tmp-*"))  # temp files removed
    for name in ("fields.csv", "discrepancies.xlsx", "report.html", "summary.json"):
        assert (out / name).read_bytes() == complete[name]  # the previous, complete file


def test_the_command_reports_a_full_disk_with_exit_74(tmp_path, monkeypatch, capsys):
    from extract import cli_batch
    from extract.batch import store as store_module

    folder = _seed_folder(tmp_path, 1)

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "fsync", fsync)
    code = cli_batch.batch_command([folder], tmp_path / "out", 1, None, True, None)
    assert code == 74
    err = capsys.readouterr().err
    assert "磁盘空间不足" in err and "Traceback" not in err
