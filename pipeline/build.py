"""The one-shot builder behind `make report`: observe, pick what is missing or stale, run.

It prints what it builds and why; when nothing changed it says so and materializes
nothing. It exits non-zero, with file:line, column and check for each failure, when
validation fails; the last good outputs stay as they were.
"""

import sys
from dataclasses import dataclass, field

import dagster as dg
from dagster._core.asset_graph_view.asset_graph_view import AssetGraphView, TemporalContext
from dagster._core.definitions.data_version import CachingStaleStatusResolver, StaleStatus
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus
from dagster._time import get_current_datetime

from pipeline import fingerprint
from pipeline.definitions import build_defs
from pipeline.failure_report import load_parts, summary_lines
from pipeline.instance import project_instance
from pipeline.project import Project
from pipeline.publish import remove_leftovers
from pipeline.report_kit import GENERATED
from pipeline.sources import changed_observations


@dataclass
class BuildResult:
    planned: dict[dg.AssetKey, str] = field(default_factory=dict)
    materialized: list[dg.AssetKey] = field(default_factory=list)
    failed_checks: list[str] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    success: bool = True


def _name(key: dg.AssetKey) -> str:
    return key.to_user_string()


def _cause_text(key: dg.AssetKey, cause) -> str:
    subject = "" if cause.asset_key == key else f"{_name(cause.asset_key)} "
    dependency = f" {_name(cause.dependency.asset_key)}" if cause.dependency else ""
    return f"{subject}{cause.reason}{dependency}"


def failed_blocking_checks(defs: dg.Definitions, instance: dg.DagsterInstance) -> dict:
    """Assets whose latest blocking check failed: they must run again with their checks."""
    graph = defs.resolve_asset_graph()
    held = {}
    for check_key in graph.asset_check_keys:
        spec = graph.get_check_spec(check_key)
        if not spec.blocking:
            continue
        record = instance.get_latest_asset_check_evaluation_record(check_key)
        evaluation = record.event.asset_check_evaluation if record and record.event else None
        if record and (record.status == AssetCheckExecutionRecordStatus.FAILED
                       or (evaluation is not None and not evaluation.passed)):
            held[check_key.asset_key] = f"its blocking check '{check_key.name}' failed last time"
    return held


def plan(defs: dg.Definitions, instance: dg.DagsterInstance) -> dict[dg.AssetKey, str]:
    graph = defs.resolve_asset_graph()
    view = AssetGraphView(
        temporal_context=TemporalContext(effective_dt=get_current_datetime(), last_event_id=None),
        instance=instance,
        asset_graph=graph,
    )
    resolver = CachingStaleStatusResolver(instance, graph, view)
    reasons = {}
    for key in graph.toposorted_asset_keys:
        if not graph.get(key).is_materializable:
            continue
        status = resolver.get_status(key)
        if status == StaleStatus.MISSING:
            reasons[key] = "never built"
        elif status == StaleStatus.STALE:
            causes = resolver.get_stale_root_causes(key) or resolver.get_stale_causes(key)
            reasons[key] = "; ".join(sorted({_cause_text(key, c) for c in causes})) or "stale"
    for key, why in failed_blocking_checks(defs, instance).items():
        reasons.setdefault(key, why)
    return {k: reasons[k] for k in graph.toposorted_asset_keys if k in reasons}


QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}
MAX_ROUNDS = 10


def with_downstream(defs: dg.Definitions, planned: dict) -> dict:
    """Add everything downstream of the planned assets, so one run does the whole rebuild."""
    graph = defs.resolve_asset_graph()
    out = dict(planned)
    for key in graph.toposorted_asset_keys:
        if key in out or not graph.get(key).is_materializable:
            continue
        upstream = [p for p in graph.get(key).parent_keys if p in out]
        if upstream:
            out[key] = f"{_name(upstream[0])} is being rebuilt"
    return out


def build(project: Project, echo=print) -> BuildResult:
    """Run what is missing or stale together with its downstream, in one run; then look
    again and repeat until nothing is stale (normally the second look finds nothing)."""
    fingerprint.forget(project.root)  # until this build ends with nothing stale
    instance = project_instance(project)
    for leftover in remove_leftovers(project.processed_dir, project.report_output_dir,
                                     project.reports_dir / GENERATED):
        echo(f"removed {project.shown(leftover)} left by an interrupted build")
    defs = build_defs(project)
    for event in changed_observations(instance, project):
        instance.report_runless_asset_event(event)
        echo(f"observed {_name(event.asset_key)}: new version {event.tags['dagster/data_version'][:12]}")
    result = BuildResult()
    job = defs.resolve_implicit_global_asset_job_def()
    current = {}
    for _ in range(MAX_ROUNDS):
        current = plan(defs, instance)
        stale = {k: v for k, v in current.items() if k not in result.planned}
        planned = with_downstream(defs, stale) if stale else {}
        if not planned:
            break
        for key, why in planned.items():
            echo(f"building {_name(key)}: {why}")
        result.planned.update(planned)
        run = job.execute_in_process(instance=instance, asset_selection=list(planned),
                                     raise_on_error=False, run_config=QUIET)
        result.materialized += [e.asset_key for e in run.get_asset_materialization_events()]
        for evaluation in run.get_asset_check_evaluations():
            if not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.ERROR:
                result.failed_checks.append(f"{_name(evaluation.asset_key)}:{evaluation.check_name}")
        if not run.success or result.failed_checks:
            result.success = False
            for event in run.all_events:
                if event.is_step_failure:
                    echo(f"step {event.step_key} failed: {event.step_failure_data.error.message.strip()}")
            break
    if result.success and not current and not project.processed and not project.report_output:
        fingerprint.record(project.root)
    if not result.planned:
        echo("Everything is up to date: nothing to materialize.")
        return result
    echo(f"Materialized {len(result.materialized)} asset(s).")
    skipped = [k for k in result.planned if k not in result.materialized]
    if skipped:
        echo("Not built (held back by a failed check or step): " + ", ".join(map(_name, skipped)))
    if result.failed_checks:
        result.failures = load_parts(project.validation_dir)
        echo(f"Validation failed ({', '.join(result.failed_checks)}); processed/ and the last "
             "report were left unchanged.")
        echo(f"{len(result.failures)} failure(s); details in processed/validation/:")
        for line in summary_lines(result.failures):
            echo(line)
    return result


def main() -> int:
    result = build(Project.from_env())
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main())
