"""Numbered sections and subsections of the narrative."""

from parsers.form_parser import parse_document
from parsers.lines import build_document
from schemas.document import Paragraph
from schemas.record import Source


def _sections(*texts):
    doc = build_document(Source(path="x.txt"), [Paragraph(text=t) for t in texts])
    return parse_document(doc).sections


def test_sections_subsections_and_numbered_items_that_are_not_headings():
    sections = _sections(
        "一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）：",
        "1、项目背景概况",
        "背景。",
        "1、对于数据归集方面，一是规范区、街镇两级应用平台业务流程和内部工作制度。",
        "2、预算安排",
        "预算58.1万元。",
        "二、项目具体实施情况：",
        "本项目执行良好。",
        "三、阶段性跟踪结论：运行正常（执行率在75%以上）",
    )
    assert [s.heading for s in sections] == [
        "一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）：",
        "二、项目具体实施情况：",
        "三、阶段性跟踪结论：",
    ]
    first = sections[0]
    assert [sub.heading for sub in first.subsections] == ["1、项目背景概况", "2、预算安排"]
    assert "一是规范区" in first.subsections[0].text
    assert sections[1].text == "本项目执行良好。"
    assert sections[2].text == "运行正常（执行率在75%以上）"


def test_heading_wrapped_over_two_lines_is_joined():
    sections = _sections("一、项目基本情况（包括项目背景概况、预算安排、", "工作内容和计划时间节点）：", "正文。")
    assert sections[0].heading == "一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）："
    assert sections[0].text == "正文。"


def test_box_table_label_numbered_four_is_not_a_section():
    sections = _sections("三、阶段性跟踪结论：", "运行正常", "四、绩效跟踪", "后项目总体判断")
    assert [s.heading for s in sections] == ["三、阶段性跟踪结论："]


def test_conclusion_provenance_is_the_line_it_stands_on():
    doc = build_document(Source(path="x.txt"), [Paragraph(text=t) for t in (
        "二、项目具体实施情况：", "执行良好。", "三、阶段性跟踪结论：运行正常（执行率在75%以上）", "四、绩效跟踪后项目总体判断")])
    record = parse_document(doc)
    entry = record.provenance["stage_conclusion"]
    assert (record.fields.stage_conclusion, entry.line, entry.text) == ("运行正常", 3, "运行正常（执行率在75%以上）")
