"""The PDF self-evaluation samples, drawn with reportlab (STSong-Light, no font file needed).

Called by `build_samples.py`; the content is written out here, the expected records beside the
PDFs are written by hand. Byte-reproducible (`invariant=1`).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

CJK = "STSong-Light"
GRID = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), CJK, 8),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]

SHANGHAI_INDICATORS = [
    ["产出指标", "数量指标", "培训场次", "≥24场", "26场", "8", "8", ""],
    ["", "", "培训人次", "不少于1200人次", "1350人次", "8", "8", ""],
    ["", "", "发放宣传资料", "5000份", "5200份", "6", "6", ""],
    ["", "质量指标", "培训合格率", "≥90%", "94%", "8", "8", ""],
    ["", "", "课程评估优良率", "≥85%", "80%", "6", "4", "部分课程内容偏理论，下一年度增加实操课程"],
    ["", "时效指标", "培训按计划完成率", "100%", "100%", "7", "7", ""],
    ["", "成本指标", "人均培训成本", "≤150元", "140元", "7", "7", ""],
    ["效益指标", "社会效益指标", "参训人员就业率", "≥60%", "65%", "10", "10", ""],
    ["", "", "技能证书取得人数", "≥500人", "520人", "10", "10", ""],
    ["", "可持续影响指标", "培训机制长效运行", "长期有效", "达成预期指标", "10", "10", ""],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", "10", "10", ""],
]

SICHUAN_INDICATORS = [
    ["产出指标", "数量指标", "改造农村公路里程", "≥", "50", "公里", "20", "52", "20", ""],
    ["", "质量指标", "工程验收合格率", "＝", "100", "%", "20", "100", "20", ""],
    ["", "时效指标", "项目完工及时率", "≥", "95", "%", "10", "90", "8", "受雨季影响工期顺延"],
    ["效益指标", "社会效益指标", "群众出行条件", "定性", "明显改善", "", "30", "明显改善", "30", ""],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", "10", "93", "10", ""],
]


def _fonts() -> None:
    if CJK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK))


def _style() -> ParagraphStyle:
    _fonts()
    return ParagraphStyle("cjk", fontName=CJK, fontSize=8, leading=10, wordWrap="CJK")


def _wrap(rows: list[list], style: ParagraphStyle) -> list[list]:  # type: ignore[type-arg]
    """Every text cell as a wrapping paragraph, as Word prints a table."""
    return [[Paragraph(cell, style) if isinstance(cell, str) and cell else cell for cell in row] for row in rows]


def _title(text: str) -> Paragraph:
    return Paragraph(text, ParagraphStyle("title", fontName=CJK, fontSize=14, leading=18, alignment=1))


def _line(text: str) -> Paragraph:
    return Paragraph(text, ParagraphStyle("line", fontName=CJK, fontSize=9, leading=12))


def shanghai(path: Path) -> None:
    """财政项目支出绩效自评表 in 元, caption 单位：元, the indicator table across two pages."""
    style = _style()
    head = [
        ["项目名称", "2022年莘庄镇职业技能培训补贴项目", "", "", "", "", "", "", ""],
        ["主管部门", "上海市闵行区莘庄镇人民政府", "", "", "实施单位", "莘庄镇社区事务受理服务中心", "", "", ""],
        ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
        ["", "年度资金总额", "1,500,000.00", "1,450,000.00", "1,363,000.00", "10", "94.00%", "9.4", ""],
        ["", "其中：财政资金", "1,500,000.00", "1,450,000.00", "1,363,000.00", "—", "94.00%", "—", ""],
        ["", "其他资金", "—", "—", "—", "—", "—", "—", ""],
        ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""],
        ["", Paragraph("全年开展职业技能培训24场以上，培训1200人次，参训人员就业率60%以上。", style), "", "", "",
         Paragraph("开展培训26场，培训1350人次，参训人员就业率65%。", style), "", "", ""],
    ]
    spans = [("SPAN", (1, 0), (8, 0)), ("SPAN", (1, 1), (3, 1)), ("SPAN", (5, 1), (8, 1)),
             ("SPAN", (0, 2), (0, 5)), ("SPAN", (7, 2), (8, 2)), ("SPAN", (7, 3), (8, 3)),
             ("SPAN", (7, 4), (8, 4)), ("SPAN", (7, 5), (8, 5)), ("SPAN", (0, 6), (0, 7)),
             ("SPAN", (1, 6), (4, 6)), ("SPAN", (5, 6), (8, 6)), ("SPAN", (1, 7), (4, 7)), ("SPAN", (5, 7), (8, 7))]
    widths = [50, 55, 70, 75, 70, 60, 35, 35, 95]
    top = Table(_wrap(head, style), colWidths=widths)
    top.setStyle(TableStyle(GRID + spans))
    rows = [["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    rows += [["", *row] for row in SHANGHAI_INDICATORS]
    rows += [["总分", "", "", "", "", "", "100", "97.4", ""],
             ["评价等级", "优", "", "", "", "", "", "", ""],
             ["存在问题", Paragraph("个别课程实操内容不足。", style), "", "", "", "", "", "", ""],
             ["改进措施", Paragraph("增加实操课时，引入企业导师。", style), "", "", "", "", "", "", ""]]
    n = len(rows)
    tail = [("SPAN", (0, n - 4), (5, n - 4))] + [("SPAN", (1, r), (8, r)) for r in range(n - 3, n)]
    body = Table(_wrap(rows, style), colWidths=widths, repeatRows=1,
                 rowHeights=[24] + [48] * len(SHANGHAI_INDICATORS) + [24] * 4)
    body.setStyle(TableStyle(GRID + tail))
    story = [_title("财政项目支出绩效自评表"), _line("（2022年度）"), _line("单位：元"), top, body]
    _build(path, story, A4)


def sichuan(path: Path) -> None:
    """部门预算项目支出绩效自评表: one row of budget figures, targets split over three columns."""
    style = _style()
    rows = [
        ["项目名称", "2023年青神县农村公路提档升级项目", "", "", "", "", "", "", "", "", ""],
        ["预算部门", "青神县交通运输局", "", "", "", "项目实施单位", "青神县农村公路服务中心", "", "", "", ""],
        ["预算执行情况（10分）", "年初预算（万元）", "调整后预算数（万元）", "预算执行数（万元）", "", "预算执行率", "",
         "权重", "得分", "原因", ""],
        ["", "200", "180", "171", "", "95%", "", "10", "9.5", "", ""],
        ["年度总体目标完成情况", "预期目标", "", "", "", "实际完成目标", "", "", "", "", ""],
        ["", Paragraph("完成农村公路提档升级50公里，验收合格率100%。", style), "", "", "",
         Paragraph("完成提档升级52公里，验收合格率100%。", style), "", "", "", "", ""],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "完成值", "得分",
         "偏差原因"],
    ]
    rows += [["", *row] for row in SICHUAN_INDICATORS]
    rows += [["自评结论", Paragraph("项目按计划实施，总体效果良好。", style), "", "", "", "", "", "", "", "", ""]]
    n = len(rows)
    spans = [("SPAN", (1, 0), (10, 0)), ("SPAN", (1, 1), (4, 1)), ("SPAN", (6, 1), (10, 1)),
             ("SPAN", (0, 2), (0, 3)), ("SPAN", (3, 2), (4, 2)), ("SPAN", (5, 2), (6, 2)), ("SPAN", (9, 2), (10, 2)),
             ("SPAN", (3, 3), (4, 3)), ("SPAN", (5, 3), (6, 3)), ("SPAN", (9, 3), (10, 3)),
             ("SPAN", (0, 4), (0, 5)), ("SPAN", (1, 4), (4, 4)), ("SPAN", (5, 4), (10, 4)),
             ("SPAN", (1, 5), (4, 5)), ("SPAN", (5, 5), (10, 5)),
             ("SPAN", (0, 6), (0, n - 2)), ("SPAN", (1, n - 1), (10, n - 1))]
    table = Table(_wrap(rows, style), colWidths=[80, 70, 80, 90, 50, 60, 50, 40, 60, 40, 90])
    table.setStyle(TableStyle(GRID + spans))
    story = [_title("部门预算项目支出绩效自评表"), _line("（2023年度）"), table]
    _build(path, story, landscape(A4))


def _build(path: Path, story: list, size: tuple[float, float]) -> None:  # type: ignore[type-arg]
    _fonts()
    document = SimpleDocTemplate(str(path), pagesize=size, invariant=1, leftMargin=30, rightMargin=30,
                                 topMargin=30, bottomMargin=30)
    document.build(story)


def build_pdfs(folder: Path) -> None:
    """Both PDF samples into `folder`."""
    shanghai(folder / "pdf_shanghai_yuan_pages.pdf")
    sichuan(folder / "pdf_sichuan_split_target.pdf")
