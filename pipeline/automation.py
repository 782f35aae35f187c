"""When assets rebuild on their own (with `make ui`): rules and sensors.

Downstream assets materialize eagerly when an upstream changes, but never past a failed
blocking check. Source files are observed by a sensor every few seconds; it records a new
observation only when a file's SHA-256 changed, so re-saving the same bytes does nothing.
"""

import dagster as dg

DOWNSTREAM_CONDITION = (
    dg.AutomationCondition.eager() & dg.AutomationCondition.all_deps_blocking_checks_passed()
)
OBSERVE_INTERVAL_SECONDS = 5


def build_sensors(project) -> list:
    from pipeline.sources import changed_observations

    @dg.sensor(
        name="source_files_sensor",
        minimum_interval_seconds=OBSERVE_INTERVAL_SECONDS,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Observes raw/*.csv and the report sources; records a new data version "
        "only when a file's SHA-256 changed.",
    )
    def source_files_sensor(context: dg.SensorEvaluationContext):
        events = changed_observations(context.instance, project)
        return dg.SensorResult(asset_events=events, skip_reason=None if events else "no change")

    automation = dg.AutomationConditionSensorDefinition(
        "automation_sensor",
        target=dg.AssetSelection.all(),
        default_status=dg.DefaultSensorStatus.RUNNING,
        minimum_interval_seconds=OBSERVE_INTERVAL_SECONDS,
        description="Materializes stale assets by their automation conditions.",
    )
    return [source_files_sensor, automation]
