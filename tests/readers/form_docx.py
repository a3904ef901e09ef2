"""Whole forms as Word tables for the reader tests, written as raw WordprocessingML.

A table is given as rows of cells; a cell is plain text, raw paragraph XML (`<w:p>` …, for
boxes and content controls), or a `Cell` with a column span and a vertical merge. Text that
repeats in a column under a cell marked `down=True` becomes `w:vMerge` continuation cells,
as Word stores a cell merged down an indicator group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tests.readers.docx_builders import form_box, p, r, sdt_box, sym, tbl, tc, tr

PICTURE = ('<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
           'wordprocessingDrawing"><wp:extent cx="{size}" cy="{size}"/><wp:docPr id="{id}" name="Picture {id}"/>'
           "</wp:inline></w:drawing></w:r>")
_pictures = iter(range(1, 1 << 30))


@dataclass(frozen=True)
class Cell:
    """A cell spanning `span` grid columns; `merge` is "restart"/"continue" for w:vMerge."""

    content: str = ""
    span: int = 1
    merge: str | None = None


def picture(points: float = 9) -> str:
    """An inline picture run `points` square (a box pasted as an image)."""
    return PICTURE.format(size=int(points * 12700), id=next(_pictures))


BOXES: dict[str, Callable[[bool], str]] = {
    "w14": sdt_box,
    "formfield": lambda state: form_box(checked="1" if state else "0"),
    "formfield-default": lambda state: form_box(default="1" if state else "0"),
    "wingdings": lambda state: sym("Wingdings", "F0FE" if state else "F0A8"),
    "text": lambda state: r("☑" if state else "□"),
}
"""Each way Word stores a box, as a run (or content control) for one state."""


def options(kind: str, answers: Sequence[tuple[str, bool]], *, box_first: bool = False) -> str:
    """A paragraph of option labels each with its box, e.g. 是[box] 否[box]."""
    runs = []
    for label, state in answers:
        box = picture() if kind == "picture" else BOXES[kind](state)
        runs += [box, r(label + " ")] if box_first else [r(label), box, r(" ")]
    return p(*runs)


def table(rows: Sequence[Sequence[str | Cell]], cols: int) -> str:
    """A `w:tbl` of the rows (cells as text, raw `<w:p>` XML or `Cell`)."""
    out = []
    for row in rows:
        cells = []
        for cell in row:
            c = cell if isinstance(cell, Cell) else Cell(cell)
            if c.merge == "continue":  # content only when a case writes text into it
                cells.append(tc(*([c.content] if c.content else []), span=c.span, vmerge="continue"))
            else:
                cells.append(tc(c.content, span=c.span, vmerge=c.merge))
        out.append(tr(*cells))
    return tbl(*out, cols=cols)


def merged_down(lines: Sequence[Sequence[str]], columns: Sequence[int], *, repeat: bool = False) -> list[list[str | Cell]]:
    """Rows where each of `columns` is merged down over the blank cells under its text;
    `repeat`: the continuation cells hold the merged text again (as generators write them)."""
    rows: list[list[str | Cell]] = []
    merged = {col: "" for col in columns}
    for index, line in enumerate(lines):
        row: list[str | Cell] = []
        for col, text in enumerate(line):
            if col not in columns:
                row.append(text)
            elif text:
                merged[col] = text
                below = lines[index + 1][col] if index + 1 < len(lines) else "x"
                row.append(Cell(text, merge="restart") if not below else text)
            else:
                row.append(Cell(merged[col] if repeat else "", merge="continue"))
        rows.append(row)
    return rows


MONITORING_TITLE = "财政项目支出绩效运行监控（跟踪评价）（重点）"
TEXT_BOX_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"')


def text_box(paragraph_xml: str) -> str:
    """A paragraph holding a floating text box (DrawingML, with its VML fallback copy)."""
    return p(
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<wp:extent cx="3000000" cy="400000"/><wp:docPr id="900" name="Text Box 1"/>'
        f"<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{paragraph_xml}</w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape style="width:236pt;height:31pt"><v:textbox><w:txbxContent>{paragraph_xml}'
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def monitoring(
    yes_no: Callable[[bool], str] | None = None,
    *,
    amounts: tuple[tuple[str, str], ...] = (("当年预算数（元）", "12.5万元"), ("预算执行数（万元）", "125,000.00元")),
    project: str = "2024年华漕镇垃圾分类项目",
    title_in_text_box: bool = False,
    nested_questions: bool = False,
    recurring: bool = False,
    adjustment: bool = False,
) -> list[str]:
    """A 财政项目支出绩效运行监控 (重点) form: 8 grid columns, the 四、 block merged down.

    `yes_no(answer_is_yes)` renders the 是/否 cell of the two yes/no questions (default: ☐/☑
    text), answered `recurring` and `adjustment`; `amounts` are the label and value cells of
    当年预算数 and 预算执行数."""
    def answer(yes: bool) -> str:
        return yes_no(yes) if yes_no else p(r("是☑ 否☐" if yes else "是☐ 否☑"))

    (budget_label, budget), (executed_label, executed) = amounts
    questions: list[str | Cell] = ["是否为经常性项目", answer(recurring)]
    adjust: list[str | Cell] = ["是否需要预算调整", answer(adjustment)]
    if nested_questions:  # both questions in a table nested in one cell
        questions = [Cell(table([questions, adjust], cols=2), span=2)]
        adjust = [Cell("", span=2)]
    rows: list[list[str | Cell]] = [
        ["项目名称", Cell(project, span=7)],
        ["预算单位", "华漕镇城市运行管理中心", "具体实施（内设机构）", "华漕镇城市运行管理中心", "跟踪时段",
         "2024年01月01日---2024年08月31日", *questions],
        [budget_label, budget, executed_label, executed, "预算执行进度（%）", "100%", *adjust],
        ["调整后预算数（元）", "125000", "调减金额（元）", "0", "调增金额（元）", "0", "事前绩效评估评审预算（元）", "84000"],
        ["选择重点跟踪理由", Cell("2024年区委、区政府重点工作项目", span=7)],
        [Cell(p("一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）：") + p("1、项目背景概况")
              + p("本项目年初预算12.5万元。"), span=8)],
        [Cell(p("二、项目具体实施情况（对照阶段性绩效目标的完成情况）：") + p("1、预算执行情况")
              + p("截至跟踪期实际支出12.5万元，预算执行率100%。"), span=8)],
        [Cell(p("三、阶段性跟踪结论：") + p("运行正常（执行率和目标完成度均在75%以上）"), span=8)],
        [Cell("四、绩效跟踪后项目总体判断", merge="restart"), "年度项目预算完成可能性", Cell("确定能完成☑", span=2),
         Cell("有可能完成☐", span=2), Cell("确定不能完成☐", span=2)],
        [Cell(merge="continue"), "年度绩效目标完成可能性", Cell("确定能完成☑", span=2),
         Cell("有可能完成☐", span=2), Cell("确定不能完成☐", span=2)],
    ]
    title = text_box(p(MONITORING_TITLE)) if title_in_text_box else p(MONITORING_TITLE)
    return [title, p("街镇名称：上海市闵行区华漕镇人民政府（盖章）"), table(rows, cols=8)]


PAGE_BREAK = p('<w:r><w:br w:type="page"/></w:r>')


SELF_INDICATORS = [
    ["产出指标(50分)", "数量指标", "改造小区数量", "≥12个", "12个", "20", "20", "无"],
    ["", "", "改造面积", "不少于5万平方米", "5.2万平方米", "10", "10", "无"],
    ["", "质量指标", "竣工验收合格率", "100%", "100%", "10", "10", "无"],
    ["", "时效指标", "按期完工率", "≥95%", "90%", "10", "8", "两个小区延期"],
    ["效益指标(30分)", "社会效益指标", "居民居住环境改善", "有效改善", "有效改善", "30", "30", "无"],
    ["满意度指标(10分)", "服务对象满意度指标", "居民满意度", "≥90%", "96%", "10", "10", "无"],
]


def self_evaluation(*, split_by_paragraph: bool = False, total_cells: Sequence[str] | None = None,
                    split_indicators: tuple[int, str] | None = None, level1_across: int | None = None,
                    repeat_merged: bool = False) -> list[str]:
    """A national 项目支出绩效自评表 (万元, 9 grid columns): 项目资金 and 绩效指标 merged down
    their blocks, the 一级/二级 indicator cells merged down their groups, funds labels over two
    grid columns; `split_by_paragraph` ends the table before 绩效指标 and opens a second one
    after a paragraph, as a table Word splits by a line of text; `split_indicators` (n, note)
    splits it after the n-th indicator row, the paragraph `note` between the two tables (the
    merged cells going on across the split as Word keeps them: continuation cells);
    `level1_across`: that indicator row's 一级指标 cell spans the 二级指标 column too;
    `repeat_merged`: the 一级/二级 continuation cells repeat the merged text."""
    funds = total_cells or ["500.00", "480.00", "456.00", "10", "95.00%", "9.5"]
    head: list[list[str | Cell]] = [
        ["项目名称", Cell("2023年七宝镇老旧小区综合改造项目", span=8)],
        ["主管部门", Cell("上海市闵行区七宝镇人民政府", span=3), "实施单位", Cell("七宝镇城市建设管理事务中心", span=4)],
        [Cell("项目资金（万元）", merge="restart"), Cell("", span=2),
         "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [Cell(merge="continue"), Cell("年度资金总额", span=2), *funds],
        [Cell(merge="continue"), Cell("其中：当年财政拨款", span=2), "450.00", "430.00", "410.00", "—", "95.35%", "—"],
        [Cell(merge="continue"), Cell("上年结转资金", span=2), "50.00", "50.00", "46.00", "—", "92.00%", "—"],
        [Cell(merge="continue"), Cell("其他资金", span=2), "—", "—", "—", "—", "—", "—"],
        [Cell("年度总体目标", merge="restart"), Cell("预期目标", span=4), Cell("实际完成情况", span=4)],
        [Cell(merge="continue"), Cell("完成12个老旧小区综合改造。", span=4), Cell("完成12个老旧小区综合改造。", span=4)],
    ]
    indicators: list[list[str | Cell]] = [
        [Cell("绩效指标", merge="restart"), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
    ]
    for number, row in enumerate(merged_down([["", *line] for line in SELF_INDICATORS], [1, 2], repeat=repeat_merged)):
        if number == level1_across:
            level1 = row[1]
            row[1:3] = [Cell(level1.content if isinstance(level1, Cell) else level1, span=2)]
        indicators.append([Cell(merge="continue"), *row[1:]])
    indicators += [[Cell("总分", span=6), "100", "97.5", ""], ["评价等级", Cell("优", span=8)]]
    blocks = [p("项目支出绩效自评表"), p("（2023年度）")]
    if split_indicators is not None:
        cut = len(head) + 1 + split_indicators[0]
        rows = head + indicators
        return [*blocks, table(rows[:cut], cols=9), p(split_indicators[1]), table(rows[cut:], cols=9)]
    if split_by_paragraph:
        return [*blocks, table(head, cols=9), p("（续表）"), table(indicators, cols=9)]
    return [*blocks, table(head + indicators, cols=9)]


EXECUTION_INDICATORS = [
    ["产出指标", "数量指标", "新建长者食堂数量", "2家", "1家", "2家"],
    ["", "", "助餐服务人次", "≥18万人次", "10.2万人次", "18万人次"],
    ["", "时效指标", "长者食堂建成时间", "2024年9月底前", "1家已建成", "2024年10月底前"],
    ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "92%", "≥90%"],
]
# Per indicator: the five 偏差原因 boxes, then the three 完成目标可能性 boxes.
EXECUTION_TICKS = [
    (0, 0, 0, 0, 0, 1, 0, 0), (0, 0, 0, 0, 0, 1, 0, 0), (0, 0, 0, 1, 0, 0, 1, 0), (0, 0, 0, 0, 0, 1, 0, 0)]


def execution_monitoring(box: Callable[[bool], str]) -> list[str]:
    """A 项目支出绩效目标执行监控表 (16 grid columns): the 偏差原因 and 完成目标可能性 boxes in
    sub-columns under a two-row header, one box a cell rendered by `box(ticked)`."""
    head: list[list[str | Cell]] = [
        ["项目名称", Cell("2024年颛桥镇社区老年助餐服务项目", span=15)],
        ["主管部门及代码", Cell("上海市闵行区颛桥镇人民政府", span=7), Cell("实施单位", span=2),
         Cell("颛桥镇社区事务受理服务中心", span=6)],
        [Cell("项目资金（万元）", merge="restart"), Cell("", span=3), Cell("年初预算数", span=4),
         Cell("1-7月执行数", span=4), Cell("1-7月执行率", span=4)],
        [Cell(merge="continue"), Cell("年度资金总额", span=3), Cell("300.00", span=4), Cell("168.00", span=4),
         Cell("56.00%", span=4)],
        [Cell(merge="continue"), Cell("其中：财政拨款", span=3), Cell("280.00", span=4), Cell("154.00", span=4),
         Cell("55.00%", span=4)],
        [Cell(merge="continue"), Cell("其他资金", span=3), Cell("20.00", span=4), Cell("14.00", span=4),
         Cell("70.00%", span=4)],
        [Cell("年度总体目标", merge="restart"), Cell("年初目标", span=7), Cell("1-7月执行情况", span=8)],
        [Cell(merge="continue"), Cell("新建社区长者食堂2家。", span=7), Cell("已建成长者食堂1家。", span=8)],
        [*[Cell(text, merge="restart") for text in ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值",
                                                    "1-7月执行情况", "全年预计完成情况")],
         Cell("偏差原因分析", span=5), Cell("完成目标可能性", span=3), Cell("备注", merge="restart")],
        [*[Cell(merge="continue")] * 7, "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他",
         "确定能", "有可能", "完全不可能", Cell(merge="continue")],
    ]
    rows = merged_down([["", *line] for line in EXECUTION_INDICATORS], [1, 2])
    for index, (row, ticks) in enumerate(zip(rows, EXECUTION_TICKS, strict=True)):
        remark = "第二家食堂消防验收推迟" if index == 2 else ""
        row[0:] = [Cell(merge="continue"), *row[1:], *[box(bool(t)) for t in ticks], remark]
    return [p("项目支出绩效目标执行监控表"), p("（2024年度）"), table(head + rows, cols=16)]


DECLARATION_INDICATORS = [
    ["产出指标", "数量指标", "整治河道数量", "36条", "数量指标", "整治河道数量", "12条"],
    ["", "", "整治河道长度", "≥45公里", "", "整治河道长度", "≥15公里"],
    ["", "质量指标", "河道水质达标率", "≥95%", "质量指标", "河道水质达标率", "≥95%"],
    ["效益指标", "生态效益指标", "河道水环境", "明显改善", "生态效益指标", "河道水环境", "有所改善"],
]


def target_declaration(attribute: str, split_indicators: tuple[int, str] | None = None) -> list[str]:
    """A 项目支出绩效目标申报表 (8 grid columns): 项目属性 as the paragraph `attribute`, the
    中期 and 年度 indicators side by side, their 一级/二级 cells merged down; `split_indicators`
    (n, note): the table split after the n-th indicator row, the paragraph `note` between."""
    head: list[list[str | Cell]] = [
        ["项目名称", Cell("2024年莘庄镇中小河道综合整治项目", span=7)],
        ["主管部门及代码", Cell("上海市闵行区莘庄镇人民政府（312001）", span=3), "实施单位", Cell("莘庄镇水务管理所", span=3)],
        ["项目属性", Cell(attribute, span=3), "项目期", Cell("2024年1月—2026年12月", span=3)],
        [Cell("项目资金（万元）", merge="restart"), Cell("中期资金总额：", span=2), Cell("1,200.00", span=2),
         "年度资金总额：", Cell("400.00", span=2)],
        [Cell(merge="continue"), Cell("其中：财政拨款", span=2), Cell("1,000.00", span=2), "其中：财政拨款",
         Cell("360.00", span=2)],
        [Cell(merge="continue"), Cell("其他资金", span=2), Cell("200.00", span=2), "其他资金", Cell("40.00", span=2)],
        [Cell("总体目标", merge="restart"), Cell("中期目标（2024年—2026年）", span=4), Cell("年度目标", span=3)],
        [Cell(merge="continue"), Cell("用三年时间完成全镇36条中小河道综合整治。", span=4),
         Cell("完成12条中小河道综合整治。", span=3)],
        [Cell("绩效指标", merge="restart"), "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
    ]
    rows = merged_down([["", *line] for line in DECLARATION_INDICATORS], [1, 2, 5])
    for row in rows:
        row[0] = Cell(merge="continue")
    blocks = [p("项目支出绩效目标申报表"), p("（2024年度）")]
    if split_indicators is not None:
        cut = len(head) + split_indicators[0]
        every = head + rows
        return [*blocks, table(every[:cut], cols=8), p(split_indicators[1]), table(every[cut:], cols=8)]
    return [*blocks, table(head + rows, cols=8)]


def block_box(state: bool, label: str, shown: str = "☐") -> str:
    """A checkbox content control around a whole paragraph (`shown` glyph, then `label`), as
    document generators write it: its w14:checked is the state, whatever glyph it shows."""
    return ("<w:sdt><w:sdtPr><w14:checkbox>" f'<w14:checked w14:val="{int(state)}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            f"</w14:checkbox></w:sdtPr><w:sdtContent>{p(r(shown), r(label))}</w:sdtContent></w:sdt>")
