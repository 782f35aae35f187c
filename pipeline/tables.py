"""Per table: read + validate (with its blocking schema check), then publish to processed/.

Both asset kinds are built from the one registry of tables in schemas/.
"""

from typing import NamedTuple

import dagster as dg
import pandas as pd

from pipeline import checks
from pipeline.automation import DOWNSTREAM_CONDITION
from pipeline.failure_report import record_failures
from pipeline.metadata import frame_metadata, published
from pipeline.project import Project
from pipeline.sources import raw_key
from pipeline.validation import Failure, load_table
from pipeline.versions import code_version, file_version
from schemas import TABLES, Table

VALIDATE_CODE = code_version("schemas", "pipeline/validation.py", "pipeline/checks.py")
PUBLISH_CODE = code_version("pipeline/publish.py", "pipeline/tables.py", "pipeline/metadata.py")


class ValidatedTable(NamedTuple):
    frame: pd.DataFrame | None
    failures: list[Failure]


def validated_key(name: str) -> dg.AssetKey:
    return dg.AssetKey(["validated", name])


def processed_key(name: str) -> dg.AssetKey:
    return dg.AssetKey(["processed", name])


def build_validated_asset(project: Project, table: Table):
    path = project.raw_dir / table.raw_file
    key = validated_key(table.name)

    @dg.asset(
        key=key,
        deps=[raw_key(table.name)],
        group_name="validated",
        kinds={"pandas", "pandera"},
        code_version=VALIDATE_CODE,
        description=f"raw/{table.raw_file} read with the schema's dtypes and validated by "
        f"the {table.model.__name__} Pandera model; rows keep their file line numbers.",
        check_specs=checks.check_specs(table, key),
        automation_condition=DOWNSTREAM_CONDITION,
    )
    def validated(context: dg.AssetExecutionContext):
        frame, failures = load_table(table, path, project.shown(path))
        record_failures(project.validation_dir, f"schema-{table.name}", failures)
        metadata = {"failures": len(failures), "file": project.shown(path)}
        if frame is not None:
            metadata |= frame_metadata(frame.reset_index(drop=True), table.model)
        yield dg.Output(
            ValidatedTable(frame, failures),
            data_version=dg.DataVersion(file_version(path)),
            metadata=metadata,
        )
        yield from checks.evaluate(project, table, frame, failures)

    return validated


def build_processed_asset(project: Project, table: Table):
    @dg.asset(
        key=processed_key(table.name),
        ins={"validated": dg.AssetIn(validated_key(table.name))},
        group_name="processed",
        kinds={"parquet", "csv"},
        code_version=PUBLISH_CODE,
        description=f"processed/{table.name}.parquet and .csv: the validated table, "
        "written atomically once its blocking checks pass.",
        automation_condition=DOWNSTREAM_CONDITION,
    )
    def processed(context: dg.AssetExecutionContext, validated: ValidatedTable):
        if validated.frame is None or validated.failures:
            # Defence in depth: blocking checks already hold this step back.
            raise dg.Failure(f"{table.name} did not validate; processed/ left unchanged")
        return published(project, table.name, validated.frame.reset_index(drop=True), table.model)

    return processed


def build_table_assets(project: Project) -> list:
    return [
        build(project, table)
        for table in TABLES.values()
        for build in (build_validated_asset, build_processed_asset)
    ]
