"""unit-mismatch: an amount's stated unit against the narrative and the table's arithmetic."""

from __future__ import annotations

from decimal import Decimal

from .factory import amount, findings, make_case, of_rule

SEED_LIKE = ("本项目2024年初预算安排为100万元，调减预算20万元，调整后预算80万元。", "截至跟踪期实际支出64万元，预算执行率80%。")


def test_yuan_label_holding_wan_figures_is_flagged_and_corrected():
    case = make_case(unit="元", narrative=SEED_LIKE)
    record = case.check()
    flagged = {d.fields[0]: d for d in of_rule(record, "unit-mismatch")}
    assert set(flagged) == {"annual_budget", "executed", "adjusted_budget", "decrease", "ex_ante_review_budget"}
    assert record.fields.annual_budget.unit == "万元"
    assert record.fields.annual_budget.yuan == "1000000.00"
    assert record.fields.annual_budget.unit_inferred is True
    message = flagged["adjusted_budget"].message
    assert "调整后预算数标注单位为“元”" in message and "调整后预算80万元" in message and "应为万元" in message
    quoted = [e.text for e in flagged["adjusted_budget"].evidence]
    assert quoted == ["调整后预算数 (元)\t80.00", "调整后预算80万元"]
    assert flagged["adjusted_budget"].evidence[1].location.line == 6


def test_amount_without_evidence_follows_the_tables_unit_and_says_so():
    record = make_case(unit="元", narrative=SEED_LIKE).check()
    follow = next(d for d in of_rule(record, "unit-mismatch") if d.fields == ["ex_ante_review_budget"])
    assert "随表格单位" in follow.message
    assert follow.severity == "info"
    assert record.fields.ex_ante_review_budget.unit == "万元"
    assert any(e.location is None and "同表" in e.text for e in follow.evidence)


def test_zero_amount_is_left_unflagged():
    record = make_case(unit="元", narrative=SEED_LIKE).check()
    assert record.fields.increase.unit == "元"
    assert record.fields.increase.unit_inferred is False
    assert not any(d.fields == ["increase"] for d in of_rule(record, "unit-mismatch"))


def test_yuan_figures_matching_wan_narrative_are_consistent():
    # 581,000.00 (元) against 58.1万元 is the same money: no flag.
    narrative = ("本项目2024年初预算安排为58.1万元，调整后预算58.1万元。", "截至跟踪期实际支出46.48万元，预算执行率80%。")
    case = make_case(unit="元", narrative=narrative, annual_budget="581,000.00", adjusted_budget="581,000.00",
                     executed="464,800.00", decrease="0", increase="0", adjustment_needed=False,
                     ex_ante_review_budget="20000")
    record = case.check()
    assert of_rule(record, "unit-mismatch") == []
    assert record.fields.annual_budget.unit == "元"


def test_unlabelled_amounts_take_the_unit_with_infos_only():
    record = make_case(unit=None, narrative=SEED_LIKE).check()
    found = of_rule(record, "unit-mismatch")
    assert found and all(d.severity == "info" for d in found)
    assert record.fields.annual_budget.unit == "万元"
    assert record.fields.annual_budget.yuan_value == Decimal(1000000)


def test_table_arithmetic_decides_a_mixed_reading():
    # 当年 (万元) 100, 调减 (元) 20, 调整后 (元) 80: only 调减/调整后 in 万元 make the identity hold.
    case = make_case(narrative=(), annual_budget=amount("100", "万元"), decrease=amount("20", "元"),
                     adjusted_budget=amount("80", "元"), increase=amount("0", "元"),
                     executed=amount("64", "万元"))
    record = case.check()
    flagged = {d.fields[0] for d in of_rule(record, "unit-mismatch")}
    assert {"decrease", "adjusted_budget"} <= flagged
    assert record.fields.adjusted_budget.yuan == "800000.00"
    assert of_rule(record, "budget-identity") == []


def test_magnitude_alone_is_no_evidence():
    case = make_case(unit="元", narrative=(), annual_budget="1.5", adjusted_budget="1.5", decrease="0",
                     executed="1.2", adjustment_needed=False)
    assert of_rule(case.check(), "unit-mismatch") == []


def test_clean_report_has_no_unit_mismatch():
    assert findings("unit-mismatch") == []


def test_an_amount_without_a_stated_unit_takes_the_narratives_unit_with_an_info():
    from extract.checks import run_checks
    from extract.settings import CheckSettings
    from parsers.form_parser import parse_document
    from parsers.lines import build_document
    from parsers.units import read_units
    from schemas.document import Paragraph
    from schemas.record import Source

    lines = ["当年预算数", "120", "一、项目基本情况：", "本项目年初预算为120万元。"]
    document = build_document(Source(path="x.txt"), [Paragraph(text=t) for t in lines])
    record = run_checks(document, read_units(document, parse_document(document), CheckSettings()))
    annual = record.fields.annual_budget
    assert (annual.stated_unit, annual.unit, annual.yuan, annual.unit_inferred) == (None, "万元", "1200000.00", True)
    (finding,) = [d for d in record.discrepancies if d.rule == "unit-mismatch"]
    assert finding.severity == "info" and finding.fields == ["annual_budget"] and "未标注单位" in finding.message


# -- the family's forms: magnitude -----------------------------------------------------------
def test_self_evaluation_clean_units():
    from .family_factory import of_rule

    assert of_rule("unit-mismatch") == []


def test_self_evaluation_yuan_figures_in_a_wan_column():
    from .family_factory import of_rule

    changes = {"funds.total.initial_budget": "145000000.00", "funds.fiscal.initial_budget": "145000000.00"}
    found = of_rule("unit-mismatch", **changes)
    assert len(found) == 1
    assert "145000000.00万元" in found[0].message and "元" in found[0].message
    assert found[0].fields == ["funds.total.initial_budget", "funds.fiscal.initial_budget"]


def test_self_evaluation_table_and_narrative_differ_by_the_unit_factor():
    from .family_factory import of_rule

    # the narrative in 元 agreeing with the table in 万元 is no fault
    assert of_rule("unit-mismatch", narrative=("2023年全年预算1200000元，实际支出1080000元。",)) == []
    found = of_rule("unit-mismatch", narrative=("2023年全年预算120万元，实际支出108元。",))
    assert len(found) == 1
    assert found[0].fields == ["funds.total.executed"] and "10000倍" in found[0].message
    assert any("实际支出108元" in e.text for e in found[0].evidence)


# -- the decisions handed over by the pipeline ----------------------------------------------
def test_handed_over_decisions_report_what_asking_again_reports():
    from extract.checks import run_checks
    from extract.settings import CheckSettings
    from parsers.units import read_units, units_decided, with_units

    cases = [
        make_case(unit="元", narrative=SEED_LIKE),
        make_case(unit=None, narrative=SEED_LIKE),
        make_case(narrative=(), annual_budget=amount("100", "万元"), decrease=amount("20", "元"),
                  adjusted_budget=amount("80", "元"), increase=amount("0", "元"), executed=amount("64", "万元")),
        make_case(unit="元", narrative=("本项目2024年初预算安排为58.1万元，调整后预算58.1万元。",),
                  annual_budget="581,000.00", adjusted_budget="581,000.00"),
    ]
    settings = CheckSettings()
    for case in cases:
        decided = units_decided(case.document, case.record, settings)
        read = with_units(case.record, decided)
        assert read == read_units(case.document, case.record, settings)
        handed = run_checks(case.document, read, settings, units_decided=decided)
        asked = run_checks(case.document, read, settings)
        assert handed == asked
    assert any(units_decided(c.document, c.record, settings) for c in cases)
