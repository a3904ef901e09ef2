"""Whole forms printed to PDF for the reader tests: platypus tables as Word prints them, turned
pages (`/Rotate`), and a hand-written text layer in a CID font mapped by a ToUnicode CMap.

Fonts: STSong-Light (reportlab's built-in CID font, no file needed). Every builder returns
the PDF's bytes; the content is written out here, so the tests state what they expect.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tests.readers.pdf_builders import raw_pdf

CJK = "STSong-Light"
FUNDS_HEAD = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
FUNDS = [
    ["年度资金总额", "500.00", "480.00", "456.00", "10", "95.00%", "9.5"],
    ["其中：当年财政拨款", "450.00", "430.00", "410.00", "—", "95.35%", "—"],
    ["上年结转资金", "50.00", "50.00", "46.00", "—", "92.00%", "—"],
    ["其他资金", "—", "—", "—", "—", "—", "—"],
]
INDICATOR_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
INDICATORS = [
    ["产出指标(50分)", "数量指标", "改造小区数量", "≥12个", "12个", "20", "20", "无"],
    ["", "", "改造面积", "不少于5万平方米", "5.2万平方米", "10", "10", "无"],
    ["", "质量指标", "竣工验收合格率", "100%", "100%", "10", "10", "无"],
    ["", "时效指标", "按期完工率", "≥95%", "90%", "10", "8", "两个小区因居民协调延期，已调整施工计划"],
    ["效益指标(30分)", "社会效益指标", "居民居住环境改善", "有效改善", "有效改善", "30", "30", "无"],
    ["满意度指标(10分)", "服务对象满意度指标", "居民满意度", "≥90%", "96%", "10", "10", "无"],
]


def _fonts() -> None:
    if CJK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK))


def _styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    _fonts()
    cell = ParagraphStyle("cell", fontName=CJK, fontSize=8, leading=10, wordWrap="CJK")
    title = ParagraphStyle("title", fontName=CJK, fontSize=14, leading=18, alignment=1)
    return cell, title


def self_evaluation(project: str, indicators: Sequence[Sequence[str]] = INDICATORS,
                    break_after: int | None = None) -> list[Flowable]:
    """A national-layout 项目支出绩效自评表 (万元): merged 项目资金 and 绩效指标 labels, the
    一级/二级 indicator cells merged down their groups, every cell a wrapping paragraph.

    `break_after`: the table runs onto a second page after that many indicator rows, as Word
    prints it: the indicator header row repeated there, and the cells merged over the break
    going on blank (their text printed once, on the first page)."""
    cell, title = _styles()
    rows: list[list[str]] = [
        ["项目名称", project, *[""] * 7],
        ["主管部门", "上海市闵行区七宝镇人民政府", "", "", "实施单位", "七宝镇城市建设管理事务中心", "", "", ""],
        ["项目资金（万元）", "", "", *FUNDS_HEAD],
        *[["", line[0], "", *line[1:]] for line in FUNDS],
        ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""],
        ["", "完成12个老旧小区综合改造，改造面积不少于5万平方米。", "", "", "",
         "完成12个老旧小区综合改造，改造面积5.2万平方米。", "", "", ""],
    ]
    spans = [((1, 0), (8, 0)), ((1, 1), (3, 1)), ((5, 1), (8, 1)), ((0, 2), (0, 6)),
             *[((1, r), (2, r)) for r in range(2, 7)], ((0, 7), (0, 8)), ((1, 7), (4, 7)),
             ((5, 7), (8, 7)), ((1, 8), (4, 8)), ((5, 8), (8, 8))]
    start = len(rows)
    rows.append(["绩效指标", *INDICATOR_HEAD])
    rows += [["", *line] for line in indicators]
    spans.append(((0, start), (0, len(rows) - 1)))
    spans += _merged_down(indicators, start + 1, 1) + _merged_down(indicators, start + 1, 2)
    rows.append(["总分", "", "", "", "", "", "100", "97.5", ""])
    spans.append(((0, len(rows) - 1), (5, len(rows) - 1)))
    rows.append(["评价等级", "优", *[""] * 7])
    spans.append(((1, len(rows) - 1), (8, len(rows) - 1)))
    titles: list[Flowable] = [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", title), Spacer(1, 6)]
    if break_after is None:
        return [*titles, _table(rows, spans, cell)]
    cut = start + 1 + break_after
    first = [(a, (b[0], min(b[1], cut - 1))) for a, b in spans if a[1] < cut]
    rest = [((a[0], max(a[1], cut) - cut + 1), (b[0], b[1] - cut + 1)) for a, b in spans if b[1] >= cut]
    carried = {a for a, b in rest if a[1] == 1}
    second = [["", *INDICATOR_HEAD]] + [
        ["" if (c, n + 1) in carried and any(sa[1] < cut <= sb[1] and sa[0] == c for sa, sb in spans) else text
         for c, text in enumerate(row)] for n, row in enumerate(rows[cut:])]
    return [*titles, _table(rows[:cut], first, cell), PageBreak(), _table(second, [((0, 0), (0, 0)), *rest], cell)]


def _table(rows: list[list[str]], spans: list[tuple[tuple[int, int], tuple[int, int]]], style: ParagraphStyle) -> Table:
    data = [[Paragraph(text, style) if text else "" for text in row] for row in rows]
    table = Table(data, colWidths=[40, 55, 60, 70, 55, 55, 30, 30, 80])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               *[("SPAN", a, b) for a, b in spans if a != b]]))
    return table


def _merged_down(lines: Sequence[Sequence[str]], first_row: int, col: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """SPANs merging each non-blank cell of `col` (0-based in `lines`, table column col)
    with the blank cells under it."""
    spans = []
    index = 0
    while index < len(lines):
        end = index + 1
        while end < len(lines) and not lines[end][col - 1]:
            end += 1
        if end - index > 1:
            spans.append(((col, first_row + index), (col, first_row + end - 1)))
        index = end
    return spans


def document(story: list[Flowable], size: tuple[float, float] = A4) -> bytes:
    """The story laid out on pages of `size`, as a PDF."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=size, invariant=1, leftMargin=30, rightMargin=30,
                      topMargin=40, bottomMargin=40).build(story)
    return buffer.getvalue()


def turned(story: list[Flowable], degrees: int) -> bytes:
    """One landscape page stored as a portrait sheet shown turned by `degrees` (`/Rotate`),
    its content drawn turned the other way so that it reads upright when shown."""
    return turned_pages([(story, degrees)])


def turned_pages(pages: Sequence[tuple[list[Flowable], int]]) -> bytes:
    """One landscape page per (story, degrees), each shown turned by its `degrees` (0: a plain
    landscape page)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), invariant=1)
    for story, degrees in pages:
        _turned_page(canvas, story, degrees)
    canvas.save()
    return buffer.getvalue()


def _turned_page(canvas: Canvas, story: list[Flowable], degrees: int) -> None:
    shown_w, shown_h = landscape(A4)
    drawn_w, drawn_h = (shown_h, shown_w) if degrees % 180 == 90 else (shown_w, shown_h)
    # reportlab swaps the media box of a page turned by 90/270: give it the shown size
    canvas.setPageSize((shown_w, shown_h) if degrees % 180 == 90 else (drawn_w, drawn_h))
    canvas.setPageRotation(degrees)
    canvas.saveState()
    if degrees == 90:
        canvas.translate(drawn_w, 0)
        canvas.rotate(90)
    elif degrees == 180:
        canvas.translate(drawn_w, drawn_h)
        canvas.rotate(180)
    elif degrees == 270:
        canvas.translate(0, drawn_h)
        canvas.rotate(-90)
    y = shown_h - 30
    for flowable in story:
        width, height = flowable.wrapOn(canvas, shown_w - 60, y)
        flowable.drawOn(canvas, 30 + (shown_w - 60 - width) / 2, y - height)
        y -= height + 4
    canvas.restoreState()
    canvas.showPage()


def cid_pdf(rows: Sequence[Sequence[tuple[int, int, str]]], xs: Sequence[float], titles: Sequence[str],
            merged_down: Sequence[tuple[int, int]] = (), row_h: float = 20) -> bytes:
    """A one-page PDF whose text is in a Type0 font (Identity-H) with no font file: the
    codes are glyph ids numbered in order of first use (not Unicode), and only the
    ToUnicode CMap says which character each is. `rows`: cells (first col, end col, text)
    ruled on the grid `xs`; `merged_down`: (row, col) whose rule above is left out."""
    height = 842.0
    codes: dict[str, int] = {}

    def encode(text: str) -> str:
        return "<" + "".join(f"{codes.setdefault(ch, len(codes) + 1):04X}" for ch in text) + ">"

    ops = []
    y = 60.0
    for title in titles:
        ops.append(f"BT /F1 14 Tf 200 {height - y - 12:.1f} Td {encode(title)} Tj ET")
        y += 22
    tops = [110.0 + i * row_h for i in range(len(rows) + 1)]
    ops.append("0.5 w")
    for r, row in enumerate(rows):
        top, bottom = tops[r], tops[r + 1]
        for c0, c1, text in row:
            if text:
                ops.append(f"BT /F1 9 Tf {xs[c0] + 3:.1f} {height - bottom + 6:.1f} Td {encode(text)} Tj ET")
            for x in (xs[c0], xs[c1]):
                ops.append(f"{x:.1f} {height - top:.1f} m {x:.1f} {height - bottom:.1f} l S")
            if (r, c0) not in merged_down:
                ops.append(f"{xs[c0]:.1f} {height - top:.1f} m {xs[c1]:.1f} {height - top:.1f} l S")
    ops.append(f"{xs[0]:.1f} {height - tops[-1]:.1f} m {xs[-1]:.1f} {height - tops[-1]:.1f} l S")
    content = "\n".join(ops).encode()
    pairs = "\n".join(f"<{code:04X}> <{ord(ch):04X}>" for ch, code in codes.items())
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            f"1 begincodespacerange <0000> <FFFF> endcodespacerange {len(codes)} beginbfchar\n{pairs}\nendbfchar "
            "endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        (b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H "
         b"/DescendantFonts [6 0 R] /ToUnicode 8 0 R >>"),
        (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) "
         b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /CIDToGIDMap /Identity >>"),
        (b"<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
         b"/Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>"),
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    return raw_pdf(objects)


class Boxes(Flowable):
    """Option labels each followed by a drawn square (vector lines, no glyph); a ticked one
    holds a tick glyph (`glyph`, DejaVu Sans: register `pdf_builders.register_fonts` first)."""

    def __init__(self, answers: Sequence[tuple[str, bool]], glyph: str = "✓") -> None:
        super().__init__()
        self.answers, self.glyph = list(answers), glyph

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 12

    def draw(self) -> None:
        canvas, x = self.canv, 0.0
        for label, ticked in self.answers:
            canvas.setFont(CJK, 8)
            canvas.drawString(x, 2, label)
            x += pdfmetrics.stringWidth(label, CJK, 8) + 2 if label else 0
            canvas.rect(x, 1, 8, 8, stroke=1, fill=0)
            if ticked:
                canvas.setFont("DejaVu", 8)
                canvas.drawString(x + 0.8, 2, self.glyph)
            x += 14


def execution_monitoring(lines: Sequence[Sequence[str]], ticks: Sequence[Sequence[int]], box: str) -> bytes:
    """A landscape 项目支出绩效目标执行监控表 (16 columns): the 偏差原因 and 完成目标可能性 boxes in
    sub-columns, one a cell: `box` "glyph" (☑/☐ text), "tick" (✓ typed in the ticked cells, the
    others blank) or "square" (a drawn square, ✓ inside the ticked ones)."""
    cell, title = _styles()
    glyph = ParagraphStyle("glyph", fontName="DejaVu", fontSize=8, leading=10, alignment=1)

    def text(value: str) -> Flowable | str:
        return Paragraph(value, cell) if value else ""

    def mark(ticked: int) -> Flowable | str:
        if box == "square":
            return Boxes([("", bool(ticked))])
        if box == "tick":
            return Paragraph("✓", glyph) if ticked else ""
        return Paragraph("☑" if ticked else "☐", glyph)

    rows: list[list[Flowable | str]] = [
        [text("项目名称"), text("2024年颛桥镇社区老年助餐服务项目"), *[""] * 14],
        [text("主管部门及代码"), text("上海市闵行区颛桥镇人民政府"), *[""] * 6, text("实施单位"), "",
         text("颛桥镇社区事务受理服务中心"), *[""] * 5],
        [text("项目资金（万元）"), "", "", "", text("年初预算数"), "", "", "", text("1-7月执行数"), "", "", "",
         text("1-7月执行率"), "", "", ""],
    ]
    for label, *figures in (("年度资金总额", "300.00", "168.00", "56.00%"), ("其中：财政拨款", "280.00", "154.00", "55.00%"),
                            ("其他资金", "20.00", "14.00", "70.00%")):
        rows.append(["", text(label), "", "", text(figures[0]), "", "", "", text(figures[1]), "", "", "",
                     text(figures[2]), "", "", ""])
    rows += [
        [text("年度总体目标"), text("年初目标"), *[""] * 6, text("1-7月执行情况"), *[""] * 7],
        ["", text("新建社区长者食堂2家。"), *[""] * 6, text("已建成长者食堂1家。"), *[""] * 7],
        [text(t) for t in ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况",
                           "偏差原因分析", "", "", "", "", "完成目标可能性", "", "", "备注")],
        [*[""] * 7, *[text(t) for t in ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能",
                                        "完全不可能")], ""],
    ]
    spans = [((1, 0), (15, 0)), ((1, 1), (7, 1)), ((8, 1), (9, 1)), ((10, 1), (15, 1)), ((0, 2), (0, 5))]
    for r in range(2, 6):
        spans += [((1, r), (3, r)), ((4, r), (7, r)), ((8, r), (11, r)), ((12, r), (15, r))]
    spans += [((0, 6), (0, 7)), ((1, 6), (7, 6)), ((8, 6), (15, 6)), ((1, 7), (7, 7)), ((8, 7), (15, 7))]
    spans += [((c, 8), (c, 9)) for c in (1, 2, 3, 4, 5, 6, 15)] + [((7, 8), (11, 8)), ((12, 8), (14, 8))]
    start = len(rows)
    for line, marks in zip(lines, ticks, strict=True):
        rows.append(["", *[text(t) for t in line[:6]], *[mark(t) for t in marks], text(line[6] if len(line) > 6 else "")])
    spans.append(((0, 8), (0, len(rows) - 1)))
    spans += _merged_down([line[:6] for line in lines], start, 1) + _merged_down([line[:6] for line in lines], start, 2)
    table = Table(rows, colWidths=[40, 45, 50, 60, 50, 50, 50, *[34] * 8, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               *[("SPAN", a, b) for a, b in spans]]))
    return document([Paragraph("项目支出绩效目标执行监控表", title), Paragraph("（2024年度）", title), table], landscape(A4))


def monitoring(glyph: str = "✓") -> list[Flowable]:
    """A 财政项目支出绩效运行监控 (重点) form, 8 columns, its boxes drawn squares (`Boxes`, the
    ticked ones holding `glyph`): 否 ticked for both yes/no questions, 确定能完成 for both outlooks."""
    cell, title = _styles()

    def text(value: str) -> Paragraph:
        return Paragraph(value, cell)

    def yes_no(yes: bool) -> Boxes:
        return Boxes([("是", yes), ("否", not yes)], glyph)

    def outlook() -> list[Flowable | str]:
        return [Boxes([("确定能完成", True)], glyph), "", Boxes([("有可能完成", False)], glyph), "",
                Boxes([("确定不能完成", False)], glyph), ""]

    rows: list[list[Flowable | str | list[Flowable]]] = [
        [text("项目名称"), text("2024年华漕镇垃圾分类项目"), *[""] * 6],
        [text("预算单位"), text("华漕镇城市运行管理中心"), text("具体实施（内设机构）"), text("华漕镇城市运行管理中心"),
         text("跟踪时段"), text("2024年01月01日---2024年08月31日"), text("是否为经常性项目"), yes_no(False)],
        [text("当年预算数（万元）"), text("100"), text("预算执行数（万元）"), text("80"), text("预算执行进度（%）"),
         text("80%"), text("是否需要预算调整"), yes_no(False)],
        [text("调整后预算数（万元）"), text("100"), text("调减金额（万元）"), text("0"), text("调增金额（万元）"), text("0"),
         text("事前绩效评估评审预算（万元）"), text("84")],
        [text("选择重点跟踪理由"), text("2024年区委、区政府重点工作项目"), *[""] * 6],
        [[text("一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）："), text("1、项目背景概况"),
          text("本项目年初预算100万元。")], *[""] * 7],
        [[text("二、项目具体实施情况（对照阶段性绩效目标的完成情况）："), text("1、预算执行情况"),
          text("截至跟踪期实际支出80万元，预算执行率80%。")], *[""] * 7],
        [[text("三、阶段性跟踪结论："), text("运行正常（执行率和目标完成度均在75%以上）")], *[""] * 7],
        [text("四、绩效跟踪后项目总体判断"), text("年度项目预算完成可能性"), *outlook()],
        ["", text("年度绩效目标完成可能性"), *outlook()],
    ]
    spans = [((1, 0), (7, 0)), ((1, 4), (7, 4)), ((0, 5), (7, 5)), ((0, 6), (7, 6)), ((0, 7), (7, 7)),
             ((0, 8), (0, 9)), *[((c, r), (c + 1, r)) for r in (8, 9) for c in (2, 4, 6)]]
    table = Table(rows, colWidths=[70, 75, 60, 75, 50, 75, 60, 45])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               *[("SPAN", a, b) for a, b in spans]]))
    return [Paragraph("财政项目支出绩效运行监控（跟踪评价）（重点）", title),
            Paragraph("街镇名称：上海市闵行区华漕镇人民政府（盖章）", cell), table]


def turned_widgets(degrees: int, answers: Sequence[tuple[str, bool]]) -> bytes:
    """A landscape page shown turned by `degrees` (90 or 270): 是否为经常性项目 and option
    labels, each followed by an AcroForm check box whose rect is given as drawn (unturned)."""
    _fonts()
    shown_w, shown_h = landscape(A4)
    drawn_w, drawn_h = shown_h, shown_w
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(shown_w, shown_h), invariant=1)
    canvas.setPageRotation(degrees)
    canvas.saveState()
    if degrees == 90:
        canvas.translate(drawn_w, 0)
        canvas.rotate(90)
    else:
        canvas.translate(0, drawn_h)
        canvas.rotate(-90)
    canvas.setFont(CJK, 10)
    canvas.drawString(60, shown_h - 60, "是否为经常性项目")
    xs = [200 + 40 * i for i in range(len(answers))]
    for x, (label, _) in zip(xs, answers, strict=True):
        canvas.drawString(x, shown_h - 60, label)
    canvas.restoreState()
    for n, (x, (_, checked)) in enumerate(zip(xs, answers, strict=True)):
        sx, sy = x + 15, shown_h - 60 - 1  # the box's lower left corner as shown
        # shown (x, y) -> drawn: 90: (drawn_w - y, x); 270: (y, drawn_h - x); the box's drawn corner
        rx, ry = (drawn_w - sy - 9, sx) if degrees == 90 else (sy, drawn_h - sx - 9)
        canvas.acroForm.checkbox(name=f"box{n}", checked=checked, x=rx, y=ry, size=9)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
