"""Write `parsers/readers/zh_triggers.json` from the installed zhconv's zh-cn table.

    python scripts/make_zh_triggers.py [--out PATH]

Run after changing the zhconv version; not needed at run time (the reader loads the file it
writes). `tests/test_zh_triggers.py` fails while the shipped file differs from what this writes.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from parsers.readers.zh_triggers import TRIGGERS_FILE, installed_table, triggers_of, zhconv_module


def content() -> dict[str, object]:
    """The file's content for the installed zhconv: its table's size and the two trigger lists."""
    table = installed_table()
    if table is None:
        raise SystemExit("zhconv is not installed")
    found = triggers_of(zhconv_module().zhconv.getdict("zh-cn"))
    return {"table_bytes": os.stat(table).st_size, "characters": "".join(sorted(found.characters)),
            "words": list(found.words)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TRIGGERS_FILE)
    args = parser.parse_args()
    args.out.write_text(json.dumps(content(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
