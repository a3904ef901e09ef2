"""Whole forms printed to PDF in layouts Word and local printers produce, read into records.

Each case is built here (`tests.readers.form_pdfs`) and checked field by field against what
an auditor reads on the printed page: a landscape page stored turned (`/Rotate`), two forms
in one file, cells wrapping over lines, a text layer in a CID font known only through its
ToUnicode CMap, drawn squares holding ✓ glyphs. Both PDF engines must agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import PageBreak, Paragraph

from extract.pipeline import extract_records
from parsers.readers import pdf as pdf_reader
from parsers.readers import pdf_pdfium, source_for
from parsers.readers.pdf import read_with
from schemas.limits import Limits
from tests.readers import form_pdfs
from tests.readers.pdf_builders import Sheet, build, register_fonts

PROJECT = "2023年七宝镇老旧小区综合改造项目"


def records(tmp_path: Path, data: bytes, name: str = "form.pdf") -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return extract_records(path)


def reference_records(tmp_path: Path, data: bytes, monkeypatch: pytest.MonkeyPatch) -> list:
    with monkeypatch.context() as patch:
        patch.setattr(pdf_reader, "read", lambda data, source, limits: read_with(data, source, limits, "pdfplumber"))
        return records(tmp_path, data, "reference.pdf")


def assert_national_form(record, project: str = PROJECT) -> None:
    """The fields of `form_pdfs.self_evaluation` as printed."""
    fields = record.fields
    assert (record.status, record.form.type, record.form.year) == ("ok", "self_evaluation", 2023)
    assert (fields.project_name, fields.department, fields.implementing_unit) == (
        project, "上海市闵行区七宝镇人民政府", "七宝镇城市建设管理事务中心")
    total = fields.funds.total
    assert (total.initial_budget.yuan, total.annual_budget.yuan, total.executed.yuan) == (
        "5000000.00", "4800000.00", "4560000.00")
    assert total.initial_budget.stated_unit == "万元"
    assert (total.weight, total.rate_pct, total.score) == ("10", "95.00", "9.5")
    assert fields.funds.fiscal.executed.yuan == "4100000.00"
    assert fields.funds.carryover.executed.yuan == "460000.00"
    assert fields.funds.other.executed is None
    assert fields.goal_planned == "完成12个老旧小区综合改造，改造面积不少于5万平方米。"
    assert [(i.level1, i.level2, i.name) for i in fields.indicators] == [
        ("产出指标", "数量指标", "改造小区数量"), ("产出指标", "数量指标", "改造面积"),
        ("产出指标", "质量指标", "竣工验收合格率"), ("产出指标", "时效指标", "按期完工率"),
        ("效益指标", "社会效益指标", "居民居住环境改善"), ("满意度指标", "服务对象满意度指标", "居民满意度")]
    late = fields.indicators[3]
    assert (late.target.op, late.target.value, late.actual.value, late.weight, late.score) == (">=", "95", "90", "10", "8")
    assert late.deviation_reason == "两个小区因居民协调延期，已调整施工计划"
    assert (fields.total_weight, fields.total_score, fields.grade) == ("100", "97.5", "优")
    assert [d.rule for d in record.discrepancies if d.severity != "info"] == []


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_page_shown_turned_reads_upright_with_both_engines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, degrees: int
) -> None:
    data = form_pdfs.turned(form_pdfs.self_evaluation(PROJECT), degrees)
    (record,) = records(tmp_path, data)
    assert_national_form(record)
    assert record.source.pages == 1
    (reference,) = reference_records(tmp_path, data, monkeypatch)
    assert record.model_dump(exclude={"meta", "source"}) == reference.model_dump(exclude={"meta", "source"})


def test_turned_page_document_equals_the_reference_engine() -> None:
    data = form_pdfs.turned(form_pdfs.self_evaluation(PROJECT), 90)
    source = source_for(Path("turned.pdf"), data)
    assert read_with(data, source, Limits(), "pdfium") == read_with(data, source, Limits(), "pdfplumber")


def test_two_landscape_forms_in_one_pdf_are_two_records(tmp_path: Path) -> None:
    story = form_pdfs.self_evaluation(PROJECT) + [PageBreak()] + form_pdfs.self_evaluation("2023年七宝镇河道整治项目")
    first, second = records(tmp_path, form_pdfs.document(story, landscape(A4)))
    assert_national_form(first)
    assert_national_form(second, "2023年七宝镇河道整治项目")
    assert [(r.source.part.index, r.source.part.count, r.source.part.pages) for r in (first, second)] == [
        (1, 2, (1, 1)), (2, 2, (2, 2))]


def test_cells_wrapping_over_lines_join_without_spaces(tmp_path: Path) -> None:
    long_name = "改造小区数量（含老旧住宅小区及售后公房小区综合整治）"
    long_reason = "两个小区因居民协调延期，已调整施工计划并加强与居民的沟通协调，确保明年一季度完工"
    lines = [list(line) for line in form_pdfs.INDICATORS]
    lines[0][2], lines[3][7] = long_name, long_reason
    (record,) = records(tmp_path, form_pdfs.document(form_pdfs.self_evaluation(PROJECT, lines)))
    indicators = record.fields.indicators
    assert indicators[0].name == long_name
    assert indicators[3].deviation_reason == long_reason
    assert len(indicators) == 6 and record.status == "ok"


_XS = [40, 100, 170, 240, 300, 360, 420, 460, 500, 560]
_CID_ROWS = [
    [(0, 1, "项目名称"), (1, 9, PROJECT)],
    [(0, 1, "主管部门"), (1, 4, "七宝镇人民政府"), (4, 5, "实施单位"), (5, 9, "七宝镇城建中心")],
    [(0, 1, "项目资金"), (1, 3, ""), *[(3 + i, 4 + i, head) for i, head in enumerate(form_pdfs.FUNDS_HEAD)]],
    [(0, 1, "（万元）"), (1, 3, "年度资金总额"), (3, 4, "500.00"), (4, 5, "480.00"), (5, 6, "456.00"),
     (6, 7, "10"), (7, 8, "95.00%"), (8, 9, "9.5")],
    [(0, 1, "绩效指标"), *[(1 + i, 2 + i, head) for i, head in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值",
                                                                     "实际完成值", "分值", "得分", "偏差原因"])]],
    [(0, 1, ""), (1, 2, "产出指标"), (2, 3, "数量指标"), (3, 4, "改造小区数量"), (4, 5, "≥12个"), (5, 6, "12个"),
     (6, 7, "50"), (7, 8, "50"), (8, 9, "无偏差")],
    [(0, 1, ""), (1, 2, "满意度指标"), (2, 3, "满意度"), (3, 4, "居民满意度"), (4, 5, "≥90%"), (5, 6, "96%"),
     (6, 7, "40"), (7, 8, "38"), (8, 9, "个别不满意")],
    [(0, 6, "总分"), (6, 7, "100"), (7, 8, "97.5"), (8, 9, "")],
]


def test_cid_font_text_is_read_through_its_tounicode_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = form_pdfs.cid_pdf(_CID_ROWS, _XS, ["项目支出绩效自评表", "（2023年度）"], merged_down=[(3, 0), (5, 0), (6, 0)])
    (record,) = records(tmp_path, data)
    fields = record.fields
    assert (record.form.type, record.form.year, fields.project_name) == ("self_evaluation", 2023, PROJECT)
    assert (fields.department, fields.implementing_unit) == ("七宝镇人民政府", "七宝镇城建中心")
    assert fields.funds.total.executed.yuan == "4560000.00"
    assert [(i.name, i.target.raw, i.actual.raw, i.score) for i in fields.indicators] == [
        ("改造小区数量", "≥12个", "12个", "50"), ("居民满意度", "≥90%", "96%", "38")]
    assert (fields.total_weight, fields.total_score) == ("100", "97.5")
    assert [i.deviation_reason for i in fields.indicators] == ["无偏差", "个别不满意"]
    (reference,) = reference_records(tmp_path, data, monkeypatch)
    assert record.fields == reference.fields


def test_a_lone_glyph_of_a_cid_font_without_font_file_is_read() -> None:
    # PDFium lists no character for it; the file is left to the reference engine.
    rows = [list(row) for row in _CID_ROWS]
    rows[5][-1] = (8, 9, "无")
    data = form_pdfs.cid_pdf(rows, _XS, ["项目支出绩效自评表"], merged_down=[(3, 0), (5, 0), (6, 0)])
    source = source_for(Path("cid.pdf"), data)
    with pytest.raises(pdf_pdfium.NeedsReference):
        list(pdf_pdfium.pages(data, Limits()))
    texts = [line.text for line in read_with(data, source, Limits(), "pdfium").lines]
    assert "产出指标\t数量指标\t改造小区数量\t≥12个\t12个\t50\t50\t无" in texts


def _ticks(mode: str):
    """是否为经常性项目 | 是[box] 否[box]: drawn squares, the ticked one holding a ✓ glyph."""

    def draw(s: Sheet) -> None:
        s.grid([50, 150, 350], [50, 80])
        s.text(53, 57, "是否为经常性项目")
        x = 155.0
        for label, state in (("是", False), ("否", True)):
            x = s.text(x, 57, label) + 2
            if mode == "inside":
                s.square(x, 57)
                if state:
                    s.text(x + 0.5, 57.5, "✓", font="DejaVu", size=8)
            elif mode == "overhanging":  # a bigger tick drawn over the square's edge
                s.square(x, 57)
                if state:
                    s.text(x - 1, 55, "✓", font="DejaVu", size=11)
            x += 22

    return draw


@pytest.mark.parametrize("mode", ["inside", "overhanging"])
def test_drawn_squares_with_tick_glyphs(mode: str) -> None:
    data = build(_ticks(mode))
    source = source_for(Path("ticks.pdf"), data)
    for engine in ("pdfium", "pdfplumber"):
        doc = read_with(data, source, Limits(), engine)  # type: ignore[arg-type]
        assert [line.text.replace(" ", "") for line in doc.lines] == ["是否为经常性项目\t是☐否☑"], engine


@pytest.mark.parametrize("break_after", [1, 3, 4])
def test_indicator_table_continued_on_the_next_page_with_its_header_repeated(tmp_path: Path, break_after: int) -> None:
    data = form_pdfs.document(form_pdfs.self_evaluation(PROJECT, break_after=break_after))
    (record,) = records(tmp_path, data)
    assert record.source.pages == 2 and record.source.part is None
    assert_national_form(record)


@pytest.mark.parametrize("note", ["（续表）", "续上表"])
def test_indicator_table_continued_under_a_continuation_note(tmp_path: Path, note: str) -> None:
    cell, _ = form_pdfs._styles()
    story = form_pdfs.self_evaluation(PROJECT, break_after=3)
    story.insert(len(story) - 1, Paragraph(note, cell))  # at the top of the second page
    (record,) = records(tmp_path, form_pdfs.document(story))
    assert record.source.pages == 2
    assert_national_form(record)


_EXECUTION = [
    ["产出指标", "数量指标", "新建长者食堂数量", "2家", "1家", "2家"],
    ["", "", "助餐服务人次", "≥18万人次", "10.2万人次", "18万人次"],
    ["", "时效指标", "长者食堂建成时间", "2024年9月底前", "1家已建成", "2024年10月底前", "第二家食堂消防验收推迟"],
    ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "92%", "≥90%"],
]
_TICKS = [(0, 0, 0, 0, 0, 1, 0, 0), (0, 0, 0, 0, 0, 1, 0, 0), (0, 0, 0, 1, 0, 0, 1, 0), (0, 0, 0, 0, 0, 1, 0, 0)]


@pytest.mark.parametrize("box", ["glyph", "tick", "square"])
def test_landscape_execution_monitoring_sub_column_ticks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, box: str) -> None:
    register_fonts()
    data = form_pdfs.execution_monitoring(_EXECUTION, _TICKS, box)
    (record,) = records(tmp_path, data)
    fields = record.fields
    assert (record.status, record.form.type, record.form.year, fields.months) == ("ok", "execution_monitoring", 2024, 7)
    assert (fields.funds.total.executed.yuan, fields.funds.other.rate_pct) == ("1680000.00", "70.00")
    assert [(i.level1, i.level2, i.name) for i in fields.indicators] == [
        ("产出指标", "数量指标", "新建长者食堂数量"), ("产出指标", "数量指标", "助餐服务人次"),
        ("产出指标", "时效指标", "长者食堂建成时间"), ("满意度指标", "服务对象满意度指标", "老人满意度")]
    assert [i.deviation_causes for i in fields.indicators] == [[], [], ["硬件条件保障"], []]
    assert [i.likelihood for i in fields.indicators] == ["确定能", "确定能", "有可能", "确定能"]
    assert fields.indicators[2].remark == "第二家食堂消防验收推迟"
    assert [d.rule for d in record.discrepancies if d.severity != "info"] == []
    (reference,) = reference_records(tmp_path, data, monkeypatch)
    assert record.fields == reference.fields


@pytest.mark.parametrize("degrees", [0, 90, 270])
@pytest.mark.parametrize("glyph", ["✓", "√"])
def test_monitoring_drawn_squares_with_ticks_upright_and_turned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, degrees: int, glyph: str
) -> None:
    register_fonts()
    story = form_pdfs.monitoring(glyph)
    data = form_pdfs.turned(story, degrees) if degrees else form_pdfs.document(story)
    (record,) = records(tmp_path, data)
    fields = record.fields
    assert (record.status, record.form.type, record.form.variant) == ("ok", "monitoring", "key")
    assert (fields.town, fields.project_name) == ("上海市闵行区华漕镇人民政府", "2024年华漕镇垃圾分类项目")
    assert (fields.recurring, fields.adjustment_needed) == (False, False)
    assert (fields.budget_outlook, fields.goal_outlook) == ("确定能完成", "确定能完成")
    assert (fields.annual_budget.yuan, fields.executed.yuan, fields.ex_ante_review_budget.yuan) == (
        "1000000.00", "800000.00", "840000.00")
    assert (fields.execution_progress_pct, fields.stage_conclusion) == ("80", "运行正常")
    assert fields.implementing_unit == "华漕镇城市运行管理中心"
    assert [d.rule for d in record.discrepancies if d.severity != "info"] == []
    (reference,) = reference_records(tmp_path, data, monkeypatch)
    assert record.model_dump(exclude={"meta", "source"}) == reference.model_dump(exclude={"meta", "source"})


@pytest.mark.parametrize("turns", [(0, 90), (270, 0), (90, 270)])
def test_two_forms_in_one_pdf_one_page_turned(tmp_path: Path, turns: tuple[int, int]) -> None:
    register_fonts()
    data = form_pdfs.turned_pages([(form_pdfs.self_evaluation(PROJECT), turns[0]), (form_pdfs.monitoring(), turns[1])])
    first, second = records(tmp_path, data)
    assert_national_form(first)
    assert (second.form.type, second.fields.project_name, second.fields.recurring) == (
        "monitoring", "2024年华漕镇垃圾分类项目", False)
    assert [(r.source.part.index, r.source.part.pages) for r in (first, second)] == [(1, (1, 1)), (2, (2, 2))]


@pytest.mark.parametrize("degrees", [90, 270])
def test_form_widgets_on_a_page_shown_turned_read_the_same_with_both_engines(degrees: int) -> None:
    data = form_pdfs.turned_widgets(degrees, [("是", False), ("否", True)])
    source = source_for(Path("widgets.pdf"), data)
    for engine in ("pdfium", "pdfplumber"):
        doc = read_with(data, source, Limits(), engine)  # type: ignore[arg-type]
        assert [line.text.replace(" ", "") for line in doc.lines] == ["是否为经常性项目是☐否☑"], engine
        boxes = [(box.state, box.source) for block in doc.blocks for box in getattr(block, "boxes", ())]
        assert boxes == [("unchecked", "acroform"), ("checked", "acroform")], engine


def test_a_year_line_under_every_page_title_is_the_forms_year(tmp_path: Path) -> None:
    # One form a page, each title over a line of its year alone (`2022年度`): repeated in the
    # pages' top band, the year line was dropped as a page header, and form.year was null.
    _, title = form_pdfs._styles()
    story: list = []
    for project in ("七宝镇老旧小区综合改造项目", "七宝镇河道整治项目"):
        page = form_pdfs.self_evaluation(project)
        page[1] = Paragraph("2022年度", title)
        story += [*page, PageBreak()]
    first, second = records(tmp_path, form_pdfs.document(story[:-1]))
    assert (first.fields.project_name, second.fields.project_name) == ("七宝镇老旧小区综合改造项目", "七宝镇河道整治项目")
    assert (first.form.year, second.form.year) == (2022, 2022)
