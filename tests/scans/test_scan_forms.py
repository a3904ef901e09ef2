"""Scans of the family forms (self-evaluation, target declaration, execution monitoring) read
as their text-layer PDFs are.

Each scan is made by `corpus.scans.make` from a one-page PDF of `corpus/` (degraded: skew,
blur, JPEG, a red seal; 200-300 dpi) and its record compared with the record of the PDF it
was made from, value by value (the monitoring form's scans are in `test_scan_corpus`).
Needs the OCR extra and a CJK font; skipped without them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from corpus.scans import make
from corpus.scans.compare import leaves
from extract.pipeline import extract_records
from extract.settings import Limits, Settings
from parsers.ocr import engine

if not engine.available() or make.cjk_font() is None:
    pytest.skip("needs the OCR extra and a CJK font", allow_module_level=True)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SETTINGS = Settings(limits=Limits(timeout_seconds=1800))
CASES = {
    "self_evaluation": ("self_evaluation/pdf_sichuan_split_target.pdf",
                        make.Recipe("", ".jpg", dpi=250, skew=0.7, jpeg=70, seal=True, seed=21)),
    "target_declaration": ("target_declaration/pdf_national_pairs.pdf",
                           make.Recipe("", ".png", dpi=300, blur=0.8, skew=-0.9, seal=True, seed=22)),
    "execution_monitoring": ("execution_monitoring/pdf_subcolumns_ticks.pdf",
                             make.Recipe("", ".tif", dpi=200, jpeg=75, seal=True, seed=23)),
}


@pytest.fixture(scope="module")
def read(tmp_path_factory) -> dict[str, tuple[dict, dict]]:
    folder = tmp_path_factory.mktemp("form_scans")
    out = {}
    for form, (source, recipe) in CASES.items():
        pdf = CORPUS / source
        scan = make.make_from(pdf, recipe, folder / f"{form}{recipe.suffix}")
        (want,) = [r.model_dump(mode="json") for r in extract_records(pdf, SETTINGS)]
        (got,) = [r.model_dump(mode="json") for r in extract_records(scan, SETTINGS)]
        out[form] = (want, got)
    return out




@pytest.mark.parametrize("form", list(CASES))
def test_a_scan_reads_as_its_pdf(read, form: str) -> None:
    want, got = read[form]
    assert got["form"]["type"] == want["form"]["type"] == form
    assert got["source"]["ocr"]["pages_ocr"] == [1]
    expected, found = leaves(want["fields"]), leaves(got["fields"])
    wrong = {k: (v, found.get(k)) for k, v in expected.items() if found.get(k) != v}
    assert len(wrong) <= 0.05 * len(expected), wrong
    for key in ("project_name", "department", "implementing_unit"):
        assert got["fields"][key] == want["fields"][key], key


@pytest.mark.parametrize("form", list(CASES))
def test_no_amount_of_a_scan_is_silently_wrong(read, form: str) -> None:
    want, got = read[form]
    flagged = {f for d in got["discrepancies"] for f in d["fields"]}
    for row, cells in (want["fields"].get("funds") or {}).items():
        for column, amount in (cells or {}).items() if isinstance(cells, dict) else ():
            if not isinstance(amount, dict) or "yuan" not in amount:
                continue
            read_as = ((got["fields"].get("funds") or {}).get(row) or {}).get(column)
            key = f"funds.{row}.{column}"
            if read_as is None or Decimal(read_as["yuan"]) != Decimal(amount["yuan"]):
                assert any(key == f or key.startswith(f + ".") for f in flagged), (key, amount, read_as)
