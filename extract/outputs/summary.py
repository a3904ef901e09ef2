"""summary.json and the one-line summary: what is in OUTDIR and what this run did.

``documents`` / ``ok`` / ``partial`` / ``failed`` / ``discrepancies`` count every record in
records.jsonl (all runs on this OUTDIR); ``run`` describes this run only: inputs found,
documents read, skipped as already recorded, duplicates (byte-identical copies, read once),
and its durations. Rule versions come from ``extract.checks.RULES`` when the checker
provides it (a rule without ``version`` is versioned with jixiao itself).
"""

from __future__ import annotations

import json
import statistics
from typing import Any

from extract.outputs.flatten import SEVERITIES
from extract.outputs.index import StoreIndex, atomic_output
from extract.version import __version__
from extract.vocabulary import Lang, totals_text
from schemas.record import SCHEMA_VERSION


def rule_versions() -> dict[str, str]:
    """{rule_id: version} of the checker's rules, {} when there is no registry yet."""
    try:
        from extract.checks import RULES
    except ImportError:
        return {}
    return {str(rule_id): str(getattr(rule, "version", None) or __version__)
            for rule_id, rule in sorted(RULES.items())}


def _durations(values: Any) -> dict[str, float | None]:
    if not len(values):
        return {"mean": None, "median": None, "max": None}
    return {"mean": round(statistics.fmean(values), 4),
            "median": round(statistics.median(values), 4),
            "max": round(max(values), 4)}


def build_summary(index: StoreIndex, stats: Any, settings: Any, workers: int,
                  discrepancy_rows: int) -> dict[str, Any]:
    """The summary.json document."""
    totals = index.totals
    return {
        "jixiao_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "documents": totals.documents,
        "ok": totals.statuses.get("ok", 0),
        "partial": totals.statuses.get("partial", 0),
        "failed": totals.statuses.get("failed", 0),
        "error_codes": dict(sorted(totals.error_codes.items())),
        "discrepancies": {
            "total": discrepancy_rows,
            "by_severity": {sev: totals.severities.get(sev, 0) for sev in SEVERITIES},
            "by_rule": {rule: dict(counts) for rule, counts in sorted(totals.rules.items())},
        },
        "run": {
            "inputs_found": stats.found,
            "read": stats.planned,
            "read_by_status": dict(sorted(stats.statuses.items())),
            "skipped_already_recorded": stats.skipped,
            "duplicates": len(stats.duplicates),
            "duplicate_paths": stats.duplicates,
            "repaired_partial_line_bytes": stats.repaired_bytes,
            "workers": workers,
            "durations_seconds": {
                "wall": round(stats.wall_seconds, 3),
                "per_document": _durations(stats.durations),
            },
        },
        "rules": rule_versions(),
        "settings": settings.model_dump(mode="json"),
    }


def write_summary(index: StoreIndex, summary: dict[str, Any]) -> None:
    """Write OUTDIR/summary.json."""
    with atomic_output(index.path.parent / "summary.json") as tmp:
        tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def summary_line(summary: dict[str, Any], lang: Lang = "zh") -> str:
    """One line for people, in one language: documents, statuses, problems, this run."""
    statuses = {status: summary[status] for status in ("ok", "partial", "failed")}
    head = totals_text(statuses, summary["discrepancies"]["by_severity"], lang)
    run = summary["run"]
    wall = run["durations_seconds"]["wall"]
    if lang == "en":
        return (f"{head}; this run: read {run['read']}, skipped {run['skipped_already_recorded']}, "
                f"duplicates {run['duplicates']}, {wall:.1f} s")
    return (f"{head}；本次读取 {run['read']} · 跳过 {run['skipped_already_recorded']} · "
            f"重复 {run['duplicates']} · 用时 {wall:.1f} 秒")
