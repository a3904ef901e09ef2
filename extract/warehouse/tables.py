"""The warehouse tables: one per record part, their key columns and model columns.

Every table but `document_paths` and `load_runs` is keyed by ``doc_key``, the record's
identity ``<sha256>:<reader>:<part index>`` (``path:<path>:<part>`` for a file that could not
be hashed; part index 1 for a file holding one form). Model columns come from
`columns.columns_of` over the pydantic models, so a field added to a model is a column here.

| table | one row per | from |
| --- | --- | --- |
| documents | record | Record (scalars), Source, FormInfo; `rules` as JSON |
| fields_<type> | record of that form type | FIELDS_MODELS[type], composites left out |
| <composite> (funds, indicators) | item of a list / row of a rows block | the item models of all forms, one union table |
| amounts | amount anywhere in `fields` (long form) | Amount, keyed by its dotted field path |
| checkboxes | option of a box group | CheckboxGroup + CheckboxOption |
| discrepancies, evidence | discrepancy, quoted evidence | Discrepancy (+ its rule's version), Evidence |
| read_errors | error item | ErrorItem |
| sections | section or subsection | Section (with parent position and depth) |
| provenance | provenance entry | ProvenanceEntry, keyed by its dotted field path |
| document_paths | path a file was seen under | records' paths and summary.json run.duplicate_paths |
| load_runs | `jixiao load` run | lineage: versions, rules, settings, counts |
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.warehouse.columns import Column, Composite, columns_of, composites, union_columns
from schemas.checkbox import CheckboxGroup, CheckboxOption
from schemas.discrepancy import Discrepancy, Evidence
from schemas.fields import Amount
from schemas.forms import FIELDS_MODELS
from schemas.record import ErrorItem, ProvenanceEntry, Record
from schemas.section import Section

DOC_KEY = Column("doc_key", "text")
FORM_TYPE = Column("form_type", "text")
POSITION = Column("position", "int")
RECORD_EXCLUDED = frozenset({"fields", "provenance"})  # their own tables


@dataclass(frozen=True)
class Table:
    """A table: key columns (set by the row builder), model columns (read by path), primary key."""

    name: str
    keys: tuple[Column, ...]
    columns: tuple[Column, ...] = ()
    primary_key: tuple[str, ...] = ()
    by_doc: bool = True  # keyed by doc_key: replaced with its document
    models: tuple[type, ...] = field(default=(), compare=False)

    @property
    def all_columns(self) -> tuple[Column, ...]:
        """Key columns then model columns."""
        return self.keys + self.columns


def fields_table_name(form_type: str) -> str:
    """fields_monitoring, fields_self_evaluation, …"""
    return f"fields_{form_type}"


def form_composites() -> dict[str, tuple[str, tuple[type, ...]]]:
    """{composite name: (shape, item models of every form that has it)}."""
    found: dict[str, tuple[str, list[type]]] = {}
    for model in FIELDS_MODELS.values():
        for comp in composites(model):
            shape, models = found.setdefault(comp.name, (comp.shape, []))
            if shape != comp.shape:
                raise TypeError(f"{comp.name} is a {shape} in one form and a {comp.shape} in another")
            models += [m for m in comp.models if m not in models]
    return {name: (shape, tuple(models)) for name, (shape, models) in found.items()}


def _composite_table(name: str, shape: str, models: tuple[type, ...]) -> Table:
    if shape == "rows":
        keys: tuple[Column, ...] = (DOC_KEY, FORM_TYPE, Column("row", "text"), POSITION)
        return Table(name, keys, tuple(union_columns(models)), ("doc_key", "row", "position"), models=models)
    keys = (DOC_KEY, FORM_TYPE, POSITION)
    return Table(name, keys, tuple(union_columns(models)), ("doc_key", "position"), models=models)


def _build() -> dict[str, Table]:
    doc_keys = (DOC_KEY, Column("file_key", "text"), Column("part_index", "int"),
                Column("record_hash", "text"), Column("load_id", "text"))
    tables = [Table("documents", doc_keys, tuple(columns_of(Record, exclude=RECORD_EXCLUDED)),
                    ("doc_key",), models=(Record,))]
    tables += [Table(fields_table_name(form_type), (DOC_KEY,), tuple(columns_of(model)), ("doc_key",),
                     models=(model,)) for form_type, model in FIELDS_MODELS.items()]
    tables += [_composite_table(name, shape, models) for name, (shape, models) in form_composites().items()]
    field_path = Column("field", "text")
    tables += [
        Table("amounts", (DOC_KEY, FORM_TYPE, field_path), tuple(columns_of(Amount)), ("doc_key", "field"),
              models=(Amount,)),
        Table("checkboxes", (DOC_KEY, Column("group_position", "int"), Column("option_position", "int")),
              tuple(columns_of(CheckboxGroup, path=("group",)) + columns_of(CheckboxOption, path=("option",))),
              ("doc_key", "group_position", "option_position"), models=(CheckboxGroup, CheckboxOption)),
        Table("discrepancies", (DOC_KEY, POSITION, Column("rule_version", "text")),
              tuple(columns_of(Discrepancy)), ("doc_key", "position"), models=(Discrepancy,)),
        Table("evidence", (DOC_KEY, Column("discrepancy_position", "int"), POSITION),
              tuple(columns_of(Evidence)), ("doc_key", "discrepancy_position", "position"), models=(Evidence,)),
        Table("read_errors", (DOC_KEY, POSITION), tuple(columns_of(ErrorItem)), ("doc_key", "position"),
              models=(ErrorItem,)),
        Table("sections", (DOC_KEY, POSITION, Column("parent_position", "int"), Column("depth", "int")),
              tuple(columns_of(Section)), ("doc_key", "position"), models=(Section,)),
        Table("provenance", (DOC_KEY, field_path), tuple(columns_of(ProvenanceEntry)), ("doc_key", "field"),
              models=(ProvenanceEntry,)),
        Table("document_paths", (Column("file_key", "text"), Column("path", "text"),
                                 Column("first_path", "text"), Column("load_id", "text")),
              primary_key=("file_key", "path"), by_doc=False),
        Table("load_runs", tuple(Column(name, kind) for name, kind in LOAD_RUN_COLUMNS),
              primary_key=("load_id",), by_doc=False),
    ]
    return {table.name: table for table in tables}


LOAD_RUN_COLUMNS = (
    ("load_id", "text"), ("started_at", "timestamp"), ("finished_at", "timestamp"),
    ("outdir", "text"), ("target", "text"), ("jixiao_version", "text"), ("schema_version", "text"),
    ("record_jixiao_versions", "json"), ("run_ids", "json"), ("rules", "json"), ("settings", "json"),
    ("records", "bigint"), ("inserted", "bigint"), ("replaced", "bigint"), ("unchanged", "bigint"),
    ("rejected", "bigint"), ("paths_added", "bigint"), ("rows_written", "bigint"),
    ("rows_deleted", "bigint"), ("counts", "json"),
)

TABLES: dict[str, Table] = _build()
DOC_TABLES: tuple[Table, ...] = tuple(t for t in TABLES.values() if t.by_doc)
COMPOSITE_NAMES: tuple[str, ...] = tuple(form_composites())

__all__ = ["COMPOSITE_NAMES", "DOC_TABLES", "TABLES", "Composite", "Table", "fields_table_name"]
