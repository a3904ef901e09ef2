"""The tables of a batch run: fields.csv + fields.parquet (one row per monitoring-form
document, and per document of no recognised form), fields-<type>.csv/.parquet per other form
type, the long tables indicators.csv/.parquet and funds.csv/.parquet (`family`), and
discrepancies.csv + discrepancies.xlsx (one row per discrepancy of every form, errors first).

All four are built by streaming the store through `StoreIndex` (one record in memory at a
time; Parquet in row batches; the workbook in openpyxl's write_only mode), written to a
temp file and renamed into place. Text cells pass through `safety` (formula
neutralisation); amounts stay decimals: Parquet decimal128, CSV plain decimal strings.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from extract.outputs.family import (
    FAMILY_TYPES,
    FUNDS,
    INDICATORS,
    MONITORING,
    fields_schema,
    flatten_form,
    long_rows,
    long_schema,
)
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
    "count": pa.int32(),
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
            if entry.form_type in (None, MONITORING):
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


def write_table(index: StoreIndex, stem: str, columns: list[tuple[str, str]],
                rows: Callable[[], Iterator[dict[str, Any]]]) -> None:
    """<stem>.csv and <stem>.parquet from `rows` (called once per file), typed by `columns`."""
    names = [name for name, _ in columns]
    schema = pa.schema([pa.field(name, ARROW_TYPES[kind]) for name, kind in columns])
    outdir = index.path.parent
    with atomic_output(outdir / f"{stem}.csv") as tmp, tmp.open("w", encoding=CSV_ENCODING, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(names)
        for row in rows():
            writer.writerow([csv_text(row.get(name)) for name in names])
    with atomic_output(outdir / f"{stem}.parquet") as tmp, pq.ParquetWriter(tmp, schema) as parquet:
        batch: list[dict[str, Any]] = []
        for row in rows():
            batch.append(row)
            if len(batch) >= PARQUET_BATCH_ROWS:
                parquet.write_batch(_batch(batch, names, schema))
                batch = []
        if batch:
            parquet.write_batch(_batch(batch, names, schema))


def _batch(rows: list[dict[str, Any]], names: list[str], schema: pa.Schema) -> pa.RecordBatch:
    return pa.RecordBatch.from_pydict({name: [row.get(name) for row in rows] for name in names}, schema=schema)


def write_family_tables(index: StoreIndex) -> None:
    """fields-<type> for each form type the store holds (beyond the monitoring form), and the
    long tables indicators and funds (always written, header only when no form has them)."""
    present = {entry.form_type for entry in index.entries}
    for form_type in FAMILY_TYPES:
        if form_type in present:
            write_table(index, f"fields-{form_type}", fields_schema(form_type), partial(_form_rows, index, form_type))
    for table in (INDICATORS, FUNDS):
        write_table(index, table, long_schema(table), partial(_long_rows, index, table))


def _form_rows(index: StoreIndex, form_type: str) -> Iterator[dict[str, Any]]:
    with index.reader() as fh:
        for entry in index.entries:
            if entry.form_type == form_type:
                yield flatten_form(index.record_at(fh, entry), form_type)


def _long_rows(index: StoreIndex, table: str) -> Iterator[dict[str, Any]]:
    with index.reader() as fh:
        for entry in index.entries:
            if entry.form_type in FAMILY_TYPES:
                yield from long_rows(index.record_at(fh, entry), table)


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
