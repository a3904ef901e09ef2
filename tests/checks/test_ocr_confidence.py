"""ocr-confidence: a field read from a scan with a low recognizer score is an info, with its
page, its box on the page and the text read; provenance carries bbox and confidence."""

from __future__ import annotations

from extract.pipeline import extract_document_records
from extract.settings import CheckSettings, Settings
from parsers.lines import build_document
from schemas.document import Cell, Paragraph, Table
from schemas.record import OcrInfo, Source

TITLE = "财政项目支出绩效运行监控（跟踪评价）（重点）"
ROWS = (
    ("项目名称", "2024年某镇道路养护项目", None, None),
    ("当年预算数（元）", "1,250,000.00", "预算执行数（元）", "1,120,000.00"),
)


def _document(executed_score: float, *, scanned: bool = True):
    cells = []
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            if text is None:
                continue
            span = 3 if r == 0 and c == 1 else 1
            score = executed_score if (r, c) == (1, 3) else 0.99
            box = (100.0 + 100 * c, 100.0 + 30 * r, 100.0 + 100 * (c + span), 130.0 + 30 * r)
            geometry = {"bbox": box, "confidence": score} if scanned else {}
            cells.append(Cell(row=r, col=c, col_span=span, text=text, page=1, **geometry))
    title = Paragraph(page=1, text=TITLE, **({"bbox": (150.0, 60.0, 450.0, 80.0), "confidence": 0.97} if scanned else {}))
    ocr = OcrInfo(engine="rapidocr", dpi=300, pages_ocr=[1]) if scanned else None
    source = Source(path="scan.png", format="image" if scanned else "pdf", pages=1, ocr=ocr)
    return build_document(source, [title, Table(page=1, cells=tuple(cells))])


def _record(document, settings: Settings | None = None):
    return extract_document_records(document, settings or Settings())[0]


def test_provenance_of_a_scan_has_box_and_confidence():
    record = _record(_document(0.99))
    entry = record.provenance["executed"]
    assert entry.bbox == (400.0, 130.0, 500.0, 160.0)
    assert entry.confidence == 0.99
    assert record.provenance["project_name"].bbox == (200.0, 100.0, 500.0, 130.0)
    dumped = record.model_dump(mode="json")["provenance"]["executed"]
    assert dumped["bbox"] == [400.0, 130.0, 500.0, 160.0] and dumped["confidence"] == 0.99
    assert "ocr-confidence" not in [d.rule for d in record.discrepancies]


def test_a_low_score_is_an_info_quoting_text_and_place():
    record = _record(_document(0.42))
    found = [d for d in record.discrepancies if d.rule == "ocr-confidence"]
    assert len(found) == 1
    assert found[0].severity == "info" and found[0].fields == ["executed"]
    assert "1,120,000.00" in found[0].message and "第1页" in found[0].message
    assert "400,130–500,160 pt" in found[0].message and "0.42" in found[0].message


def test_the_threshold_is_the_rules_option():
    strict = Settings(checks=CheckSettings(rule_options={"ocr-confidence": {"min_confidence": 0.995}}))
    record = _record(_document(0.99), strict)
    assert {d.fields[0] for d in record.discrepancies if d.rule == "ocr-confidence"} >= {"executed", "project_name"}
    lax = Settings(checks=CheckSettings(rule_options={"ocr-confidence": {"min_confidence": 0.3}}))
    assert not [d for d in _record(_document(0.42), lax).discrepancies if d.rule == "ocr-confidence"]


def test_a_text_layer_record_gets_no_box():
    record = _record(_document(0.42, scanned=False))
    assert all(entry.bbox is None and entry.confidence is None for entry in record.provenance.values())
    assert "bbox" not in record.model_dump(mode="json")["provenance"]["executed"]
    assert "ocr-confidence" not in [d.rule for d in record.discrepancies]
