"""Connections to the databases a load writes into: DuckDB (embedded) and PostgreSQL.

`connect(url)` takes ``duckdb:///abs/path.duckdb`` (``duckdb://rel/path.duckdb`` relative,
``duckdb:///:memory:``) or ``postgresql://user@host:port/db`` (``postgres://`` too). Both
backends take SQL with ``?`` placeholders (rewritten to ``%s`` for psycopg), run a block of
statements in one transaction (`transaction`), and never see a float for money: Decimal in,
numeric out. DuckDB ships with jixiao; PostgreSQL needs ``pip install 'jixiao[postgres]'``
(psycopg 3).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from extract.warehouse.ddl import quote, schema_statements
from extract.warehouse.tables import Table


class BackendError(Exception):
    """A database URL jixiao cannot use, or a driver that is not installed."""


class Backend:
    """A database connection: `execute`, `executemany`, `query`, `transaction`, `close`."""

    dialect = ""
    target = ""

    def __init__(self, connection: Any, target: str) -> None:
        self.connection = connection
        self.target = target

    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement."""
        self.connection.execute(self._sql(sql), list(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for every row."""
        if rows:  # on the connection itself: a DuckDB cursor is a connection of its own
            self.connection.executemany(self._sql(sql), [list(row) for row in rows])

    def insert_rows(self, table: Table, rows: Sequence[Sequence[Any]]) -> None:
        """INSERT every row of `table` (values in `table.all_columns` order)."""
        columns = table.all_columns
        self.executemany(f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
                         f"VALUES ({', '.join('?' * len(columns))})", rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query."""
        return list(self.connection.execute(self._sql(sql), list(params)).fetchall())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all."""
        self.connection.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def create_schema(self) -> None:
        """Create the warehouse tables that do not exist yet."""
        with self.transaction():
            for statement in schema_statements(self.dialect):
                self.connection.execute(statement)

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


class DuckDBBackend(Backend):
    """An embedded DuckDB file. Rows are inserted as one Arrow table per statement (DuckDB's
    row-by-row ``executemany`` costs milliseconds a row); the Arrow types are the columns'
    own (decimal128 for money), so no value passes through a float."""

    dialect = "duckdb"

    def insert_rows(self, table: Table, rows: Sequence[Sequence[Any]]) -> None:
        """INSERT every row of `table` at once."""
        if not rows:
            return
        import pyarrow as pa

        columns = table.all_columns
        arrays = [pa.array([row[i] for row in rows], type=arrow_type(c.kind)) for i, c in enumerate(columns)]
        batch = pa.Table.from_arrays(arrays, names=[c.name for c in columns])
        self.connection.register("jixiao_rows", batch)
        try:
            self.connection.execute(f"INSERT INTO {quote(table.name)} SELECT * FROM jixiao_rows")
        finally:
            self.connection.unregister("jixiao_rows")


def arrow_type(kind: str) -> Any:
    """The Arrow type of a column kind."""
    import pyarrow as pa

    return {
        "text": pa.string(), "bool": pa.bool_(), "int": pa.int32(), "bigint": pa.int64(),
        "float": pa.float64(), "date": pa.date32(), "money": pa.decimal128(18, 2),
        "decimal": pa.decimal128(18, 4), "text_list": pa.list_(pa.string()), "json": pa.string(),
        "timestamp": pa.timestamp("us", tz="UTC"),
    }[kind]


class PostgresBackend(Backend):
    """A PostgreSQL server through psycopg 3 (autocommit; transactions are explicit)."""

    dialect = "postgresql"

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for every row (psycopg pipelines them)."""
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(self._sql(sql), [list(row) for row in rows])


def _duckdb(url: str) -> Backend:
    import duckdb

    parts = urlsplit(url)
    path = (parts.netloc + parts.path) if parts.netloc else parts.path
    if path.startswith("/:memory:"):
        path = ":memory:"
    if not path:
        raise BackendError(f"DuckDB URL without a file: {url} (duckdb:///path/audit.duckdb)")
    try:
        return DuckDBBackend(duckdb.connect(path), f"duckdb:{path}")
    except duckdb.Error as exc:
        raise BackendError(f"cannot open {path}: {exc}") from exc


def _postgres(url: str) -> Backend:
    try:
        import psycopg
    except ImportError as exc:
        raise BackendError("PostgreSQL needs psycopg 3: pip install 'jixiao[postgres]'") from exc
    parts = urlsplit(url)
    try:
        connection = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise BackendError(f"cannot connect to PostgreSQL at {parts.hostname}: {exc}") from exc
    return PostgresBackend(connection, f"postgresql://{parts.hostname or ''}:{parts.port or ''}{parts.path}")


def connect(url: str) -> Backend:
    """A backend for `url` (see the module docstring)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "duckdb":
        return _duckdb(url)
    if scheme in ("postgresql", "postgres"):
        return _postgres(url)
    raise BackendError(f"unsupported database URL {url!r}: use duckdb:///PATH or postgresql://…")
