"""The SQL of the warehouse tables per dialect (`jixiao schema --sql postgresql|duckdb`).

Generated from `tables.TABLES`, which derives from the same pydantic models as the JSON
Schema: money is ``numeric(18,2)`` / ``DECIMAL(18,2)``, percents and scores ``(18,4)``,
dates are dates, never a float for a figure read from a form. Identifiers are quoted, so a
model field named like an SQL keyword (``row``, ``text``) is still a plain column.
"""

from __future__ import annotations

from extract.warehouse.tables import TABLES, Table

DIALECTS = ("postgresql", "duckdb")

TYPES: dict[str, dict[str, str]] = {
    "postgresql": {
        "text": "text", "bool": "boolean", "int": "integer", "bigint": "bigint",
        "float": "double precision", "date": "date", "money": "numeric(18,2)",
        "decimal": "numeric(18,4)", "text_list": "text[]", "json": "jsonb",
        "timestamp": "timestamptz",
    },
    "duckdb": {
        "text": "VARCHAR", "bool": "BOOLEAN", "int": "INTEGER", "bigint": "BIGINT",
        "float": "DOUBLE", "date": "DATE", "money": "DECIMAL(18,2)", "decimal": "DECIMAL(18,4)",
        "text_list": "VARCHAR[]", "json": "JSON", "timestamp": "TIMESTAMPTZ",
    },
}


def quote(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def create_table(table: Table, dialect: str) -> str:
    """CREATE TABLE IF NOT EXISTS for one table."""
    types = TYPES[dialect]
    lines = [f"  {quote(c.name)} {types[c.kind]}" + (" NOT NULL" if c.name in table.primary_key else "")
             for c in table.all_columns]
    if table.primary_key:
        lines.append(f"  PRIMARY KEY ({', '.join(map(quote, table.primary_key))})")
    return f"CREATE TABLE IF NOT EXISTS {quote(table.name)} (\n" + ",\n".join(lines) + "\n);"


def schema_statements(dialect: str) -> list[str]:
    """Every CREATE statement of the warehouse, in table order."""
    if dialect not in TYPES:
        raise ValueError(f"unknown SQL dialect {dialect!r}: one of {', '.join(DIALECTS)}")
    statements = [create_table(table, dialect) for table in TABLES.values()]
    statements += [f"CREATE INDEX IF NOT EXISTS {quote('documents_' + column)} ON {quote('documents')} "
                   f"({quote(column)});" for column in ("file_key", "source_path")]
    return statements


def schema_sql(dialect: str) -> str:
    """The whole DDL as one script."""
    from schemas.record import SCHEMA_VERSION

    head = f"-- jixiao warehouse schema, record schema version {SCHEMA_VERSION}, dialect {dialect}\n"
    return head + "\n\n".join(schema_statements(dialect)) + "\n"
