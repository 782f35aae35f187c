"""The Dagster definitions, built from a project root so tests can use a copy.

`defs` (module level) is what `dagster dev`, `dg dev` and `dg check defs` load.
"""

import os
import warnings

import dagster as dg

# Observable source assets are marked beta; they are the documented way to version files.
warnings.filterwarnings("ignore", category=dg.BetaWarning)

from pipeline.automation import build_sensors
from pipeline.marts import build_mart_assets
from pipeline.ofac import build_ofac_assets
from pipeline.project import Project
from pipeline.report import build_report_asset
from pipeline.sources import build_source_assets
from pipeline.tables import build_table_assets
from pipeline.warehouse import build_warehouse_asset

OBSERVE_JOB = "observe_sources"


def build_defs(project: Project | None = None) -> dg.Definitions:
    project = project or Project.from_env()
    sources = build_source_assets(project)
    assets = [
        *sources,
        *build_table_assets(project),
        *build_mart_assets(project),
        *build_ofac_assets(project),
        build_warehouse_asset(project),
        build_report_asset(project),
    ]
    # Where Dagster hands validated tables from step to step: DAGSTER_HOME/storage unless
    # DPRK_IO_DIR points elsewhere (storage shared by a team's run workers).
    io_dir = os.environ.get("DPRK_IO_DIR")
    resources = {"io_manager": dg.FilesystemIOManager(base_dir=io_dir)} if io_dir else {}
    return dg.Definitions(
        resources=resources,
        assets=assets,
        sensors=build_sensors(project),
        jobs=[dg.define_asset_job(OBSERVE_JOB, selection=dg.AssetSelection.assets(*(s.key for s in sources)),
                                  description="Observe every source file (data version = SHA-256).")],
        executor=dg.in_process_executor,
    )


defs = build_defs()
