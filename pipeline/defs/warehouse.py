"""processed/warehouse: the DuckDB database and the Data Package over every published table."""

from datetime import UTC, datetime

import dagster as dg

from pipeline.defs.keys import WAREHOUSE_KEY, processed_key
from pipeline.defs.results import declared_outputs, output_hashes
from pipeline.io import writer
from pipeline.project import Project
from pipeline.publish import datapackage, warehouse
from pipeline.versions import code_version_of, files_version
from schemas.catalog import TABLES

DATAPACKAGE = "datapackage.json"


def write(project: Project) -> list:
    database = warehouse.write_database(project.processed_dir)
    package = project.processed_dir / DATAPACKAGE
    writer.write_json(
        package, datapackage.descriptor(datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    )
    return [database, package]


def build(project: Project) -> list:
    outputs = [project.processed_dir / warehouse.DATABASE, project.processed_dir / DATAPACKAGE]

    @dg.asset(
        key=WAREHOUSE_KEY,
        deps=[processed_key(name) for name in TABLES],
        group_name="processed",
        kinds={"duckdb", "json"},
        code_version=code_version_of(build),
        description=f"processed/{warehouse.DATABASE} (every published table with its keys and "
        f"comments) and processed/{DATAPACKAGE} (a Frictionless Data Package).",
        metadata=declared_outputs(*outputs),
    )
    def warehouse_asset(context: dg.AssetExecutionContext):
        written = write(project)
        tables_csv = [project.processed_dir / f"{n}.csv" for n in TABLES]
        return dg.MaterializeResult(
            data_version=dg.DataVersion(files_version(tables_csv)),
            metadata={"tables": list(TABLES), **output_hashes(written)},
        )

    return [warehouse_asset]
