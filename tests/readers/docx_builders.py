"""Build .docx bytes for reader tests: python-docx documents plus raw WordprocessingML.

`W_NS` fragments are written with the `w:` (and `w14:`) prefixes; `fragment()` parses them
with the namespace declarations added, so tests can inject exactly the XML a case needs
(content controls, form fields, symbol characters) into a python-docx document.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.document import Document as DocxDocument
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
_NSDECL = f'xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"'


def fragment(xml: str) -> etree._Element:
    """Parse one element written with w:/w14: prefixes."""
    return etree.fromstring(re.sub(r"^(\s*<[\w:]+)", rf"\1 {_NSDECL}", xml, count=1))


def new_document() -> DocxDocument:
    """An empty python-docx document (its body holds only the section properties)."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def body_docx(*xml_blocks: str) -> bytes:
    """A .docx whose body holds the given raw block-level XML elements, in order."""
    document = new_document()
    body = document.element.body
    sect = body[-1]
    for xml in xml_blocks:
        sect.addprevious(fragment(xml))
    return to_bytes(document)


def to_bytes(document: DocxDocument) -> bytes:
    """The document saved to memory."""
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def p(*runs: str) -> str:
    """A paragraph of raw run XML (or plain strings, which become simple runs)."""
    inner = "".join(run if run.lstrip().startswith("<") else r(run) for run in runs)
    return f"<w:p>{inner}</w:p>"


def r(text: str, font: str | None = None) -> str:
    """A run with text (spaces preserved), optionally in a font (all four slots)."""
    props = ""
    if font:
        props = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/></w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def sym(font: str, char: str) -> str:
    """A `w:sym` symbol run."""
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def sdt_box(checked: bool | str | None, glyph: str = "☐", font: str = "MS Gothic") -> str:
    """An inline checkbox content control; `checked=None` omits w14:checked."""
    state = "" if checked is None else f'<w14:checked w14:val="{checked if isinstance(checked, str) else int(checked)}"/>'
    return (
        "<w:sdt><w:sdtPr><w14:checkbox>"
        f'{state}<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
        f"</w14:checkbox></w:sdtPr><w:sdtContent>{r(glyph, font)}</w:sdtContent></w:sdt>"
    )


def form_box(checked: str | None = None, default: str | None = None, *, ffdata: bool = True) -> str:
    """A legacy FORMCHECKBOX field: begin (with ffData) / instruction / end runs.

    `checked` / `default` are the w:val attributes: "" writes the element without a value.
    """
    def element(name: str, value: str | None) -> str:
        if value is None:
            return ""
        return f"<w:{name}/>" if value == "" else f'<w:{name} w:val="{value}"/>'

    data = (
        f"<w:ffData><w:name w:val=\"Check1\"/><w:enabled/><w:calcOnExit w:val=\"0\"/>"
        f"<w:checkBox><w:sizeAuto/>{element('default', default)}{element('checked', checked)}</w:checkBox></w:ffData>"
        if ffdata
        else ""
    )
    return (
        f'<w:r><w:fldChar w:fldCharType="begin">{data}</w:fldChar></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def tc(*paragraphs: str, span: int = 1, vmerge: str | None = None) -> str:
    """A table cell: paragraphs are raw `<w:p>`/`<w:tbl>` XML or plain text."""
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        props += "<w:vMerge/>" if vmerge == "continue" else f'<w:vMerge w:val="{vmerge}"/>'
    inner = "".join(x if x.lstrip().startswith("<") else p(x) for x in paragraphs) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def tr(*cells: str, grid_before: int = 0) -> str:
    """A table row."""
    props = f'<w:trPr><w:gridBefore w:val="{grid_before}"/></w:trPr>' if grid_before else ""
    return f"<w:tr>{props}{''.join(cells)}</w:tr>"


def tbl(*rows: str, cols: int = 4) -> str:
    """A table with a `cols`-column grid."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive with the given members."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return stream.getvalue()


def replace_member(docx_data: bytes, name: str, data: bytes) -> bytes:
    """A copy of a .docx with one member replaced (or added)."""
    with zipfile.ZipFile(io.BytesIO(docx_data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[name] = data
    return zip_bytes(members)


def ole2_bytes(*stream_names: str) -> bytes:
    """A minimal fake OLE2 compound file: the magic plus UTF-16 directory entry names."""
    body = b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in stream_names)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body + b"\x00" * 1024


def with_parts(
    *xml_blocks: str, numbering: str = "", styles: str = "", extra_ns: str = ""
) -> bytes:
    """A .docx like `body_docx`, with raw `w:abstractNum`/`w:num` definitions appended to its
    numbering part and raw `w:style` definitions to its styles part; `extra_ns` adds namespace
    declarations for the body fragments (mc:, wps:, v: … for text boxes)."""
    document = new_document()
    body = document.element.body
    sect = body[-1]
    for xml in xml_blocks:
        sect.addprevious(etree.fromstring(re.sub(r"^(\s*<[\w:]+)", rf"\1 {_NSDECL} {extra_ns}", xml, count=1)))
    if numbering:
        part = document.part.numbering_part.element
        holder = fragment(f"<w:numbering>{numbering}</w:numbering>")
        for child in list(holder):  # every w:abstractNum must come before the first w:num
            first_num = part.find(f"{{{W_NS}}}num")
            if child.tag.endswith("}abstractNum") and first_num is not None:
                first_num.addprevious(child)
            else:
                part.append(child)
    if styles:
        for child in list(fragment(f"<w:styles>{styles}</w:styles>")):
            document.styles.element.append(child)
    return to_bytes(document)


def abstract_num(abstract_id: int, *levels: tuple[str, str], start: int = 1) -> str:
    """An abstract list whose level i has (numFmt, lvlText) `levels[i]`."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def num(num_id: int, abstract_id: int, restart: int | None = None) -> str:
    """A list instance, optionally restarting level 0 at `restart`."""
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
        if restart is not None else ""
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    """A paragraph in list `num_id` at level `ilvl`."""
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            f"{r(text)}</w:p>")
