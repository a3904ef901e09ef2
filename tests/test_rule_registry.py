"""Guard: the registered rule ids are exactly the contract's: record-v1.md's "Discrepancy rules"
plus forms-v1.md's "Rules of the family", plus the extensions named here (`EXTENSIONS`).

Reads ../shared/spec/*.md (CI has them) and falls back to the copies in tests/data/.
"""

from __future__ import annotations

import re
from pathlib import Path

from extract.checks import RULES

HERE = Path(__file__).resolve().parent
# Rules beyond the contract's tables: ocr-confidence (an info on a field read from a scan with
# a low recognizer score) extends it for scanned reports; unread-value (an info naming values
# under a table header no template knows) for the family's local layouts.
EXTENSIONS = {"ocr-confidence", "target-quality", "unread-value"}


def _spec(name: str) -> str:
    candidates = (HERE.parents[1] / "shared" / "spec" / name, HERE / "data" / name)
    return next(path for path in candidates if path.exists()).read_text(encoding="utf-8")


def _table_ids(text: str, heading: str) -> set[str]:
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\|\s*`([a-z][a-z-]*)`\s*\|", section, flags=re.MULTILINE))


def contract_rule_ids() -> set[str]:
    """The ids in the table under record-v1's `## Discrepancy rules`."""
    return _table_ids(_spec("record-v1.md"), "## Discrepancy rules")


def family_rule_ids() -> set[str]:
    """The new ids in the table under forms-v1's `## Rules of the family`."""
    return _table_ids(_spec("forms-v1.md"), "## Rules of the family")


def test_contract_lists_ten_rules():
    assert len(contract_rule_ids()) == 10


def test_family_lists_its_new_rules():
    assert len(family_rule_ids()) in (10, 11)  # 11 with target-quality (the target declaration's)
    assert not family_rule_ids() & contract_rule_ids()


def test_registered_ids_equal_the_contract():
    assert set(RULES) == contract_rule_ids() | family_rule_ids() | EXTENSIONS
    assert not EXTENSIONS & (contract_rule_ids() | family_rule_ids())


def test_registered_severities_are_valid():
    assert all(rule.severity in ("error", "warning", "info") for rule in RULES.values())
