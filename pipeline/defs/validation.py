"""validated/<table>: the curated raw tables, read and checked together in one step.

One step reads each raw file once and runs every check (each table's schema, then the
cross-table rules on whatever parsed), so one run reports every failure. Each table gets
two checks, `schema` and `integrity`; a table that fails either is not passed on (its
output is skipped, so everything downstream of it is skipped, not failed), and its failed
attempt is recorded so the rebuild rule does not retry it until an input or the code
changes. Tables that pass are published as usual.
"""

import hashlib
from datetime import UTC, datetime

import dagster as dg
import pandas as pd

from pipeline.defs.keys import raw_key, validated_key
from pipeline.defs.results import declared_outputs, failure_table, output_hashes
from pipeline.io.failure_report import write_report
from pipeline.project import Project
from pipeline.rebuild import ATTEMPT, RECORDS_ATTEMPTS
from pipeline.validation import Failure, Validation, validate_dataset
from pipeline.versions import code_version_of
from schemas.catalog import RAW_TABLES
from schemas.rules import rule_for

REPORT_FILES = ("failures.csv", "failures.json", "index.html", "history.jsonl")


def frame_version(frame: pd.DataFrame) -> str:
    return hashlib.sha256(frame.to_csv(lineterminator="\n").encode("utf-8")).hexdigest()


def _result(key: dg.AssetKey, check: str, failures: list[Failure], not_run: str | None):
    if not_run:
        return dg.AssetCheckResult(
            asset_key=key,
            check_name=check,
            passed=False,
            severity=dg.AssetCheckSeverity.WARN,
            description=f"Not evaluated: {not_run}",
            metadata={"status": "not evaluated", "failures": 0},
        )
    return dg.AssetCheckResult(
        asset_key=key,
        check_name=check,
        passed=not failures,
        severity=dg.AssetCheckSeverity.ERROR,
        description=failures[0].describe() if failures else "Every row passes.",
        metadata={
            "status": "failed" if failures else "passed",
            "failures": len(failures),
            "failure_table": failure_table(failures),
            "failure_report": "processed/validation/index.html",
        },
    )


def check_results(validation: Validation, table: str) -> list[dg.AssetCheckResult]:
    key = validated_key(table)
    failures = validation.failures_of(table)
    unreadable = validation.frames.get(table) is None
    cross = [f for f in failures if getattr(rule_for(f.check), "scope", None) == "dataset"]
    own = [f for f in failures if f not in cross]
    not_run = None
    if unreadable:
        not_run = f"raw/{table}.csv could not be read"
    elif validation.not_evaluated_for(table) and not cross:
        unreadable_others = [n for n, f in validation.frames.items() if f is None]
        not_run = (
            ", ".join(validation.not_evaluated_for(table))
            + " need "
            + ", ".join(f"raw/{n}.csv" for n in unreadable_others)
            + ", which could not be read"
        )
    return [_result(key, "schema", own, None), _result(key, "integrity", cross, not_run)]


def build(project: Project) -> list:
    report_paths = [project.validation_dir / name for name in REPORT_FILES]
    specs = [
        dg.AssetCheckSpec(check, asset=validated_key(name), description=description)
        for name in RAW_TABLES
        for check, description in (
            ("schema", f"Every row of raw/{name}.csv reads and passes its schema."),
            (
                "integrity",
                "Cross-table rules: cited sources exist and are cited, vessels "
                "have one IMO number, linked shipments exist.",
            ),
        )
    ]

    @dg.multi_asset(
        name="validated",
        outs={
            name: dg.AssetOut(
                key=validated_key(name),
                is_required=False,
                group_name="validated",
                kinds={"pandas", "pandera"},
                description=f"raw/{t.raw_file} read with its schema's types and validated with "
                "the other curated tables; rows keep their file line numbers.",
                metadata={**declared_outputs(*report_paths), RECORDS_ATTEMPTS: True},
            )
            for name, t in RAW_TABLES.items()
        },
        deps=[raw_key(name) for name in RAW_TABLES],
        check_specs=specs,
        can_subset=False,
        code_version=code_version_of(build),
    )
    def validated(context: dg.AssetExecutionContext):
        validation = validate_dataset(project.raw_dir)
        checked_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        written = write_report(project.validation_dir, validation, checked_at, context.run.run_id)
        hashes = output_hashes(written)
        inputs = {
            raw_key(n).to_user_string(): digest
            for n, digest in zip(RAW_TABLES, validation.file_hashes.values(), strict=True)
        }
        for name in RAW_TABLES:
            key = validated_key(name)
            yield from check_results(validation, name)
            frame = validation.frames.get(name)
            if validation.table_passed(name) and frame is not None:
                yield dg.Output(
                    frame,
                    output_name=name,
                    data_version=dg.DataVersion(frame_version(frame)),
                    metadata={"dagster/row_count": len(frame), **hashes},
                )
            else:
                failures = validation.failures_of(name)
                why = (
                    "failed validation; fix the raw files and build again"
                    if failures
                    else "a table it needs could not be read"
                )
                yield dg.AssetObservation(
                    asset_key=key,
                    metadata={
                        ATTEMPT: dg.MetadataValue.json(
                            {
                                "inputs": inputs,
                                "code_version": context.assets_def.code_versions_by_key[key],
                                "why": why,
                                "failures": len(failures),
                            }
                        )
                    },
                )

    return [validated]
