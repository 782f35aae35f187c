"""The Dagster definitions, assembled from the modules in pipeline/defs/.

`defs` is what `dagster dev`, `dg dev` and `dg check defs` load; `build_defs` builds the
same definitions for any project folder (the builder and the tests use it).
"""

import os
import warnings

import dagster as dg

from pipeline.defs import analysis, automation, ofac, report, sources, tables, validation, warehouse
from pipeline.project import Project
from pipeline.rebuild import REBUILD

# Observable source assets and custom automation conditions are marked beta/preview; they
# are the documented ways to version files and to decide rebuilds.
warnings.filterwarnings("ignore", category=dg.BetaWarning)
warnings.filterwarnings("ignore", category=dg.PreviewWarning)

OBSERVE_JOB = "observe_sources"


def build_defs(project: Project | None = None) -> dg.Definitions:
    project = project or Project.from_env()
    observed = sources.build(project)
    built = [
        *validation.build(project),
        *tables.build(project),
        *analysis.build(project),
        *ofac.build(project),
        *warehouse.build(project),
        *report.build(project),
    ]
    rebuilt = dg.map_asset_specs(
        lambda spec: spec.replace_attributes(automation_condition=REBUILD), built
    )
    # Where Dagster hands validated tables from step to step: DAGSTER_HOME/storage unless
    # DPRK_IO_DIR points elsewhere (storage shared by a team's run workers).
    io_dir = os.environ.get("DPRK_IO_DIR")
    resources = {"io_manager": dg.FilesystemIOManager(base_dir=io_dir)} if io_dir else {}
    return dg.Definitions(
        assets=[*observed, *rebuilt],
        resources=resources,
        sensors=automation.build(project),
        jobs=[
            dg.define_asset_job(
                OBSERVE_JOB,
                selection=dg.AssetSelection.assets(*(s.key for s in observed)),
                description="Observe every source file.",
            )
        ],
        executor=dg.in_process_executor,
    )


defs = build_defs()
