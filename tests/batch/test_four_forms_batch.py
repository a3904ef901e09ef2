"""One batch over a folder holding all four form types: one fields table per type, one report.

The folder holds the samples of corpus/samples/: the seed monitoring report, a Word file of two
self-evaluation forms, a target declaration (text) and an execution-monitoring form (PDF).
The run is the real one (`batch_command`, one worker).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from extract.cli_batch import batch_command

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
FILES = ("seed-huacao-tabs.txt", "self_evaluation_two_forms.docx", "target_declaration_national.txt",
         "execution_monitoring_1to7.pdf")


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("four")
    folder = root / "in"
    folder.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, folder)
    out = root / "out"
    assert batch_command([folder], out, 1, None, True, None) in (0, 1)
    return out


def test_one_fields_table_per_form_type(outdir: Path) -> None:
    assert len(_csv(outdir / "fields.csv")) == 1   # the monitoring form keeps fields.csv
    assert len(_csv(outdir / "fields-self_evaluation.csv")) == 2
    declaration = _csv(outdir / "fields-target_declaration.csv")
    execution = _csv(outdir / "fields-execution_monitoring.csv")
    assert [row["project_name"] for row in declaration] == ["2024年莘庄镇中小河道综合整治项目"]
    assert declaration[0]["project_attribute"] == "新增项目"
    assert declaration[0]["funds.annual.total_yuan"] == "4000000.00"
    assert [row["months"] for row in execution] == ["7"]
    assert execution[0]["funds.total.rate_pct"] == "53.3300"
    assert not (outdir / "fields-monitoring.csv").exists()


def test_long_tables_carry_the_period(outdir: Path) -> None:
    indicators = _csv(outdir / "indicators.csv")
    declared = [row for row in indicators if row["form_type"] == "target_declaration"]
    assert [row["period"] for row in declared] == ["medium_term"] * 6 + ["annual"] * 6
    causes = [row["deviation_causes"] for row in indicators if row["form_type"] == "execution_monitoring"]
    assert causes[1] == "人员保障"
    funds = [row for row in _csv(outdir / "funds.csv") if row["form_type"] == "target_declaration"]
    assert sorted((row["row"], row["period"]) for row in funds) == [("annual", "annual"), ("medium_term", "medium_term")]


def test_one_report_for_every_form(outdir: Path) -> None:
    assert len(list(outdir.glob("*.html"))) == 1
    report = (outdir / "report.html").read_text(encoding="utf-8")
    for name in ("2024年莘庄镇中小河道综合整治项目", "2024年江川路街道为老服务中心运营项目"):
        assert name in report
