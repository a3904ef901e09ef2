"""Word-printed and reportlab monitoring forms found by the PDF red-team (see README.md).

Run from the repository root: `python corpus/pdf/build_word_samples.py [NAME...]`. The Word cases
are written as .docx with python-docx into `sources/` and printed by LibreOffice
(`soffice --headless --convert-to pdf`, fonts-wqy-zenhei; PDFs are not byte-reproducible, so
only the named or missing ones are rebuilt); the reportlab cases use STSong-Light. Every case
is internally consistent (调整后 = 当年 − 调减 + 调增, 执行进度 = 执行数 ÷ 调整后 × 100, 是 iff an
adjustment, narrative in 万元 equal to the table, period inside 2024, 运行正常 only at ≥ 75%);
the `.expected.json` files beside the PDFs were checked by hand against the printed pages.
"""
# ruff: noqa
from decimal import Decimal as D

REASON = "2024年区委、区政府及本级政府或本部门重点工作项目"
NORMAL = "运行正常（执行率和目标完成度均在75%以上）"
FILLER = [
    "项目立项前，实施单位组织开展了实地调研和需求摸底，听取了相关村居委会、居民代表和行业专家的意见，形成了项目实施方案，经镇长办公会议审议通过后实施。",
    "项目实施过程中，实施单位严格执行政府采购和合同管理的有关规定，建立了周例会和月报制度，对实施进度、质量和资金使用情况进行跟踪管理，发现问题及时督促整改。",
    "项目绩效目标包括产出指标、效益指标和满意度指标三类，其中产出指标主要考核完成数量、质量和时效，效益指标主要考核社会效益和可持续影响，满意度指标通过问卷调查方式取得。",
    "为保证项目资金安全和使用效益，实施单位按照财政资金管理要求设立项目台账，按合同约定的节点支付款项，每笔支出均经过验收确认和内部审批程序，做到专款专用。",
    "下一阶段，实施单位将继续加强与各相关部门的沟通协调，加快推进剩余工作，确保项目按期完成并发挥预期效益。",
]

def wan(y):  # yuan -> 万元 string, trimmed
    s = f"{(y / 10000):f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s

def money(y, unit, style="comma"):
    if unit == "元":
        if style == "comma":
            return f"{y:,.2f}"
        if style == "plain2":
            return f"{y:.2f}"
        return f"{int(y)}"
    v = y / 10000
    return f"{v:.2f}" if style != "trim" else wan(y)

def make(name, *, town, project, bu, iu, start, end, recurring, annual, dec=0, inc=0, executed,
         review, unit="元", variant="key", conclusion=NORMAL, outlook=("确定能完成", "确定能完成"),
         style="comma", period_fmt="cn0", long=0, pct_fmt="{:.2f}%"):
    annual, dec, inc, executed, review = map(D, (annual, dec, inc, executed, review))
    adjusted = annual - dec + inc
    pct = (executed / adjusted * 100).quantize(D("0.01"))
    y1, m1, d1 = start; y2, m2, d2 = end
    if period_fmt == "cn0":
        period = f"{y1}年{m1:02d}月{d1:02d}日---{y2}年{m2:02d}月{d2:02d}日"
    elif period_fmt == "cn":
        period = f"{y1}年{m1}月{d1}日至{y2}年{m2}月{d2}日"
    else:
        period = f"{y1}.{m1}.{d1}-{y2}.{m2}.{d2}"
    adj_needed = bool(dec or inc)
    ex_parts = [f"本项目{y1}年初预算安排为{wan(annual)}万元，"]
    if adj_needed:
        ex_parts.append(f"调整预算{wan(adjusted)}万元，" + (f"调减{wan(dec)}万元。" if dec else f"调增{wan(inc)}万元。"))
    else:
        ex_parts.append("未调整预算。")
    ex1 = "".join(ex_parts)
    ex2 = f"截至跟踪期实际支出{wan(executed)}万元，预算执行率{pct}%。"
    background = [f"{project[5:]}由{bu}负责组织实施，{iu}具体承办，主要内容包括前期调研、方案设计、组织实施和日常管理等工作。"]
    background += (FILLER * 4)[: long]
    c = dict(
        name=name, variant=variant, unit=unit,
        title="财政项目支出绩效运行监控（跟踪评价）" + ("（重点）" if variant == "key" else "（一般）"),
        town=town, project=project, bu=bu, iu=iu, period=period,
        recurring=recurring, adj_needed=adj_needed,
        raw=dict(annual=money(annual, unit, style), executed=money(executed, unit, style),
                 adjusted=money(adjusted, unit, style), decrease=money(D(dec), unit, style),
                 increase=money(D(inc), unit, style), review=money(review, unit, style)),
        yuan=dict(annual=annual, executed=executed, adjusted=adjusted, decrease=dec, increase=inc, review=review),
        pct=pct_fmt.format(pct), pct_value=f"{pct:.2f}",
        reason=REASON if variant == "key" else None,
        sections=[
            ("一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）：", [
                ("1、项目背景概况", background),
                ("2、预算安排", [f"本项目{y1}年初预算安排为{wan(annual)}万元，用于项目实施的各项支出。"]),
            ]),
            ("二、项目具体实施情况（对照阶段性绩效目标的完成情况）：", [
                ("1、预算执行情况", [ex1, ex2]),
                ("2、阶段性目标完成情况", [f"截至{y2}年{m2}月{d2}日，各项工作按计划推进，阶段性目标基本完成。"]),
            ]),
        ],
        conclusion=conclusion, outlook=outlook,
        start=f"{y1}-{m1:02d}-{d1:02d}", end=f"{y2}-{m2:02d}-{d2:02d}",
    )
    return c

def expected(c):
    def amt(k):
        return {"raw": c["raw"][k], "stated_unit": c["unit"], "unit": c["unit"], "unit_inferred": False,
                "yuan": f"{c['yuan'][k]:.2f}"}
    conc = c["conclusion"].split("（")[0]
    f = dict(town=c["town"], project_name=c["project"], budget_unit=c["bu"], implementing_unit=c["iu"],
             tracking_period={"start": c["start"], "end": c["end"]}, recurring=c["recurring"],
             adjustment_needed=c["adj_needed"], annual_budget=amt("annual"), executed=amt("executed"),
             execution_progress_pct=c["pct_value"], adjusted_budget=amt("adjusted"), decrease=amt("decrease"),
             increase=amt("increase"), ex_ante_review_budget=amt("review"), key_tracking_reason=c["reason"],
             stage_conclusion=conc, budget_outlook=c["outlook"][0], goal_outlook=c["outlook"][1])
    yn = lambda v: [{"label": "是", "checked": v}, {"label": "否", "checked": not v}]
    ol = lambda v: [{"label": o, "checked": o == v} for o in ("确定能完成", "有可能完成", "确定不能完成")]
    boxes = [
        {"question": "是否为经常性项目", "field": "recurring", "options": yn(c["recurring"])},
        {"question": "是否需要预算调整", "field": "adjustment_needed", "options": yn(c["adj_needed"])},
        {"question": "年度项目预算完成可能性", "field": "budget_outlook", "options": ol(c["outlook"][0])},
        {"question": "年度绩效目标完成可能性", "field": "goal_outlook", "options": ol(c["outlook"][1])},
    ]
    return {"status": "ok", "form": {"type": "monitoring", "variant": c["variant"], "title": c["title"]},
            "fields": f, "checkboxes": boxes, "discrepancies": [],
            "section_headings": [s[0] for s in c["sections"]] + ["三、阶段性跟踪结论："]}

# ---- Word (.docx) forms ----
import copy, subprocess, shutil, sys
from pathlib import Path
from docx import Document
from docx.shared import Pt, Cm
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'

def set_font(run, name="宋体", size=10.5):
    run.font.name = name
    run.font.size = Pt(size)
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = parse_xml(f'<w:rFonts {nsdecls("w")}/>'); rpr.insert(0, rf)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rf.set(qn(a), name)

def text_run(p, text, font="宋体", size=10.5):
    r = p.add_run(text); set_font(r, font, size); return r

def box_xml(kind, checked, idx):
    w = nsdecls("w")
    if kind == "uni":
        return f'<w:r {w}><w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" w:eastAsia="宋体"/></w:rPr><w:t>{"☑" if checked else "☐"}</w:t></w:r>'
    if kind == "uni_sq":
        return f'<w:r {w}><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/></w:rPr><w:t>{"■" if checked else "□"}</w:t></w:r>'
    if kind == "uni_x":
        return f'<w:r {w}><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic" w:eastAsia="MS Gothic"/></w:rPr><w:t>{"☒" if checked else "☐"}</w:t></w:r>'
    if kind == "tick":
        return f'<w:r {w}><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/></w:rPr><w:t>{"√" if checked else "□"}</w:t></w:r>'
    if kind == "w2sym":
        return f'<w:r {w}><w:sym w:font="Wingdings 2" w:char="{"F052" if checked else "F0A3"}"/></w:r>'
    if kind == "wsym":
        return f'<w:r {w}><w:sym w:font="Wingdings" w:char="{"F0FE" if checked else "F0A8"}"/></w:r>'
    if kind == "w2text":  # PUA char typed as text in a Wingdings 2 run
        ch = "\uf052" if checked else "\uf0a3"
        return f'<w:r {w}><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2" w:eastAsia="宋体"/></w:rPr><w:t>{ch}</w:t></w:r>'
    if kind == "formcb":
        return (f'<w:r {w}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{idx}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="{1 if checked else 0}"/></w:checkBox>'
                f'</w:ffData></w:fldChar></w:r>'
                f'<w:r {w}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
                f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>')
    if kind == "sdt":
        g = "☒" if checked else "☐"
        return (f'<w:sdt {w} {W14}><w:sdtPr><w:id w:val="{1000+idx}"/><w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
                f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
                f'</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
                f'<w:t>{g}</w:t></w:r></w:sdtContent></w:sdt>')
    raise ValueError(kind)

_idx = [0]
def _append(p, xml):
    from lxml import etree
    wrap = etree.fromstring('<x %s %s>%s</x>' % (nsdecls("w"), W14, xml.replace(' ' + nsdecls("w"), '').replace(' ' + W14, '')))
    for ch in list(wrap):
        p._p.append(ch)

def add_options(p, options, kind, before, sep="  "):
    for i, (label, checked) in enumerate(options):
        if i:
            text_run(p, sep)
        _idx[0] += 1
        if before:
            _append(p, box_xml(kind, checked, _idx[0]))
            text_run(p, label)
        else:
            text_run(p, label)
            _append(p, box_xml(kind, checked, _idx[0]))

def fixed_table(doc, cols, widths_pt):
    t = doc.add_table(rows=0, cols=cols)
    t.style = doc.styles["Table Grid"]
    t.autofit = False
    tblPr = t._tbl.tblPr
    tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    grid = t._tbl.tblGrid
    for gc, wd in zip(grid.findall(qn("w:gridCol")), widths_pt):
        gc.set(qn("w:w"), str(int(wd * 20)))
    return t

def add_row(t, widths_pt):
    row = t.add_row()
    for c, wd in zip(row.cells, widths_pt):
        c.width = Pt(wd)
    return row

def cell_text(cell, text, size=10.5):
    p = cell.paragraphs[0]
    text_run(p, text, size=size)
    return p

def merge(row, a, b):
    return row.cells[a].merge(row.cells[b])

def narrative_paras(container, c, size=10.5, first_para=None):
    paras = []
    for head, subs in c["sections"]:
        paras.append(head)
        for sh, texts in subs:
            paras.append(sh); paras.extend(texts)
    out = []
    first = True
    for t in paras:
        if first and first_para is not None:
            p = first_para; first = False
        else:
            p = container.add_paragraph()
        text_run(p, t, size=size)
        out.append(p)

def conclusion_paras(container, c, first_para=None, size=10.5):
    p = first_para or container.add_paragraph()
    text_run(p, "三、阶段性跟踪结论：", size=size)
    p2 = container.add_paragraph(); text_run(p2, c["conclusion"], size=size)

def yn(v):
    return [("是", v), ("否", not v)]

def ol(v):
    return [(o, o == v) for o in ("确定能完成", "有可能完成", "确定不能完成")]

def header_footer(doc, c):
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]; text_run(hp, "闵行区财政项目绩效跟踪材料", size=9)
    fp = sec.footer.paragraphs[0]
    w = nsdecls("w")
    text_run(fp, "第 ", size=9)
    fp._p.append(parse_xml(f'<w:fldSimple {w} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    text_run(fp, " 页 共 ", size=9)
    fp._p.append(parse_xml(f'<w:fldSimple {w} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    text_run(fp, " 页", size=9)

def build(c, path, *, layout="grid8", kind="uni", before=False, narrative="cell", col=60, hf=True,
          vmerge=True, conclusion_in_table=True, outlook_kind=None, unit_in_label=True):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    if hf:
        header_footer(doc, c)
    p = doc.add_paragraph(); text_run(p, c["title"], size=16); p.alignment = 1
    p = doc.add_paragraph(); text_run(p, f"街镇名称：{c['town']}（盖章）")
    u = f"（{c['unit']}）" if unit_in_label else ""
    r = c["raw"]
    ok = outlook_kind or kind
    if layout == "grid8":
        widths = [col] * 8
        t = fixed_table(doc, 8, widths)
        row = add_row(t, widths); cell_text(row.cells[0], "项目名称"); cell_text(merge(row, 1, 7), c["project"])
        row = add_row(t, widths)
        for i, s in enumerate(["预算单位", c["bu"], "具体实施（内设机构）", c["iu"], "跟踪时段", c["period"], "是否为经常性项目"]):
            cell_text(row.cells[i], s)
        add_options(row.cells[7].paragraphs[0], yn(c["recurring"]), kind, before)
        row = add_row(t, widths)
        for i, s in enumerate([f"当年预算数{u}", r["annual"], f"预算执行数{u}", r["executed"], "预算执行进度（%）", c["pct"], "是否需要预算调整"]):
            cell_text(row.cells[i], s)
        add_options(row.cells[7].paragraphs[0], yn(c["adj_needed"]), kind, before)
        row = add_row(t, widths)
        for i, s in enumerate([f"调整后预算数{u}", r["adjusted"], f"调减金额{u}", r["decrease"], f"调增金额{u}", r["increase"], f"事前绩效评估评审预算{u}", r["review"]]):
            cell_text(row.cells[i], s)
        if c["reason"]:
            row = add_row(t, widths); cell_text(row.cells[0], "选择重点跟踪理由"); cell_text(merge(row, 1, 7), c["reason"])
        if narrative == "cell":
            row = add_row(t, widths); cell = merge(row, 0, 7)
            narrative_paras(cell, c, first_para=cell.paragraphs[0])
            if conclusion_in_table:
                row = add_row(t, widths); cell = merge(row, 0, 7)
                conclusion_paras(cell, c, first_para=cell.paragraphs[0])
        r1 = add_row(t, widths); r2 = add_row(t, widths)
        if vmerge:
            a = r1.cells[0].merge(r2.cells[0]); cell_text(a, "四、绩效跟踪后项目总体判断")
        else:
            cell_text(r1.cells[0], "四、绩效跟踪后项目总体判断")
        for rr, q, v in ((r1, "年度项目预算完成可能性", c["outlook"][0]), (r2, "年度绩效目标完成可能性", c["outlook"][1])):
            cell_text(rr.cells[1], q)
            for j, (lab, chk) in enumerate(ol(v)):
                cc = merge(rr, 2 + 2 * j, 3 + 2 * j) if j < 2 else merge(rr, 6, 7)
                add_options(cc.paragraphs[0], [(lab, chk)], ok, before)
    else:  # grid4
        widths = [col * 1.25, col * 1.6, col * 1.25, col * 1.6]
        t = fixed_table(doc, 4, widths)
        def pair(a, b, cc=None, d=None, boxes=None):
            row = add_row(t, widths)
            cell_text(row.cells[0], a)
            if b is None:
                cell_text(merge(row, 1, 3), cc); return
            cell_text(row.cells[1], b); cell_text(row.cells[2], cc)
            if boxes is not None:
                add_options(row.cells[3].paragraphs[0], boxes, kind, before)
            else:
                cell_text(row.cells[3], d)
        pair("项目名称", None, c["project"])
        pair("预算单位", c["bu"], "具体实施（内设机构）", c["iu"])
        pair("跟踪时段", c["period"], "是否为经常性项目", boxes=yn(c["recurring"]))
        pair(f"当年预算数{u}", r["annual"], f"预算执行数{u}", r["executed"])
        pair("预算执行进度（%）", c["pct"], "是否需要预算调整", boxes=yn(c["adj_needed"]))
        pair(f"调整后预算数{u}", r["adjusted"], f"调减金额{u}", r["decrease"])
        pair(f"调增金额{u}", r["increase"], f"事前绩效评估评审预算{u}", r["review"])
        if c["reason"]:
            pair("选择重点跟踪理由", None, c["reason"])
        if narrative == "cell":
            row = add_row(t, widths); cell = merge(row, 0, 3)
            narrative_paras(cell, c, first_para=cell.paragraphs[0])
            row = add_row(t, widths); cell = merge(row, 0, 3)
            conclusion_paras(cell, c, first_para=cell.paragraphs[0])
        r0 = add_row(t, widths); cell_text(merge(r0, 0, 3), "四、绩效跟踪后项目总体判断")
        for q, v in (("年度项目预算完成可能性", c["outlook"][0]), ("年度绩效目标完成可能性", c["outlook"][1])):
            rr = add_row(t, widths); cell_text(rr.cells[0], q)
            add_options(merge(rr, 1, 3).paragraphs[0], ol(v), ok, before, sep="    ")
    if narrative == "after":
        narrative_paras(doc, c)
        conclusion_paras(doc, c)
    doc.save(path)

def to_pdf(docx_path, outdir, form_fields=False, fonts=False):
    import os
    env = dict(os.environ)
    if fonts:
        env["FONTCONFIG_FILE"] = os.environ.get("JIXIAO_FONTCONFIG", "")
    fmt = 'pdf:writer_pdf_Export:{"ExportFormFields":{"type":"boolean","value":"true"}}' if form_fields else "pdf"
    prof = "file:///tmp/jixiao_lo_profile" + ("_fonts" if fonts else "")
    subprocess.run(["soffice", "-env:UserInstallation=" + prof, "--headless", "--convert-to", fmt, "--outdir", str(outdir), str(docx_path)],
                   check=True, capture_output=True, timeout=120, env=env)
    return Path(outdir) / (Path(docx_path).stem + ".pdf")

# ---- reportlab forms ----
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer, Flowable
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

ST = ParagraphStyle("s", fontName="STSong-Light", fontSize=9.5, leading=12, wordWrap="CJK")
TITLE = ParagraphStyle("t", parent=ST, fontSize=15, leading=20, alignment=1)

class Opts(Flowable):
    """Options with boxes before or after the label, wrapping when narrow."""
    def __init__(self, items, kind, before=True, size=9.5):
        super().__init__(); self.items, self.kind, self.before, self.size = items, kind, before, size
    def _w(self, label): return pdfmetrics.stringWidth(label, "STSong-Light", self.size) + self.size + 4
    def wrap(self, aw, ah):
        self.rows = []; x = 0; row = []
        for it in self.items:
            w = self._w(it[0])
            if row and x + w > aw: self.rows.append(row); row = []; x = 0
            row.append((x, it)); x += w + 6
        self.rows.append(row); self.width = aw
        self.height = len(self.rows) * (self.size + 4); return aw, self.height
    def draw(self):
        c = self.canv; s = self.size
        for i, row in enumerate(self.rows):
            y = self.height - (i + 1) * (s + 4) + 2
            for x, (label, checked) in row:
                bx = x if self.before else x + pdfmetrics.stringWidth(label, "STSong-Light", s) + 2
                lx = x + s + 2 if self.before else x
                c.setFont("STSong-Light", s); c.drawString(lx, y, label)
                self.box(c, bx, y - 1, s - 1, checked, label)
    def box(self, c, x, y, w, checked, label):
        c.setLineWidth(0.6)
        if self.kind == "widget":
            c.acroForm.checkbox(name=f"cb{id(self)}_{label}_{x:.0f}_{y:.0f}", x=x, y=y, size=w, checked=checked,
                                buttonStyle="check", borderWidth=0.6, relative=True)
            return
        if self.kind == "rectcross":
            c.rect(x, y, w, w)
            if checked:
                c.line(x + 1.5, y + 1.5, x + w - 1.5, y + w - 1.5); c.line(x + 1.5, y + w - 1.5, x + w - 1.5, y + 1.5)
        elif self.kind == "lines_tick":
            c.line(x, y, x + w, y); c.line(x + w, y, x + w, y + w); c.line(x + w, y + w, x, y + w); c.line(x, y + w, x, y)
            if checked:
                p = c.beginPath(); p.moveTo(x + 1.5, y + w * 0.5); p.lineTo(x + w * 0.4, y + 1.5); p.lineTo(x + w + 1, y + w + 1.5)
                c.drawPath(p, stroke=1, fill=0)
        elif self.kind == "rect_curve_tick":
            c.rect(x, y, w, w)
            if checked:
                p = c.beginPath(); p.moveTo(x + 1.2, y + w * 0.55)
                p.curveTo(x + w * 0.25, y + w * 0.3, x + w * 0.35, y + 1.2, x + w * 0.42, y + 1.2)
                p.curveTo(x + w * 0.6, y + w * 0.5, x + w * 0.8, y + w * 0.8, x + w - 0.8, y + w - 0.8)
                c.drawPath(p, stroke=1, fill=0)

def P(t): return Paragraph(t, ST)
def yn(v): return [("是", v), ("否", not v)]
def ol(v): return [(o, o == v) for o in ("确定能完成", "有可能完成", "确定不能完成")]

def narrative(c):
    out = []
    for h, subs in c["sections"]:
        out.append(h)
        for sh, texts in subs: out.append(sh); out.extend(texts)
    return out

def build_rl(c, path, kind, before=True, layout="grid8", narr="cell", col=64):
    u = f"（{c['unit']}）"; r = c["raw"]; ok = kind
    story = [Paragraph(c["title"], TITLE), Spacer(1, 6), P(f"街镇名称：{c['town']}（盖章）"), Spacer(1, 4)]
    style = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    rows = []
    if layout == "grid8":
        widths = [col] * 8
        rows.append([P("项目名称"), P(c["project"])] + [""] * 6); style.append(("SPAN", (1, 0), (7, 0)))
        rows.append([P("预算单位"), P(c["bu"]), P("具体实施（内设机构）"), P(c["iu"]), P("跟踪时段"), P(c["period"]), P("是否为经常性项目"), Opts(yn(c["recurring"]), kind, before)])
        rows.append([P(f"当年预算数{u}"), P(r["annual"]), P(f"预算执行数{u}"), P(r["executed"]), P("预算执行进度（%）"), P(c["pct"]), P("是否需要预算调整"), Opts(yn(c["adj_needed"]), kind, before)])
        rows.append([P(f"调整后预算数{u}"), P(r["adjusted"]), P(f"调减金额{u}"), P(r["decrease"]), P(f"调增金额{u}"), P(r["increase"]), P(f"事前绩效评估评审预算{u}"), P(r["review"])])
        if c["reason"]:
            n = len(rows); rows.append([P("选择重点跟踪理由"), P(c["reason"])] + [""] * 6); style.append(("SPAN", (1, n), (7, n)))
        if narr == "cell":
            for t in narrative(c):  # one row per paragraph so the table can split across pages
                n = len(rows); rows.append([P(t)] + [""] * 7); style.append(("SPAN", (0, n), (7, n)))
            for t in ("三、阶段性跟踪结论：", c["conclusion"]):
                n = len(rows); rows.append([P(t)] + [""] * 7); style.append(("SPAN", (0, n), (7, n)))
        n = len(rows)
        for q, v in (("年度项目预算完成可能性", c["outlook"][0]), ("年度绩效目标完成可能性", c["outlook"][1])):
            rows.append([P("四、绩效跟踪后项目总体判断"), P(q), Opts(ol(v), ok, before), "", "", "", "", ""])
            m = len(rows) - 1; style.append(("SPAN", (2, m), (7, m)))
        style.append(("SPAN", (0, n), (0, n + 1)))
        t = Table(rows, colWidths=widths, repeatRows=0)
    else:  # grid4 with a repeated header row
        widths = [col * 1.3, col * 1.7, col * 1.3, col * 1.7]
        rows.append([P("栏目"), P("内容"), P("栏目"), P("内容")])
        def pair(a, b, cc=None, d=None):
            if b is None:
                n = len(rows); rows.append([P(a), P(cc), "", ""]); style.append(("SPAN", (1, n), (3, n)))
            else:
                rows.append([P(a), b if isinstance(b, Flowable) else P(b), P(cc), d if isinstance(d, Flowable) else P(d)])
        pair("项目名称", None, c["project"])
        pair("预算单位", c["bu"], "具体实施（内设机构）", c["iu"])
        pair("跟踪时段", c["period"], "是否为经常性项目", Opts(yn(c["recurring"]), kind, before))
        pair(f"当年预算数{u}", r["annual"], f"预算执行数{u}", r["executed"])
        pair("预算执行进度（%）", c["pct"], "是否需要预算调整", Opts(yn(c["adj_needed"]), kind, before))
        pair(f"调整后预算数{u}", r["adjusted"], f"调减金额{u}", r["decrease"])
        pair(f"调增金额{u}", r["increase"], f"事前绩效评估评审预算{u}", r["review"])
        if c["reason"]: pair("选择重点跟踪理由", None, c["reason"])
        if narr == "cell":
            for tx in narrative(c) + ["三、阶段性跟踪结论：", c["conclusion"]]:
                n = len(rows); rows.append([P(tx), "", "", ""]); style.append(("SPAN", (0, n), (3, n)))
        n = len(rows); rows.append([P("四、绩效跟踪后项目总体判断"), "", "", ""]); style.append(("SPAN", (0, n), (3, n)))
        for q, v in (("年度项目预算完成可能性", c["outlook"][0]), ("年度绩效目标完成可能性", c["outlook"][1])):
            n = len(rows); rows.append([P(q), Opts(ol(v), ok, before), "", ""]); style.append(("SPAN", (1, n), (3, n)))
        t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(style)); story.append(t)
    if narr == "after":
        story.append(Spacer(1, 8))
        for tx in narrative(c) + ["三、阶段性跟踪结论：", c["conclusion"]]:
            story.append(Paragraph(tx, ParagraphStyle("b", parent=ST, firstLineIndent=0 if tx[:2] in ("一、","二、","三、") else 19)))
    def furniture(canvas, doc):
        canvas.saveState(); canvas.setFont("STSong-Light", 8)
        canvas.drawString(60, A4[1] - 30, "闵行区财政项目绩效跟踪材料")
        canvas.drawCentredString(A4[0] / 2, 25, f"- {doc.page} -")
        canvas.restoreState()
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=45).build(story, onFirstPage=furniture, onLaterPages=furniture)


ATT = "基本正常（执行率或目标完成度在60%至75%之间）"
WORD_CASES = [
  (make("word_grid8_wrapped_amounts", town="上海市闵行区梅陇镇人民政府", project="2024年梅陇镇应急管理综合能力提升项目",
        bu="梅陇镇应急管理办公室", iu="梅陇镇应急管理办公室", start=(2024,1,1), end=(2024,8,31), recurring=True,
        annual=581000, executed=512650, review=600000, long=2), dict(layout="grid8", kind="uni", col=58)),
  (make("word_grid4_row_split_page", town="上海市闵行区七宝镇人民政府", project="2024年七宝镇社区睦邻中心运营项目",
        bu="七宝镇社区服务中心", iu="七宝镇社区服务中心睦邻科", start=(2024,1,1), end=(2024,8,31), recurring=True,
        annual=420000, executed=300000, review=420000, long=1, conclusion="基本正常（执行率或目标完成度在60%至75%之间）", outlook=("有可能完成", "确定不能完成")), dict(layout="grid4", kind="uni_x", col=44)),
  (make("word_grid4_formcheckbox_drawn", town="上海市闵行区江川路街道办事处", project="2024年江川路街道智慧安防社区建设项目",
        bu="江川路街道平安办", iu="江川路街道平安建设办公室", start=(2024,3,1), end=(2024,8,31), recurring=False,
        annual=950000, executed=760000, review=950000, long=2, outlook=("有可能完成", "有可能完成")), dict(layout="grid4", kind="formcb", col=62)),
  (make("word_grid8_content_control", town="上海市闵行区虹桥镇人民政府", project="2024年虹桥镇垃圾分类精细化管理项目",
        bu="虹桥镇城市运行管理中心", iu="虹桥镇城市运行管理中心环卫所", start=(2024,1,1), end=(2024,7,31), recurring=True,
        annual=2300000, executed=1840000, review=2300000, long=3), dict(layout="grid8", kind="sdt", col=60)),
  (make("word_grid4_squares_narrative_after", town="上海市闵行区浦锦街道办事处", project="2024年浦锦街道社区文化活动中心运营项目",
        bu="浦锦街道社区服务办公室", iu="浦锦街道社区文化活动中心", start=(2024,1,1), end=(2024,8,31), recurring=True,
        annual=860000, dec=60000, executed=640000, review=850000, variant="general", long=4), dict(layout="grid4", kind="uni_sq", before=True, narrative="after", col=64)),
  (make("word_grid8_formcheckbox_narrow", town="上海市闵行区浦江镇人民政府", project="2024年浦江镇农村道路提档升级项目",
        bu="浦江镇农业农村服务中心", iu="浦江镇农业农村服务中心村建科", start=(2024,1,1), end=(2024,8,31), recurring=False,
        annual=2860000, dec=260000, executed=2080000, review=2800000, long=2, outlook=("确定能完成", "有可能完成")), dict(layout="grid8", kind="formcb", before=True, col=46)),
]
REPORTLAB_CASES = [
  (make("drawn_lines_polyline_tick", town="上海市闵行区华漕镇人民政府", project="2024年华漕镇河道日常养护项目",
        bu="华漕镇水务管理站", iu="华漕镇水务管理站河道养护科", start=(2024,1,1), end=(2024,6,30), recurring=False,
        annual=1205000, dec=205000, executed=800000, review=1180000, long=2, outlook=("有可能完成","确定能完成")), dict(kind="lines_tick", before=False)),
  (make("widgets_relative_repeated_header", town="上海市闵行区江川路街道办事处", project="2024年江川路街道智慧安防社区建设项目",
        bu="江川路街道平安办", iu="江川路街道平安建设办公室", start=(2024,3,1), end=(2024,8,31), recurring=False,
        annual=950000, executed=608000, review=950000, long=14, conclusion=ATT, outlook=("有可能完成","有可能完成")), dict(kind="widget", layout="grid4")),
]


def main() -> None:
    import json
    here = Path(__file__).resolve().parent
    sources = here / "sources"
    sources.mkdir(exist_ok=True)
    only = sys.argv[1:]
    for c, opts in WORD_CASES:
        pdf = here / f"{c['name']}.pdf"
        if (only and c["name"] not in only) or (not only and pdf.exists()):
            continue
        opts = dict(opts)
        ff = opts.pop("form_fields", False)
        build(c, sources / f"{c['name']}.docx", **opts)
        out = to_pdf(sources / f"{c['name']}.docx", here, form_fields=ff)
        print(out)
    for c, opts in REPORTLAB_CASES:
        if only and c["name"] not in only:
            continue
        build_rl(c, here / f"{c['name']}.pdf", **opts)
        print(here / f"{c['name']}.pdf")
    if "--expected-drafts" in only:  # drafts for hand checking, never over the committed files
        for c, _ in WORD_CASES + REPORTLAB_CASES:
            (sources / f"{c['name']}.expected.draft.json").write_text(
                json.dumps(expected(c), ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
