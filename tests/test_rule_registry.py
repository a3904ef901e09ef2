"""Guard: the registered rule ids are exactly the contract's (record-v1.md, "Discrepancy rules").

Reads ../shared/spec/record-v1.md (CI has it) and falls back to the copy in tests/data/.
"""

from __future__ import annotations

import re
from pathlib import Path

from extract.checks import RULES

HERE = Path(__file__).resolve().parent
CANDIDATES = (HERE.parents[1] / "shared" / "spec" / "record-v1.md", HERE / "data" / "record-v1.md")


def contract_rule_ids() -> set[str]:
    """The ids in the table under `## Discrepancy rules`."""
    spec = next(path for path in CANDIDATES if path.exists())
    text = spec.read_text(encoding="utf-8")
    section = text.split("## Discrepancy rules", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\|\s*`([a-z][a-z-]*)`\s*\|", section, flags=re.MULTILINE))


def test_contract_lists_ten_rules():
    assert len(contract_rule_ids()) == 10


def test_registered_ids_equal_the_contract():
    assert set(RULES) == contract_rule_ids()


def test_registered_severities_are_valid():
    assert all(rule.severity in ("error", "warning", "info") for rule in RULES.values())
