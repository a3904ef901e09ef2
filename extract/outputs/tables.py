"""The tables of a batch run: fields.csv + fields.parquet (one row per document) and
discrepancies.csv + discrepancies.xlsx (one row per discrepancy, errors first).

All four are built by streaming the store through `StoreIndex` (one record in memory at a
time; Parquet in row batches; the workbook in openpyxl's write_only mode), written to a
temp file and renamed into place. Text cells pass through `safety` (formula
neutralisation); amounts stay decimals: Parquet decimal128, CSV plain decimal strings.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from extract.outputs.flatten import (
    COLUMN_NAMES,
    COLUMNS,
    DISCREPANCY_COLUMNS,
    SEVERITIES,
    discrepancy_rows,
    flatten,
)
from extract.outputs.index import StoreIndex, atomic_output
from extract.outputs.safety import neutralise_cell, xlsx_cell
from extract.vocabulary import header

PARQUET_BATCH_ROWS = 1000
CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read the Chinese text as UTF-8
ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "date": pa.date32(),
    "bool": pa.bool_(),
    "int": pa.int32(),
    "yuan": pa.decimal128(18, 2),
    "pct": pa.decimal128(18, 4),
}
FIELDS_SCHEMA = pa.schema([pa.field(name, ARROW_TYPES[kind]) for name, kind in COLUMNS])
XLSX_WIDTHS = (44, 36, 20, 10, 26, 70, 70, 18)


def csv_text(value: Any) -> str:
    """A typed value as CSV text: decimals plain, dates ISO, bools true/false, text safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(neutralise_cell(value))


def _rows(index: StoreIndex) -> Iterator[dict[str, Any]]:
    with index.reader() as fh:
        for entry in index.entries:
            yield flatten(index.record_at(fh, entry))


def _batches(index: StoreIndex) -> Iterator[pa.RecordBatch]:
    columns: dict[str, list[Any]] = {name: [] for name in COLUMN_NAMES}
    for row in _rows(index):
        for name in COLUMN_NAMES:
            columns[name].append(row[name])
        if len(columns["path"]) >= PARQUET_BATCH_ROWS:
            yield pa.RecordBatch.from_pydict(columns, schema=FIELDS_SCHEMA)
            columns = {name: [] for name in COLUMN_NAMES}
    if columns["path"]:
        yield pa.RecordBatch.from_pydict(columns, schema=FIELDS_SCHEMA)


def write_fields_csv(index: StoreIndex, headers: str = "keys") -> None:
    """fields.csv: one row per document, sorted by path; `headers="zh"` names the columns in
    Chinese (the keys stay the contract's everywhere else)."""
    final = index.path.parent / "fields.csv"
    with atomic_output(final) as tmp, tmp.open("w", encoding=CSV_ENCODING, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([header(name, headers) for name in COLUMN_NAMES])
        for row in _rows(index):
            writer.writerow([csv_text(row[name]) for name in COLUMN_NAMES])


def write_fields_parquet(index: StoreIndex) -> None:
    """fields.parquet: the same rows with typed columns."""
    final = index.path.parent / "fields.parquet"
    with atomic_output(final) as tmp, pq.ParquetWriter(tmp, FIELDS_SCHEMA) as writer:
        for batch in _batches(index):
            writer.write_batch(batch)


def iter_discrepancies(index: StoreIndex) -> Iterator[list[str]]:
    """Every discrepancy row: by severity (error first), then by document path."""
    with index.reader() as fh:
        for severity in SEVERITIES:
            for entry in index.entries:
                if entry.count(severity):
                    yield from discrepancy_rows(index.record_at(fh, entry), severity)


def _new_sheet(workbook: Workbook) -> Any:
    sheet = workbook.create_sheet("discrepancies")
    sheet.freeze_panes = "A2"
    for number, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    return sheet


def _header_cells(sheet: Any) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for key in DISCREPANCY_COLUMNS:
        cell = WriteOnlyCell(sheet, value=f"{header(key, 'zh')} ({key})")
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
        cells.append(cell)
    return cells


def write_discrepancy_tables(index: StoreIndex, headers: str = "keys") -> int:
    """discrepancies.csv and discrepancies.xlsx in one pass; returns the number of rows.
    `headers="zh"` gives the CSV Chinese column headers (the workbook always shows both)."""
    outdir = index.path.parent
    workbook = Workbook(write_only=True)
    sheet = _new_sheet(workbook)
    sheet.append(_header_cells(sheet))
    rows = 0
    with atomic_output(outdir / "discrepancies.csv") as csv_tmp:
        with csv_tmp.open("w", encoding=CSV_ENCODING, newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([header(key, headers) for key in DISCREPANCY_COLUMNS])
            for row in iter_discrepancies(index):
                writer.writerow([neutralise_cell(value) for value in row])
                sheet.append([xlsx_cell(value) for value in row])
                rows += 1
        last = get_column_letter(len(DISCREPANCY_COLUMNS))
        sheet.auto_filter.ref = f"A1:{last}{rows + 1}"
        with atomic_output(outdir / "discrepancies.xlsx") as xlsx_tmp:
            workbook.save(xlsx_tmp)
    return rows
