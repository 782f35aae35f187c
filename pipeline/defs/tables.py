"""processed/<table>: each curated table, published as typed Parquet and CSV once its
checks passed (a table that failed them never reaches this step)."""

from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline.defs.metadata import declared_outputs, output_hashes, table_metadata
from pipeline.defs.validation import validated_key
from pipeline.project import Project
from pipeline.publish import tables
from pipeline.versions import code_version_of
from schemas.catalog import RAW_TABLES, TABLES, Table


def processed_key(table: str) -> dg.AssetKey:
    """The asset that publishes a catalog table: marts/<name> for analysis tables,
    processed/<name> for the rest."""
    return dg.AssetKey(["marts" if TABLES[table].kind == "analysis" else "processed", table])


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


def build_processed(project: Project, table: Table):
    @dg.asset(
        key=processed_key(table.name),
        ins={"validated": dg.AssetIn(validated_key(table.name))},
        group_name="processed",
        kinds={"parquet", "csv"},
        code_version=code_version_of(publish),
        description=f"processed/{table.name}.parquet and .csv: {table.description}",
        metadata=declared_outputs(*output_paths(project, table.name)),
    )
    def processed(context: dg.AssetExecutionContext, validated: pd.DataFrame):
        return publish(project, table, validated)

    return processed


def build(project: Project) -> list:
    return [build_processed(project, table) for table in RAW_TABLES.values()]
