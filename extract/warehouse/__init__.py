"""Into a database: the records of a batch OUTDIR as relational tables (DuckDB, PostgreSQL).

`tables` derives the tables from the pydantic models (`columns`), `ddl` writes them as SQL
per dialect, `rows` turns one record into its rows, `backends` speaks to the databases and
`loader` streams records.jsonl into them, idempotently, keyed by each record's identity.
"""
