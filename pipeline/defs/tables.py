"""processed/<table>: each curated table, published as typed Parquet and CSV once its
checks passed (a table that failed them never reaches this step)."""

import dagster as dg
import pandas as pd

from pipeline.defs.keys import processed_key, validated_key
from pipeline.defs.results import declared_outputs, output_paths, publish
from pipeline.project import Project
from pipeline.versions import code_version_of
from schemas.catalog import RAW_TABLES, Table


def build_processed(project: Project, table: Table):
    @dg.asset(
        key=processed_key(table.name),
        ins={"validated": dg.AssetIn(validated_key(table.name))},
        group_name="processed",
        kinds={"parquet", "csv"},
        code_version=code_version_of(build),
        description=f"processed/{table.name}.parquet and .csv: {table.description}",
        metadata=declared_outputs(*output_paths(project, table.name)),
    )
    def processed(context: dg.AssetExecutionContext, validated: pd.DataFrame):
        return publish(project, table, validated)

    return processed


def build(project: Project) -> list:
    return [build_processed(project, table) for table in RAW_TABLES.values()]
