"""The computed tables (citations and the analysis tables): each a function in
pipeline/analysis/marts.py named after its catalog entry, reading the tables it declares."""

import dagster as dg

from pipeline.analysis import marts
from pipeline.defs.keys import processed_key
from pipeline.defs.results import declared_outputs, output_paths, publish
from pipeline.project import Project
from pipeline.publish import tables
from pipeline.versions import code_version_of
from schemas.catalog import TABLES, Table, of_kind


def compute(project: Project, table: Table):
    """Read the declared inputs, compute, conform to the model and validate the result."""
    function = getattr(marts, table.name)
    frame = function(*(tables.read(project.processed_dir, TABLES[r]) for r in table.reads))
    frame = tables.conform(table, frame)
    table.model.validate(frame)
    return frame


def build_table(project: Project, table: Table):
    @dg.asset(
        key=processed_key(table.name),
        deps=[processed_key(r) for r in table.reads],
        group_name="marts" if table.kind == "analysis" else "processed",
        kinds={"pandas", "parquet"},
        code_version=code_version_of(build),
        description=table.description,
        metadata=declared_outputs(*output_paths(project, table.name)),
    )
    def computed(context: dg.AssetExecutionContext):
        return publish(project, table, compute(project, table))

    return computed


def build(project: Project) -> list:
    return [build_table(project, t) for t in of_kind("link", "analysis")]
