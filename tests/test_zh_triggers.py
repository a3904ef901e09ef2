"""The shipped traditional-character triggers (`parsers/readers/zh_triggers.json`) are exactly
what zhconv's own zh-cn table gives, a text without one is left alone without loading zhconv,
and a text with one is converted as zhconv converts it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import zhconv
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.readers import zh_triggers
from parsers.readers.text_chars import simplified

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "txt" / "seed-huacao-tabs.txt"
TABLE = zhconv.zhconv.getdict("zh-cn")


def test_the_shipped_lists_are_zhconvs_table() -> None:
    shipped = zh_triggers.shipped()
    changing = {key for key, value in TABLE.items() if len(key) == 1 and value != key}
    words = sorted(key for key, value in TABLE.items()
                   if len(key) > 1 and value != key and not any(ch in changing for ch in key))
    assert set(shipped["characters"]) == changing and len(shipped["characters"]) == len(changing)
    assert shipped["words"] == words
    assert shipped["table_bytes"] == os.stat(Path(zhconv.zhconv.__file__).with_name("zhcdict.json")).st_size
    assert "萬" in changing and "项" not in changing and "覆核" in words  # 覆 and 核 change only together


def test_the_script_writes_the_shipped_file(tmp_path: Path) -> None:
    out = tmp_path / "triggers.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_zh_triggers.py"), "--out", str(out)],
                            capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.read_bytes() == zh_triggers.TRIGGERS_FILE.read_bytes()


def test_a_text_with_a_trigger_is_converted() -> None:
    assert simplified("預算執行數：萬元") == "预算执行数：万元"
    assert simplified("经财政局批覆的项目") == "经财政局批复的项目"  # a word trigger, no character trigger
    assert simplified("「全年」") == zhconv.convert("「全年」", "zh-cn") != "「全年」"


def test_a_simplified_text_loads_no_zhconv(tmp_path: Path) -> None:
    code = ("import sys, json\n"
            "from parsers.readers.text_chars import simplified\n"
            f"text = open({str(SEED)!r}, encoding='utf-8').read()\n"
            "same = simplified(text) == text\n"
            "print(json.dumps({'same': same, 'zhconv': 'zhconv' in sys.modules}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            check=False, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout) == {"same": True, "zhconv": False}
    assert zhconv.convert(SEED.read_text(encoding="utf-8"), "zh-cn") == SEED.read_text(encoding="utf-8")


_PIECES = sorted(TABLE)[::7] + list("项目预算执行数万元年度绩效指标完成情况批复合计，。：1234 ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_simplified_is_zhconvs_conversion(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert simplified(text) == zhconv.convert(text, "zh-cn")


def test_a_table_of_another_size_gives_its_own_lists(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(zh_triggers, "shipped", lambda: {"table_bytes": -1, "characters": "", "words": []})
    zh_triggers.triggers.cache_clear()
    try:
        derived = zh_triggers.triggers()
        assert derived is not None and "萬" in derived.characters and "覆核" in derived.words
        assert derived.found_in("批覆") and not derived.found_in("项目批复")
    finally:
        zh_triggers.triggers.cache_clear()
