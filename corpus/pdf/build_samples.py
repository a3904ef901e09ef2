"""Build the PDF corpus: monitoring forms drawn with reportlab (and one printed by LibreOffice).

Run from the repository root: `python corpus/pdf/build_samples.py` (add `--libreoffice` to
reprint the LibreOffice sample too). The reportlab PDFs are byte-reproducible (fixed content,
`invariant=1`); soffice stamps dates, so its PDF is only rebuilt on request. The expected records beside
each PDF are written by hand and are NOT produced here.

Fonts: reportlab's built-in CID font STSong-Light (Chinese, no file needed); DejaVu Sans
(`fonts-dejavu-core`) for the ☑/☐ glyphs; `fonts/Wingdings2-test.ttf`, a few DejaVu glyphs
renamed "Wingdings2" with the symbol-font code points U+F052 (☑) and U+F0A3 (☐) plus the
ASCII letters R and £ (made by `make_symbol_font()`, which needs fontTools; the file is
committed so tests need no fontTools). The LibreOffice sample needs `soffice`
(apt: libreoffice-writer-nogui) and fonts-wqy-zenhei; it is skipped when soffice is missing.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
SYMBOL_FONT = HERE / "fonts" / "Wingdings2-test.ttf"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CJK = "STSong-Light"
NORMAL = "运行正常（执行率和目标完成度均在75%以上）"
OUTLOOK = ("确定能完成", "有可能完成", "确定不能完成")


def make_symbol_font(path: Path = SYMBOL_FONT) -> None:
    """A tiny TTF named Wingdings2 mapping U+F052/'R' to ☑ and U+F0A3/'£' to ☐ (fontTools)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont as FTFont

    font = FTFont(str(DEJAVU))
    cmap = font.getBestCmap()
    checked, empty = cmap[0x2611], cmap[0x2610]
    options = subset.Options()
    options.name_IDs = ["*"]
    sub = subset.Subsetter(options)
    sub.populate(glyphs=[checked, empty, ".notdef"])
    sub.subset(font)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap = {0xF052: checked, 0xF0A3: empty, ord("R"): checked, ord("£"): empty}
    for record in font["name"].names:
        if record.nameID in (1, 4, 6, 16):
            record.string = "Wingdings2"
        elif record.nameID == 3:
            record.string = "Wingdings2-test"
    path.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(path))


def register_fonts() -> None:
    """Register the CJK, glyph and symbol fonts with reportlab (idempotent)."""
    if CJK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK))
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
        pdfmetrics.registerFont(TTFont("Wingdings2", str(SYMBOL_FONT)))


# ------------------------------------------------------------------ drawing boxes

BOX_PT = 8.5


class Options(Flowable):
    """Option labels each with a box, laid out left to right, wrapping inside the cell.

    `kind`: glyph (☑/☐ text), pua (U+F052/U+F0A3 in Wingdings2), ascii ('R'/'£' in
    Wingdings2), drawn (a stroked square, ticked with two drawn strokes), cross (ticked
    with a drawn X), widget (an AcroForm checkbox). `before`: box before its label.
    """

    def __init__(self, items: list[tuple[str, bool]], kind: str, before: bool = False, size: float = 10) -> None:
        super().__init__()
        self.items, self.kind, self.before, self.size = items, kind, before, size
        self._rows: list[list[tuple[str, bool]]] = []

    def _item_width(self, label: str) -> float:
        return pdfmetrics.stringWidth(label, CJK, self.size) + BOX_PT + 3 + 8

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._rows, row, used = [], [], 0.0
        for label, state in self.items:
            width = self._item_width(label)
            if row and used + width > avail_width:
                self._rows.append(row)
                row, used = [], 0.0
            row.append((label, state))
            used += width
        self._rows.append(row)
        self.width = avail_width
        return avail_width, len(self._rows) * (self.size + 4)

    def draw(self) -> None:
        canvas = self.canv
        y = (len(self._rows) - 1) * (self.size + 4) + 2
        for row in self._rows:
            x = 0.0
            for label, state in row:
                label_width = pdfmetrics.stringWidth(label, CJK, self.size)
                box_x = x if self.before else x + label_width + 2
                text_x = x + BOX_PT + 2 if self.before else x
                canvas.setFont(CJK, self.size)
                canvas.drawString(text_x, y, label)
                self._box(box_x, y, state)
                x += self._item_width(label)
            y -= self.size + 4

    def _box(self, x: float, y: float, state: bool) -> None:
        canvas, kind = self.canv, self.kind
        if kind in ("glyph", "pua", "ascii"):
            font = "DejaVu" if kind == "glyph" else "Wingdings2"
            glyph = {"glyph": "☑☐", "pua": "\uf052\uf0a3", "ascii": "R£"}[kind][0 if state else 1]
            canvas.setFont(font, self.size)
            canvas.drawString(x, y, glyph)
        elif kind in ("drawn", "cross"):
            canvas.setLineWidth(0.6)
            canvas.rect(x, y - 1, BOX_PT, BOX_PT, stroke=1, fill=0)
            if state and kind == "drawn":
                canvas.lines([(x + 1.5, y + 3, x + 3.5, y + 0.5), (x + 3.5, y + 0.5, x + 7.5, y + 7)])
            elif state:
                canvas.lines([(x + 1.5, y + 0.5, x + 7, y + 6), (x + 1.5, y + 6, x + 7, y + 0.5)])
        elif kind == "widget":
            self._widget_count = getattr(Options, "_widget_count", 0) + 1
            Options._widget_count = self._widget_count
            canvas.acroForm.checkbox(name=f"cb{self._widget_count}", checked=state, x=x, y=y - 1,
                                     size=BOX_PT, relative=True, borderWidth=0.6)


# ------------------------------------------------------------------ cases


@dataclass
class Case:
    """One sample: the form's content and how its boxes are drawn."""

    name: str
    variant: str  # key | general
    unit: str  # 元 | 万元
    town: str
    project: str
    budget_unit: str
    implementing: str
    period: str
    recurring: bool
    amounts: dict[str, str]  # annual executed adjusted decrease increase review
    progress: str
    adjustment: bool
    reason: str | None
    narrative: dict[str, list[str]]
    conclusion: str
    outlook: tuple[str, str]
    boxes: str  # Options.kind
    before: bool = False
    narrative_outside: bool = False
    split_rows: bool = False
    col_width: float = 78
    outlook_boxes: str | None = None

    @property
    def title(self) -> str:
        return "财政项目支出绩效运行监控（跟踪评价）" + ("（重点）" if self.variant == "key" else "（一般）")


STYLE = ParagraphStyle("cell", fontName=CJK, fontSize=11, leading=22, wordWrap="CJK")
BODY = ParagraphStyle("body", parent=STYLE, firstLineIndent=20)
TITLE = ParagraphStyle("title", parent=STYLE, fontSize=14, leading=20, alignment=1)


def _p(text: str, style: ParagraphStyle = STYLE) -> Paragraph:
    return Paragraph(text.replace("&", "&amp;").replace("<", "&lt;"), style)


def _yes_no(case: Case, value: bool) -> Options:
    return Options([("是", value), ("否", not value)], case.boxes, case.before)


def _outlook(case: Case, chosen: str) -> Options:
    return Options([(o, o == chosen) for o in OUTLOOK], case.outlook_boxes or case.boxes, case.before)


def _section_texts(case: Case) -> list[tuple[str, list[str]]]:
    n = case.narrative
    return [
        ("一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）：",
         ["1、项目背景概况", *n["background"], "2、预算安排", *n["budget"]]),
        ("二、项目具体实施情况（对照阶段性绩效目标的完成情况）：",
         ["1、预算执行情况", *n["execution"], "2、阶段性目标完成情况", *n["goals"]]),
        ("三、阶段性跟踪结论：", [case.conclusion]),
    ]


def _narrative_cell(heading: str, paras: list[str]) -> list[Paragraph]:
    return [_p(heading), *[_p(t) for t in paras]]


def form_table(case: Case) -> list[Flowable]:
    u = f"（{case.unit}）"
    a = case.amounts
    rows = [
        ["项目名称", case.project, "", "", "", ""],
        ["预算单位", case.budget_unit, "具体实施（内设机构）", case.implementing, "跟踪时段", case.period],
        ["是否为经常性项目", _yes_no(case, case.recurring), f"当年预算数{u}", a["annual"], f"预算执行数{u}", a["executed"]],
        ["预算执行进度（%）", case.progress, "是否需要预算调整", _yes_no(case, case.adjustment),
         f"调整后预算数{u}", a["adjusted"]],
        [f"调减金额{u}", a["decrease"], f"调增金额{u}", a["increase"], f"事前绩效评估评审预算{u}", a["review"]],
    ]
    spans = [((1, 0), (5, 0))]
    if case.variant == "key":
        rows.append(["选择重点跟踪理由", case.reason, "", "", "", ""])
        spans.append(((1, len(rows) - 1), (5, len(rows) - 1)))
    if not case.narrative_outside:
        for heading, paras in _section_texts(case):
            rows.append([_narrative_cell(heading, paras), "", "", "", "", ""])
            spans.append(((0, len(rows) - 1), (5, len(rows) - 1)))
    first = len(rows)
    rows.append(["四、绩效跟踪后项目总体判断", "年度项目预算完成可能性", _outlook(case, case.outlook[0]), "", "", ""])
    rows.append(["", "年度绩效目标完成可能性", _outlook(case, case.outlook[1]), "", "", ""])
    spans += [((0, first), (0, first + 1)), ((2, first), (5, first)), ((2, first + 1), (5, first + 1))]
    data = [[_p(c) if isinstance(c, str) and c else c for c in row] for row in rows]
    style = [("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    style += [("SPAN", s, e) for s, e in spans]
    table = Table(data, colWidths=[case.col_width] * 6, style=TableStyle(style), splitInRow=int(case.split_rows))
    return [table]


def story(case: Case) -> list[Flowable]:
    parts: list[Flowable] = [_p(case.title, TITLE), Spacer(1, 6), _p(f"街镇名称：{case.town}（盖章）"), Spacer(1, 6)]
    parts += form_table(case)
    if case.narrative_outside:
        parts.append(Spacer(1, 10))
        for heading, paras in _section_texts(case):
            parts.append(_p(heading))
            parts += [_p(t, BODY) for t in paras]
    return parts


def build_pdf(case: Case, path: Path) -> None:
    """Lay the case out twice: once to count pages, once with 第 N 页 共 M 页 footers."""
    register_fonts()
    total = _render(case, io.BytesIO(), 0)
    _render(case, str(path), total)


def _render(case: Case, target, total: int) -> int:  # noqa: ANN001 - path or buffer
    Options._widget_count = 0

    def furniture(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback
        canvas.saveState()
        canvas.setFont(CJK, 9)
        canvas.drawString(72, A4[1] - 40, "闵行区财政项目绩效跟踪材料")
        canvas.drawCentredString(A4[0] / 2, 30, f"第 {doc.page} 页 共 {total} 页")
        canvas.restoreState()

    doc = SimpleDocTemplate(target, pagesize=A4, invariant=1, title=case.title, leftMargin=60, rightMargin=60)
    doc.build(story(case), onFirstPage=furniture, onLaterPages=furniture)
    return doc.page


def build_docx_via_libreoffice(case: Case, out_dir: Path) -> Path | None:
    """Write the case as .docx (python-docx, narrow columns) and print it to PDF with soffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: LibreOffice sample skipped", file=sys.stderr)
        return None
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    style.font.name = "WenQuanYi Zen Hei"
    style.element.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "WenQuanYi Zen Hei")
    document.add_paragraph(case.title)
    document.add_paragraph(f"街镇名称：{case.town}（盖章）")
    _docx_table(document, case)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{case.name}.docx"
        document.save(str(source))
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        target = out_dir / f"{case.name}.pdf"
        shutil.copyfile(Path(tmp) / f"{case.name}.pdf", target)
    return target


def _docx_boxes(items: list[tuple[str, bool]]) -> str:
    return " ".join(f"{label}{'☑' if state else '☐'}" for label, state in items)


def _docx_table(document, case: Case) -> None:  # noqa: ANN001 - python-docx Document
    from docx.shared import Pt

    u = f"（{case.unit}）"
    a = case.amounts
    yn = lambda v: _docx_boxes([("是", v), ("否", not v)])  # noqa: E731
    ol = lambda c: _docx_boxes([(o, o == c) for o in OUTLOOK])  # noqa: E731
    rows = [
        ["项目名称", case.project],
        ["预算单位", case.budget_unit, "具体实施（内设机构）", case.implementing, "跟踪时段", case.period],
        ["是否为经常性项目", yn(case.recurring), f"当年预算数{u}", a["annual"], f"预算执行数{u}", a["executed"]],
        ["预算执行进度（%）", case.progress, "是否需要预算调整", yn(case.adjustment), f"调整后预算数{u}", a["adjusted"]],
        [f"调减金额{u}", a["decrease"], f"调增金额{u}", a["increase"], f"事前绩效评估评审预算{u}", a["review"]],
    ]
    if case.variant == "key":
        rows.append(["选择重点跟踪理由", case.reason])
    narrative = _section_texts(case)
    table = document.add_table(rows=len(rows) + len(narrative) + 2, cols=6)
    table.style = "Table Grid"
    table.autofit = False
    for r, row in enumerate(rows):
        if len(row) == 2:
            table.cell(r, 1).merge(table.cell(r, 5))
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    r = len(rows)
    for heading, paras in narrative:
        cell = table.cell(r, 0).merge(table.cell(r, 5))
        cell.text = heading
        for text in paras:
            cell.add_paragraph(text)
        r += 1
    label = table.cell(r, 0).merge(table.cell(r + 1, 0))
    label.text = "四、绩效跟踪后项目总体判断"
    for k, question in enumerate(("年度项目预算完成可能性", "年度绩效目标完成可能性")):
        table.cell(r + k, 1).text = question
        table.cell(r + k, 2).merge(table.cell(r + k, 5)).text = ol(case.outlook[k])
    for row in table.rows:
        for cell in row.cells:
            cell.width = Pt(case.col_width)


def main() -> None:
    sys.path.insert(0, str(HERE))
    from cases import CASES  # noqa: PLC0415 - the data lives beside this script

    if not SYMBOL_FONT.exists():
        make_symbol_font()
    rebuild_libreoffice = "--libreoffice" in sys.argv
    for case in CASES:
        if case.boxes == "libreoffice":
            # soffice output is not byte-reproducible (timestamps): rebuild only on request.
            existing = HERE / f"{case.name}.pdf"
            path = build_docx_via_libreoffice(case, HERE) if rebuild_libreoffice or not existing.exists() else existing
        else:
            path = HERE / f"{case.name}.pdf"
            build_pdf(case, path)
        print(path)


if __name__ == "__main__":
    main()
