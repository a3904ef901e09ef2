"""Form recognition and one record per form, through the pipeline and the commands."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extract.cli import app
from extract.pipeline import extract_file, extract_records
from tests.conftest import CORPUS

SELF = CORPUS / "self_evaluation"
SEED = CORPUS / "txt" / "seed-huacao-tabs.txt"


def test_a_document_of_no_known_form_is_one_error_and_no_rule(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("会议纪要\n\n一、会议议定事项\n请各部门按时报送材料。\n", encoding="utf-8")
    records = extract_records(path)
    assert len(records) == 1
    record = records[0]
    assert record.status == "failed"
    assert [error.code for error in record.errors] == ["unrecognized-form"]
    assert "项目支出绩效自评表" in record.errors[0].message
    assert record.discrepancies == []


def test_self_evaluation_without_title_is_known_by_its_labels(tmp_path: Path) -> None:
    lines = (SELF / "national_tabs_wanyuan.txt").read_text(encoding="utf-8").splitlines()
    untitled = tmp_path / "untitled.txt"
    untitled.write_text("\n".join(line for line in lines if "自评表" not in line) + "\n", encoding="utf-8")
    record = extract_file(untitled)
    assert record.form.type == "self_evaluation"
    assert record.fields.funds.total.executed.yuan == "4560000.00"
    assert len(record.fields.indicators) == 6


def test_several_forms_give_records_in_order_with_parts() -> None:
    records = extract_records(SELF / "tabs_two_forms_yuan.txt")
    assert [r.fields.project_name for r in records] == ["2022年梅陇镇老年助餐服务项目", "2022年梅陇镇社区文化活动项目"]
    assert [(r.source.part.index, r.source.part.count) for r in records] == [(1, 2), (2, 2)]
    first, second = (r.source.part.lines for r in records)
    assert first[1] < second[0]
    assert records[1].provenance["project_name"].line == second[0] + 3  # lines of the whole file
    docx = extract_records(SELF / "word_two_forms_merged.docx")
    assert [r.source.part.pages for r in docx] == [(1, 1), (2, 2)]


def test_a_monitoring_form_is_one_record_without_part() -> None:
    records = extract_records(SEED)
    assert len(records) == 1 and records[0].source.part is None
    assert records[0].form.type == "monitoring"
    assert "part" not in json.loads(records[0].model_dump_json())["source"]


def test_extract_writes_every_record_and_schema_per_form(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(SELF / "tabs_two_forms_yuan.txt"), str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["form"]["type"] for line in lines] == ["self_evaluation", "self_evaluation", "monitoring"]
    one = runner.invoke(app, ["schema", "--form", "self_evaluation"])
    assert one.exit_code == 0 and "indicators" in json.loads(one.output)["properties"]
    every = json.loads(runner.invoke(app, ["schema"]).output)
    assert {"SelfEvaluationFields", "Fields", "Part"} <= set(every["$defs"])
    assert runner.invoke(app, ["schema", "--form", "nope"]).exit_code == 2
