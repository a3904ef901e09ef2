"""What a record carries so that it can be traced without the run's files: the reader that
read it (its identity with sha256 and part), the versions of the rules that checked it, and
the batch run that read it.

The pipeline stamps `source.reader` and `rules`; the batch engine stamps `run_id` on each
record line as it is appended (`stamp_run`), so workers need not know the run.
"""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import PurePath

from extract.version import __version__

_NULL_RUN = '"run_id":null'
_HEAD_CHARS = 200  # run_id is the third key of a serialised record: it stands in the head


def reader_for(path: str) -> str:
    """The reader the suffix of `path` selects ("text", "docx", "doc", "pdf"; else "unsupported")."""
    from parsers.readers import READERS

    return _reader_name(READERS.get(_suffix(path), "unsupported"))


def _suffix(path: str) -> str:
    """`PurePath(path).suffix.lower()`, without building a path unless the last part is empty,
    "." or ".." (which a path drops or keeps whole)."""
    name = path[path.rfind("/") + 1:]
    if not name or name in (".", ".."):
        return PurePath(path).suffix.lower()
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


@lru_cache(maxsize=16)
def _reader_name(module: str) -> str:
    """The last part of a reader's module name."""
    return module.rsplit(".", 1)[-1]


def rule_versions() -> dict[str, str]:
    """{rule id: version} of the registered rules (a rule without `version` has jixiao's)."""
    from extract.checks import RULES

    return {str(rule_id): str(getattr(rule, "version", None) or __version__)
            for rule_id, rule in sorted(RULES.items())}


def new_run_id() -> str:
    """A run id that sorts by start time and is unique across machines: 20261201T230501Z-3f9a1c2b."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + secrets.token_hex(4)


def stamp_run(line: str, run_id: str) -> str:
    """The record line `line` with its `run_id` set (a run id already set is kept)."""
    head = line[:_HEAD_CHARS]
    if _NULL_RUN in head:
        return head.replace(_NULL_RUN, f'"run_id":{json.dumps(run_id)}', 1) + line[_HEAD_CHARS:]
    if '"run_id":' in head:
        return line
    record = json.loads(line)
    record.setdefault("run_id", run_id)
    return json.dumps(record, ensure_ascii=False)


def stamp_lines(lines: str, run_id: str) -> str:
    """`stamp_run` on each record line of `lines` (a document of several forms has several)."""
    return "\n".join(stamp_run(line, run_id) for line in lines.split("\n"))
