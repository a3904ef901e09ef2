"""A store mixing monitoring and self-evaluation records: every output, each form in its table.

The store holds the seed monitoring report (read by the real pipeline), a self-evaluation
form with a planted fault, a clean one, and a file of two self-evaluation forms
(`source.part` 1 and 2, one sha256); the outputs are rebuilt from it as a batch run does.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from extract.batch.engine import RunStats
from extract.checks import run_checks
from extract.outputs import write_outputs
from extract.outputs.flatten import COLUMN_NAMES
from extract.pipeline import extract_file
from extract.settings import CheckSettings, Settings
from schemas.record import Part
from tests.checks.family_factory import make_self_evaluation

SEED = Path(__file__).resolve().parents[2] / "corpus" / "txt" / "seed-huacao-tabs.txt"


def _self_evaluation(path: str, sha: str, part: Part | None = None, **changes: object) -> dict:
    document, record = make_self_evaluation(**changes)  # type: ignore[arg-type]
    record = run_checks(document, record, CheckSettings())
    source = record.source.model_copy(update={"path": path, "sha256": sha, "part": part})
    return json.loads(record.model_copy(update={"source": source, "jixiao_version": "t"}).model_dump_json())


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("family") / "out"
    out.mkdir()
    monitoring = json.loads(extract_file(SEED).model_dump_json())
    records = [
        monitoring,
        _self_evaluation("b/自评-错.txt", "b" * 64, **{"funds.total.executed": "118.00", "grade": "良"}),
        _self_evaluation("c/自评-净.txt", "c" * 64),
        _self_evaluation("d/多表.pdf", "d" * 64, Part(index=2, count=2, pages=(3, 4)), project_name="第二个项目"),
        _self_evaluation("d/多表.pdf", "d" * 64, Part(index=1, count=2, pages=(1, 2)), project_name="第一个项目"),
    ]
    with (out / "records.jsonl").open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    write_outputs(out, RunStats(), Settings(), 1)
    return out


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_table_is_written(outdir: Path):
    for name in ("fields.csv", "fields.parquet", "fields-self_evaluation.csv", "fields-self_evaluation.parquet",
                 "indicators.csv", "indicators.parquet", "funds.csv", "funds.parquet", "discrepancies.csv",
                 "discrepancies.xlsx", "report.html", "summary.json"):
        assert (outdir / name).is_file(), name
    assert not (outdir / "fields-target_declaration.csv").exists()  # no such form in the store


def test_monitoring_keeps_its_fields_table(outdir: Path):
    with (outdir / "fields.csv").open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == COLUMN_NAMES
    rows = _csv(outdir / "fields.csv")
    assert len(rows) == 1 and "华漕" in rows[0]["town"]


def test_self_evaluation_fields_table(outdir: Path):
    rows = _csv(outdir / "fields-self_evaluation.csv")
    assert [(r["path"], r["part"]) for r in rows] == [
        ("b/自评-错.txt", ""), ("c/自评-净.txt", ""), ("d/多表.pdf", "1"), ("d/多表.pdf", "2")]
    faulty = rows[0]
    assert faulty["funds.total.executed_yuan"] == "1180000.00"
    assert faulty["funds.total.executed_unit"] == "万元"
    assert faulty["funds.total.rate_pct"] == "90.0000" and faulty["total_score"] == "96.0000"
    assert faulty["year"] == "2023" and faulty["n_indicators"] == "4"
    assert int(faulty["n_error"]) >= 2 and rows[1]["n_error"] == "0" and rows[1]["n_warning"] == "0"
    table = pq.read_table(outdir / "fields-self_evaluation.parquet")
    assert table.schema.field("funds.total.executed_yuan").type == pa.decimal128(18, 2)
    assert table.schema.field("funds.total.score").type == pa.decimal128(18, 4)
    assert table.schema.field("year").type == pa.int32()
    assert table.column("funds.fiscal.annual_budget_yuan").to_pylist()[0] == Decimal("1100000.00")


def test_indicators_long_table(outdir: Path):
    rows = _csv(outdir / "indicators.csv")
    assert len(rows) == 16  # four forms of four indicators
    first = rows[0]
    assert first["document_id"] == "b" * 64 and first["form_type"] == "self_evaluation" and first["position"] == "1"
    assert (first["target_raw"], first["target_op"], first["target_value"], first["target_unit"]) == (
        "≥50公里", ">=", "50.0000", "公里")
    assert first["actual_raw"] == "52公里" and first["weight"] == "30.0000"
    assert {r["document_id"] for r in rows} >= {"d" * 64 + "#1", "d" * 64 + "#2"}
    table = pq.read_table(outdir / "indicators.parquet")
    assert table.schema.field("score").type == pa.decimal128(18, 4)
    assert "forecast_raw" in table.schema.names and "period" in table.schema.names  # every form's keys


def test_funds_long_table(outdir: Path):
    rows = _csv(outdir / "funds.csv")
    first_form = [r for r in rows if r["document_id"] == "b" * 64]
    assert [r["row"] for r in first_form] == ["total", "fiscal", "carryover"]
    assert first_form[0]["label"] == "年度资金总额" and first_form[0]["executed_yuan"] == "1180000.00"
    table = pq.read_table(outdir / "funds.parquet")
    assert table.schema.field("annual_budget_yuan").type == pa.decimal128(18, 2)
    assert table.schema.field("rate_pct").type == pa.decimal128(18, 4)


def test_discrepancies_of_every_form(outdir: Path):
    rows = _csv(outdir / "discrepancies.csv")
    by_path = {r["path"] for r in rows}
    assert any("seed" in p for p in by_path) and "b/自评-错.txt" in by_path
    assert "c/自评-净.txt" not in by_path
    rules = {r["rule"] for r in rows if r["path"] == "b/自评-错.txt"}
    assert {"funds-sum", "grade-band"} <= rules
    funds = next(r for r in rows if r["rule"] == "funds-sum")
    assert "年度资金总额·全年执行数" in funds["message"] and funds["location"]
    sheet = load_workbook(outdir / "discrepancies.xlsx").active
    assert sheet.max_row == len(rows) + 1


def test_report_names_type_project_and_year(outdir: Path):
    html = (outdir / "report.html").read_text(encoding="utf-8")
    # four self-evaluation forms, each with its form line, and one row in the totals by form type
    assert html.count("<code>self_evaluation</code>") == 4 + 1 and "<code>monitoring</code>" in html
    assert "2023年度" in html and "第一个项目" in html and "第2/2份" in html and "d/多表.pdf#2" in html
    assert "年度资金总额·全年执行数（funds.total.executed）" in html


def test_a_real_batch_over_a_mixed_folder(tmp_path: Path):
    """The seed and the self-evaluation samples read by the pipeline, in one batch."""
    import shutil

    from extract.batch import run_batch
    from extract.batch.pool import DEFAULT_EXTRACTOR
    from extract.batch.progress import QuietReporter

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "monitoring.txt")
    shutil.copy(corpus / "self_evaluation" / "national_tabs_wanyuan.txt", folder / "self.txt")
    shutil.copy(corpus / "self_evaluation" / "word_two_forms_merged.docx", folder / "two.docx")
    out = tmp_path / "out"
    stats = run_batch(sorted(folder.iterdir()), out, Settings(), workers=1, extractor=DEFAULT_EXTRACTOR,
                      reporter=QuietReporter())
    write_outputs(out, stats, Settings(), 1)
    assert len(_csv(out / "fields.csv")) == 1
    forms = _csv(out / "fields-self_evaluation.csv")
    assert [(Path(r["path"]).name, r["part"]) for r in forms] == [("self.txt", ""), ("two.docx", "1"), ("two.docx", "2")]
    assert all(r["n_error"] == "0" and r["n_warning"] == "0" for r in forms)  # clean samples
    assert {r["form_type"] for r in _csv(out / "indicators.csv")} == {"self_evaluation"}
    assert len({r["document_id"] for r in _csv(out / "funds.csv")}) == 3
