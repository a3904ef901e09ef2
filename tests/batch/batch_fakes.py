"""Fake extractors for the batch tests, loaded by the workers by name ("batch_fakes:fake_extract").

The file name decides the behaviour, so one folder can mix well-behaved documents with a
Python-level hang, a hang the SIGALRM cannot interrupt, a hard crash, a segfault and a bug.
A file whose bytes are a JSON record is returned as that record (for output-safety tests).
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from pathlib import Path

from extract.version import __version__
from schemas.fields import Fields
from schemas.record import Record, Source, Status


def fake_extract(path: Path, settings: object) -> Record:
    """Behave according to the file name; otherwise a small ok record."""
    name = path.name
    if "hang-py" in name:
        time.sleep(120)  # interruptible: the worker's SIGALRM time limit ends it
    if "hang-c" in name:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # like a C loop: no signal gets in
        time.sleep(120)
    if "crash" in name:
        os._exit(7)
    if "segv" in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "boom" in name:
        raise ValueError("boom happened\nsecond line of the message")
    if "slow" in name:
        time.sleep(0.15)
    data = path.read_bytes()
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="txt")
    if data.startswith(b"{"):
        record = Record.model_validate_json(data)
        return record.model_copy(update={"source": source, "jixiao_version": __version__})
    title = data.decode("utf-8", "replace").splitlines()[0] if data else None
    return Record(status=Status.OK, source=source, fields=Fields(project_name=title),
                  jixiao_version=__version__)
