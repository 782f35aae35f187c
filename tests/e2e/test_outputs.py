"""The outputs as a data team uses them: readable files, typed Parquet, a DuckDB database
with keys and comments, and a Data Package that `frictionless validate` accepts."""

import stat
import subprocess
import sys

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from schemas.catalog import TABLES
from schemas.codebook import columns

pytestmark = pytest.mark.slow


def published_files(project):
    folders = [project.processed_dir, project.report_output_dir]
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_every_published_file_is_readable_by_group_and_others(built_project):
    files = published_files(built_project)
    assert len(files) > 30
    for path in files:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o044 == 0o044, f"{path} is {oct(mode)}"


def test_parquet_types_follow_the_models(built_project):
    for table in TABLES.values():
        schema = pq.read_schema(built_project.processed_dir / f"{table.name}.parquet")
        assert schema.names == table.columns, table.name
        for column in columns(table):
            kind = str(schema.field(column.name).type)
            expected = {
                "date": "date32[day]",
                "integer": "int64",
                "boolean": "bool",
                "string": "string",
                "list": "list<element: string>",
            }[column.type]
            assert kind == expected, (table.name, column.name, kind)
    imo_columns = [
        (t, c)
        for t in TABLES.values()
        for c in columns(t)
        if "imo" in c.name and "check_digit" not in c.name
    ]
    assert imo_columns and all(c.type == "string" for _, c in imo_columns)
    frame = pd.read_parquet(built_project.processed_dir / "shipments.parquet")
    assert frame["claim_date"].map(type).eq(type(pd.Timestamp("2024-01-01").date())).all()
    assert isinstance(frame.loc[0, "source_ids"][0], str)


def test_duckdb_has_types_keys_and_comments(built_project):
    path = built_project.processed_dir / "dprk_russia.duckdb"
    with duckdb.connect(str(path), read_only=True) as con:
        types = dict(
            con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_name = 'shipments'"
            ).fetchall()
        )
        assert types["claim_date"] == "DATE" and types["quantity_low"] == "BIGINT"
        assert types["source_ids"] == "VARCHAR[]" and types["vessel_imo"] == "VARCHAR"
        constraints = con.execute(
            "select table_name, constraint_type from duckdb_constraints()"
        ).fetchall()
        assert ("shipments", "PRIMARY KEY") in constraints
        assert ("citations", "FOREIGN KEY") in constraints
        comment = con.execute(
            "select comment from duckdb_columns() where table_name = "
            "'shipments' and column_name = 'claimant'"
        ).fetchone()[0]
        assert comment == "Who asserts the claim (not the outlet that reports it)."
        assert con.execute(
            "select comment from duckdb_tables() where table_name = 'sanctions'"
        ).fetchone()[0]
        cited = con.execute("select count(*) from cited_sources").fetchone()[0]
        assert cited == con.execute("select count(*) from citations").fetchone()[0]
        empty = con.execute("select count(*) from ofac_sdn").fetchone()[0]
        assert empty == 0  # no snapshot shipped: a typed, empty table
        ofac_types = dict(
            con.execute(
                "select column_name, data_type from information_schema."
                "columns where table_name = 'ofac_sdn'"
            ).fetchall()
        )
        assert ofac_types["first_seen"] == "DATE" and ofac_types["ent_num"] == "BIGINT"


def test_the_data_package_validates_with_frictionless(built_project):
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "frictionless",
            "validate",
            "--json",
            str(built_project.processed_dir / "datapackage.json"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert process.returncode == 0, process.stdout[-4000:] + process.stderr[-2000:]
    import json

    package = json.loads((built_project.processed_dir / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] and package["created"] and package["contributors"]
    assert package["sources"] and {r["name"] for r in package["resources"]} == set(TABLES)
