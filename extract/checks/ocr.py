"""`ocr-confidence`: a field read from a scanned page with a low recognizer score.

Reads the provenance's `confidence` (the lowest OCR score of the text of the field's cell,
set by `parsers.geometry`), on every form of the family. It is an `info` for the reviewer,
not a fault of the form: the value may be right, but it should be checked against the
scan at the place quoted (page and box in points). The threshold is the rule's option
`min_confidence` (`[checks.ocr-confidence]` in the TOML).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from extract.checks.base import CheckContext, Finding, label, rule
from parsers.geometry import value_cell
from schemas.discrepancy import Evidence, Severity, location
from schemas.forms import FORM_TYPES


class OcrConfidenceOptions(BaseModel):
    """ocr-confidence's settings: the score under which a field read by OCR is marked."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    min_confidence: float = Field(default=0.8, ge=0.0, le=1.0)


@rule("ocr-confidence", Severity.INFO, forms=FORM_TYPES, options=OcrConfidenceOptions)
def ocr_confidence(ctx: CheckContext) -> Iterator[Finding]:
    """A field read by OCR whose text the recognizer scored under `min_confidence` is named,
    with the text read and where it stands on the scan, for the reviewer to check."""
    threshold = ctx.options("ocr-confidence").min_confidence
    for name, entry in ctx.record.provenance.items():
        if entry.confidence is None or entry.confidence >= threshold:
            continue
        cell = value_cell(ctx.document, entry)
        read = " ".join((cell.text if cell is not None else entry.text).split())
        where = f"第{entry.page}页"
        if entry.bbox is not None:
            x0, y0, x1, y1 = entry.bbox
            where += f"（{x0:.0f},{y0:.0f}–{x1:.0f},{y1:.0f} pt）"
        message = (f"“{label(name, ctx.form_type)}”从扫描件识别，置信度{entry.confidence:.2f}（低于{threshold:g}），"
                   f"读作“{read}”，位于{where}；请对照原件核对")
        evidence = [Evidence(text=entry.text, location=location(entry.page, entry.line))]
        yield Finding(message, evidence, (name,))
