"""The sensors behind `make ui`: one observes the source files, one applies the rebuild
rule (pipeline/rebuild.py) to every asset. Both start RUNNING."""

import dagster as dg

from pipeline.defs.sources import changed_observations
from pipeline.project import Project

INTERVAL_SECONDS = 5


def build(project: Project) -> list:
    @dg.sensor(
        name="source_files_sensor",
        minimum_interval_seconds=INTERVAL_SECONDS,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Observes raw/*.csv, raw/ofac/ and reports/; records a new data version "
        "only when a file's SHA-256 changed.",
    )
    def source_files_sensor(context: dg.SensorEvaluationContext):
        events = changed_observations(context.instance, project)
        return dg.SensorResult(asset_events=events, skip_reason=None if events else "no change")

    automation = dg.AutomationConditionSensorDefinition(
        "automation_sensor",
        target=dg.AssetSelection.all(),
        default_status=dg.DefaultSensorStatus.RUNNING,
        minimum_interval_seconds=INTERVAL_SECONDS,
        use_user_code_server=True,
        description="Requests what the rebuild rule says is stale, as `make report` does.",
    )
    return [source_files_sensor, automation]
