"""Word corpus cases written as raw WordprocessingML (`python corpus/docx/build_samples.py` builds them too).

The red-team layouts: 4- and 6-column grids, header-row + value-row amounts, the outlook block as
its own table, automatic numbering (numPr, style numPr, startOverride, box bullets), text boxes,
tracked changes, hidden text, comments, nested option tables and symbol fonts set by a character
style. Each case function returns (name, bytes); the expected records beside them are hand-checked.
"""

from __future__ import annotations

import random
from decimal import Decimal
from xml.sax.saxutils import escape

import docx
from build_samples import _save as save
from docx.shared import Pt
from lxml import etree

CASES = []


def case(fn):
    CASES.append(fn)
    return fn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = f'xmlns:w="{W}" xmlns:w14="{W14}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

TITLE = "财政项目支出绩效运行监控（跟踪评价）"
H1 = "一、项目基本情况（包括项目背景概况、预算安排、工作内容和计划时间节点）："
H2 = "二、项目具体实施情况（对照阶段性绩效目标的完成情况）："
H3 = "三、阶段性跟踪结论："
H4 = "四、绩效跟踪后项目总体判断"
OUTLOOK = ("确定能完成", "有可能完成", "确定不能完成")


# ------------------------------------------------------------------ runs
def R(text: str, font: str | None = None, slots=("ascii", "hAnsi", "eastAsia", "cs"), extra: str = "", hint: str | None = None) -> str:
    props = ""
    if font or extra:
        f = ""
        if font:
            attrs = " ".join(f'w:{s}="{font}"' for s in slots)
            if hint:
                attrs += f' w:hint="{hint}"'
            f = f"<w:rFonts {attrs}/>"
        props = f"<w:rPr>{f}{extra}</w:rPr>"
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


JUNK = [
    '<w:proofErr w:type="spellStart"/>',
    '<w:proofErr w:type="spellEnd"/>',
    '<w:proofErr w:type="gramStart"/>',
    '<w:bookmarkStart w:id="{id}" w:name="_Hlk{id}"/>',
    '<w:bookmarkEnd w:id="{id}"/>',
    '<w:commentRangeStart w:id="{id}"/>',
]


def split(text: str, rng: random.Random, pieces: int = 3, junk: bool = True, rpr: str = "") -> str:
    """Runs split at random points (mid-word, mid-number) with proofErr/bookmarks in between."""
    if len(text) < 2:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    cuts = sorted(rng.sample(range(1, len(text)), min(pieces - 1, len(text) - 1)))
    out, last = [], 0
    for c in cuts + [len(text)]:
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text[last:c])}</w:t></w:r>')
        if junk and c != len(text):
            out.append(rng.choice(JUNK).format(id=rng.randint(1, 9999)))
        last = c
    return "".join(out)


def P(content: str, ppr: str = "") -> str:
    if content and not content.startswith("<"):
        content = R(content)
    return f"<w:p>{('<w:pPr>' + ppr + '</w:pPr>') if ppr else ''}{content}</w:p>"


# ------------------------------------------------------------------ boxes
def sdt(checked: bool, glyph_checked: bool | None = None, font="MS Gothic") -> str:
    shown = checked if glyph_checked is None else glyph_checked
    g = "☒" if shown else "☐"
    return (
        '<w:sdt><w:sdtPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:id w:val="-1184354"/><w14:checkbox>'
        f'<w14:checked w14:val="{int(checked)}"/>'
        f'<w14:checkedState w14:val="2612" w14:font="{font}"/>'
        f'<w14:uncheckedState w14:val="2610" w14:font="{font}"/>'
        f"</w14:checkbox></w:sdtPr><w:sdtContent>{R(g, font, hint='eastAsia')}</w:sdtContent></w:sdt>"
    )


def formfield(checked: bool, mode: str = "checked") -> str:
    """mode: checked (w:default 0 + w:checked), default (only w:default), val0 (default 1 but w:checked w:val=0),
    valfalse (default 1, w:checked w:val=false), val1 (w:checked w:val=1)."""
    if mode == "checked":
        state = '<w:default w:val="0"/>' + ("<w:checked/>" if checked else "")
    elif mode == "default":
        state = f'<w:default w:val="{int(checked)}"/>'
    elif mode == "default-bare":
        state = "<w:default/>" if checked else ""
    elif mode == "val0":
        state = '<w:default w:val="1"/>' + ("<w:checked w:val=\"1\"/>" if checked else '<w:checked w:val="0"/>')
    elif mode == "valfalse":
        state = '<w:default w:val="1"/>' + ("<w:checked w:val=\"true\"/>" if checked else '<w:checked w:val="false"/>')
    else:
        raise ValueError(mode)
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
        f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def sym(font: str, char: str) -> str:
    return f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:sym w:font="{font}" w:char="{char}"/></w:r>'


BOX = {
    "uni": lambda c: R("☑" if c else "☐"),
    "uni-x": lambda c: R("☒" if c else "□"),
    "uni-sq": lambda c: R("■" if c else "□"),
    "tick": lambda c: R("√" if c else "□"),
    "sym-w2": lambda c: sym("Wingdings 2", "F052" if c else "F0A3"),
    "sym-w": lambda c: sym("Wingdings", "F0FE" if c else "F0A8"),
    "sym-w-6f": lambda c: sym("Wingdings", "F0FE" if c else "F06F"),
    "sym-web": lambda c: sym("Webdings", "F061" if c else "F063"),
    "sym-w2-lower": lambda c: sym("Wingdings 2", "f052" if c else "f0a3"),
    "pua-w2": lambda c: R("\uf052" if c else "\uf0a3", "Wingdings 2"),
    "pua-w2-nohint-ascii": lambda c: R("\uf052" if c else "\uf0a3", "Wingdings 2", slots=("ascii", "hAnsi", "cs")),
    "pua-w-eastasia": lambda c: R("\uf0fe" if c else "\uf0a8", "Wingdings", slots=("eastAsia",), hint="eastAsia"),
    "pua-web": lambda c: R("\uf061" if c else "\uf063", "Webdings", slots=("ascii", "hAnsi")),
    "letters-web": lambda c: R("a" if c else "c", "Webdings", slots=("ascii", "hAnsi")),
    "letters-w2": lambda c: R("R" if c else "£", "Wingdings 2", slots=("ascii", "hAnsi")),
    "sdt": lambda c: sdt(c),
    "sdt-lying": lambda c: sdt(c, glyph_checked=not c),
    "sdt-segoe": lambda c: sdt(c, font="Segoe UI Symbol"),
    "ff": lambda c: formfield(c),
    "ff-default": lambda c: formfield(c, "default"),
    "ff-val0": lambda c: formfield(c, "val0"),
    "ff-valfalse": lambda c: formfield(c, "valfalse"),
}


def options(labels, ticked, kind, before=False, sep="  ", inner="", rng=None) -> str:
    parts = []
    for i, label in enumerate(labels):
        box = BOX[kind](label == ticked)
        lab = R(label)
        parts.append(box + (R(inner) if inner else "") + lab if before else lab + (R(inner) if inner else "") + box)
        if i < len(labels) - 1 and sep:
            parts.append(R(sep))
    return "".join(parts)


# ------------------------------------------------------------------ tables
def TC(paras, span=1, vmerge=None, width=1200) -> str:
    if isinstance(paras, str):
        paras = [paras]
    pr = f'<w:tcW w:w="{width * span}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    body = "".join(p if p.startswith("<w:p") or p.startswith("<w:tbl") else P(p) for p in paras) or "<w:p/>"
    if not body.rstrip().endswith("</w:p>") and not body.endswith("<w:p/>"):
        body += "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"


def TR(cells, trpr="") -> str:
    return f"<w:tr>{('<w:trPr>' + trpr + '</w:trPr>') if trpr else ''}{''.join(cells)}</w:tr>"


def TBL(rows, ncols, width=1200) -> str:
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(ncols))
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLook w:val="04A0"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


# ------------------------------------------------------------------ document
def build(body_xml: str, *, footer_page=False, header_text=None, numbering_xml=None, extra_ns="", styles_xml=None,
          comment=None, post=None) -> bytes:
    """The body XML poured into a python-docx document (its styles, numbering and settings parts)."""
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.size = Pt(10.5)
    st.element.get_or_add_rPr().get_or_add_rFonts().set(f"{{{W}}}eastAsia", "宋体")
    body = d.element.body
    sect = body.find(f"{{{W}}}sectPr")
    for child in list(body):
        if child is not sect:
            body.remove(child)
    if body_xml.rstrip().endswith("</w:tbl>"):
        body_xml += "<w:p/>"  # Word always ends the body with a paragraph
    wrapper = etree.fromstring(f"<w:body {NS} {extra_ns}>{body_xml}</w:body>")
    for child in list(wrapper):
        sect.addprevious(child)
    if numbering_xml:
        numbering = d.part.numbering_part.element
        frag = etree.fromstring(f"<w:numbering {NS}>{numbering_xml}</w:numbering>")
        # abstractNums must precede nums
        for child in list(frag):
            if child.tag.endswith("abstractNum"):
                first_num = numbering.find(f"{{{W}}}num")
                if first_num is not None:
                    first_num.addprevious(child)
                else:
                    numbering.append(child)
            else:
                numbering.append(child)
    if styles_xml:
        for el in etree.fromstring(f"<w:styles {NS}>{styles_xml}</w:styles>"):
            d.styles.element.append(el)
    if comment:
        target_text, comment_text = comment
        for t in d.element.body.iter(f"{{{W}}}t"):
            if t.text == target_text:
                from docx.text.run import Run
                run = Run(t.getparent(), d.paragraphs[0])
                d.add_comment(run, text=comment_text, author="审核", initials="SH")
                break
        else:
            raise AssertionError(target_text)
    if post:
        post(d)
    sec = d.sections[0]
    if footer_page:
        p = sec.footer.paragraphs[0]
        for x in [R("第 "),
                  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE  \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
                  R(" 页 共 "),
                  '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>2</w:t></w:r></w:fldSimple>',
                  R(" 页")]:
            for el in etree.fromstring(f"<w:p {NS}>{x}</w:p>"):
                p._p.append(el)
    if header_text:
        sec.header.paragraphs[0].text = header_text
    for element in d.part.package.iter_parts():
        for dated in element._element.iter() if hasattr(element, "_element") else ():
            if dated.get(f"{{{W}}}date"):
                dated.set(f"{{{W}}}date", "2024-09-10T09:00:00Z")  # comments: fixed date, same bytes
    return save(d)


# ------------------------------------------------------------------ data + expected
def check_consistency(D):
    a = {k: Decimal(v.replace(",", "")) for k, v in D["amounts"].items()}
    assert a["adjusted"] == a["annual"] - a["decrease"] + a["increase"], D["name"]
    rate = a["executed"] / a["adjusted"] * 100
    assert abs(rate - Decimal(D["progress"].rstrip("%"))) <= Decimal("0.5"), (D["name"], rate)
    assert (D["adjustment"] == "是") == (a["decrease"] != 0 or a["increase"] != 0), D["name"]
    if D["conclusion"].startswith("运行正常"):
        assert rate >= 75, D["name"]


NORMAL = "运行正常（执行率和目标完成度均在75%以上）"


def wan(v: Decimal) -> str:
    s = f"{v.normalize():f}"
    return s


def data(name, variant, unit, town, project, bu, impl, period_text, period, recurring, wan_vals, reason,
         outlook, style="comma", pdigits=2, topic="", goal="", conclusion=NORMAL):
    annual, executed, decrease, increase, review = (Decimal(x) for x in wan_vals)
    adjusted = annual - decrease + increase
    rate = executed / adjusted * 100
    progress = f"{rate:.{pdigits}f}%"
    if pdigits == 0:
        progress = f"{rate.quantize(Decimal('1'))}%"

    def fmt(v: Decimal) -> str:
        if unit == "万元":
            return f"{v:.2f}" if style == "fixed" else wan(v) if v != 0 else "0"
        y = v * 10000
        if style == "comma":
            return f"{y:,.2f}"
        return f"{y:.0f}" if y == y.to_integral() else f"{y:.2f}"

    amounts = {"annual": fmt(annual), "executed": fmt(executed), "adjusted": fmt(adjusted),
               "decrease": fmt(decrease), "increase": fmt(increase), "review": fmt(review)}
    adjustment = "是" if decrease or increase else "否"
    year = period[0][:4]
    if decrease or increase:
        delta = decrease or increase
        verb = "调减" if decrease else "调增"
        adj_rate = (delta / annual * 100).quantize(Decimal("0.01"))
        exec_line = (f"本项目{year}年初预算安排为{wan(annual)}万元，调整预算{wan(adjusted)}万元，{verb}{wan(delta)}万元，"
                     f"预算调整率{adj_rate}%。")
    else:
        exec_line = f"本项目{year}年初预算安排为{wan(annual)}万元，年内未调整预算。"
    end = period[1]
    end_cn = f"{end[:4]}年{int(end[5:7])}月{int(end[8:])}日"
    D = dict(name=name, variant=variant, unit=unit, town=town, project=project, budget_unit=bu,
             implementing=impl, period_text=period_text, period=period, recurring=recurring,
             amounts=amounts, progress=progress, adjustment=adjustment, reason=reason,
             conclusion=conclusion, outlook=outlook)
    D["narr"] = {
        "background": [topic],
        "budget": [f"本项目{year}年初预算安排为{wan(annual)}万元，计划于{year}年12月底前完成。"],
        "execution": [exec_line, f"截至跟踪期实际支出{wan(executed)}万元，预算执行率{progress}。"],
        "goals": [f"截至{end_cn}，{goal}"],
    }
    check_consistency(D)
    return D


def narrative(D, sub="arabic", headings=True):
    n = D["narr"]
    s = (lambda i, t: f"{i}、{t}") if sub == "arabic" else (lambda i, t: f"（{'一二'[i-1]}）{t}")
    out = [H1] if headings else ["#H1"]
    out += [s(1, "项目背景概况"), *n["background"], s(2, "预算安排"), *n["budget"]]
    out += [H2] if headings else ["#H2"]
    out += [s(1, "预算执行情况"), *n["execution"], s(2, "阶段性目标完成情况"), *n["goals"]]
    return out


def title(D):
    return TITLE + ("（重点）" if D["variant"] == "key" else "（一般）")


def u(D):
    return D["unit"]


def val(D, text, rng, splitting):
    return P(split(text, rng, 3) if splitting and len(text) > 2 else R(text))


# ------------------------------------------------------------------ 8-column grid like the seed
def g8(D, *, boxes, before=None, rng, splitting=False, narr="cell", title_in="para", town_in="para",
       label_split=False, sub="arabic", concl_cell="wide", sep="  ", inner="", hooks=None):
    before = before or {}
    hooks = hooks or {}
    a = D["amounts"]
    U = u(D)
    v = lambda t: val(D, t, rng, splitting)  # noqa
    rows = []
    if title_in == "row":
        rows.append(TR([TC(P(R(title(D)), '<w:jc w:val="center"/>'), span=8)]))
    if town_in == "row":
        rows.append(TR([TC(P(R(f"街镇名称：{D['town']}（盖章）")), span=8)]))
    elif town_in == "cells":
        rows.append(TR([TC("街镇名称", span=2), TC(D["town"] + "（盖章）", span=6)]))
    rows.append(TR([TC("项目名称"), TC(v(D["project"]), span=7)]))
    impl_label = [P("具体实施"), P("（内设机构）")] if label_split else "具体实施（内设机构）"
    rev_label = [P("事前绩效评估评审"), P(f"预算（{U}）")] if label_split else f"事前绩效评估评审预算（{U}）"
    box_cell = lambda labels, t, k: P(hooks.get(k, lambda: options(labels, t, boxes[k], before.get(k, False), sep, inner))())  # noqa
    rows.append(TR([TC("预算单位"), TC(v(D["budget_unit"])), TC(impl_label), TC(v(D["implementing"])),
                    TC("跟踪时段"), TC(hooks.get("period_cell", lambda: v(D["period_text"]))()),
                    TC("是否为经常性项目"), TC(box_cell(("是", "否"), D["recurring"], "recurring"))]))
    rows.append(TR([TC(f"当年预算数（{U}）"), TC(v(a["annual"])), TC(f"预算执行数（{U}）"), TC(v(a["executed"])),
                    TC("预算执行进度（%）"), TC(v(D["progress"])), TC("是否需要预算调整"),
                    TC(box_cell(("是", "否"), D["adjustment"], "adjustment"))]))
    rows.append(TR([TC(f"调整后预算数（{U}）"), TC(v(a["adjusted"])), TC(f"调减金额（{U}）"), TC(v(a["decrease"])),
                    TC(f"调增金额（{U}）"), TC(v(a["increase"])), TC(rev_label), TC(v(a["review"]))]))
    if D["variant"] == "key":
        reason_label = [P("选择重点跟踪"), P("理由")] if label_split else "选择重点跟踪理由"
        rows.append(TR([TC(reason_label), TC(v(D["reason"]), span=7)]))
    if narr in ("cell", "both"):
        rows.append(TR([TC([P(x) for x in narrative(D, sub)], span=8)]))
    if narr == "cell-split":
        paras = narrative(D, sub)
        i = paras.index(H2)
        rows.append(TR([TC([P(x) for x in paras[:i]], span=8)]))
        rows.append(TR([TC([P(x) for x in paras[i:]], span=8)]))
    if concl_cell == "wide":
        rows.append(TR([TC([P(H3), P(D["conclusion"])], span=8)]))
    elif concl_cell == "side":
        rows.append(TR([TC(H3.rstrip("："), span=2), TC(D["conclusion"], span=6)]))
    # 四、 block
    for i, (q, t, k) in enumerate((("年度项目预算完成可能性", D["outlook"][0], "budget"),
                                   ("年度绩效目标完成可能性", D["outlook"][1], "goal"))):
        first = TC(H4 if i == 0 else [], span=2, vmerge="restart" if i == 0 else "continue")
        cells = [first, TC(q, span=3)]
        for o in OUTLOOK:
            bx = BOX[boxes[k]](o == t)
            cells.append(TC(P(bx + R(o) if before.get(k) else R(o) + bx)))
        rows.append(TR(cells))
    body = ""
    if title_in == "para":
        body += P(R(title(D)), '<w:jc w:val="center"/>')
    if town_in == "para":
        body += P(f"街镇名称：{D['town']}（盖章）")
    body += TBL(rows, 8)
    if narr == "body":
        body += "".join(P(x) for x in narrative(D, sub))
    if concl_cell == "body" or narr == "both":
        if concl_cell == "body":
            body += P(H3) + P(D["conclusion"])
    return body


def g4(D, *, boxes, before=None, rng, splitting=False, narr="body", outlook_sep_table=True, sub="arabic",
       concl="body", numbered=False, label_split=False):
    """4-column layout; 四、 as a separate table with vMerge; options in one cell."""
    before = before or {}
    a = D["amounts"]
    U = u(D)
    v = lambda t: val(D, t, rng, splitting)  # noqa
    bc = lambda labels, t, k: P(options(labels, t, boxes[k], before.get(k, False)))  # noqa
    rows = [TR([TC("项目名称"), TC(v(D["project"]), span=3)]),
            TR([TC("预算单位"), TC(v(D["budget_unit"])),
                TC([P("具体实施"), P("（内设机构）")] if label_split else "具体实施（内设机构）"), TC(v(D["implementing"]))]),
            TR([TC("跟踪时段"), TC(v(D["period_text"])), TC("是否为经常性项目"), TC(bc(("是", "否"), D["recurring"], "recurring"))]),
            TR([TC(f"当年预算数（{U}）"), TC(v(a["annual"])), TC(f"预算执行数（{U}）"), TC(v(a["executed"]))]),
            TR([TC("预算执行进度（%）"), TC(v(D["progress"])), TC("是否需要预算调整"), TC(bc(("是", "否"), D["adjustment"], "adjustment"))]),
            TR([TC(f"调整后预算数（{U}）"), TC(v(a["adjusted"])), TC(f"调减金额（{U}）"), TC(v(a["decrease"]))]),
            TR([TC(f"调增金额（{U}）"), TC(v(a["increase"])), TC(f"事前绩效评估评审预算（{U}）"), TC(v(a["review"]))])]
    if D["variant"] == "key":
        rows.append(TR([TC("选择重点跟踪理由"), TC(v(D["reason"]), span=3)]))
    out_rows = []
    for i, (q, t, k) in enumerate((("年度项目预算完成可能性", D["outlook"][0], "budget"),
                                   ("年度绩效目标完成可能性", D["outlook"][1], "goal"))):
        out_rows.append(TR([TC(H4 if i == 0 else [], vmerge="restart" if i == 0 else "continue"), TC(q),
                            TC(bc(OUTLOOK, t, k), span=2)]))
    body = P(R(title(D)), '<w:jc w:val="center"/>') + P(f"街镇名称：{D['town']}（盖章）")
    if outlook_sep_table:
        body += TBL(rows, 4) + P("") + TBL(out_rows, 4)
    else:
        body += TBL(rows + out_rows, 4)
    paras = narrative(D, sub)
    if numbered:
        body += numbered_narrative(D, sub)
    else:
        body += "".join(P(x) for x in paras)
    if concl == "body":
        if numbered:
            body += P(R("阶段性跟踪结论："), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>') + P(D["conclusion"])
        else:
            body += P(H3) + P(D["conclusion"])
    return body


NUMBERING = """
<w:abstractNum w:abstractNumId="70"><w:multiLevelType w:val="hybridMultilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/>
  <w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2、"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="77"><w:abstractNumId w:val="70"/></w:num>
"""


def numbered_narrative(D, sub):
    """Headings 一、二、 by Word automatic numbering (chineseCounting, level 0), subsections 1、2、 by level 1."""
    n = D["narr"]
    num = lambda lvl: f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="77"/></w:numPr>'  # noqa
    out = P(R(H1[2:]), num(0))
    out += P(R("项目背景概况"), num(1)) + "".join(P(x) for x in n["background"])
    out += P(R("预算安排"), num(1)) + "".join(P(x) for x in n["budget"])
    out += P(R(H2[2:]), num(0))
    out += P(R("预算执行情况"), num(1)) + "".join(P(x) for x in n["execution"])
    out += P(R("阶段性目标完成情况"), num(1)) + "".join(P(x) for x in n["goals"])
    return out


@case
def d04():
    rng = random.Random(4)
    D = data("general_numbered_headings_4col", "general", "万元", "上海市闵行区浦锦街道办事处", "2024年浦锦街道垃圾分类宣传推广项目",
             "浦锦街道城市建设管理办公室", "浦锦街道城市建设管理办公室环境科", "2024年01月01日 --- 2024年09月30日",
             ("2024-01-01", "2024-09-30"), "是", ("45.6", "36", "5.6", "0", "45"), None, ("确定能完成", "确定能完成"),
             style="fixed", topic="浦锦街道在辖区内开展垃圾分类宣传、培训和指导活动。", goal="已开展宣传活动36场。")
    body = g4(D, boxes={"recurring": "sym-w", "adjustment": "sym-w-6f", "budget": "sym-w", "goal": "sym-w"},
              before={"recurring": True, "adjustment": True}, rng=rng, numbered=True, label_split=True)
    return D, build(body, numbering_xml=NUMBERING, footer_page=True)


def g6hv(D, *, boxes, before=None, rng, splitting=False, narr="cell", sub="arabic"):
    """6 columns; amounts as a header row of labels and a row of values."""
    before = before or {}
    a = D["amounts"]
    U = u(D)
    v = lambda t: val(D, t, rng, splitting)  # noqa
    bc = lambda labels, t, k: P(options(labels, t, boxes[k], before.get(k, False)))  # noqa
    rows = [TR([TC(P(R(title(D)), '<w:jc w:val="center"/>'), span=6)]),
            TR([TC("街镇名称"), TC(D["town"] + "（盖章）", span=5)]),
            TR([TC("项目名称"), TC(v(D["project"]), span=5)]),
            TR([TC("预算单位"), TC(v(D["budget_unit"]), span=2), TC("具体实施（内设机构）"), TC(v(D["implementing"]), span=2)]),
            TR([TC("跟踪时段"), TC(v(D["period_text"]), span=2), TC("是否为经常性项目"), TC(bc(("是", "否"), D["recurring"], "recurring"), span=2)]),
            TR([TC(f"当年预算数（{U}）"), TC(f"预算执行数（{U}）"), TC("预算执行进度（%）"), TC(f"调整后预算数（{U}）"),
                TC(f"调减金额（{U}）"), TC(f"调增金额（{U}）")]),
            TR([TC(v(a["annual"])), TC(v(a["executed"])), TC(v(D["progress"])), TC(v(a["adjusted"])),
                TC(v(a["decrease"])), TC(v(a["increase"]))]),
            TR([TC("是否需要预算调整"), TC(bc(("是", "否"), D["adjustment"], "adjustment"), span=2),
                TC(f"事前绩效评估评审预算（{U}）"), TC(v(a["review"]), span=2)])]
    if D["variant"] == "key":
        rows.append(TR([TC("选择重点跟踪理由"), TC(v(D["reason"]), span=5)]))
    rows.append(TR([TC([P(x) for x in narrative(D, sub)] + [P(H3), P(D["conclusion"])], span=6)]))
    rows.append(TR([TC(H4, span=6)]))
    for q, t, k in (("年度项目预算完成可能性", D["outlook"][0], "budget"), ("年度绩效目标完成可能性", D["outlook"][1], "goal")):
        cells = [TC(q, span=3)]
        for o in OUTLOOK:
            bx = BOX[boxes[k]](o == t)
            cells.append(TC(P(bx + R(o) if before.get(k) else R(o) + bx)))
        rows.append(TR(cells))
    return TBL(rows, 6)


@case
def d05():
    rng = random.Random(5)
    D = data("key_header_value_rows_6col", "key", "万元", "上海市闵行区马桥镇人民政府", "2024年马桥镇智慧安防社区建设项目",
             "马桥镇平安办", "马桥镇平安办技防科", "2024年03月01日 --- 2024年08月31日", ("2024-03-01", "2024-08-31"),
             "否", ("200", "200", "0", "50", "195"), "本级政府重点工作项目", ("确定能完成", "有可能完成"),
             topic="马桥镇在辖区15个居民小区建设智慧安防系统。", goal="已完成12个小区的设备安装调试。")
    body = g6hv(D, boxes={"recurring": "sdt", "adjustment": "sdt", "budget": "sdt", "goal": "sdt"}, rng=rng)
    return D, build(body)


@case
def d09():
    """Tracked changes: a deleted old value and inserted new one; a deleted tick replaced by an inserted tick."""
    rng = random.Random(9)
    D = data("general_tracked_changes", "general", "万元", "上海市闵行区莘庄镇人民政府", "2024年莘庄镇绿化养护项目",
             "莘庄镇城市建设管理办公室", "莘庄镇绿化管理所", "2024年01月01日 --- 2024年08月31日", ("2024-01-01", "2024-08-31"),
             "是", ("200", "170", "0", "0", "198"), None, ("确定能完成", "确定能完成"),
             topic="莘庄镇对镇管公共绿地实施日常养护。", goal="绿地养护质量考核达标。")
    ins = lambda x: f'<w:ins w:id="{rng.randint(1, 999)}" w:author="审核" w:date="2024-09-01T10:00:00Z">{x}</w:ins>'  # noqa
    dele = lambda t: f'<w:del w:id="{rng.randint(1, 999)}" w:author="审核" w:date="2024-09-01T10:00:00Z"><w:r><w:delText>{t}</w:delText></w:r></w:del>'  # noqa
    hooks = {
        "recurring": lambda: R("是") + dele("☐") + ins(R("☑")) + R("  否") + dele("☑") + ins(R("☐")),
    }
    body = g8(D, boxes={"recurring": "uni", "adjustment": "uni-x", "budget": "uni", "goal": "uni"}, rng=rng, narr="cell", hooks=hooks)
    # executed value: deleted 150, inserted 170; project name with an inserted word
    body = body.replace(P(R("170")), P(dele("150") + ins(R("170"))), 1)
    body = body.replace(P(R(D["project"])), P(R("2024年莘庄镇") + dele("公共") + ins(R("绿化")) + R("养护项目")), 1)
    return D, build(body)


MC_NS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
         'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
         'xmlns:v="urn:schemas-microsoft-com:vml"')


def textbox(paras_xml):
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
            'simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5000000" cy="400000"/>'
            '<wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
            f'<wps:spPr/><wps:txbx><w:txbxContent>{paras_xml}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="tb1" '
            f'style="width:400pt;height:30pt"><v:textbox><w:txbxContent>{paras_xml}</w:txbxContent></v:textbox></v:shape>'
            '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')


@case
def d17():
    """Title in a text box (DrawingML with a VML fallback holding the same text)."""
    rng = random.Random(17)
    D = data("key_title_textbox", "key", "万元", "上海市闵行区七宝镇人民政府", "2024年七宝镇老街文旅提升项目",
             "七宝镇文化旅游发展办公室", "七宝镇文化旅游发展办公室运营科", "2024年01月01日 --- 2024年08月31日", ("2024-01-01", "2024-08-31"),
             "否", ("260", "210", "10", "0", "255"), "本级政府重点工作项目", ("确定能完成", "确定能完成"),
             topic="七宝镇对老街景区实施文旅提升。", goal="已完成游客中心改造。")
    body = g8(D, boxes={"recurring": "uni", "adjustment": "uni", "budget": "uni", "goal": "uni"}, rng=rng, title_in="none")
    body = P(textbox(P(R(title(D)), '<w:jc w:val="center"/>'))) + body
    return D, build(body, extra_ns=MC_NS)


def field(instr, result):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{R(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


STYLES = """
<w:style w:type="paragraph" w:customStyle="1" w:styleId="RTHeading"><w:name w:val="RT Heading"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:numPr><w:numId w:val="78"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
"""
NUMBERING2 = """
<w:abstractNum w:abstractNumId="71"><w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="RTHeading"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2、"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="78"><w:abstractNumId w:val="71"/></w:num>
"""


@case
def d21():
    """Headings numbered through the paragraph style (numPr in styles.xml); 三、 after the table continues the list."""
    rng = random.Random(21)
    D = data("key_style_numbered_after_table", "key", "元", "上海市闵行区莘庄镇人民政府", "2024年莘庄镇城市网格化管理项目",
             "莘庄镇城市运行管理中心", "莘庄镇城市运行管理中心网格科", "2024年01月01日 --- 2024年08月31日", ("2024-01-01", "2024-08-31"),
             "是", ("75", "60", "0", "0", "74"), "区委区政府重点工作项目", ("确定能完成", "确定能完成"),
             topic="莘庄镇推进城市网格化综合管理。", goal="网格事件结案率97%。")
    body = g8(D, boxes={"recurring": "sym-w2", "adjustment": "sym-w2", "budget": "sym-w2", "goal": "sym-w2"}, rng=rng, narr="none",
              concl_cell="none")
    n = D["narr"]
    hs = '<w:pStyle w:val="RTHeading"/>'
    sub = lambda i: f'<w:numPr><w:ilvl w:val="1"/><w:numId w:val="78"/></w:numPr>'  # noqa
    body += P(R(H1[2:]), hs) + P(R("项目背景概况"), sub(1)) + "".join(P(x) for x in n["background"])
    body += P(R("预算安排"), sub(2)) + "".join(P(x) for x in n["budget"])
    body += P(R(H2[2:]), hs) + P(R("预算执行情况"), sub(1)) + "".join(P(x) for x in n["execution"])
    body += P(R("阶段性目标完成情况"), sub(2)) + "".join(P(x) for x in n["goals"])
    body += P(R(H3[2:]), hs) + P(D["conclusion"])
    return D, build(body, numbering_xml=NUMBERING2, styles_xml=STYLES)


@case
def d22():
    """Hidden text (w:vanish) holding an old tick and an old figure; a Word comment on the executed amount."""
    rng = random.Random(22)
    D = data("general_hidden_text_comment", "general", "万元", "上海市闵行区古美路街道办事处", "2024年古美路街道社区食堂运营补贴项目",
             "古美路街道社区服务办公室", "古美路街道社区服务办公室民生科", "2024年01月01日 --- 2024年08月31日", ("2024-01-01", "2024-08-31"),
             "是", ("40", "32", "0", "0", "39"), None, ("确定能完成", "确定能完成"),
             topic="古美路街道对社区食堂运营给予补贴。", goal="社区食堂日均供餐800人次。")
    hidden = lambda t: f'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>'  # noqa
    hooks = {"recurring": lambda: R("是") + BOX["uni"](True) + hidden("☐") + R("  否") + hidden("☑") + BOX["uni"](False)}
    body = g8(D, boxes={"recurring": "uni", "adjustment": "uni", "budget": "uni", "goal": "uni"}, rng=rng, narr="body", hooks=hooks)
    body = body.replace(P(R("截至跟踪期实际支出32万元，预算执行率80.00%。")),
                        P(R("截至跟踪期实际支出32万元，") + hidden("（原报28万元，70.00%）") + R("预算执行率80.00%。")), 1)
    return D, build(body, comment=("32", "原报28万元，请核实；执行率70%"))


@case
def d23():
    """Tracked deletions of a whole paragraph with old figures and of a table row; moveFrom/moveTo."""
    rng = random.Random(23)
    D = data("key_deleted_row_and_paragraph", "key", "元", "上海市闵行区江川路街道办事处", "2024年江川路街道旧住房修缮项目",
             "江川路街道房屋管理办公室", "江川路街道房屋管理办公室工程科", "2024年01月01日 --- 2024年08月31日", ("2024-01-01", "2024-08-31"),
             "否", ("500", "420", "0", "0", "490"), "区政府民生实事项目", ("确定能完成", "确定能完成"),
             topic="江川路街道对辖区老旧住房实施修缮。", goal="已完成6幢房屋的修缮。")
    body = g8(D, boxes={"recurring": "uni", "adjustment": "uni", "budget": "uni", "goal": "uni"}, rng=rng, narr="cell")
    dmark = '<w:rPr><w:del w:id="501" w:author="审核" w:date="2024-09-01T10:00:00Z"/></w:rPr>'
    old = ('<w:p><w:pPr>' + dmark + '</w:pPr><w:del w:id="502" w:author="审核" w:date="2024-09-01T10:00:00Z">'
           '<w:r><w:delText>截至跟踪期实际支出350万元，预算执行率70.00%。</w:delText></w:r></w:del></w:p>')
    target = P("截至跟踪期实际支出420万元，预算执行率84.00%。")
    assert target in body, D["narr"]
    body = body.replace(target, old + target, 1)
    # a deleted table row with old amounts (tracked row deletion)
    delrow = ('<w:tr><w:trPr><w:del w:id="503" w:author="审核" w:date="2024-09-01T10:00:00Z"/></w:trPr>'
              + "".join(f'<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/></w:tcPr><w:p><w:del w:id="{504 + i}" w:author="审核" '
                        f'w:date="2024-09-01T10:00:00Z"><w:r><w:delText>{t}</w:delText></w:r></w:del></w:p></w:tc>'
                        for i, t in enumerate(["当年预算数（元）", "4,000,000.00", "预算执行数（元）", "3,500,000.00", "预算执行进度（%）",
                                               "87.50%", "是否需要预算调整", "是☑否☐"])) + "</w:tr>")
    i = body.rfind("<w:tr>", 0, body.index("当年预算数"))
    body = body[:i] + delrow + body[i:]
    # moved goal sentence
    g = P("截至2024年8月31日，" + "已完成6幢房屋的修缮。")
    assert g in body
    body = body.replace(g, '<w:p><w:moveFrom w:id="601" w:author="审核" w:date="2024-09-01T10:00:00Z"><w:r><w:t>（此句已移动）</w:t></w:r></w:moveFrom></w:p>'
                        + '<w:p><w:moveTo w:id="602" w:author="审核" w:date="2024-09-01T10:00:00Z">' + R("截至2024年8月31日，已完成6幢房屋的修缮。") + "</w:moveTo></w:p>", 1)
    return D, build(body)


NUMBERING3 = """
<w:abstractNum w:abstractNumId="80"><w:multiLevelType w:val="hybridMultilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="81"><w:multiLevelType w:val="hybridMultilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0a8"/><w:lvlJc w:val="left"/>
  <w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="80"/></w:num>
<w:num w:numId="91"><w:abstractNumId w:val="80"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="92"><w:abstractNumId w:val="81"/></w:num>
"""

CHARSTYLE = """
<w:style w:type="character" w:customStyle="1" w:styleId="BoxChar"><w:name w:val="Box Char"/>
 <w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr></w:style>
"""


@case
def d27():
    """Subsections （一）（二） by numbering inside the narrative cell (restarted per section with startOverride);
    bullet list with Wingdings box bullets in the narrative; yes/no options in a nested table."""
    rng = random.Random(27)
    D = data("key_cell_numbering_nested_options", "key", "元", "上海市闵行区华漕镇人民政府", "2024年华漕镇村级公路养护项目",
             "华漕镇规划建设和环境保护办公室", "华漕镇市政管理所", "2024年01月01日 --- 2024年08月31日", ("2024-01-01", "2024-08-31"),
             "是", ("140", "112", "0", "0", "138"), "区政府民生实事项目", ("确定能完成", "确定能完成"),
             topic="华漕镇对辖区村级公路实施日常养护。", goal="路面完好率96%。")
    hooks = {"recurring": lambda: "", "adjustment": lambda: ""}
    body = g8(D, boxes={"recurring": "uni", "adjustment": "uni", "budget": "uni", "goal": "uni"}, rng=rng, hooks=hooks, narr="none")
    for k in ("recurring", "adjustment"):
        t = D[k]
        nested = TBL([TR([TC("是", width=500), TC(P(BOX["uni"](t == "是")), width=400)]),
                      TR([TC("否", width=500), TC(P(BOX["uni"](t == "否")), width=400)])], 2, width=450)
        body = body.replace("<w:tc><w:tcPr><w:tcW w:w=\"1200\" w:type=\"dxa\"/></w:tcPr><w:p></w:p></w:tc>",
                            "<w:tc><w:tcPr><w:tcW w:w=\"1200\" w:type=\"dxa\"/></w:tcPr>" + nested + "<w:p/></w:tc>", 1)
    n = D["narr"]
    num = lambda nid: f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'  # noqa
    bullet = num(92)
    paras = [P(H1), P(R("项目背景概况"), num(90)), *[P(x) for x in n["background"]],
             P(R("本项目主要内容：")), P(R("路面修补"), bullet), P(R("桥梁检测"), bullet),
             P(R("预算安排"), num(90)), *[P(x) for x in n["budget"]],
             P(H2), P(R("预算执行情况"), num(91)), *[P(x) for x in n["execution"]],
             P(R("阶段性目标完成情况"), num(91)), *[P(x) for x in n["goals"]]]
    wide = TR([TC(paras, span=8)])
    i = body.rfind("<w:tr>", 0, body.index(H3))
    body = body[:i] + wide + body[i:]
    return D, build(body, numbering_xml=NUMBERING3)


@case
def d28():
    """Boxes as letters in a run whose symbol font comes from a character style (w:rStyle); hidden paragraph marks."""
    rng = random.Random(28)
    D = data("general_charstyle_boxes", "general", "万元", "上海市闵行区七宝镇人民政府", "2024年七宝镇社区微型消防站运维项目",
             "七宝镇平安办", "七宝镇平安办消防科", "2024年01月01日 --- 2024年08月31日", ("2024-01-01", "2024-08-31"),
             "是", ("30", "24", "0", "0", "29"), None, ("确定能完成", "确定能完成"),
             topic="七宝镇对辖区微型消防站实施日常运维。", goal="微型消防站全部正常运行。")
    styled = lambda c: f'<w:r><w:rPr><w:rStyle w:val="BoxChar"/></w:rPr><w:t>{"R" if c else "£"}</w:t></w:r>'  # noqa
    BOX["charstyle"] = styled
    body = g8(D, boxes={"recurring": "charstyle", "adjustment": "charstyle", "budget": "charstyle", "goal": "charstyle"}, rng=rng,
              narr="body")
    body = body.replace(P(H1), P(R(H1), "<w:rPr><w:vanish/></w:rPr>"), 1)
    return D, build(body, styles_xml=CHARSTYLE)


