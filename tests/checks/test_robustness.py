"""Property: whatever the record holds, the checker never raises, sorts its output, and every
relabelled amount with a stated unit is explained by a unit-mismatch discrepancy."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.checks import run_checks
from extract.settings import CheckSettings
from parsers.lines import build_document
from schemas.document import Paragraph
from schemas.fields import AMOUNT_FIELDS, Period
from schemas.record import Record, Source, Status

from .factory import amount, make_case

figures = st.sampled_from(["0", "1.225", "56.875", "58.1", "84", "100.00", "581,000.00", "1", "0.01", "99999999"])
units = st.sampled_from(["元", "万元", "亿元", None])
sentences = st.lists(
    st.sampled_from([
        "本项目2024年初预算安排为58.1万元，调整预算1.225万元，预算调整数56.875万元，预算调整率97.89%。",
        "截至跟踪期实际支出1.225万元，预算执行率100%。", "即2.45*50%=1.225万元。", "调增资金0万元。",
        "合计10/0=3万元", "执行率在75%以上", "已支出金额为581,000.00元", "预算执行率为0%", "调减84元",
    ]),
    max_size=4,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.dictionaries(st.sampled_from(AMOUNT_FIELDS), st.one_of(st.none(), st.tuples(figures, units))),
    pct=st.one_of(st.none(), st.sampled_from(["0", "100", "88.53", "abc"])),
    needed=st.sampled_from([None, True, False]),
    narrative=sentences,
    conclusion=st.sampled_from(["运行正常（执行率和目标完成度均在75%以上）", "运行偏差较大（执行率低于50%）", "运行正常", ""]),
    period=st.sampled_from([None, Period(start=date(2024, 1, 1)), Period(start=date(2025, 1, 1), end=date(2024, 1, 1))]),
)
def test_checker_never_raises(values, pct, needed, narrative, conclusion, period):
    overrides = {k: (amount(*v) if v else None) for k, v in values.items()}
    case = make_case(narrative=narrative, conclusion=conclusion, execution_progress_pct=pct,
                     adjustment_needed=needed, tracking_period=period, **overrides)
    record = case.check()
    ranks = [(d.severity.rank, d.rule) for d in record.discrepancies]
    assert ranks == sorted(ranks)
    explained = {d.fields[0] for d in record.discrepancies if d.rule == "unit-mismatch"}
    for name in AMOUNT_FIELDS:
        value = getattr(record.fields, name)
        if value is not None and value.unit_inferred and value.stated_unit is not None:
            assert name in explained, name


def test_empty_record_and_document():
    document = build_document(Source(path="empty.txt"), [Paragraph(text="无关文字")])
    record = run_checks(document, Record(status=Status.PARTIAL, source=document.source), CheckSettings())
    assert [d.rule for d in record.discrepancies] == ["missing-field"]
