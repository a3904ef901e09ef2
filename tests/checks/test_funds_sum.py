"""funds-sum: the total row against the sum of its printed component rows, column by column."""

from __future__ import annotations

from decimal import Decimal

from extract.settings import CheckSettings

from .family_factory import amount, of_rule


def test_clean_funds_add_up():
    assert of_rule("funds-sum") == []


def test_total_that_differs_from_its_parts_is_an_error():
    found = of_rule("funds-sum", **{"funds.total.executed": "118.00", "funds.total.rate_pct": "98.33", "funds.total.score": "9.83"})
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == "error"
    assert "118.00万元" in finding.message and "108万元" in finding.message and "相差10万元" in finding.message
    assert finding.fields == ["funds.total.executed", "funds.fiscal.executed", "funds.carryover.executed"]
    assert any("年度资金总额" in e.text and e.location is not None for e in finding.evidence)


def test_extra_lines_count_and_blanks_are_zero():
    extra = [{"label": "单位资金", "annual_budget": amount("5.00"), "executed": amount("5.00")}]
    changes = {"funds.extra": extra, "funds.total.annual_budget": "125.00", "funds.total.executed": "113.00",
               "funds.total.rate_pct": "90.40", "funds.total.score": "9.04"}
    assert of_rule("funds-sum", **changes) == []
    # the 年初预算数 column: the extra line prints nothing there, counted as 0: still 100 = 100 + 0
    found = of_rule("funds-sum", **{**changes, "funds.total.executed": "108.00", "funds.total.rate_pct": "86.40",
                                    "funds.total.score": "8.64"})
    assert [d.fields[0] for d in found] == ["funds.total.executed"]
    assert "funds.extra.0.executed" in found[0].fields


def test_rounding_of_printed_figures_is_allowed():
    # 33.33 + 33.33 + 33.33 = 99.99 against a printed total of 100.00: within the printed rounding
    changes = {"funds.fiscal.initial_budget": "33.33", "funds.carryover.initial_budget": "33.33",
               "funds.other": {"initial_budget": amount("33.33")}}
    assert of_rule("funds-sum", **changes) == []
    found = of_rule("funds-sum", **{**changes, "funds.other.initial_budget": "33.00"})
    assert len(found) == 1


def test_tolerance_is_a_rule_option():
    changes = {"funds.total.initial_budget": "100.50"}
    assert len(of_rule("funds-sum", **changes)) == 1
    settings = CheckSettings.model_validate({"funds-sum": {"tolerance_yuan": "6000"}})
    assert settings.options_for("funds-sum").tolerance_yuan == Decimal(6000)
    assert of_rule("funds-sum", settings, **changes) == []


def test_no_component_rows_no_finding():
    assert of_rule("funds-sum", **{"funds.fiscal": None, "funds.carryover": None}) == []


def test_an_implausible_figure_is_left_to_unit_mismatch():
    changes = {"funds.total.initial_budget": "145000000.00"}
    assert of_rule("funds-sum", **changes) == []
    assert len(of_rule("unit-mismatch", **changes)) == 1


def test_target_declaration_rows_hold_their_total_and_parts():
    from extract.checks import run_checks
    from parsers.lines import build_document
    from schemas.document import Paragraph
    from schemas.forms import TargetDeclarationFields
    from schemas.record import FormInfo, Record, Source, Status

    def findings(total: str) -> list:
        document = build_document(Source(path="td.txt", format="txt"), [Paragraph(text="项目支出绩效目标申报表（2024年度）")])
        funds = {"annual": {"total": amount(total), "fiscal": amount("80.00"), "other": amount("20.00")}}
        fields = TargetDeclarationFields.model_validate({"project_name": "某项目", "funds": funds})
        record = Record(status=Status.OK, source=document.source, fields=fields,
                        form=FormInfo(type="target_declaration", title="项目支出绩效目标申报表（2024年度）", year=2024))
        return [d for d in run_checks(document, record, CheckSettings()).discrepancies if d.rule == "funds-sum"]

    assert findings("100.00") == []
    found = findings("110.00")
    assert [d.fields for d in found] == [["funds.annual.total", "funds.annual.fiscal", "funds.annual.other"]]
