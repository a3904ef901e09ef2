"""The plain data of a template file (parsers/forms/*.yaml), from its YAML or its shipped copy.

Owns turning a template's YAML text into the mapping `schemas.template.FormTemplate`
validates. The YAML files are the templates; `parsers/forms/templates.json` holds, for each
file, the SHA-256 of its text and the same data already parsed (made by
`scripts/make_template_data.py`), so a run whose templates are as shipped reads JSON and never
imports PyYAML. A file whose text differs from the digest recorded (an edited template, a
template not shipped) is parsed from its YAML, with libyaml's safe loader when PyYAML has it.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from schemas.errors import TemplateError

SHIPPED = Path(__file__).with_name("forms") / "templates.json"


def digest(text: str) -> str:
    """The SHA-256 (hex) of a template's text, as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _shipped() -> dict[str, Any]:
    """name -> {"sha256": …, "data": …} of the shipped templates (empty when the file is absent)."""
    try:
        with open(SHIPPED, encoding="utf-8") as handle:
            content: dict[str, Any] = json.load(handle)
    except FileNotFoundError:
        return {}
    return content


def from_yaml(name: str, text: str) -> Any:
    """The data of a template's YAML text; a TemplateError naming the file if it is not YAML."""
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # ~10x the pure-Python one
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise TemplateError(f"模板 {name} 无效: {exc}") from exc


def template_data(name: str, text: str) -> Any:
    """The data of template file `name` whose text is `text`: the shipped copy when it was made
    from this very text, else parsed from the YAML."""
    entry = _shipped().get(name)
    if entry is not None and entry.get("sha256") == digest(text):
        return entry["data"]
    return from_yaml(name, text)
