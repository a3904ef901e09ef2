"""Property tests: the text reader and the field parsers never raise anything but ReadError,
and normalisation is idempotent, on arbitrary input."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import extract_document
from parsers.fields.amount import parse_amount
from parsers.fields.choice import option_states
from parsers.fields.percent import parse_percent
from parsers.fields.period import parse_period
from parsers.fields.text import parse_text
from parsers.normalize import clean_text, collapse_cjk_spaces, label_key, one_line, to_ascii
from parsers.readers import source_for
from parsers.readers import text as text_reader
from schemas.errors import ReadError
from schemas.limits import Limits

FORM_WORDS = [
    "项目名称", "当年预算数(元)", "是☐ 否☑", "口", "√", "\t", "\n", "<p>", "</p>", "<input checked type=checkbox>",
    "| a | b |\n|---|---|\n", "<table><tr><td rowspan=2>", "一、", "1、", "１８４．１４４", "８８．２４％",
    "2024年1月1日至2024年8月31日", "第 1 页 共 2 页", "（盖章）", "万元", "7,501,000.00", " ",
]
form_text = st.lists(st.one_of(st.sampled_from(FORM_WORDS), st.text(max_size=20)), max_size=60).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=3000))
def test_text_reader_raises_only_read_errors_on_bytes(data):
    try:
        document = text_reader.read(data, source_for(Path("x.txt"), data), Limits())
    except ReadError:
        return
    extract_document(document)


@FAST
@given(form_text)
def test_text_pipeline_never_crashes_on_form_like_text(text):
    data = text.encode("utf-8")
    try:
        document = text_reader.read(data, source_for(Path("x.txt"), data), Limits())
    except ReadError:
        return
    record = extract_document(document)
    assert record.fields is not None


@FAST
@given(form_text)
def test_field_parsers_never_raise(text):
    parse_amount(text, "元")
    parse_percent(text)
    parse_period(text)
    parse_text(text, ("盖章",))
    option_states(text, ("是", "否"))


@FAST
@given(form_text)
def test_normalisation_is_idempotent(text):
    for function in (to_ascii, collapse_cjk_spaces, clean_text, one_line, label_key):
        once = function(text)
        assert function(once) == once, function.__name__


@FAST
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_amount_round_trip_is_exact(value):
    amount = parse_amount(f"{value:,}", "元")
    assert amount.yuan == f"{value:.2f}"
