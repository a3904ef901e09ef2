"""A funds block filled in 元 under a 万元 header: reading takes the amounts in the unit their
size shows (record-v1: `unit` is the unit the value is really in, `unit_inferred` true and a
`unit-mismatch` saying why), and only then do the block's sums and rates compare."""

from __future__ import annotations

from tests.layouts.local_forms import extract_text, self_evaluation

_IN_YUAN = {"500.00": "50000000.00", "480.00": "48000000.00", "456.00": "45600000.00",
            "450.00": "45000000.00", "430.00": "43000000.00", "410.00": "41000000.00",
            "\t50.00\t50.00\t46.00\t": "\t5000000.00\t5000000.00\t4600000.00\t"}


def _in_yuan(text: str) -> str:
    for printed, yuan in _IN_YUAN.items():
        text = text.replace(printed, yuan)
    return text


def test_yuan_figures_under_a_wan_header_are_read_in_yuan(tmp_path):
    # Kept in 万元 they were 5000亿元 for one town project: the unit-mismatch said so, but the
    # record carried the 10,000-fold figure.
    (record,) = extract_text(tmp_path, _in_yuan(self_evaluation()))
    funds = record.fields.funds
    total = funds.total.initial_budget
    assert (total.stated_unit, total.unit, total.yuan, total.unit_inferred) == ("万元", "元", "50000000.00", True)
    # the block's smaller figures (500万元 as labelled: plausible alone) share the block's unit
    assert (funds.carryover.executed.unit, funds.carryover.executed.yuan) == ("元", "4600000.00")
    faults = [d for d in record.discrepancies if d.severity != "info"]
    assert [d.rule for d in faults] == ["unit-mismatch"]
    assert "已按元读取" in faults[0].message and "50000000.00万元" in faults[0].message


def test_figures_beyond_any_project_in_two_smaller_units_stay_as_labelled(tmp_path):
    # 亿元 over 5000000.00: 500亿元 in 万元 and 500万元 in 元 are both possible; nothing tells.
    text = self_evaluation().replace("项目资金(万元)", "项目资金(亿元)").replace("500.00", "5000000.00")
    (record,) = extract_text(tmp_path, text)
    total = record.fields.funds.total.initial_budget
    assert (total.unit, total.unit_inferred) == ("亿元", False)
    assert "unit-mismatch" in [d.rule for d in record.discrepancies if d.severity == "error"]
