"""The warehouse DDL follows the models: every model field has a column (or a table of its
own), money and scores are fixed-point, and both dialects' scripts run."""

from __future__ import annotations

import types
import typing

import duckdb
import pytest
from pydantic import BaseModel

from extract.warehouse.ddl import schema_sql
from extract.warehouse.tables import TABLES, fields_table_name
from schemas.checkbox import CheckboxGroup, CheckboxOption
from schemas.discrepancy import Discrepancy, Evidence
from schemas.fields import Amount
from schemas.forms import FIELDS_MODELS
from schemas.record import ErrorItem, ProvenanceEntry, Record
from schemas.section import Section


def _inner(annotation):
    """The annotation without Optional / Annotated."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) > 1:
                return args
            annotation = args[0]
        else:
            return annotation


def _is_model(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def leaves(model: type[BaseModel], prefix: str = "", own_tables=()):
    """("column", name) for every scalar leaf reachable without crossing a list of models or
    a block of rows (flat nested models prefixed, tuples as _first/_last or _0.._n); ("table",
    field) for those that must be tables of their own."""
    for name, info in model.model_fields.items():
        if name in own_tables:
            yield "table", name
            continue
        tp = _inner(info.annotation)
        item = typing.get_args(tp)[0] if typing.get_origin(tp) is list else None
        if item is not None and _is_model(_inner(item)):
            yield ("table", name) if not prefix else ("column", f"{prefix}{name}")
        elif _is_model(tp) and all(_is_model(_inner(f.annotation)) or typing.get_origin(_inner(f.annotation)) is list
                                   for f in tp.model_fields.values()):
            yield "table", name
        elif _is_model(tp):
            yield from leaves(tp, f"{prefix}{name}_")
        elif typing.get_origin(tp) is tuple:
            n = len(typing.get_args(tp))
            for suffix in ("first", "last") if n == 2 else map(str, range(n)):
                yield "column", f"{prefix}{name}_{suffix}"
        else:
            yield "column", f"{prefix}{name}"


def _columns(table: str) -> set[str]:
    return {c.name for c in TABLES[table].all_columns}


def _assert_covered(model, table, own_tables=()):
    columns = _columns(table)
    for kind, name in leaves(model, "", own_tables):
        if kind == "table":
            assert name in own_tables or name in TABLES, (model.__name__, name)
        else:
            assert name in columns, (table, name)


def test_every_field_of_every_form_model_has_a_column():
    for form_type, model in FIELDS_MODELS.items():
        _assert_covered(model, fields_table_name(form_type))
        for name, info in model.model_fields.items():
            tp = _inner(info.annotation)
            if typing.get_origin(tp) is list:  # indicators: the item's fields in the list table
                _assert_covered(_inner(typing.get_args(tp)[0]), name)
            elif _is_model(tp) and name in TABLES:  # funds: every row model's fields
                for row in tp.model_fields.values():
                    row_tp = _inner(row.annotation)
                    row_model = _inner(typing.get_args(row_tp)[0]) if typing.get_origin(row_tp) is list else row_tp
                    _assert_covered(row_model, name)


def test_every_field_of_the_record_parts_has_a_column():
    _assert_covered(Record, "documents", own_tables=("fields", "errors", "checkboxes", "sections",
                                                     "discrepancies", "provenance"))
    for model, table in ((Amount, "amounts"), (CheckboxGroup, "checkboxes"), (CheckboxOption, "checkboxes"),
                         (Discrepancy, "discrepancies"), (Evidence, "evidence"), (ErrorItem, "read_errors"),
                         (Section, "sections"), (ProvenanceEntry, "provenance")):
        _assert_covered(model, table, own_tables=("options", "evidence", "subsections"))


def test_a_field_added_to_a_model_becomes_a_column():
    from extract.warehouse.columns import columns_of

    class Extended(FIELDS_MODELS["self_evaluation"]):
        audit_note: str | None = None
        audit_fee: Amount | None = None

    names = {c.name: c.kind for c in columns_of(Extended)}
    assert names["audit_note"] == "text" and names["audit_fee_yuan"] == "money"


def test_money_scores_and_dates_have_fixed_types():
    kinds = {(t.name, c.name): c.kind for t in TABLES.values() for c in t.all_columns}
    assert kinds[("fields_monitoring", "annual_budget_yuan")] == "money"
    assert kinds[("fields_monitoring", "execution_progress_pct")] == "decimal"
    assert kinds[("fields_monitoring", "tracking_period_start")] == "date"
    assert kinds[("indicators", "score")] == kinds[("funds", "rate_pct")] == "decimal"
    assert kinds[("amounts", "yuan")] == "money"
    assert "float" not in {kind for (table, column), kind in kinds.items() if table != "provenance"}
    pg, duck = schema_sql("postgresql"), schema_sql("duckdb")
    assert '"annual_budget_yuan" numeric(18,2)' in pg and '"annual_budget_yuan" DECIMAL(18,2)' in duck


def test_the_duckdb_script_runs_twice():
    connection = duckdb.connect()
    connection.execute(schema_sql("duckdb"))
    connection.execute(schema_sql("duckdb"))  # IF NOT EXISTS: a second run is harmless
    tables = {row[0] for row in connection.execute("SHOW TABLES").fetchall()}
    assert tables == set(TABLES)


def test_the_postgresql_script_runs(postgres_db):
    import psycopg

    with psycopg.connect(postgres_db, autocommit=True) as connection:
        connection.execute(schema_sql("postgresql"))
        rows = connection.execute("SELECT table_name FROM information_schema.tables "
                                  "WHERE table_schema = 'public'").fetchall()
    assert {row[0] for row in rows} == set(TABLES)


def test_unknown_dialect_is_refused():
    with pytest.raises(ValueError, match="unknown SQL dialect"):
        schema_sql("oracle")
