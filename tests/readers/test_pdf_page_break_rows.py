"""A self-evaluation table that runs over a page break, its first column an empty merged label
column (绩效指标): the first row on the new page is a row of its own, not the rest of the last
row of the page before (its scores `10` must not be glued to the `4` above as `410`)."""

from __future__ import annotations

from pathlib import Path

from corpus.generator.family import generate
from extract.pipeline import extract_records


def test_first_row_after_a_page_break_stays_a_row(tmp_path: Path) -> None:
    docs = generate(tmp_path, 6, 4242, ["pdf"])
    doc = next(d for d in docs if d.path.name == "family-pdf_0002.pdf")
    wanted = [f["record"] for f in doc.expected["forms"] if f["record"]["form"]["type"] == "self_evaluation"]
    got = [r for r in extract_records(doc.path) if r.form.type == "self_evaluation"]
    assert len(got) == len(wanted) >= 1
    for record, want in zip(got, wanted, strict=True):
        indicators = [i.model_dump(mode="json") for i in record.fields.indicators]  # type: ignore[union-attr]
        assert [(i["level1"], i["name"], i["weight"], i["score"]) for i in indicators] == [
            (i["level1"], i["name"], i["weight"], i["score"]) for i in want["fields"]["indicators"]]
        assert not [d for d in record.discrepancies if d.severity in ("error", "warning")]
