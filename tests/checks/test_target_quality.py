"""target-quality: the target declaration's indicators a reviewer would send back."""

from __future__ import annotations

from typing import Any

from extract.checks import run_checks
from extract.settings import CheckSettings
from parsers.lines import build_document
from schemas.document import Paragraph
from schemas.forms import TargetDeclarationFields
from schemas.record import FormInfo, Record, Source, Status

from .family_factory import target

TITLE = "项目支出绩效目标申报表（2024年度）"


def clean_indicators() -> list[dict[str, Any]]:
    """中期 and 年度 indicators with measurable outputs, an outcome and a satisfaction indicator."""
    rows = []
    for period, length in (("medium_term", "45"), ("annual", "15")):
        rows += [
            {"period": period, "level1": "产出指标", "level2": "数量指标", "name": "整治河道长度",
             "target": target(f"≥{length}公里", ">=", length, "公里")},
            {"period": period, "level1": "产出指标", "level2": "质量指标", "name": "水质达标率",
             "target": target("≥95%", ">=", "95", "%")},
            {"period": period, "level1": "产出指标", "level2": "时效指标", "name": "完成时间",
             "target": target("2024年12月底前")},
            {"period": period, "level1": "效益指标", "level2": "生态效益指标", "name": "河道水环境",
             "target": target("明显改善")},
            {"period": period, "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "居民满意度",
             "target": target("≥90%", ">=", "90", "%")},
        ]
    return rows


def findings(items: list[dict[str, Any]]) -> list:
    document = build_document(Source(path="td.txt", format="txt"), [Paragraph(text=TITLE)])
    fields = TargetDeclarationFields.model_validate({"project_name": "河道整治项目", "indicators": items})
    record = Record(status=Status.OK, source=document.source,
                    form=FormInfo(type="target_declaration", title=TITLE, year=2024), fields=fields)
    return [d for d in run_checks(document, record, CheckSettings()).discrepancies if d.rule == "target-quality"]


def test_a_clean_declaration_has_no_finding():
    assert findings(clean_indicators()) == []


def test_an_output_indicator_without_a_measurable_target():
    items = clean_indicators()
    items[6]["target"] = target("按要求完成")
    found = findings(items)
    assert len(found) == 1 and "按要求完成" in found[0].message and found[0].fields == ["indicators.6.target"]
    assert found[0].severity == "warning"


def test_no_outcome_or_satisfaction_indicator():
    items = [item for item in clean_indicators() if item["level1"] == "产出指标"]
    found = findings(items)
    assert len(found) == 1 and "效益" in found[0].message


def test_an_annual_target_looser_than_the_medium_term_one():
    items = clean_indicators()
    items[6]["target"] = target("≥90%", ">=", "90", "%")   # 年度 水质达标率 below the 中期 95%
    found = findings(items)
    assert len(found) == 1 and "≥90%" in found[0].message and "≥95%" in found[0].message
    items[6]["target"] = target("≥98%", ">=", "98", "%")   # stricter is fine
    assert findings(items) == []
    items[5]["target"] = target("≥45公里", ">=", "45", "公里")   # quantities are not compared
    assert findings(items) == []
