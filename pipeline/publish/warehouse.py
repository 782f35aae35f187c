"""One DuckDB database with every published table: typed columns, primary and foreign
keys, and table and column comments from the schemas' descriptions."""

from pathlib import Path

import duckdb

from pipeline.io import writer
from schemas.catalog import TABLES, Table
from schemas.codebook import columns

DATABASE = "dprk_russia.duckdb"
SQL_TYPES = {
    "date": "DATE",
    "integer": "BIGINT",
    "boolean": "BOOLEAN",
    "string": "VARCHAR",
    "list": "VARCHAR[]",
}
VIEWS = {
    "cited_sources": "select c.table_name, c.row_id, s.* from citations c join sources s "
    "using (source_id)",
}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(table: Table) -> str:
    lines = []
    for column in columns(table):
        null = " NOT NULL" if column.required or column.name in table.primary_key else ""
        lines.append(f'"{column.name}" {SQL_TYPES[column.type]}{null}')
    lines.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.primary_key) + ")")
    for column in columns(table):
        if column.references and column.type != "list":
            other, field = column.references.split(".")
            lines.append(f'FOREIGN KEY ("{column.name}") REFERENCES "{other}" ("{field}")')
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(lines) + "\n)"


def _ordered(tables: list[Table]) -> list[Table]:
    """Referenced tables first, so foreign keys can be declared."""
    done: list[Table] = []
    names = {t.name for t in tables}

    def visit(table: Table) -> None:
        if table in done:
            return
        for column in columns(table):
            if column.references and column.type != "list":
                other = column.references.split(".")[0]
                if other in names and other != table.name:
                    visit(TABLES[other])
        done.append(table)

    for table in tables:
        visit(table)
    return done


def write_database(processed_dir: Path) -> Path:
    target = processed_dir / DATABASE
    with writer.atomic_path(target) as tmp:
        tmp.unlink()  # DuckDB creates the file itself
        with duckdb.connect(str(tmp)) as con:
            for table in _ordered(list(TABLES.values())):
                con.execute(create_table_sql(table))
                parquet = (processed_dir / f"{table.name}.parquet").as_posix()
                con.execute(f'INSERT INTO "{table.name}" SELECT * FROM read_parquet(?)', [parquet])
                con.execute(f'COMMENT ON TABLE "{table.name}" IS {_quote(table.description)}')
                for column in columns(table):
                    con.execute(
                        f'COMMENT ON COLUMN "{table.name}"."{column.name}" IS '
                        f"{_quote(column.description)}"
                    )
            for view, sql in VIEWS.items():
                con.execute(f'CREATE VIEW "{view}" AS {sql}')
    return target
