"""Targets and scores as forms-v1 shapes them."""

from __future__ import annotations

import pytest

from parsers.fields.target import parse_score, parse_target


@pytest.mark.parametrize(
    ("text", "op", "value", "unit"),
    [
        ("≥95%", ">=", "95", "%"),
        ("≧ 95 %", ">=", "95", "%"),
        ("≦48小时", "<=", "48", "小时"),
        ("＞85%", ">", "85", "%"),
        ("＜3次", "<", "3", "次"),
        ("＝100%", "=", "100", "%"),
        ("﹦1次", "=", "1", "次"),
        ("不低于80%", ">=", "80", "%"),
        ("不少于1200人次", ">=", "1200", "人次"),
        ("90%以上", ">=", "90", "%"),
        ("不高于5%", "<=", "5", "%"),
        ("不超过500万元", "<=", "500", "万元"),
        ("30天以下", "<=", "30", "天"),
        ("126套", None, "126", "套"),
        ("及时", None, None, None),
        ("2023年10月底前", None, None, None),
    ],
)
def test_targets(text: str, op: str | None, value: str | None, unit: str | None) -> None:
    target = parse_target(text)
    assert target is not None
    assert (target.raw, target.op, target.value, target.unit) == (text, op, value, unit)


@pytest.mark.parametrize("text", ["", "—", "——", "-", "/", "无"])
def test_empty_number_cells_are_null(text: str) -> None:
    assert parse_score(text) is None
    assert parse_target(text) is None


def test_scores_as_printed() -> None:
    assert parse_score("9.5") == "9.5"
    assert parse_score("10分") == "10"
    assert parse_score("１００") == "100"
