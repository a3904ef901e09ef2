"""Layering points one way: schemas <- parsers <- extract, imports inside functions counted.

Every module of the three packages is parsed (not imported), and every import statement in
it is read wherever it stands: at the top, inside a function, under `TYPE_CHECKING`. A
dotted module name in a string (what `importlib.import_module` is handed) counts as well,
so no upward import can hide behind laziness.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"schemas": 0, "parsers": 1, "extract": 2}
_MODULE_STRING = regex.compile(r"^(schemas|parsers|extract)(\.[A-Za-z_]\w*)+$")  # dotted: a module path


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module an `ImportFrom` names (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in `path`, at any depth, and every module-name string."""
    module = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, _absolute(node, module, path.name == "__init__.py")))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _MODULE_STRING.match(node.value):
            found.append((node.lineno, node.value))
    return sorted(found)


def violations(package: str) -> list[str]:
    """Imports in `package` of a package above it, as `path:line -> module`."""
    rank = LAYERS[package]
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for line, name in imported_modules(path):
            top = name.split(".")[0]
            if LAYERS.get(top, -1) > rank:
                bad.append(f"{path.relative_to(ROOT)}:{line} -> {name}")
    return bad


@pytest.mark.parametrize("package", ["schemas", "parsers"])
def test_no_package_imports_a_higher_one(package):
    assert violations(package) == []


def test_the_walk_sees_lazy_and_string_imports(tmp_path, monkeypatch):
    fake = tmp_path / "parsers" / "sub"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("", encoding="utf-8")
    (fake / "lazy.py").write_text(
        "import importlib\n"
        "def f():\n    from extract.settings import Settings\n    return Settings\n"
        "def g():\n    return importlib.import_module('extract.pipeline')\n"
        "from .. import readers\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    assert violations("parsers") == [
        "parsers/sub/lazy.py:3 -> extract.settings",
        "parsers/sub/lazy.py:6 -> extract.pipeline",
    ]
    assert imported_modules(fake / "lazy.py")[-1] == (7, "parsers")
