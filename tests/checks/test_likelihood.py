"""likelihood: 完成目标可能性 against the forecast on the execution-monitoring form."""

from __future__ import annotations

from extract.checks import run_checks
from extract.settings import CheckSettings
from parsers.lines import build_document
from schemas.document import Paragraph
from schemas.forms import ExecutionMonitoringFields
from schemas.record import FormInfo, Record, Source, Status

from .family_factory import target


def findings(likelihood: str, forecast: dict) -> list:
    document = build_document(Source(path="em.txt", format="txt"), [Paragraph(text="项目支出绩效目标执行监控表（2024年度）")])
    indicator = {"level1": "产出指标", "level2": "数量指标", "name": "培训人次", "target": target("≥500人次", ">=", "500", "人次"),
                 "progress": target("300人次", None, "300", "人次"), "forecast": forecast, "likelihood": likelihood,
                 "deviation_note": "下半年集中培训"}
    fields = ExecutionMonitoringFields.model_validate({"project_name": "培训项目", "indicators": [indicator]})
    record = Record(status=Status.OK, source=document.source,
                    form=FormInfo(type="execution_monitoring", title="项目支出绩效目标执行监控表（2024年度）", year=2024),
                    fields=fields)
    return [d for d in run_checks(document, record, CheckSettings()).discrepancies if d.rule == "likelihood"]


def test_consistent_likelihood():
    assert findings("确定能", target("520人次", None, "520", "人次")) == []
    assert findings("完全不可能", target("400人次", None, "400", "人次")) == []


def test_contradicting_likelihood():
    found = findings("确定能", target("400人次", None, "400", "人次"))
    assert len(found) == 1 and "确定能" in found[0].message and "400人次" in found[0].message
    assert len(findings("完全不可能", target("500人次", None, "500", "人次"))) == 1
