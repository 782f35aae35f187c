"""OFAC's SDN list as assets: the snapshots in raw/ofac/ read and checked
(validated/ofac_sdn), each entry's history and the snapshots' provenance
(processed/ofac_sdn, processed/ofac_snapshots); the cross-check of the curated tables is
an analysis table (marts/ofac_crosscheck). With no snapshot every asset still builds and
says so; a snapshot that is empty, truncated or malformed holds the chain back and changes
nothing."""

from datetime import UTC, datetime

import dagster as dg
import pandas as pd

from pipeline.defs.keys import OFAC_RAW_KEY, OFAC_VALIDATED_KEY, processed_key
from pipeline.defs.results import (
    declared_outputs,
    failure_table,
    output_hashes,
    output_paths,
    publish,
)
from pipeline.defs.sources import ofac_files
from pipeline.io.failure_report import OFAC_FAILURES, write_ofac_failures
from pipeline.project import Project
from pipeline.publish import tables
from pipeline.rebuild import ATTEMPT, RECORDS_ATTEMPTS
from pipeline.sources.ofac import parse
from pipeline.validation import Failure, explain, file_hash, schema_problems
from pipeline.versions import code_version_of, files_version
from schemas.catalog import TABLES

VALIDATED_KEY = OFAC_VALIDATED_KEY
HISTORY_KEY = processed_key("ofac_sdn")
SNAPSHOTS_KEY = processed_key("ofac_snapshots")


def load(project: Project) -> tuple[list[parse.Snapshot], list[Failure]]:
    """Every snapshot, read and checked against the entries' schema, with its failures."""
    snapshots = parse.read_snapshots(project.ofac_dir, project.shown)
    failures = []
    for snapshot in snapshots:
        problems = list(snapshot.problems)
        if snapshot.entries is not None and not snapshot.entries.empty:
            problems += schema_problems(parse.ENTRIES, snapshot.entries)
        failures += [explain(parse.ENTRIES, snapshot.shown, p, snapshot.entries) for p in problems]
    return snapshots, failures


def build(project: Project) -> list:
    failure_file = project.validation_dir / OFAC_FAILURES

    @dg.asset(
        key=VALIDATED_KEY,
        deps=[OFAC_RAW_KEY],
        group_name="validated",
        metadata={**declared_outputs(failure_file), RECORDS_ATTEMPTS: True},
        kinds={"pandas", "pandera"},
        output_required=False,
        code_version=code_version_of(build),
        description="Entries of the DPRK and RUSSIA-EO14024 programmes in every SDN snapshot, "
        "checked with the same text rules as the curated tables; entries keep their lines.",
        check_specs=[
            dg.AssetCheckSpec(
                "schema",
                asset=VALIDATED_KEY,
                description="Every snapshot is well formed and every kept entry passes its schema.",
            )
        ],
    )
    def ofac_sdn(context: dg.AssetExecutionContext):
        snapshots, failures = load(project)
        checked_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        written = output_hashes([write_ofac_failures(project.validation_dir, failures, checked_at)])
        yield dg.AssetCheckResult(
            check_name="schema",
            passed=not failures,
            severity=dg.AssetCheckSeverity.ERROR,
            description=failures[0].describe()
            if failures
            else f"{len(snapshots)} snapshot(s) read.",
            metadata={"failures": len(failures), "failure_table": failure_table(failures)},
        )
        version = files_version(ofac_files(project), project.ofac_dir)
        if failures:
            yield dg.AssetObservation(
                asset_key=VALIDATED_KEY,
                metadata={
                    ATTEMPT: dg.MetadataValue.json(
                        {
                            "inputs": {OFAC_RAW_KEY.to_user_string(): version},
                            "code_version": context.assets_def.code_versions_by_key[VALIDATED_KEY],
                            "why": "a snapshot of the official list failed its checks",
                            "failures": len(failures),
                        }
                    )
                },
            )
            return
        yield dg.Output(
            snapshots,
            data_version=dg.DataVersion(version),
            metadata={"snapshots": [s.shown for s in snapshots], **written},
        )

    @dg.multi_asset(
        name="ofac_published",
        outs={
            "ofac_sdn": dg.AssetOut(
                key=HISTORY_KEY,
                group_name="processed",
                kinds={"parquet", "csv"},
                description=TABLES["ofac_sdn"].description,
                metadata=declared_outputs(*output_paths(project, "ofac_sdn")),
            ),
            "ofac_snapshots": dg.AssetOut(
                key=SNAPSHOTS_KEY,
                group_name="processed",
                kinds={"parquet", "csv"},
                description=TABLES["ofac_snapshots"].description,
                metadata=declared_outputs(*output_paths(project, "ofac_snapshots")),
            ),
        },
        ins={"snapshots": dg.AssetIn(VALIDATED_KEY)},
        code_version=code_version_of(build),
    )
    def ofac_published(context: dg.AssetExecutionContext, snapshots: list[parse.Snapshot]):
        history, listing = publish_ofac(snapshots)
        for name, frame in (("ofac_sdn", history), ("ofac_snapshots", listing)):
            result = publish(project, TABLES[name], frame)
            yield dg.Output(
                None, output_name=name, data_version=result.data_version, metadata=result.metadata
            )

    return [ofac_sdn, ofac_published]


def publish_ofac(snapshots: list[parse.Snapshot]) -> tuple[pd.DataFrame, pd.DataFrame]:
    frames = [s.entries for s in snapshots if s.entries is not None]
    entries = pd.concat(frames, ignore_index=True) if frames else parse.to_frame([])
    history = parse.history(entries, [s.date for s in snapshots if s.date])
    return (
        tables.conform(TABLES["ofac_sdn"], history),
        tables.conform(TABLES["ofac_snapshots"], parse.snapshot_table(snapshots, file_hash)),
    )
