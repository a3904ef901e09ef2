"""Whole forms as Word documents in the layouts local governments make, read into records.

Each document is built here (`tests.readers.form_docx`): cells merged down indicator groups
(`w:vMerge`) and across the grid (`w:gridSpan`), a table split in two by a paragraph, a
nested table, a title in a text box, two forms in one file, amounts that state their own unit,
and every way Word stores a tick box: a checkbox content control (w14), a legacy form field
(checked, or only its default), a Wingdings symbol (F0FE/F0A8), ☑/□ typed as text, and a
small picture pasted in place of a box (its state unknown: never read as "not ticked").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import extract_records
from parsers.readers import source_for
from parsers.readers.docx import read as read_docx
from schemas.document import Table
from schemas.limits import Limits
from tests.readers.docx_builders import body_docx, p, r, with_parts
from tests.readers.form_docx import (
    BOXES,
    DECLARATION_INDICATORS,
    EXECUTION_INDICATORS,
    MONITORING_TITLE,
    PAGE_BREAK,
    SELF_INDICATORS,
    TEXT_BOX_NS,
    block_box,
    execution_monitoring,
    monitoring,
    options,
    picture,
    self_evaluation,
    target_declaration,
    text_box,
)

BOX_KINDS = sorted(BOXES)


def records(tmp_path: Path, data: bytes) -> list:
    path = tmp_path / "form.docx"
    path.write_bytes(data)
    return extract_records(path)


def problems(record) -> list[tuple[str, str]]:
    return [(d.rule, d.message) for d in record.discrepancies if d.severity != "info"]


@pytest.mark.parametrize(("split", "repeat"), [(False, False), (True, False), (False, True)],
                         ids=["one-table", "split-by-paragraph", "continuations-repeat-the-text"])
def test_self_evaluation_with_merged_groups(tmp_path: Path, split: bool, repeat: bool) -> None:
    (record,) = records(tmp_path, body_docx(*self_evaluation(split_by_paragraph=split, repeat_merged=repeat)))
    fields = record.fields
    assert (record.status, record.form.type, record.form.year) == ("ok", "self_evaluation", 2023)
    assert (fields.project_name, fields.department, fields.implementing_unit) == (
        "2023年七宝镇老旧小区综合改造项目", "上海市闵行区七宝镇人民政府", "七宝镇城市建设管理事务中心")
    total = fields.funds.total
    assert (total.initial_budget.raw, total.initial_budget.stated_unit, total.initial_budget.yuan) == (
        "500.00", "万元", "5000000.00")
    assert (total.executed.yuan, total.weight, total.rate_pct, total.score) == ("4560000.00", "10", "95.00", "9.5")
    assert fields.funds.carryover.annual_budget.yuan == "500000.00"
    assert fields.funds.other.initial_budget is None
    levels = [(i.level1, i.level2, i.name) for i in fields.indicators]
    expected_levels, level1, level2 = [], "", ""
    for line in SELF_INDICATORS:
        level1 = (line[0] or level1).split("(")[0]
        level2 = line[1] or level2
        expected_levels.append((level1, level2, line[2]))
    assert levels == expected_levels
    assert [(i.target.raw, i.actual.raw, i.weight, i.score) for i in fields.indicators] == [
        (line[3], line[4], line[5], line[6]) for line in SELF_INDICATORS]
    assert fields.indicators[3].deviation_reason == "两个小区延期"
    assert (fields.total_weight, fields.total_score, fields.grade) == ("100", "97.5", "优")
    assert problems(record) == []


@pytest.mark.parametrize(("after", "note"), [(1, "（续表）"), (3, "续上表"), (4, "接上表：")])
def test_indicator_table_split_in_two_by_a_continuation_note(tmp_path: Path, after: int, note: str) -> None:
    (record,) = records(tmp_path, body_docx(*self_evaluation(split_indicators=(after, note))))
    whole = records(tmp_path, body_docx(*self_evaluation()))[0]
    assert record.fields == whole.fields
    assert len(record.fields.indicators) == len(SELF_INDICATORS)
    assert record.fields.indicators[after].level1 == whole.fields.indicators[after].level1
    assert problems(record) == []


def test_a_table_after_an_unrelated_paragraph_is_no_continuation(tmp_path: Path) -> None:
    (record,) = records(tmp_path, body_docx(*self_evaluation(split_indicators=(3, "附：指标说明"))))
    assert [i.name for i in record.fields.indicators] == [line[2] for line in SELF_INDICATORS[:3]]


def test_a_level1_cell_merged_across_the_level2_column_gives_no_level2(tmp_path: Path) -> None:
    (record,) = records(tmp_path, body_docx(*self_evaluation(level1_across=5)))
    last = record.fields.indicators[5]
    assert (last.level1, last.level2, last.name, last.score) == ("满意度指标", None, "居民满意度", "10")
    assert record.fields.indicators[4].level2 == "社会效益指标"


def test_funds_cells_that_state_their_own_unit(tmp_path: Path) -> None:
    cells = ["5,000,000.00元", "480万元", "4,560,000.00元", "10", "95.00%", "9.5"]
    (record,) = records(tmp_path, body_docx(*self_evaluation(total_cells=cells)))
    total = record.fields.funds.total
    assert (total.initial_budget.raw, total.initial_budget.stated_unit, total.initial_budget.yuan) == (
        "5,000,000.00元", "元", "5000000.00")
    assert (total.annual_budget.stated_unit, total.annual_budget.yuan) == ("万元", "4800000.00")
    assert total.executed.yuan == "4560000.00"


@pytest.mark.parametrize("kind", BOX_KINDS)
def test_monitoring_yes_no_boxes_in_every_word_representation(tmp_path: Path, kind: str) -> None:
    def yes_no(yes: bool) -> str:
        return options(kind, [("是", yes), ("否", not yes)])

    (record,) = records(tmp_path, body_docx(*monitoring(yes_no)))
    fields = record.fields
    assert (record.status, record.form.type, record.form.variant) == ("ok", "monitoring", "key")
    assert (fields.recurring, fields.adjustment_needed) == (False, False)
    groups = {g.question: [(o.label, o.checked) for o in g.options] for g in record.checkboxes}
    assert groups["是否为经常性项目"] == [("是", False), ("否", True)]
    assert groups["是否需要预算调整"] == [("是", False), ("否", True)]
    assert (fields.budget_outlook, fields.goal_outlook) == ("确定能完成", "确定能完成")
    assert problems(record) == []


def test_monitoring_amounts_in_the_unit_their_cell_states(tmp_path: Path) -> None:
    (record,) = records(tmp_path, body_docx(*monitoring()))
    budget, executed = record.fields.annual_budget, record.fields.executed
    assert (budget.raw, budget.stated_unit, budget.unit, budget.yuan, budget.unit_inferred) == (
        "12.5万元", "万元", "万元", "125000.00", False)
    assert (executed.raw, executed.stated_unit, executed.yuan) == ("125,000.00元", "元", "125000.00")
    assert record.fields.execution_progress_pct == "100"
    assert problems(record) == []


def test_picture_boxes_are_unreadable_not_unticked(tmp_path: Path) -> None:
    def pictures(_yes: bool) -> str:
        return p(r("是"), picture(), r(" 否"), picture())

    data = body_docx(*monitoring(pictures))
    (record,) = records(tmp_path, data)
    assert (record.fields.recurring, record.fields.adjustment_needed) == (None, None)
    state = [(d.rule, d.fields) for d in record.discrepancies if d.severity == "error"]
    assert state == [("checkbox-state", ["recurring"]), ("checkbox-state", ["adjustment_needed"])]
    assert all("无法判读" in d.message and "未勾选" not in d.message for d in record.discrepancies
               if d.rule == "checkbox-state")
    document = read_docx(data, source_for(Path("form.docx"), data), Limits())
    table = next(block for block in document.blocks if isinstance(block, Table))
    boxes = [box for cell in table.cells for box in cell.boxes if box.source == "picture"]
    assert [(box.state, box.label) for box in boxes] == [("unknown", "是"), ("unknown", "否")] * 2


def test_a_figure_is_no_box(tmp_path: Path) -> None:
    data = body_docx(p(r("项目现场照片"), picture(points=120)), p(r("图例"), picture(points=9).replace(
        'cy="114300"', 'cy="571500"')))
    document = read_docx(data, source_for(Path("figure.docx"), data), Limits())
    assert [line.text for line in document.lines] == ["项目现场照片", "图例"]


@pytest.mark.parametrize("kind", [*BOX_KINDS, "picture"])
def test_execution_monitoring_sub_column_boxes(tmp_path: Path, kind: str) -> None:
    def box(ticked: bool) -> str:
        return options(kind, [("", ticked)])

    (record,) = records(tmp_path, body_docx(*execution_monitoring(box)))
    fields = record.fields
    assert (record.form.type, record.form.year, fields.months) == ("execution_monitoring", 2024, 7)
    assert fields.funds.total.executed.yuan == "1680000.00"
    assert [i.name for i in fields.indicators] == [line[2] for line in EXECUTION_INDICATORS]
    assert [i.level2 for i in fields.indicators] == ["数量指标", "数量指标", "时效指标", "服务对象满意度指标"]
    if kind == "picture":
        assert [i.likelihood for i in fields.indicators] == [None] * 4
        flagged = {tuple(d.fields) for d in record.discrepancies if d.rule == "checkbox-state"}
        assert flagged == {(f"indicators.{n}.{key}",) for n in range(4) for key in ("likelihood", "deviation_causes")}
        return
    assert [i.likelihood for i in fields.indicators] == ["确定能", "确定能", "有可能", "确定能"]
    assert [i.deviation_causes for i in fields.indicators] == [[], [], ["硬件条件保障"], []]
    assert fields.indicators[2].remark == "第二家食堂消防验收推迟"
    assert problems(record) == []


@pytest.mark.parametrize("kind", [*BOX_KINDS, "picture"])
def test_target_declaration_attribute_boxes_and_side_by_side_indicators(tmp_path: Path, kind: str) -> None:
    attribute = options(kind, [("新增项目", True), ("延续项目", False)], box_first=True)
    (record,) = records(tmp_path, body_docx(*target_declaration(attribute)))
    fields = record.fields
    assert (record.form.type, record.form.year) == ("target_declaration", 2024)
    assert fields.department == "上海市闵行区莘庄镇人民政府（312001）"
    assert (fields.funds.medium_term.total.yuan, fields.funds.annual.fiscal.yuan) == ("12000000.00", "3600000.00")
    periods = [(i.period, i.name, i.target.raw) for i in fields.indicators]
    assert periods == [("medium_term", line[2], line[3]) for line in DECLARATION_INDICATORS] + [
        ("annual", line[5], line[6]) for line in DECLARATION_INDICATORS]
    assert [i.level2 for i in fields.indicators][4:] == ["数量指标", "数量指标", "质量指标", "生态效益指标"]
    if kind == "picture":
        assert fields.project_attribute is None
        assert [d.fields for d in record.discrepancies if d.rule == "checkbox-state"] == [["project_attribute"]]
        return
    assert fields.project_attribute == "新增项目"
    assert problems(record) == []


@pytest.mark.parametrize(("after", "note"), [(1, "（续表）"), (2, ""), (3, "续上表")])
def test_side_by_side_declaration_indicators_split_in_two_tables(tmp_path: Path, after: int, note: str) -> None:
    attribute = options("text", [("新增项目", True), ("延续项目", False)], box_first=True)
    (record,) = records(tmp_path, body_docx(*target_declaration(attribute, split_indicators=(after, note))))
    whole = records(tmp_path, body_docx(*target_declaration(attribute)))[0]
    assert len(whole.fields.indicators) == 2 * len(DECLARATION_INDICATORS)
    assert record.fields.indicators == whole.fields.indicators
    assert problems(record) == []


def test_title_in_a_text_box(tmp_path: Path) -> None:
    (record,) = records(tmp_path, with_parts(*monitoring(title_in_text_box=True), extra_ns=TEXT_BOX_NS))
    assert (record.form.type, record.form.variant, record.form.title) == ("monitoring", "key", MONITORING_TITLE)
    assert record.fields.project_name == "2024年华漕镇垃圾分类项目"


def test_questions_in_a_nested_table_each_get_their_answer(tmp_path: Path) -> None:
    def yes_no(yes: bool) -> str:
        return p(r("是☑ 否☐" if yes else "是☐ 否☑"))

    (record,) = records(tmp_path, body_docx(*monitoring(yes_no, nested_questions=True)))
    assert (record.fields.recurring, record.fields.adjustment_needed) == (False, False)
    assert record.status == "ok"
    assert problems(record) == []


@pytest.mark.parametrize(("recurring", "adjustment"), [(True, False), (False, True)])
def test_nested_questions_read_their_own_boxes(tmp_path: Path, recurring: bool, adjustment: bool) -> None:
    def yes_no(yes: bool) -> str:
        return options("w14", [("是", yes), ("否", not yes)])

    data = body_docx(*monitoring(yes_no, nested_questions=True, recurring=recurring, adjustment=adjustment))
    (record,) = records(tmp_path, data)
    assert (record.fields.recurring, record.fields.adjustment_needed) == (recurring, adjustment)
    groups = {g.question: [o.checked for o in g.options] for g in record.checkboxes}
    assert groups["是否为经常性项目"] == [recurring, not recurring]
    assert groups["是否需要预算调整"] == [adjustment, not adjustment]


def test_two_forms_separated_by_a_page_break(tmp_path: Path) -> None:
    data = body_docx(*monitoring(), PAGE_BREAK, *monitoring(project="2024年华漕镇河道保洁项目"))
    first, second = records(tmp_path, data)
    assert [r.fields.project_name for r in (first, second)] == ["2024年华漕镇垃圾分类项目", "2024年华漕镇河道保洁项目"]
    assert [(r.source.part.index, r.source.part.count, r.source.part.pages) for r in (first, second)] == [
        (1, 2, (1, 1)), (2, 2, (2, 2))]
    assert second.fields.annual_budget.yuan == "125000.00"


def test_town_line_in_a_text_box(tmp_path: Path) -> None:
    blocks = monitoring()
    blocks[1] = text_box(p("街镇名称：上海市闵行区华漕镇人民政府（盖章）"))
    (record,) = records(tmp_path, with_parts(*blocks, extra_ns=TEXT_BOX_NS))
    assert (record.fields.town, record.fields.project_name) == ("上海市闵行区华漕镇人民政府", "2024年华漕镇垃圾分类项目")


@pytest.mark.parametrize("recurring", [True, False])
def test_checkbox_controls_around_whole_paragraphs_in_a_cell(tmp_path: Path, recurring: bool) -> None:
    def yes_no(yes: bool) -> str:  # the controls all show ☐: only w14:checked tells
        return block_box(yes, "是") + block_box(not yes, "否")

    (record,) = records(tmp_path, body_docx(*monitoring(yes_no, recurring=recurring)))
    assert (record.fields.recurring, record.fields.adjustment_needed) == (recurring, False)
    assert [d.message for d in record.discrepancies if d.rule == "checkbox-state"] == []


def test_checkbox_control_around_a_body_paragraph() -> None:
    data = body_docx(p("是否为经常性项目"), block_box(True, "是", shown="☐"), block_box(False, "否", shown="☒"))
    document = read_docx(data, source_for(Path("boxes.docx"), data), Limits())
    assert [line.text for line in document.lines] == ["是否为经常性项目", "☑是", "☐否"]
    boxes = [box for block in document.blocks for box in getattr(block, "boxes", ())]
    assert [(box.state, box.source) for box in boxes] == [("checked", "w14"), ("unchecked", "w14")]


def test_a_funds_cell_written_in_chinese_numerals(tmp_path: Path) -> None:
    cells = ["伍佰万元整", "480.00", "456.00", "10", "95.00%", "9.5"]
    (record,) = records(tmp_path, body_docx(*self_evaluation(total_cells=cells)))
    initial = record.fields.funds.total.initial_budget
    assert (initial.raw, initial.stated_unit, initial.yuan) == ("伍佰万元整", "元", "5000000.00")
    assert problems(record) == []


def test_a_small_picture_beside_a_text_value_is_no_text(tmp_path: Path) -> None:
    name = "2023年七宝镇老旧小区综合改造项目"
    blocks = self_evaluation()
    printed = f'<w:t xml:space="preserve">{name}</w:t></w:r>'
    assert printed in blocks[2]
    blocks[2] = blocks[2].replace(printed, printed + picture(12))
    (record,) = records(tmp_path, body_docx(*blocks))
    assert record.fields.project_name == name
    monitoring_blocks = monitoring()
    reason = '<w:t xml:space="preserve">2024年区委、区政府重点工作项目</w:t></w:r>'
    monitoring_blocks[2] = monitoring_blocks[2].replace(reason, reason + picture(10))
    (record,) = records(tmp_path, body_docx(*monitoring_blocks))
    assert record.fields.key_tracking_reason == "2024年区委、区政府重点工作项目"
