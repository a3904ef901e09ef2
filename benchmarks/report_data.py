"""A records.jsonl of N documents for the report benchmark and tests: copies of the seed
form's record under distinct paths, and every tenth document a failed one with a code."""

from __future__ import annotations

import json
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "corpus" / "txt" / "seed-huacao-tabs.txt"
FAILED_CODES = ("corrupt", "not-a-document", "empty", "encrypted", "unknown-encoding")


def write_records(outdir: Path, n: int) -> Path:
    """OUTDIR/records.jsonl with `n` records (one in ten failed); returns its path."""
    from extract.pipeline import extract_file, failed_record

    seed = json.loads(extract_file(SEED).model_dump_json())
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / "records.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for number in range(n):
            name = f"reports/{number // 100:02d}/doc-{number:05d}"
            if number % 10 == 9:
                code = FAILED_CODES[number % len(FAILED_CODES)]
                record = json.loads(failed_record(Path(name + ".pdf"), code, f"无法读取（{code}）").model_dump_json())
            else:
                record = dict(seed, source=dict(seed["source"], path=name + ".txt", sha256=f"{number:064x}"))
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
