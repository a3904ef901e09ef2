"""parsers.narrative: figures, the quantities they refer to, expressions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.arithmetic import evaluate
from parsers.narrative import scan_text

SEED = "本项目2024年初预算安排为58.1万元，调整预算1.225万元，预算调整数56.875万元，预算调整率97.89%。"


def test_seed_sentence_quantities():
    facts, _ = scan_text(SEED)
    assert [(f.quantity, f.value, f.unit) for f in facts] == [
        ("annual_budget", Decimal("58.1"), "万元"),
        ("adjusted_budget", Decimal("1.225"), "万元"),
        ("adjustment_total", Decimal("56.875"), "万元"),
        ("adjustment_rate", Decimal("97.89"), "%"),
    ]
    assert facts[0].snippet == "年初预算安排为58.1万元"
    assert facts[0].yuan == Decimal("581000") and facts[0].half_ulp == Decimal("500")


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("截至跟踪期实际支出1.225万元", "executed"),
        ("已支出金额为7,501,000.00元", "executed"),
        ("调增资金5万元", "increase"),
        ("调减预算20万元", "decrease"),
        ("调整后预算80万元", "adjusted_budget"),
        ("预算调整为80万元", "adjusted_budget"),
        ("上述1.225万元为监理费", None),
    ],
)
def test_keyword_ties_figure_to_quantity(text, quantity):
    facts, _ = scan_text(text)
    assert facts[0].quantity == quantity


def test_bounds_are_marked():
    facts, _ = scan_text("运行正常（执行率和目标完成度均在75%以上）")
    assert len(facts) == 1 and facts[0].is_bound and facts[0].quantity is None


def test_expression_and_its_result():
    facts, expressions = scan_text("即2.45*50%=1.225万元。")
    assert [(e.computed, e.stated, e.unit) for e in expressions] == [(Decimal("1.225"), Decimal("1.225"), "万元")]
    assert [(f.kind, f.value) for f in facts] == [("amount", Decimal("1.225"))]  # 50% is an operand


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.integers(1, 10_000))
def test_evaluate_precedence(a, b, c):
    assert evaluate(f"{a}+{b}*{c}") == Decimal(a + b * c)
    assert evaluate(f"{a}-{b}/{c}") == Decimal(a) - Decimal(b) / Decimal(c)


def test_evaluate_rejects_division_by_zero():
    assert evaluate("1/0") is None


def test_a_sentence_wrapped_mid_figure_is_read_whole_and_each_figure_keeps_its_line():
    from parsers.lines import build_document
    from parsers.narrative import scan_document
    from schemas.document import Paragraph
    from schemas.record import Source

    lines = ["1、预算执行情况", "本项目2024年初预算安排为58.1万", "元，调整预算56.1万元，预算调整数2万元。", "截至跟踪期实际支出49.5万元。"]
    document = build_document(Source(path="x.txt"), [Paragraph(text=t) for t in lines])
    facts = scan_document(document).facts
    got = [(f.quantity, f.value, f.unit, f.location.line) for f in facts]
    assert got == [
        ("annual_budget", Decimal("58.1"), "万元", 2),
        ("adjusted_budget", Decimal("56.1"), "万元", 3),
        ("adjustment_total", Decimal("2"), "万元", 3),
        ("executed", Decimal("49.5"), "万元", 4),
    ]


def test_keyword_patterns_hold_only_their_quantities_groups():
    # `_quantity` reads the matched quantity as the match's last group: a capturing group
    # inside a keyword's alternative would break that (the vocabulary groups with `(?:…)`).
    from parsers.narrative import _AMOUNT_KEYWORDS, _RATE_KEYWORDS

    for pattern in (_AMOUNT_KEYWORDS, _RATE_KEYWORDS):
        assert pattern.groups == len(pattern.groupindex)


def test_full_width_rates_and_lines_without_units():
    facts, _ = scan_text("预算执行率８６．１２％，共３个阶段。")
    assert [(f.quantity, f.value, f.unit) for f in facts] == [("execution_rate", Decimal("86.12"), "%")]
    assert scan_text("1、项目于2024年3月启动，共3个阶段。")[0] == []


def test_skipped_lines_are_told_by_place_not_by_object():
    from parsers.lines import build_document
    from parsers.narrative import scan_document
    from schemas.discrepancy import Location
    from schemas.document import Paragraph
    from schemas.record import Source

    lines = ["调整预算56.1万元。", "实际支出49.5万元。"]
    document = build_document(Source(path="x.txt"), [Paragraph(text=t) for t in lines])
    skip = [Location.model_validate({"page": document.lines[0].loc.page, "line": document.lines[0].loc.line})]
    assert [f.quantity for f in scan_document(document, skip).facts] == ["executed"]
