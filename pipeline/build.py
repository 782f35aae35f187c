"""The builder behind `make report`: observe the source files, then build what the rebuild
rule requests, in waves, until it requests nothing.

It asks Dagster what to build with `evaluate_automation_conditions`, the same evaluation
the automation sensor runs, and prints why each asset is built from the same rule
(pipeline/rebuild.py). A validation failure is shown as a summary, then one line per
failure; the failing tables and everything downstream of them keep their last good
outputs, and the build exits 1.
"""

import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import dagster as dg

from pipeline.definitions import build_defs
from pipeline.defs.sources import changed_observations
from pipeline.instance import build_lock, open_instance
from pipeline.io.failure_report import load_failures
from pipeline.io.writer import remove_leftovers
from pipeline.project import Project
from pipeline.rebuild import plan
from pipeline.reporting.kit import GENERATED
from pipeline.validation import Failure, printable

SILENT = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
BUILDER_TAG = {"dprk/builder": "make report"}
UNFINISHED = [
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.QUEUED,
]
MAX_WAVES = 12


@dataclass
class BuildResult:
    reasons: dict[str, str] = field(default_factory=dict)
    materialized: list[str] = field(default_factory=list)
    held: dict[str, str] = field(default_factory=dict)
    failures: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.held and not self.errors


def _name(key: dg.AssetKey) -> str:
    return key.to_user_string()


def failure_lines(failures: list[dict], limit: int = 50) -> list[str]:
    """The summary first, then one line per failure (as `make validate` prints them)."""
    records = [Failure(**f) for f in failures]
    tables = len({f.table for f in records})
    by_check: dict[str, int] = {}
    for f in records:
        by_check[f.check_title] = by_check.get(f.check_title, 0) + 1
    checks = ", ".join(
        f"{n} {title}" for title, n in sorted(by_check.items(), key=lambda item: -item[1])
    )
    lines = [
        f"Validation failed: {len(records)} failure{'s' * (len(records) != 1)} in "
        f"{tables} table{'s' * (tables != 1)}: {checks}"
    ]
    lines += [f"  {f.describe()}" for f in records[:limit]]
    if len(records) > limit:
        lines.append(f"  ... and {len(records) - limit} more")
    return lines


def _selection(graph, keys: list[dg.AssetKey]) -> list[dg.AssetKey]:
    """The requested assets plus the others their multi-assets must build with them."""
    selected = dg.AssetSelection.assets(*keys).required_multi_asset_neighbors().resolve(graph)
    return [k for k in graph.toposorted_asset_keys if k in selected]


def _run(job, instance, selection, result: BuildResult) -> None:
    run = job.execute_in_process(
        instance=instance,
        asset_selection=selection,
        raise_on_error=False,
        run_config=SILENT,
        tags=BUILDER_TAG,
    )
    result.materialized += [_name(e.asset_key) for e in run.get_asset_materialization_events()]
    for event in run.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            error = event.step_failure_data.error
            while error.cause is not None and (error.cls_name or "").startswith("Dagster"):
                error = error.cause  # the project's own error, not Dagster's wrapper
            message = error.message.strip().splitlines()[0]
            result.errors.append(f"step {event.step_key} failed: {printable(message)}")


def close_interrupted_runs(instance: dg.DagsterInstance, echo: Callable[[str], None]) -> None:
    """Runs of an earlier build that was killed stay 'in progress' for ever, and the rule
    never rebuilds what is in progress: mark them failed (the build lock says no other
    build is running)."""
    filters = dg.RunsFilter(statuses=UNFINISHED, tags=BUILDER_TAG)
    for record in instance.get_run_records(filters=filters):
        instance.report_run_failed(
            record.dagster_run, message="interrupted: the build that ran it was stopped"
        )
        echo(f"marked run {record.dagster_run.run_id[:8]} of an interrupted build as failed")


def build(
    project: Project, echo: Callable[[str], None] = print, force: bool = False
) -> BuildResult:
    result = BuildResult()
    with build_lock(project, echo):
        instance = open_instance(project, echo)
        close_interrupted_runs(instance, echo)
        for leftover in remove_leftovers(
            project.processed_dir, project.report_output_dir, project.reports_dir / GENERATED
        ):
            echo(f"removed {project.shown(leftover)}, left by an interrupted build")
        defs = build_defs(project)
        graph = defs.resolve_asset_graph()
        job = defs.resolve_implicit_global_asset_job_def()
        for event in changed_observations(instance, project):
            instance.report_runless_asset_event(event)
        shown_failures = False

        def show_failures() -> None:
            nonlocal shown_failures
            held = plan(instance, graph, project.shown).held
            result.held = {_name(k): v for k, v in held.items()}
            if result.held and not shown_failures:
                result.failures = load_failures(project.validation_dir)
                for line in failure_lines(result.failures):
                    echo(line)
                echo(
                    "Details: processed/validation/index.html. The failing tables and what "
                    "depends on them kept their last good outputs."
                )
                shown_failures = True

        def run_wave(keys: list[dg.AssetKey], reasons: dict[dg.AssetKey, str], first: bool):
            result.reasons |= {_name(k): reasons[k] for k in keys}
            lines = [f"building {_name(key)}: {reasons[key]}" for key in keys]
            if not first:
                for line in lines:
                    echo(line)
            _run(job, instance, keys, result)
            if first:  # the summary of a validation failure comes before anything else
                show_failures()
                for line in lines:
                    echo(line)

        if force:
            everything = [k for k in graph.toposorted_asset_keys if graph.get(k).is_materializable]
            run_wave(everything, dict.fromkeys(everything, "forced rebuild"), True)
        for wave in range(MAX_WAVES):
            if result.errors:
                break
            evaluation = dg.evaluate_automation_conditions(defs=defs, instance=instance)
            requested = [
                k
                for k in graph.toposorted_asset_keys
                if graph.get(k).is_materializable and evaluation.get_num_requested(k)
            ]
            if not requested:
                break
            why = plan(instance, graph, project.shown)
            selection = _selection(graph, requested)
            run_wave(selection, {k: why.why(k) for k in selection}, wave == 0 and not force)
        show_failures()
        for error in result.errors:
            echo(error)
        built = sorted(set(result.materialized))
        if built:
            echo(f"Built {len(built)} asset{'s' * (len(built) != 1)}: {', '.join(built)}.")
        if result.held:
            reasons = sorted(set(result.held.values()))
            echo(f"Held back ({'; '.join(reasons)}): {', '.join(result.held)}.")
        elif not built and not result.errors:
            echo("Everything is up to date: nothing to materialize.")
    return result


def main(argv: list[str] | None = None) -> int:
    from pipeline.project import argument_parser

    parser = argument_parser(
        "make report",
        "Validate the raw tables and rebuild what changed: processed tables, DuckDB, the "
        "Data Package and the report. An asset is rebuilt when it was never built, its code "
        "changed, an input's content changed, or a file it published is missing or was "
        "changed; otherwise nothing is done.",
    )
    parser.add_argument(
        "--force", action="store_true", help="rebuild every asset (make report FORCE=1)"
    )
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    result = build(Project.from_env(args.root), force=args.force)
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main())
