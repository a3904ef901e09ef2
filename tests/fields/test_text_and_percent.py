"""String fields and percentages."""

import pytest

from parsers.conclusion import parse_conclusion
from parsers.fields.percent import parse_percent
from parsers.fields.text import parse_text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("上海市闵行区华漕镇人民政府（盖章）", "上海市闵行区华漕镇人民政府"),
        ("七宝镇人民政府 (盖章)", "七宝镇人民政府"),
        ("梅陇镇（公章）", "梅陇镇"),
    ],
)
def test_seal_marks_removed(text, value):
    assert parse_text(text, ("盖章", "公章")) == value


def test_cjk_spaces_removed_latin_kept():
    assert parse_text("华漕镇城市运行 管理中心") == "华漕镇城市运行管理中心"
    assert parse_text("数据和 AI 平台") == "数据和 AI 平台"
    assert parse_text("华漕镇城市运行\n管理中心") == "华漕镇城市运行管理中心"


def test_empty_text_is_none():
    assert parse_text("  ") is None
    assert parse_text("/") is None


@pytest.mark.parametrize(
    ("text", "value"), [("100%", "100"), ("88.53%", "88.53"), ("８８．２４％", "88.24"), ("88.24", "88.24")]
)
def test_percent(text, value):
    assert parse_percent(text) == value


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("运行正常（执行率和目标完成度均在75%以上）", "运行正常"),
        ("运行基本正常，执行率在60%至75%之间", "运行基本正常"),
        ("☐运行正常 ☑运行基本正常 ☐运行偏差较大", "运行基本正常"),
        ("项目运行正常，执行率和目标完成度均达到75%以上。", "运行正常"),
        ("总体运行基本正常", "运行基本正常"),
        ("", None),
    ],
)
def test_conclusion_category(text, category):
    assert parse_conclusion(text) == category


# A digit newer than Python's Unicode tables (U+10D40..: Garay, Unicode 16): the regex module
# calls it a digit, int() and Decimal() cannot read it. It is no figure, and never a crash.
NEW_DIGIT = "\U00010d41"


def test_a_digit_python_cannot_read_is_no_percent():
    assert parse_percent(f"{NEW_DIGIT}%") is None
    assert parse_percent(f"8{NEW_DIGIT}.5%") == "8"
