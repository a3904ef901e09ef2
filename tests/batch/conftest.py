"""Fixtures for the batch tests: a folder of mixed documents built from the seed report."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEED = REPO / "corpus" / "txt" / "seed-huacao-tabs.txt"  # the shared seed, kept in the corpus
FAKE = "batch_fakes:fake_extract"

if str(HERE) not in sys.path:  # the workers import batch_fakes by name
    sys.path.insert(0, str(HERE))


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_variant(index: int) -> str:
    """The seed with another town, project year and budget figure: same dialect, new content."""
    towns = ["七宝镇", "梅陇镇", "虹桥镇", "马桥镇", "吴泾镇", "浦江镇", "颛桥镇"]
    text = seed_text().replace("华漕镇", towns[index % len(towns)])
    return text.replace("58.1万元", f"{58 + index}.1万元").replace("84\n", f"{84 + index}\n")


@pytest.fixture
def make_variant():
    """`seed_variant` for tests that add documents."""
    return seed_variant


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Good tab-dialect documents (one in a subfolder, one byte-identical copy) plus broken ones."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(seed_text(), encoding="utf-8")
    (folder / "b.txt").write_text(seed_variant(1), encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(seed_variant(2), encoding="utf-8")
    shutil.copy(folder / "a.txt", folder / "sub" / "a-copy.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "garbage.docx").write_bytes(b"this is not a zip file at all\x00\x01")
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.4\n garbage \x00\xff truncated")
    return folder
