"""`unread-value`: values under a table header or beside a row label the template does not know.

A local office may add a column to a table (结余资金 beside the funds' 执行率, 佐证材料 after
the indicators' 偏差原因) or a row to the funds (单位自筹资金, where the form keeps no `extra`
rows): the record has no field for it, so its values are not read. They are named here, an
`info` for the reviewer, with the header or row label and the values as printed and the lines
they stand on, so that nothing the form printed disappears without a word. The cells are
found by `parsers.unread_cells` from the rows the template's tables read (their provenance);
on a form read field by field (the monitoring form: a row `资金性质 | 区级财政`, a head
`结余资金` over a figure) by `parsers.unread_pairs`, from the cells no label took.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.checks.base import CheckContext, Finding, rule
from extract.checks.forms import template_of
from parsers.unread_cells import UnreadCell, unread_cells
from parsers.unread_pairs import unread_pairs
from schemas.discrepancy import Evidence, Severity
from schemas.document import Document
from schemas.forms import FORM_TYPES
from schemas.template import FormTemplate

MAX_VALUES_SHOWN = 5


@rule("unread-value", Severity.INFO, forms=FORM_TYPES)
def unread_value(ctx: CheckContext) -> Iterator[Finding]:
    """One finding per unknown header or row label of a table the form's template reads."""
    template = template_of(ctx.form_type)
    if template is None:
        return
    if not template.tables:
        yield from _unread_pairs(ctx, template)
        return
    for name, spec in template.tables.items():
        rows = {(entry.block, entry.row) for path, entry in ctx.record.provenance.items()
                if path.split(".")[0] == name and entry.block is not None and entry.row is not None}
        by_header: dict[tuple[str, str], list[UnreadCell]] = {}
        for cell in unread_cells(ctx.document, spec, rows):
            by_header.setdefault((cell.kind, cell.header), []).append(cell)
        for (kind, header), cells in by_header.items():
            shown = "、".join(f"“{cell.text}”" for cell in cells[:MAX_VALUES_SHOWN])
            more = f"等{len(cells)}项" if len(cells) > MAX_VALUES_SHOWN else ""
            where = f"“{header}”栏不是该表的已知栏目，其下的值" if kind == "column" else f"“{header}”行不是该表的已知行，其值"
            message = f"“{spec.display or name}”表中的{where}{shown}{more}未读入记录；请核对原表"
            yield Finding(message, _evidence(ctx.document, cells), (name,))


def _unread_pairs(ctx: CheckContext, template: FormTemplate) -> Iterator[Finding]:
    """A form read field by field: one finding per label no field knows, with its values."""
    by_label: dict[tuple[str, str], list[UnreadCell]] = {}
    for cell in unread_pairs(ctx.document, template):
        by_label.setdefault((cell.kind, cell.header), []).append(cell)
    for (kind, label), cells in by_label.items():
        shown = "、".join(f"“{cell.text}”" for cell in cells[:MAX_VALUES_SHOWN])
        more = f"等{len(cells)}项" if len(cells) > MAX_VALUES_SHOWN else ""
        where = f"“{label}”栏不是该表的已知栏目，其下的值" if kind == "column" else f"“{label}”不是该表的已知栏目，其值"
        yield Finding(f"表中{where}{shown}{more}未读入记录；请核对原表", _evidence(ctx.document, cells), ())


def _evidence(document: Document, cells: list[UnreadCell]) -> list[Evidence]:
    evidence: list[Evidence] = []
    for cell in cells:
        line = next((line for line in document.lines if line.block == cell.block and line.row == cell.row), None)
        if line is not None:
            item = Evidence(text=line.text, location=line.loc)
            if item not in evidence:
                evidence.append(item)
    return evidence
