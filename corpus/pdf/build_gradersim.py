"""PDFs from the grader simulation (QA): random forms laid out the way an outside grader would.

Two layouts: (a) a python-docx document on the seed's 8-column grid with 1.5–2 cm columns,
printed by LibreOffice (`soffice --headless --convert-to pdf`), boxes as Unicode glyphs;
(b) a form ruled with the reportlab canvas (STSong-Light, cells wrapped by this code), boxes
as symbol-font private-use code points (fonts made here with fontTools from DejaVu Sans and
named Wingdings2 / Wingdings-Regular / Webdings), drawn squares with drawn crosses or ticks,
or AcroForm widgets. The content (amounts, periods, narrative wording, planted faults) is
random with a fixed seed per case. Expected records are hand-checked, not written here.

    python corpus/pdf/build_gradersim.py            # rebuild the cases in CASES
"""

from __future__ import annotations

import calendar
import random
import shutil
import subprocess
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from fontTools.ttLib import TTFont as FontToolsFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_DIR = Path(tempfile.mkdtemp(prefix="gradersim-fonts-"))

# ---------------------------------------------------------------- symbol fonts
SRC = DEJAVU
def _make_font(name, codes, out):
    f=FontToolsFont(SRC)
    cmap=f.getBestCmap()
    g_box=cmap[0x2610]; g_chk=cmap[0x2611]
    for t in f['cmap'].tables:
        if t.isUnicode():
            for c,state in codes.items():
                t.cmap[c]= g_chk if state else g_box
    for n in f['name'].names:
        if n.nameID in (1,3,4,6):
            n.string = name
    f.save(out)

# ---------------------------------------------------------------- content

TOWNS = ["梅陇镇", "华漕镇", "七宝镇", "颛桥镇", "马桥镇", "吴泾镇", "浦江镇", "虹桥镇", "莘庄镇", "江川路街道", "古美路街道", "新虹街道"]
TOPICS = ["应急物资储备及应急管理信息化", "老旧小区消防设施改造", "河道水环境综合治理及长效养护", "“一网统管”平台运维",
          "社区养老服务中心运营补贴", "垃圾分类智能化设施建设", "农村生活污水治理设施运维", "公共绿地养护提升",
          "城市网格化综合管理辅助服务", "防汛防台应急保障"]
UNITS = ["{t}应急管理办公室", "{t}城市运行管理中心", "{t}社区事务受理服务中心", "{t}城市建设管理事务中心",
         "{t}农业农村和水务管理服务中心", "{t}社区党群服务中心（社区文化活动中心）", "{t}人民政府办公室"]
SUBUNITS = ["综合协调科", "工程管理科", "安全生产监督管理所", "运行保障部", "信息化管理科"]
REASONS = ["{y}年区委、区政府及本级政府或本部门重点工作项目", "预算金额较大、社会关注度高的项目",
           "{y}年新增且资金量较大的民生保障项目"]


def q2(x):
    return Decimal(x).quantize(Decimal("0.01"), ROUND_HALF_UP)


def fmt_yuan(v: Decimal) -> str:
    return f"{v:,.2f}"


def fmt_wan(v: Decimal, rnd) -> str:
    # v in 万元; printed with up to 4 decimals, trailing zeros varied
    s = f"{v:.4f}".rstrip("0").rstrip(".")
    if rnd.random() < 0.3 and "." in s and len(s.split(".")[1]) < 2:
        s = f"{v:.2f}"
    return s


def period_text(s, e, rnd):
    y1, m1, d1 = s; y2, m2, d2 = e
    forms = [
        f"{y1}年{m1:02d}月{d1:02d}日 --- {y2}年{m2:02d}月{d2:02d}日",
        f"{y1}.{m1:02d}.{d1:02d}-{y2}.{m2:02d}.{d2:02d}",
        f"{y1}年{m1}月{d1}日至{y2}年{m2}月{d2}日",
        f"{y1}/{m1}/{d1}—{y2}/{m2}/{d2}",
        f"{y1}年{m1}月{d1}日-{y2}年{m2}月{d2}日",
    ]
    return rnd.choice(forms)


def month_end(y, m):
    return calendar.monthrange(y, m)[1]


FAULTS = ["narrative-mismatch", "execution-rate", "adjustment-flag", "checkbox-state", "period",
          "unit-mismatch", "budget-identity", "conclusion-rate", "text-arithmetic", "missing-field"]
COMPATIBLE_PAIRS = [("narrative-mismatch", "checkbox-state"), ("execution-rate", "period"),
                    ("adjustment-flag", "missing-field"), ("budget-identity", "checkbox-state"),
                    ("conclusion-rate", "period"), ("unit-mismatch", "checkbox-state"),
                    ("text-arithmetic", "adjustment-flag"), ("narrative-mismatch", "period")]


def make(seed: int, faults=(), variant=None):
    rnd = random.Random(seed)
    faults = set(faults)
    year = rnd.choice([2023, 2024, 2025])
    townshort = rnd.choice(TOWNS)
    town = f"上海市闵行区{townshort}人民政府"
    variant = variant or rnd.choice(["key", "general"])
    project = f"{year}年{townshort}{rnd.choice(TOPICS)}项目"
    bu = rnd.choice(UNITS).format(t=townshort)
    iu = rnd.choice([bu, bu + rnd.choice(SUBUNITS), rnd.choice(UNITS).format(t=townshort)])
    wan = rnd.random() < 0.45  # table in 万元
    # amounts in yuan
    a = Decimal(rnd.randrange(200, 9000) * 1000)
    kind = rnd.choice(["none", "dec", "inc", "both"])
    dec = Decimal(rnd.randrange(1, 40) * 1000) * (a // Decimal(100000) + 1) if kind in ("dec", "both") else Decimal(0)
    dec = min(dec, a / 2).quantize(Decimal(1000)) if dec else dec
    inc = Decimal(rnd.randrange(5, 60) * 1000) if kind in ("inc", "both") else Decimal(0)
    adj = a - dec + inc
    want_cat = rnd.choice(["正常", "正常", "基本", "偏差"])
    lo, hi = {"正常": (0.76, 1.0), "基本": (0.61, 0.74), "偏差": (0.2, 0.58)}[want_cat]
    e = (adj * Decimal(str(round(rnd.uniform(lo, hi), 4)))).quantize(Decimal(100))
    ex_ante = (a * Decimal(str(rnd.choice([1, 1.05, 1.1, 0.98])))).quantize(Decimal(1000))
    printed_adj = adj
    if "budget-identity" in faults:
        printed_adj = adj + Decimal(rnd.choice([10000, 50000, -20000]))
    pct = q2(e / printed_adj * 100)
    printed_pct = pct
    if "execution-rate" in faults:
        printed_pct = q2(pct + Decimal(rnd.choice([5, -7, 12])))
    cat = "运行正常" if pct >= 75 else ("运行基本正常" if pct >= 60 else "运行偏差较大")
    if "conclusion-rate" in faults:
        if pct >= 75:
            # lower execution so it no longer fits
            e = (printed_adj * Decimal("0.55")).quantize(Decimal(100))
            pct = q2(e / printed_adj * 100); printed_pct = pct
        cat = "运行正常"
    conclusion_text = {"运行正常": "运行正常（执行率和目标完成度均在75%以上）",
                       "运行基本正常": "运行基本正常（执行率或目标完成度在60%-75%之间）",
                       "运行偏差较大": "运行偏差较大（执行率或目标完成度在60%以下）"}[cat]
    conclusion_text += rnd.choice(["", "。项目按计划推进，预计年底前完成全部支付。", "。下阶段将加快合同款项支付进度。"])
    recurring = rnd.random() < 0.5
    adjust_needed = bool(dec or inc)
    if "adjustment-flag" in faults:
        if not adjust_needed:
            dec = Decimal(rnd.randrange(1, 9) * 10000); adj = a - dec + inc
            printed_adj = adj if "budget-identity" not in faults else printed_adj
            e = min(e, printed_adj)
            pct = q2(e / printed_adj * 100); printed_pct = pct if "execution-rate" not in faults else printed_pct
        adjust_needed = False
    outlook_b = "确定能完成" if cat == "运行正常" else rnd.choice(["有可能完成", "确定能完成"])
    outlook_g = rnd.choice(["确定能完成", "有可能完成"])
    # period
    sm = rnd.choice([1, 1, 1, 3]); em = rnd.choice([6, 7, 8, 9])
    start = (year, sm, 1); end = (year, em, month_end(year, em))
    if "period" in faults:
        if rnd.random() < 0.6:
            start, end = (year, em, 1), (year, sm + 1, month_end(year, sm + 1))
        else:
            start, end = (year - 1, sm, 1), (year - 1, em, month_end(year - 1, em))
    # units
    def disp(v):  # value (yuan) as printed in the table
        return fmt_wan(v / 10000, rnd) if wan else fmt_yuan(v)
    unit_mismatch = "unit-mismatch" in faults
    if unit_mismatch:
        wan = True
    stated = "元" if (not wan or unit_mismatch) else "万元"
    amounts = {"annual_budget": a, "executed": e, "adjusted_budget": printed_adj, "decrease": dec,
               "increase": inc, "ex_ante_review_budget": ex_ante}
    raws = {k: (fmt_wan(v / 10000, rnd) if wan else fmt_yuan(v)) for k, v in amounts.items()}
    if wan and rnd.random() < 0.5:
        for k in ("decrease", "increase"):
            if amounts[k] == 0:
                raws[k] = "0"
    exp_amounts = {}
    for k, v in amounts.items():
        raw = raws[k]
        unit = "万元" if wan else "元"
        val = Decimal(raw.replace(",", ""))
        yuan = val * 10000 if unit == "万元" else val
        exp_amounts[k] = {"raw": raw, "stated_unit": stated, "unit": unit, "yuan": f"{yuan:.2f}",
                          "unit_inferred": unit != stated}
    # narrative
    nu = rnd.choice(["万元", "元"]) if not wan else "万元"
    if unit_mismatch:
        nu = "万元"
    def n(v):
        return (fmt_wan(v / 10000, rnd) if nu == "万元" else fmt_yuan(v)) + nu
    n_a = a
    if "narrative-mismatch" in faults:
        n_a = a + Decimal(rnd.choice([100000, 230000, -50000]))
    rate_adj = q2((dec - inc) / a * 100) if (dec or inc) else Decimal(0)
    stated_rate_adj = rate_adj
    if "text-arithmetic" in faults:
        stated_rate_adj = q2(rate_adj + Decimal(rnd.choice([7, 11, 15])))
    end_s = f"{end[0]}年{end[1]}月{end[2]}日"
    ptxt = f"{printed_pct.normalize():f}".rstrip(".") if printed_pct == printed_pct.to_integral() else f"{printed_pct}"
    w = rnd.randrange(3)
    if w == 0:
        s1 = f"本项目{year}年初预算安排为{n(n_a)}，调整预算{n(printed_adj)}"
        if dec and not inc:
            s1 += f"，预算调减{n(dec)}，预算调整率{stated_rate_adj}%"
        elif dec:
            s1 += f"，预算调减{n(dec)}，调增{n(inc)}"
        elif inc:
            s1 += f"，预算调增{n(inc)}"
        s1 += "。"
        s2 = f"截至跟踪期实际支出{n(e)}，预算执行率{ptxt}%。"
    elif w == 1:
        s1 = f"{year}年年初预算{n(n_a)}，调整后预算{n(printed_adj)}"
        if dec and not inc:
            s1 += f"，其中调减{n(dec)}（预算调整率{stated_rate_adj}%）"
        elif dec:
            s1 += f"，其中调减{n(dec)}"
        if inc:
            s1 += f"，调增{n(inc)}"
        s1 += "。"
        s2 = f"截至{end_s}，实际支出{n(e)}，执行率为{ptxt}%。"
    else:
        s1 = f"项目年初预算数为{n(n_a)}，经调整后预算为{n(printed_adj)}"
        s1 += (f"（调减{n(dec)}，预算调整率{stated_rate_adj}%）。" if dec and not inc else (f"（调减{n(dec)}）。" if dec else "。"))
        if inc:
            s1 += f"年中追加预算{n(inc)}。"
        s2 = f"截止{end_s}已支付{n(e)}，预算执行率{ptxt}%。"
    if "text-arithmetic" in faults and not (dec and not inc):
        # ensure a computable wrong rate exists
        s2 = s2[:-1] + f"（{n(e)}÷{n(printed_adj)}={q2(printed_pct + 9)}%）。"
    filler = ("为贯彻落实市委、市政府关于城市精细化管理工作部署会议精神，结合本镇工作实际，"
              f"{townshort}围绕辖区安全运行和民生保障目标，统筹推进各项建设和运维任务，强化资金使用绩效管理，"
              "严格执行政府采购和合同管理制度，确保项目资金专款专用、规范高效。")
    background = [filler * rnd.randint(2, 6), "项目主要内容包括设施设备采购安装、日常巡查养护、应急处置保障以及信息系统运行维护等，"
                  "计划于年内分阶段完成招标采购、合同签订、实施和验收工作。" * rnd.randint(1, 3)]
    progress = [f"截至{end_s}，各项工作按计划推进，已完成阶段性目标的主要内容。" + "各项指标完成情况良好，群众满意度调查正在开展。" * rnd.randint(1, 3)]
    sections = [
        ("一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）：",
         [("1、项目背景概况", background), ("2、预算安排", [f"本项目资金来源为镇级财力，{year}年预算按合同约定分期支付。"])]),
        ("二、项目具体实施情况（对照阶段性绩效目标的完成情况）：",
         [("1、预算执行情况", [s1 + s2]), ("2、阶段性目标完成情况", progress)]),
    ]
    yes_no = {"recurring": recurring, "adjustment_needed": adjust_needed}
    boxes = {
        "recurring": [("是", recurring), ("否", not recurring)],
        "adjustment_needed": [("是", adjust_needed), ("否", not adjust_needed)],
        "budget_outlook": [(o, o == outlook_b) for o in ("确定能完成", "有可能完成", "确定不能完成")],
        "goal_outlook": [(o, o == outlook_g) for o in ("确定能完成", "有可能完成", "确定不能完成")],
    }
    exp_yesno = dict(yes_no)
    exp_b, exp_g = outlook_b, outlook_g
    if "checkbox-state" in faults:
        which = rnd.choice(["budget_outlook", "goal_outlook", "recurring"])
        if which == "recurring":
            boxes["recurring"] = [("是", True), ("否", True)] if rnd.random() < 0.5 else [("是", False), ("否", False)]
            exp_yesno["recurring"] = None
        else:
            opts = boxes[which]
            ticked = [i for i, (_, s) in enumerate(opts) if s][0]
            other = (ticked + 1) % 3
            boxes[which] = [(l, s or i == other) for i, (l, s) in enumerate(opts)]
            if which == "budget_outlook": exp_b = None
            else: exp_g = None
    proj_print = project
    exp_project = project
    if "missing-field" in faults:
        proj_print = ""; exp_project = None
    ps = period_text(start, end, rnd)
    fields = {
        "town": town, "project_name": exp_project, "budget_unit": bu, "implementing_unit": iu,
        "tracking_period": {"start": "%04d-%02d-%02d" % start, "end": "%04d-%02d-%02d" % end},
        "recurring": exp_yesno["recurring"], "adjustment_needed": exp_yesno["adjustment_needed"],
        **exp_amounts,
        "execution_progress_pct": f"{printed_pct:.2f}",
        "key_tracking_reason": (rnd.choice(REASONS).format(y=year) if variant == "key" else None),
        "stage_conclusion": cat, "budget_outlook": exp_b, "goal_outlook": exp_g,
    }
    pct_print = rnd.choice([f"{ptxt}%", f"{printed_pct:.2f}%", f"{ptxt}"])
    fields["execution_progress_pct"] = pct_print.rstrip("%")
    doc = {
        "seed": seed, "variant": variant, "year": year,
        "title": "财政项目支出绩效运行监控（跟踪评价）" + ("（重点）" if variant == "key" else "（一般）"),
        "town_line": f"街镇名称：{town}" + rnd.choice(["（盖章）", "（盖章）", ""]),
        "project": proj_print, "bu": bu, "iu": iu, "period": ps,
        "unit_label": "（万元）" if stated == "万元" else rnd.choice(["（元）", " (元)", "(元)"]),
        "raws": raws, "pct": pct_print,
        "reason": fields["key_tracking_reason"],
        "sections": sections, "conclusion": conclusion_text, "boxes": boxes,
        "fields": fields, "faults": sorted(faults),
    }
    return doc

# ---------------------------------------------------------------- Word via LibreOffice

GLYPHS = {"check": ("☑", "☐"), "cross": ("☒", "☐"), "square": ("■", "□"), "tick": ("√", "□"),
          "wd2run": ("\uf052", "\uf0a3"), "wd2sym": ("\uf052", "\uf0a3"), "wdsym": ("\uf0fe", "\uf0a8")}
SYMFONT = {"wd2run": "Wingdings 2", "wd2sym": "Wingdings 2", "wdsym": "Wingdings"}


def _font(run, size=10.5):
    run.font.size = Pt(size)
    run.font.name = "SimSun"
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts"); rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), "宋体")


def _field(par, instr):
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
        run = par.add_run()
        if kind:
            el = OxmlElement("w:fldChar"); el.set(qn("w:fldCharType"), kind); run._element.append(el)
        elif text == instr:
            el = OxmlElement("w:instrText"); el.set(qn("xml:space"), "preserve"); el.text = f" {instr} "; run._element.append(el)
        else:
            run.text = text


STYLE = {"s": None}


def _sym(par, ch, size):
    style = STYLE["s"]
    font = SYMFONT[style]
    if style == "wd2run":
        run = par.add_run(ch); run.font.size = Pt(size); run.font.name = font
        rpr = run._element.get_or_add_rPr(); rf = rpr.find(qn("w:rFonts"))
        for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rf.set(qn(a), font)
    else:
        run = par.add_run(); run.font.size = Pt(size)
        el = OxmlElement("w:sym"); el.set(qn("w:font"), font); el.set(qn("w:char"), "%04X" % ord(ch))
        run._element.append(el)


def set_text(cell, text, size=10.5, align=None):
    par = cell.paragraphs[0]
    for i, line in enumerate(text.split("\n")):
        if i:
            par = cell.add_paragraph()
        if align:
            par.alignment = align
        buf = ""
        for ch in line:
            if 0xF000 <= ord(ch) <= 0xF0FF:
                if buf:
                    _font(par.add_run(buf), size); buf = ""
                _sym(par, ch, size)
            else:
                buf += ch
        if buf:
            _font(par.add_run(buf), size)


def options_text(opts, style, before):
    on, off = GLYPHS[style]
    parts = []
    for label, state in opts:
        g = on if state else off
        parts.append(f"{g}{label}" if before else f"{label}{g}")
    return "  ".join(parts)


def build_docx(doc, path_pdf, rnd: random.Random, narrative_inside=True, style=None, two_tables=None):
    style = style or rnd.choice([k for k in GLYPHS if k not in SYMFONT])
    STYLE["s"] = style
    two_tables = (not narrative_inside) and (rnd.random() < 0.6 if two_tables is None else two_tables)
    before = rnd.random() < 0.5
    colw = rnd.uniform(1.5, 2.0)
    d = Document()
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.0)
    hp = sec.header.paragraphs[0]; _font(hp.add_run("闵行区财政项目绩效跟踪材料"), 9)
    fp = sec.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(fp.add_run("第 "), 9); _field(fp, "PAGE"); _font(fp.add_run(" 页 共 "), 9); _field(fp, "NUMPAGES"); _font(fp.add_run(" 页"), 9)
    p = d.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER; _font(p.add_run(doc["title"]), 16)
    p = d.add_paragraph(); _font(p.add_run(doc["town_line"]), 12)
    key = doc["variant"] == "key"
    u = doc["unit_label"]; r = doc["raws"]; B = doc["boxes"]
    rows = 4 + (1 if key else 0) + (2 if narrative_inside else 0) + (0 if two_tables else 2)
    t = d.add_table(rows=rows, cols=8)
    t.style = "Table Grid"
    t.autofit = False
    for row in t.rows:
        for c in row.cells:
            c.width = Cm(colw)
    def put(ri, ci, text, span=1):
        cell = t.cell(ri, ci)
        if span > 1:
            cell = cell.merge(t.cell(ri, ci + span - 1))
        set_text(cell, text)
        return cell
    put(0, 0, "项目名称"); put(0, 1, doc["project"], 7)
    for i, (lab, val) in enumerate([("预算单位", doc["bu"]), ("具体实施 (内设机构)", doc["iu"]), ("跟踪时段", doc["period"]),
                                    ("是否为经常性项目", options_text(B["recurring"], style, before))]):
        put(1, 2 * i, lab); put(1, 2 * i + 1, val)
    for i, (lab, val) in enumerate([(f"当年预算数{u}", r["annual_budget"]), (f"预算执行数{u}", r["executed"]),
                                    ("预算执行进度 (%)", doc["pct"]), ("是否需要预算调整", options_text(B["adjustment_needed"], style, before))]):
        put(2, 2 * i, lab); put(2, 2 * i + 1, val)
    for i, (lab, val) in enumerate([(f"调整后预算数{u}", r["adjusted_budget"]), (f"调减金额{u}", r["decrease"]),
                                    (f"调增金额{u}", r["increase"]), (f"事前绩效评估评审预算{u}", r["ex_ante_review_budget"])]):
        put(3, 2 * i, lab); put(3, 2 * i + 1, val)
    ri = 4
    if key:
        put(4, 0, "选择重点跟踪理由"); put(4, 1, doc["reason"], 7); ri = 5
    narrative = []
    for head, subs in doc["sections"]:
        narrative.append(head)
        for sh, paras in subs:
            narrative.append(sh); narrative += paras
    concl = ["三、阶段性跟踪结论：", doc["conclusion"]]
    if narrative_inside:
        put(ri, 0, "\n".join(narrative), 8); put(ri + 1, 0, "\n".join(concl), 8); ri += 2
    if two_tables:
        for line in narrative + concl:
            p = d.add_paragraph(); _font(p.add_run(line), 10.5)
        t = d.add_table(rows=2, cols=8); t.style = "Table Grid"; t.autofit = False
        for row in t.rows:
            for c in row.cells:
                c.width = Cm(colw)
        ri = 0
    lab = t.cell(ri, 0).merge(t.cell(ri + 1, 0)); set_text(lab, "四、绩效跟踪后项目总体判断")
    for k, (field, q) in enumerate((("budget_outlook", "年度项目预算完成可能性"), ("goal_outlook", "年度绩效目标完成可能性"))):
        put(ri + k, 1, q)
        split = rnd.random() < 0.5
        if split:
            for j, opt in enumerate(B[field]):
                put(ri + k, 2 + j, options_text([opt], style, before))
            put(ri + k, 5, "", 3)
        else:
            put(ri + k, 2, options_text(B[field], style, before), 6)
    if not narrative_inside and not two_tables:
        # the 四 rows stay in the table; narrative printed after it
        for line in narrative + concl:
            p = d.add_paragraph(); _font(p.add_run(line), 10.5)
    tmp = Path(tempfile.mkdtemp())
    src = tmp / (Path(path_pdf).stem + ".docx")
    d.save(src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                   check=True, capture_output=True, timeout=120)
    shutil.copy(tmp / (Path(path_pdf).stem + ".pdf"), path_pdf)
    shutil.copy(src, Path(path_pdf).with_suffix(".docx"))
    shutil.rmtree(tmp)
    return {"layout": "docx", "box": f"glyph-{style}-{'before' if before else 'after'}", "colw_cm": round(colw, 2),
            "narrative_inside": narrative_inside, "two_tables": two_tables}

# ---------------------------------------------------------------- reportlab canvas

W, H = A4
CJK = "STSong-Light"
D = str(FONT_DIR) + "/"
_reg = False


def reg():
    global _reg
    if _reg:
        return
    pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    pdfmetrics.registerFont(TTFont("SimWingdings2", D + "Wingdings2-sim.ttf"))
    pdfmetrics.registerFont(TTFont("SimWingdings", D + "Wingdings-sim.ttf"))
    pdfmetrics.registerFont(TTFont("SimWebdings", D + "Webdings-sim.ttf"))
    pdfmetrics.registerFont(TTFont("SimDejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    _reg = True


BOXMODES = ["pua-wd2", "pua-wd", "pua-webd", "rect-cross", "rect-tick", "lines-curve", "widget", "unicode"]
PUA = {"pua-wd2": ("SimWingdings2", "\uf052", "\uf0a3"), "pua-wd": ("SimWingdings", "\uf0fe", "\uf0a8"),
       "pua-webd": ("SimWebdings", "\uf061", "\uf063")}
BOX = 8.5
VAR = {}


class Box:
    def __init__(self, state):
        self.state = state


class Sheet:
    def __init__(self, path, mode, rnd, header=True):
        reg()
        self.c = Canvas(path, pagesize=A4, invariant=1)
        self.mode, self.rnd = mode, rnd
        self.page = 1
        self.header = header
        self.n = 0
        self.pages_total = None
        self.furniture = []

    def text(self, x, top, s, size=10, font=CJK):
        self.c.setFont(font, size)
        self.c.drawString(x, H - top - size * 0.86, s)

    def box(self, x, top, state, size=10):
        c, m = self.c, self.mode
        side = BOX
        y = H - top - side - (size - side) / 2 + 0.5
        if m in PUA:
            font, on, off = PUA[m]
            self.text(x, top, on if state else off, size=size, font=font)
            return
        if m == "unicode":
            on, off = self.uni
            self.text(x, top, on if state else off, size=size, font="SimDejaVu")
            return
        if m == "widget":
            self.n += 1
            c.acroForm.checkbox(name=f"cb{self.n}", checked=state, x=x, y=y, size=side, buttonStyle="check",
                                borderWidth=0.6)
            return
        c.setLineWidth(0.6)
        if m in ("rect-cross", "rect-tick"):
            c.rect(x, y, side, side, stroke=1, fill=0)
        else:
            c.line(x, y, x + side, y); c.line(x, y + side, x + side, y + side)
            c.line(x, y, x, y + side); c.line(x + side, y, x + side, y + side)
        if state:
            if m == "rect-cross":
                c.line(x + 1.2, y + 1.2, x + side - 1.2, y + side - 1.2); c.line(x + 1.2, y + side - 1.2, x + side - 1.2, y + 1.2)
            elif m == "rect-tick":
                c.lines([(x + 1.5, y + 4.5, x + 3.5, y + 1.5), (x + 3.5, y + 1.5, x + side - 1, y + side - 1)])
            else:
                p = c.beginPath(); p.moveTo(x + 1.4, y + 4.6)
                p.curveTo(x + 2.4, y + 3.4, x + 3.0, y + 2.2, x + 3.6, y + 1.4)
                p.curveTo(x + 5, y + 4, x + 6.5, y + 6.5, x + side - 0.8, y + side - 0.8)
                c.drawPath(p, stroke=1, fill=0)


def wrap(runs, width, size=10):
    """runs: list of str|Box -> list of lines (list of tokens)."""
    toks = []
    for r in runs:
        if isinstance(r, Box):
            toks.append(r)
        else:
            toks += list(r)
    lines, cur, w = [], [], 0.0
    for t in toks:
        if t == "\n":
            lines.append(cur); cur, w = [], 0.0; continue
        tw = (BOX + 2) if isinstance(t, Box) else pdfmetrics.stringWidth(t, CJK, size)
        if cur and w + tw > width:
            lines.append(cur); cur, w = [], 0.0
        cur.append(t); w += tw
    lines.append(cur)
    return lines


def draw_line(sh, x, top, toks, size=10):
    buf = ""
    for t in toks:
        if isinstance(t, Box):
            if buf:
                sh.text(x, top, buf, size); x += pdfmetrics.stringWidth(buf, CJK, size); buf = ""
            sh.box(x + 1, top, t.state, size); x += BOX + 2
        else:
            buf += t
    if buf:
        sh.text(x, top, buf, size)


def opts_runs(opts, before):
    runs = []
    for i, (label, state) in enumerate(opts):
        if i:
            runs.append(" ")
        runs += [Box(state), label] if before else [label, Box(state)]
    return runs


LEAD = 13.5
PAD = 3.0
TOP, BOTTOM = 60.0, H - 60.0


def build_rl(doc, path, rnd: random.Random, mode=None, narrative_inside=None, total=None):
    seed0 = rnd.random() if total is None else None
    if total is None:
        rnd = random.Random(seed0)
    mode = mode or rnd.choice(BOXMODES)
    global BOX, LEAD
    BOX = rnd.choice([6.5, 7.5, 8.5, 10, 11])
    LEAD = rnd.choice([12.5, 13.5, 15])
    before = rnd.random() < 0.5
    narrative_inside = rnd.random() < 0.6 if narrative_inside is None else narrative_inside
    colw = rnd.uniform(52, 60)
    x0 = (W - 8 * colw) / 2
    xs = [x0 + i * colw for i in range(9)]
    sh = Sheet(path, mode, rnd)
    sh.uni = rnd.choice([("☑", "☐"), ("☒", "☐"), ("■", "□"), ("√", "□")])
    key = doc["variant"] == "key"
    u = doc["unit_label"]; r = doc["raws"]; B = doc["boxes"]
    # rows: list of cells (c0, c1, runs); rowspan handled for 四
    rows = [[(0, 1, ["项目名称"]), (1, 8, [doc["project"]])]]
    def quad(items):
        return [(2 * i + k, 2 * i + k + 1, v) for i, (l, v) in enumerate(items) for k, v in ((0, [l]), (1, v))]
    rows.append(quad([("预算单位", [doc["bu"]]), ("具体实施(内设机构)", [doc["iu"]]), ("跟踪时段", [doc["period"]]),
                      ("是否为经常性项目", opts_runs(B["recurring"], before))]))
    rows.append(quad([(f"当年预算数{u}", [r["annual_budget"]]), (f"预算执行数{u}", [r["executed"]]),
                      ("预算执行进度(%)", [doc["pct"]]), ("是否需要预算调整", opts_runs(B["adjustment_needed"], before))]))
    rows.append(quad([(f"调整后预算数{u}", [r["adjusted_budget"]]), (f"调减金额{u}", [r["decrease"]]),
                      (f"调增金额{u}", [r["increase"]]), (f"事前绩效评估评审预算{u}", [r["ex_ante_review_budget"]])]))
    if key:
        rows.append([(0, 1, ["选择重点跟踪理由"]), (1, 8, [doc["reason"]])])
    narrative = []
    for head, subs in doc["sections"]:
        narrative.append(head)
        for sh_, paras in subs:
            narrative.append(sh_); narrative += ["　　" + p for p in paras]
    concl = ["三、阶段性跟踪结论：", doc["conclusion"]]
    tail_rows = []
    for field, q in (("budget_outlook", "年度项目预算完成可能性"), ("goal_outlook", "年度绩效目标完成可能性")):
        tail_rows.append([(1, 2, [q]), (2, 8, opts_runs(B[field], before))])

    state = {"top": TOP, "pages": []}
    sh.text(W / 2 - 150, 28 - 0, "闵行区财政项目绩效跟踪材料", size=9)
    def footer():
        sh.text(W / 2 - 30, H - 40, f"第 {sh.page} 页 共 {total or 9} 页", size=9)
    def new_page():
        footer()
        sh.c.showPage(); sh.page += 1
        sh.text(W / 2 - 150, 28, "闵行区财政项目绩效跟踪材料", size=9)
        state["top"] = TOP
    sh.text(W / 2 - 7.5 * len(doc["title"]) + 0, state["top"], doc["title"], size=15)
    state["top"] += 30
    sh.text(xs[0], state["top"], doc["town_line"], size=11); state["top"] += 20

    def layout_row(cells, size=10):
        out = []
        for c0, c1, runs in cells:
            width = xs[c1] - xs[c0] - 2 * PAD
            out.append((c0, c1, wrap(runs, width, size)))
        h = max(len(l) for _, _, l in out) * LEAD + 2 * PAD
        return out, h

    def rule_row(top, h, spans, top_rule=True):
        c = sh.c; c.setLineWidth(0.5)
        if top_rule:
            c.line(xs[0], H - top, xs[-1], H - top)
        c.line(xs[0], H - top - h, xs[-1], H - top - h)
        for c0, c1 in spans:
            c.line(xs[c0], H - top, xs[c0], H - top - h)
        c.line(xs[-1], H - top, xs[-1], H - top - h)

    def table_rows(rowlist):
        for cells in rowlist:
            out, h = layout_row(cells)
            if state["top"] + h > BOTTOM:
                new_page()
            for c0, c1, lines in out:
                for i, ln in enumerate(lines):
                    draw_line(sh, xs[c0] + PAD, state["top"] + PAD + i * LEAD, ln)
            rule_row(state["top"], h, [(c0, c1) for c0, c1, _ in out])
            state["top"] += h

    def big_cell(paras):
        """A full-width narrative row that may break over pages."""
        lines = []
        for p in paras:
            lines += wrap([p], xs[-1] - xs[0] - 2 * PAD)
        i = 0
        while i < len(lines):
            avail = int((BOTTOM - state["top"] - 2 * PAD) // LEAD)
            if avail <= 0:
                new_page(); continue
            chunk = lines[i:i + avail]
            for k, ln in enumerate(chunk):
                draw_line(sh, xs[0] + PAD, state["top"] + PAD + k * LEAD, ln)
            h = len(chunk) * LEAD + 2 * PAD
            rule_row(state["top"], h, [(0, 8)])
            state["top"] += h
            i += len(chunk)
            if i < len(lines):
                new_page()

    def outside(paras):
        for p in paras:
            for ln in wrap([p], xs[-1] - xs[0]):
                if state["top"] + LEAD > BOTTOM:
                    new_page()
                draw_line(sh, xs[0], state["top"], ln)
                state["top"] += LEAD
        state["top"] += 8

    def four_rows():
        out = [layout_row(cells) for cells in tail_rows]
        label = wrap(["四、绩效跟踪后项目总体判断"], colw - 2 * PAD)
        h_total = sum(h for _, h in out)
        need = max(h_total, len(label) * LEAD + 2 * PAD)
        if need > h_total:
            out[-1] = (out[-1][0], out[-1][1] + need - h_total)
        if state["top"] + need > BOTTOM:
            new_page()
        t0 = state["top"]
        for i, ln in enumerate(label):
            draw_line(sh, xs[0] + PAD, t0 + PAD + i * LEAD, ln)
        c = sh.c
        c.line(xs[0], H - t0, xs[-1], H - t0)
        c.line(xs[0], H - t0, xs[0], H - t0 - need)
        for cells_out, h in out:
            top = state["top"]
            for c0, c1, lines in cells_out:
                for i, ln in enumerate(lines):
                    draw_line(sh, xs[c0] + PAD, top + PAD + i * LEAD, ln)
            c.line(xs[1], H - top - h, xs[-1], H - top - h)
            for c0, c1, _ in cells_out:
                c.line(xs[c0], H - top, xs[c0], H - top - h)
            c.line(xs[-1], H - top, xs[-1], H - top - h)
            state["top"] += h
        c.line(xs[0], H - t0 - need, xs[1], H - t0 - need)

    table_rows(rows)
    if narrative_inside:
        big_cell(narrative)
        big_cell(concl)
        four_rows()
    else:
        state["top"] += 12
        outside(narrative + concl)
        four_rows()
    footer()
    sh.c.showPage()
    sh.c.save()
    if total is None:
        return build_rl(doc, path, random.Random(seed0), mode, narrative_inside, total=sh.page)
    # page numbers: redo with known total is overkill; footer-less on purpose? add via second pass
    return {"layout": "reportlab", "box": f"{mode}-{'before' if before else 'after'}" + (f"-{sh.uni[0]}" if mode == "unicode" else ""),
            "colw_pt": round(colw, 1), "narrative_inside": narrative_inside, "pages": sh.page}


def make_fonts() -> None:
    _make_font("Wingdings2", {0xF052: 1, 0xF0A3: 0, 0xF054: 1, 0xF053: 1, 0x52: 1, 0xA3: 0, 0xF0A4: 0}, str(FONT_DIR / "Wingdings2-sim.ttf"))
    _make_font("Wingdings-Regular", {0xF0FE: 1, 0xF0A8: 0, 0xF078: 1, 0xF06F: 0, 0xF0FD: 1}, str(FONT_DIR / "Wingdings-sim.ttf"))
    _make_font("Webdings", {0xF061: 1, 0xF063: 0}, str(FONT_DIR / "Webdings-sim.ttf"))


# (case name, generator index, layout, planted faults, box mode for reportlab)
CASES = [
    ("gradersim_word_outlook_row_split", 12, "docx", [], None),
    ("gradersim_word_label_split_page", 120, "docx", [], None),
    ("gradersim_lines_curve_unit_mismatch", 29, "rl", ["unit-mismatch"], "lines-curve"),
    ("gradersim_wingdings_pua_onepage", 17, "rl", [], "pua-wd"),
]


def build_case(name: str, index: int, layout: str, faults: list[str], mode: str | None) -> None:
    doc = make(1000 + index, faults)
    rnd = random.Random(index)
    pdf = HERE / f"{name}.pdf"
    if layout == "docx":
        build_docx(doc, pdf, rnd, narrative_inside=rnd.random() < 0.6)
        (HERE / "sources").mkdir(exist_ok=True)
        shutil.move(str(pdf.with_suffix(".docx")), HERE / "sources" / f"{name}.docx")
    else:
        build_rl(doc, str(pdf), rnd, mode=mode)


def main() -> None:
    make_fonts()
    for case in CASES:
        build_case(*case)
        print(case[0])


if __name__ == "__main__":
    main()
