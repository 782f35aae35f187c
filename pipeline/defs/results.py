"""What assets tell Dagster: published files and their hashes (which the rebuild rule
checks), rows, columns and failures (which the UI shows)."""

import hashlib
from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline.project import Project
from pipeline.publish import tables
from pipeline.rebuild import OUTPUT_HASHES, OUTPUTS
from pipeline.validation import Failure
from schemas.catalog import Table
from schemas.codebook import columns

FAILURE_COLUMNS = [
    "file",
    "line",
    "row_id",
    "column",
    "check_title",
    "value",
    "allowed",
    "suggestion",
]
SHOWN_FAILURES = 200


def declared_outputs(*paths: Path) -> dict:
    """Definition metadata: the files an asset publishes (the rebuild rule checks them)."""
    return {OUTPUTS: dg.MetadataValue.json([str(p) for p in paths])}


def output_hashes(paths) -> dict:
    """Materialization metadata: what was written, so later drift can be detected."""
    hashes = {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}
    return {OUTPUT_HASHES: dg.MetadataValue.json(hashes)}


def column_schema(table: Table) -> dict:
    return {
        "dagster/column_schema": dg.TableSchema(
            columns=[
                dg.TableColumn(c.name, c.type, description=c.description) for c in columns(table)
            ]
        )
    }


def table_metadata(table: Table, frame: pd.DataFrame, shown_paths: list[str]) -> dict:
    return {"dagster/row_count": len(frame), "published": shown_paths, **column_schema(table)}


def failure_table(failures: list[Failure]) -> dg.MetadataValue:
    schema = dg.TableSchema(
        columns=[dg.TableColumn(c, "int" if c == "line" else "string") for c in FAILURE_COLUMNS]
    )
    records = [
        dg.TableRecord(
            {
                c: ("" if getattr(f, c) is None else getattr(f, c))
                if c != "line"
                else (f.line or 0)
                for c in FAILURE_COLUMNS
            }
        )
        for f in failures[:SHOWN_FAILURES]
    ]
    return dg.MetadataValue.table(records=records, schema=schema)


def output_paths(project: Project, name: str) -> list:
    return [project.processed_dir / f"{name}.parquet", project.processed_dir / f"{name}.csv"]


def publish(project: Project, table: Table, frame: pd.DataFrame) -> dg.MaterializeResult:
    """Write a table and describe it to Dagster: its data version is the CSV's hash."""
    written = tables.write(project.processed_dir, table, frame.reset_index(drop=True))
    csv_hash = written[str(project.processed_dir / f"{table.name}.csv")]
    return dg.MaterializeResult(
        data_version=dg.DataVersion(csv_hash),
        metadata={
            **table_metadata(table, frame, [project.shown(p) for p in map(Path, written)]),
            **output_hashes(written),
        },
    )
