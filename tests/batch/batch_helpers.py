"""Helpers shared by the batch tests (imported by name: tests/batch is on sys.path)."""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def subprocess_env(extractor: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(HERE), env.get("PYTHONPATH", "")])
    if extractor:
        env["JIXIAO_BATCH_EXTRACTOR"] = extractor
    else:
        env.pop("JIXIAO_BATCH_EXTRACTOR", None)
    return env
