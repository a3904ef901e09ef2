"""The Word reader: grid and merged cells, document order, every box representation, failures.

Documents are built here (python-docx plus injected WordprocessingML, `docx_builders`);
hostile inputs (corrupt, truncated, not a zip, encrypted, zip bomb, DTD, .doc) too.
"""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from docx_builders import (  # noqa: E402
    abstract_num,
    body_docx,
    form_box,
    new_document,
    num,
    numbered,
    ole2_bytes,
    p,
    r,
    replace_member,
    sdt_box,
    sym,
    tbl,
    tc,
    to_bytes,
    tr,
    with_parts,
    zip_bytes,
)

from extract.settings import Limits  # noqa: E402
from parsers.readers import doc as doc_reader  # noqa: E402
from parsers.readers import docx as docx_reader  # noqa: E402
from parsers.readers import read_document  # noqa: E402
from parsers.readers.checkbox_glyphs import symbol_box_state  # noqa: E402
from schemas.document import Paragraph, Table  # noqa: E402
from schemas.errors import ReadError  # noqa: E402
from schemas.record import Source  # noqa: E402

SOURCE = Source(path="t.docx", format="docx")


def read(data: bytes, limits: Limits | None = None):
    return docx_reader.read(data, SOURCE, limits or Limits())


def only_table(document) -> Table:
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0]


def cell_at(table: Table, row: int, col: int):
    return table.grid()[row][col]


def cell_text(*runs: str) -> str:
    """The text of a one-cell table whose single paragraph holds `runs`."""
    return only_table(read(body_docx(tbl(tr(tc(p(*runs))), cols=1)))).cells[0].text


def para_text(*runs: str) -> str:
    blocks = read(body_docx(p(*runs))).blocks
    assert len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    return blocks[0].text


# ------------------------------------------------------------------ structure
def test_python_docx_merges_become_one_cell_each():
    document = new_document()
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(1, 1)).text = "四、绩效跟踪后项目总体判断"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "年度项目预算完成可能性"
    table.cell(1, 2).text = "x"
    table.cell(2, 0).merge(table.cell(2, 3)).text = "宽"
    t = only_table(read(to_bytes(document)))
    judged = cell_at(t, 1, 1)
    assert (judged.row, judged.col, judged.row_span, judged.col_span) == (0, 0, 2, 2)
    assert judged.text == "四、绩效跟踪后项目总体判断"
    assert sum(1 for c in t.cells if c.text == "四、绩效跟踪后项目总体判断") == 1
    assert (cell_at(t, 0, 3).col, cell_at(t, 0, 3).col_span) == (2, 2)
    assert (cell_at(t, 2, 2).col, cell_at(t, 2, 2).col_span, cell_at(t, 2, 2).text) == (0, 4, "宽")
    assert len(t.cells) == 5
    assert [(c.row, c.col) for c in t.cells] == sorted((c.row, c.col) for c in t.cells)


def test_raw_vmerge_gridbefore_and_multi_paragraph_cells():
    xml = tbl(
        tr(tc("A", vmerge="restart"), tc("B1", "B2", span=2), tc("C")),
        tr(tc("", vmerge="continue"), tc("D"), tc("E", span=2)),
        tr(tc("F"), tc("G"), grid_before=2),
    )
    t = only_table(read(body_docx(xml)))
    grid = t.grid()
    assert grid[0][0] is grid[1][0] and grid[0][0].text == "A" and grid[0][0].row_span == 2
    assert grid[0][1].text == "B1\nB2" and grid[0][1].col_span == 2
    assert (grid[1][2].text, grid[1][2].col_span) == ("E", 2)
    assert grid[2][0] is None and grid[2][1] is None
    assert (grid[2][2].text, grid[2][3].text) == ("F", "G")
    doc = read(body_docx(xml))
    assert [line.text for line in doc.lines] == ["A\tB1\tC", "\tB2", "D\tE", "F\tG"]


def test_document_order_with_block_level_content_controls():
    sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{p('在控件里')}{tbl(tr(tc('控件表')), cols=1)}</w:sdtContent></w:sdt>"
    doc = read(body_docx(p("标题"), tbl(tr(tc("表一")), cols=1), p("中间"), sdt, p("结尾")))
    kinds = [(b.kind, b.text if isinstance(b, Paragraph) else b.cells[0].text) for b in doc.blocks]
    assert kinds == [("paragraph", "标题"), ("table", "表一"), ("paragraph", "中间"),
                     ("paragraph", "在控件里"), ("table", "控件表"), ("paragraph", "结尾")]


def test_nested_table_is_flattened_into_parent_cell():
    inner = tbl(tr(tc("年度项目预算完成可能性"), tc("确定能完成☑")), tr(tc("第二行"), tc("x")), cols=2)
    t = only_table(read(body_docx(tbl(tr(tc("前", inner, "后"), tc("右")), cols=2))))
    assert t.cells[0].text == "前\n年度项目预算完成可能性\t确定能完成☑\n第二行\tx\n后"
    assert t.cells[1].text == "右" and len(t.cells) == 2


def test_run_text_tabs_breaks_hyphens_deletions_fields_hyperlinks():
    runs = (
        r("甲"),
        "<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t></w:r>",
        "<w:del><w:r><w:delText>删掉</w:delText></w:r></w:del>",
        f"<w:ins>{r('插入')}</w:ins>",
        f"<w:hyperlink>{r('链接')}</w:hyperlink>",
        f"<w:smartTag>{r('标记')}</w:smartTag>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    assert para_text(*runs) == "甲\t乙\n丙-丁插入链接标记3"
    assert cell_text(*runs) == "甲 乙\n丙-丁插入链接标记3"


def test_explicit_and_rendered_page_breaks_count_pages():
    doc = read(body_docx(
        p("第一页"),
        # Word marks the rendered break right after a hard one: counted once
        p(r("仍是一"), '<w:r><w:br w:type="page"/></w:r>', "<w:r><w:lastRenderedPageBreak/><w:t>第二页</w:t></w:r>"),
        p("还是二"),
        p("<w:r><w:lastRenderedPageBreak/><w:t>第三页</w:t></w:r>"),
    ))
    assert [(b.page, b.text) for b in doc.blocks] == [
        (1, "第一页"), (1, "仍是一"), (2, "第二页"), (2, "还是二"), (3, "第三页")]
    assert doc.source.pages == 3
    assert doc.lines[-1].loc.page == 3 and doc.lines[-1].loc.line == 1


# ------------------------------------------------------------------ numbering, hidden text, text boxes
def texts_of(data: bytes) -> list[str]:
    return [b.text for b in read(data).blocks if isinstance(b, Paragraph)]


HEADINGS = abstract_num(70, ("chineseCounting", "%1、"), ("decimal", "%2、"))


def test_automatic_numbering_labels_headings_and_subsections():
    data = with_parts(
        numbered("项目基本情况", 7), numbered("项目背景概况", 7, 1), p("正文"), numbered("预算安排", 7, 1),
        numbered("项目具体实施情况", 7), numbered("预算执行情况", 7, 1),
        tbl(tr(tc(p("表格")))),  # the list goes on after a table
        numbered("阶段性跟踪结论：", 7),
        numbering=HEADINGS + num(7, 70),
    )
    assert texts_of(data) == ["一、项目基本情况", "1、项目背景概况", "正文", "2、预算安排",
                              "二、项目具体实施情况", "1、预算执行情况", "三、阶段性跟踪结论："]


def test_numbering_through_the_paragraph_style_and_inside_cells():
    styles = ('<w:style w:type="paragraph" w:customStyle="1" w:styleId="H"><w:name w:val="H"/>'
              '<w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:customStyle="1" w:styleId="H2"><w:name w:val="H2"/>'
              '<w:basedOn w:val="H"/></w:style>')
    styled = '<w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr>' + r("{}") + "</w:p>"
    data = with_parts(
        styled.format("H", "甲"), styled.format("H2", "乙"),
        '<w:p><w:pPr><w:pStyle w:val="H"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>' + r("无编号") + "</w:p>",
        tbl(tr(tc(numbered("子项", 9), numbered("子项", 9), numbered("重新", 10)))),
        numbering=abstract_num(71, ("chineseCounting", "%1、")) + num(8, 71)
        + abstract_num(72, ("chineseCounting", "（%1）")) + num(9, 72) + num(10, 72, restart=1),
        styles=styles,
    )
    document = read(data)
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == ["一、甲", "二、乙", "无编号"]
    assert only_table(document).cells[0].text == "（一）子项\n（二）子项\n（一）重新"


def test_bullets_and_broken_numbering_give_no_label():
    box_bullet = abstract_num(73, ("bullet", "\uf0a8"))  # Wingdings empty box: a bullet, never a checkbox
    data = with_parts(numbered("路面修补", 11), numbered("无定义", 99), p("普通"),
                      numbering=box_bullet + num(11, 73))
    assert texts_of(data) == ["路面修补", "无定义", "普通"]
    broken = replace_member(data, "word/numbering.xml", b"<w:numbering")
    assert texts_of(broken) == ["路面修补", "无定义", "普通"]


def test_hidden_text_is_not_read_but_a_hidden_paragraph_mark_is():
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>☐旧</w:t></w:r>'
    shown = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显</w:t></w:r>'
    assert para_text(r("是☑"), hidden, shown) == "是☑显"
    assert texts_of(body_docx('<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>' + r("标题") + "</w:p>")) == ["标题"]


def test_ruby_base_text_is_read_without_the_guide():
    ruby = ("<w:r><w:ruby><w:rubyPr/><w:rt>" + r("zhá") + "</w:rt><w:rubyBase>" + r("闸") + "</w:rubyBase></w:ruby></w:r>")
    assert para_text(r("水"), ruby, r("站")) == "水闸站"


MC_NS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
         'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
         'xmlns:v="urn:schemas-microsoft-com:vml"')


def test_text_box_read_once_before_its_anchor_paragraph():
    inner = p("财政项目支出绩效运行监控（跟踪评价）（重点）")
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
           f"{inner}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
           f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
           "</mc:AlternateContent></w:r>")
    vml_only = f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{p('盖章')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    data = with_parts(f"<w:p>{box}{r('锚')}</w:p>", p("街镇名称：某镇"), tbl(tr(tc(f"<w:p>{vml_only}{r('值')}</w:p>"))),
                      extra_ns=MC_NS)
    document = read(data)
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == [
        "财政项目支出绩效运行监控（跟踪评价）（重点）", "锚", "街镇名称：某镇"]
    assert only_table(document).cells[0].text == "盖章\n值"


def test_symbol_font_from_a_character_style():
    styles = ('<w:style w:type="character" w:customStyle="1" w:styleId="Box"><w:name w:val="Box"/>'
              '<w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr></w:style>'
              '<w:style w:type="character" w:customStyle="1" w:styleId="Box2"><w:name w:val="Box2"/>'
              '<w:basedOn w:val="Box"/></w:style>')
    styled = '<w:r><w:rPr><w:rStyle w:val="{}"/></w:rPr><w:t>{}</w:t></w:r>'
    overridden = ('<w:r><w:rPr><w:rStyle w:val="Box"/><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>'
                  "<w:t>R</w:t></w:r>")
    data = with_parts(p(r("是"), styled.format("Box", "R"), r(" 否"), styled.format("Box2", "£"), r(" "), overridden),
                      styles=styles)
    assert texts_of(data) == ["是☑ 否☐ R"]


# ------------------------------------------------------------------ boxes
@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        ((r("是"), r("☑"), r(" 否"), r("☐")), "是☑ 否☐"),
        ((r("☒是 □否"),), "☑是 ☐否"),
        ((r("是■ 否□ √"),), "是■ 否☐ √"),
    ],
    ids=["glyphs-after", "glyph-variants-before", "filled-square-and-tick-left-alone"],
)
def test_unicode_glyphs(runs, expected):
    assert cell_text(*runs) == expected


@pytest.mark.parametrize(
    ("font", "ticked", "empty"),
    [("Wingdings 2", "F052", "F0A3"), ("Wingdings", "F0FE", "F0A8"), ("Wingdings", "F0FE", "F06F"),
     ("Webdings", "F061", "F063"), ("Wingdings 2", "0054", "00A3")],
)
def test_symbol_font_sym_elements(font, ticked, empty):
    assert cell_text(r("是"), sym(font, ticked), r("否"), sym(font, empty)) == "是☑否☐"
    assert cell_text(sym(font, empty), r("是"), sym(font, ticked), r("否")) == "☐是☑否"


def test_sym_that_is_not_a_box_adds_no_text():
    assert cell_text(r("是"), sym("Wingdings", "F0E8")) == "是"  # an arrow dingbat


@pytest.mark.parametrize(
    ("font", "text", "expected"),
    [
        ("Wingdings 2", "\uf052是\uf0a3否", "☑是☐否"),
        ("Wingdings", "是\uf0fe否\uf0a8", "是☑否☐"),
        (None, "是\uf052否\uf0a3", "是☑否☐"),
        (None, "\uf0fe是\uf06f否", "☑是☐否"),
    ],
    ids=["pua-wingdings2", "pua-wingdings", "pua-nofont-wd2", "pua-nofont-wd"],
)
def test_private_use_characters(font, text, expected):
    if font is None:
        assert cell_text(r(text)) == expected
    else:  # box characters in the symbol font, labels in an ordinary run
        runs = [r(ch, font) if "\uf000" <= ch <= "\uf0ff" else r(ch) for ch in text]
        assert cell_text(*runs) == expected


def test_letters_in_a_symbol_font_run_are_glyphs():
    assert cell_text(r("R", "Wingdings 2"), r("是"), r("£", "Wingdings 2"), r("否")) == "☑是☐否"
    assert cell_text(r("R是£否")) == "R是£否"  # the same letters in a text font stay letters


@pytest.mark.parametrize(
    ("checked", "glyph", "expected"),
    [(True, "☐", "☑"), (False, "☒", "☐"), ("true", "☐", "☑"), ("0", "☑", "☐"), (None, "☒", "☐")],
)
def test_checkbox_content_control_state_wins_over_glyph(checked, glyph, expected):
    assert cell_text(r("是"), sdt_box(checked, glyph), r("否")) == f"是{expected}否"
    assert cell_text(sdt_box(checked, glyph), r("是")) == f"{expected}是"


def test_checkbox_content_control_with_symbol_font_glyph():
    control = sdt_box(True, glyph="\uf0a8", font="Wingdings")  # shows an empty box, is ticked
    assert cell_text(r("确定能完成"), control) == "确定能完成☑"


@pytest.mark.parametrize(
    ("checked", "default", "expected"),
    [("", "0", "☑"), ("1", "0", "☑"), ("true", None, "☑"), ("0", "1", "☐"), ("false", "1", "☐"),
     (None, "1", "☑"), (None, "0", "☐"), (None, None, "☐")],
)
def test_legacy_form_checkbox(checked, default, expected):
    box = form_box(checked=checked, default=default)
    assert cell_text(r("是"), box, r(" 否")) == f"是{expected} 否"
    assert para_text(box, r("是")) == f"{expected}是"


def test_form_checkbox_without_ffdata_is_an_empty_box():
    assert cell_text(r("是"), form_box(ffdata=False)) == "是☐"


def test_mixed_representations_in_one_row():
    row = tr(
        tc(p(r("是"), sym("Wingdings 2", "F052"), r(" 否"), sym("Wingdings 2", "F0A3"))),
        tc(p(sdt_box(False, "☒"), r("是 "), sdt_box(True, "☐"), r("否"))),
        tc(p(r("确定能完成"), form_box(checked=""), r(" 有可能完成"), form_box(default="0"))),
        tc(p(r("\uf052", "Wingdings 2"), r("是"))),
    )
    t = only_table(read(body_docx(tbl(row))))
    assert [c.text for c in t.cells] == ["是☑ 否☐", "☐是 ☑否", "确定能完成☑ 有可能完成☐", "☑是"]


def test_symbol_tables():
    assert symbol_box_state("Wingdings 2", 0xF052) is True
    assert symbol_box_state("Wingdings 2", 0xF0A3) is False
    assert symbol_box_state("Wingdings 2", 0x2A) is None  # a note-page icon, not a box
    assert symbol_box_state("Webdings", 0x67) is None  # a filled square: parser's business
    assert symbol_box_state(None, 0xF0A8) is False  # Wingdings' empty box when the font is lost


# ------------------------------------------------------------------ failures
def docx_ok() -> bytes:
    return body_docx(p("正文"))


def code_of(data: bytes, limits: Limits | None = None, reader=read) -> str:
    with pytest.raises(ReadError) as info:
        reader(data, limits) if reader is read else reader(data)
    return info.value.code


def test_corrupt_member_data():
    data = bytearray(docx_ok())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start, start + min(info.compress_size, 40)):
        data[i] ^= 0x5A
    assert code_of(bytes(data)) == "corrupt"


def test_truncated_zip():
    data = docx_ok()
    assert code_of(data[: len(data) // 2]) == "corrupt"


def test_broken_xml():
    assert code_of(replace_member(docx_ok(), "word/document.xml", b"<w:document><w:body>")) == "corrupt"


def test_not_a_zip():
    assert code_of(b"%PDF-1.7 this is not a word file" * 10) == "not-a-document"
    assert code_of(b"\x00\x01binary junk" * 50) == "not-a-document"


def test_zip_without_main_document():
    assert code_of(zip_bytes({"hello.txt": b"hi"})) == "not-a-document"


def test_zip_whose_main_part_is_not_word():
    xml = b'<?xml version="1.0"?><workbook xmlns="urn:x"/>'
    assert code_of(replace_member(docx_ok(), "word/document.xml", xml)) == "not-a-document"


def test_encrypted_ooxml_and_renamed_doc():
    assert code_of(ole2_bytes("Root Entry", "EncryptionInfo", "EncryptedPackage")) == "encrypted"
    assert code_of(ole2_bytes("Root Entry", "WordDocument", "1Table")) == "unsupported-format"


def test_zip_bomb_refused_by_ratio_before_inflating():
    bomb = zip_bytes({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<" + b" " * (40 << 20) + b">"})
    assert len(bomb) < 200_000
    assert code_of(bomb) == "unsafe-content"


def test_zip_bomb_refused_by_total_size():
    assert code_of(docx_ok(), Limits(max_unzipped_bytes=2_000)) == "unsafe-content"


@pytest.mark.parametrize(
    "prolog",
    [
        b'<!DOCTYPE w:document [<!ENTITY lol "lol">]>',
        b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE w:document SYSTEM "http://example.invalid/x.dtd">',
    ],
    ids=["billion-laughs", "external-entity", "external-dtd"],
)
def test_dtd_and_entities_refused(prolog):
    with zipfile.ZipFile(io.BytesIO(docx_ok())) as archive:
        xml = archive.read("word/document.xml")
    head, rest = xml.split(b"?>", 1)
    hostile = head + b"?>" + prolog + rest.replace(b"\xe6\xad\xa3\xe6\x96\x87", b"&lol;")
    assert code_of(replace_member(docx_ok(), "word/document.xml", hostile)) == "unsafe-content"


def test_dtd_in_rels_refused():
    rels = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><Relationships/>'
    assert code_of(replace_member(docx_ok(), "_rels/.rels", rels)) == "unsafe-content"


@pytest.mark.parametrize("member", ["word/numbering.xml", "word/styles.xml", "word/_rels/document.xml.rels"])
def test_dtd_in_helper_parts_refused(member):
    hostile = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>'
    assert code_of(replace_member(docx_ok(), member, hostile)) == "unsafe-content"


def test_read_document_dispatches_docx(tmp_path):
    path = tmp_path / "报告.docx"
    path.write_bytes(docx_ok())
    document = read_document(path, path.read_bytes())
    assert document.source.format == "docx" and document.blocks[0].text == "正文"


# ------------------------------------------------------------------ .doc
def read_doc(data: bytes, limits: Limits | None = None):
    return doc_reader.read(data, Source(path="t.doc", format="docx"), limits or Limits())


def test_doc_without_libreoffice_is_unsupported(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as info:
        read_doc(ole2_bytes("Root Entry", "WordDocument"))
    assert info.value.code == "unsupported-format" and "另存为 .docx" in str(info.value)


def test_doc_name_holding_a_docx_is_read_as_docx(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert read_doc(docx_ok()).blocks[0].text == "正文"


def test_doc_without_a_network_namespace_is_refused_not_converted(monkeypatch, tmp_path):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nexit 0\n")
    script.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: str(script) if name == "soffice" else None)
    monkeypatch.setattr(doc_reader, "network_isolation_available", lambda: False)
    with pytest.raises(ReadError) as info:
        read_doc(ole2_bytes("WordDocument"))
    assert info.value.code == "unsupported-format" and "断网" in str(info.value)


def test_doc_encrypted_and_garbage(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as info:
        read_doc(ole2_bytes("EncryptionInfo"))
    assert info.value.code == "encrypted"
    with pytest.raises(ReadError) as info:
        read_doc(b"\x00garbage" * 40)
    assert info.value.code == "not-a-document"


needs_isolation = pytest.mark.skipif(
    not doc_reader.network_isolation_available(),
    reason="no network namespace can be made here: .doc files are refused, not converted",
)


@needs_isolation
def test_doc_conversion_timeout_kills_converter(monkeypatch, tmp_path):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nsleep 30\n")
    script.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: str(script) if name == "soffice" else None)
    with pytest.raises(ReadError) as info:
        read_doc(ole2_bytes("WordDocument"), Limits(timeout_seconds=0.5))
    assert info.value.code == "timeout"


@needs_isolation
def test_doc_failed_conversion_is_corrupt(monkeypatch, tmp_path):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nexit 1\n")
    script.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: str(script) if name == "soffice" else None)
    with pytest.raises(ReadError) as info:
        read_doc(ole2_bytes("WordDocument"))
    assert info.value.code == "corrupt"


@pytest.mark.slow
@needs_isolation
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_doc_converted_with_libreoffice(tmp_path):
    import subprocess

    source = tmp_path / "form.docx"
    document = new_document()
    document.add_paragraph("财政项目支出绩效运行监控（跟踪评价）（一般）")
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = "项目名称", "测试"
    source.write_bytes(to_bytes(document))
    # LibreOffice 7.4 drops python-docx tables on a direct docx -> doc export; go through odt.
    for target, src in (("odt", source), ("doc", tmp_path / "o" / "form.odt")):
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
             "--convert-to", target, "--outdir", str(tmp_path / "o"), str(src)],
            check=True, timeout=120, capture_output=True,
        )
    data = (tmp_path / "o" / "form.doc").read_bytes()
    assert data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    document = read_doc(data, Limits(timeout_seconds=120))
    texts = [line.text for line in document.lines]
    assert texts == ["财政项目支出绩效运行监控（跟踪评价）（一般）", "项目名称\t测试"]


# ------------------------------------------------------------------ corpus
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "docx"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.docx")), ids=lambda p: p.stem)
def test_corpus_documents_read_with_boxes(path):
    document = read_document(path, path.read_bytes())
    text = "\n".join(line.text for line in document.lines)
    assert text.count("☑") == 4 and text.count("☐") == 6  # 2 yes/no + 2 three-way groups
    assert "四、绩效跟踪后项目总体判断" in text
    assert not any("\uf000" <= ch <= "\uf0ff" for ch in text)
    judged = next(c for b in document.blocks if isinstance(b, Table) for c in b.cells
                  if c.text.startswith("四、"))
    # the seed's 2 x 2 merge; the raw layouts merge it down 2 rows of 1 column, or across a whole row
    assert judged.row_span * judged.col_span >= 2
    for heading in ("一、项目基本情况", "二、项目具体实施情况", "三、阶段性跟踪结论"):  # also when Word numbers them
        assert heading in text
    assert "（原报" not in text and "3,500,000.00" not in text  # hidden text and deleted rows are not read
