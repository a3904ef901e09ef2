"""Write `parsers/forms/templates.json`: each shipped template's YAML parsed, with its digest.

    python scripts/make_template_data.py [--out PATH]

Run after editing a template (parsers/forms/*.yaml); not needed at run time, where a template
whose text no longer matches its digest is read from its YAML (`parsers.template_data`).
`tests/test_template_data.py` fails while the shipped file differs from what this writes.
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path
from typing import Any

from parsers.forms import TEMPLATE_FILES
from parsers.template_data import SHIPPED, digest, from_yaml


def plain(value: Any, where: str) -> None:
    """Raise unless `value` is JSON as it is (string keys; strings, numbers, booleans, null):
    YAML can hold dates, sets and number keys, which a JSON copy would change."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise SystemExit(f"{where}: key {key!r} is not a string")
            plain(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            plain(item, f"{where}[{index}]")
    elif value is not None and not isinstance(value, str | int | float | bool):
        raise SystemExit(f"{where}: {type(value).__name__} {value!r} has no JSON form")


def content() -> dict[str, Any]:
    """name -> {"sha256", "data"} of every template file jixiao ships."""
    out: dict[str, Any] = {}
    for name in TEMPLATE_FILES:
        text = resources.files("parsers").joinpath("forms", name).read_text(encoding="utf-8")
        data = from_yaml(name, text)
        plain(data, name)
        out[name] = {"sha256": digest(text), "data": data}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SHIPPED)
    args = parser.parse_args()
    args.out.write_text(json.dumps(content(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
