"""OFAC SDN snapshots as Dagster assets: raw/ofac/sdn-YYYY-MM-DD.csv files a user places
in the project, parsed and validated, tracked across snapshots, and cross-checked against
the curated tables. With no snapshot, every asset still builds and says so."""

import dagster as dg
import pandas as pd

from pipeline import sdn
from pipeline.automation import DOWNSTREAM_CONDITION
from pipeline.failure_report import record_failures
from pipeline.marts import read_processed
from pipeline.metadata import frame_metadata, published
from pipeline.project import Project
from pipeline.sources import OFAC_RAW_KEY
from pipeline.tables import processed_key
from pipeline.validation import Failure, validate_frame
from pipeline.versions import code_version
from schemas import Table
from schemas.sdn import SdnEntries

OFAC_SDN_KEY = dg.AssetKey(["validated", "ofac_sdn"])
OFAC_HISTORY_KEY = dg.AssetKey(["processed", "ofac_sdn"])
OFAC_CROSSCHECK_KEY = dg.AssetKey(["marts", "ofac_crosscheck"])
OFAC_CODE = code_version("pipeline/sdn.py", "pipeline/ofac.py", "schemas/sdn.py")
SDN_TABLE = Table("ofac_sdn", SdnEntries, "ent_num")


def ofac_dir(project: Project):
    return project.raw_dir / "ofac"


def ofac_version(project: Project) -> str:
    return sdn.snapshots_version(ofac_dir(project))


def load_snapshots(project: Project) -> tuple[pd.DataFrame, list[pd.Timestamp], list[Failure]]:
    frames, dates, failures = [], [], []
    for path in sdn.snapshot_files(ofac_dir(project)):
        shown = project.shown(path)
        if path.is_symlink() or not path.is_file():
            failures.append(Failure("ofac_sdn", shown, 1, "", "regular_file", path.name,
                                    "The file must be a regular file, not a link or folder."))
            continue
        try:
            frame = sdn.parse_snapshot(path)
        except sdn.SdnFormatError as err:
            failures.append(Failure("ofac_sdn", shown, None, "", "sdn_format", str(err),
                                    "Not a legacy sdn.csv snapshot named sdn-YYYY-MM-DD.csv."))
            continue
        failures += validate_frame(SDN_TABLE, frame.set_axis(range(1, len(frame) + 1)), shown)
        frames.append(frame)
        dates.append(sdn.snapshot_date(path))
    entries = pd.concat(frames, ignore_index=True) if frames else sdn.to_frame([])
    return entries, dates, failures


def build_ofac_assets(project: Project) -> list:
    @dg.observable_source_asset(
        key=OFAC_RAW_KEY, group_name="raw",
        description="raw/ofac/sdn-YYYY-MM-DD.csv: OFAC SDN snapshots a user supplies "
        "(`make fetch-sanctions` downloads the current one).",
        tags={"dagster/kind/csv": ""})
    def observe_ofac() -> dg.DataVersion:
        return dg.DataVersion(ofac_version(project))

    @dg.asset(
        key=OFAC_SDN_KEY, deps=[OFAC_RAW_KEY], group_name="validated",
        kinds={"pandas", "pandera"}, code_version=OFAC_CODE,
        description="DPRK- and RUSSIA-EO14024-programme entries of every SDN snapshot, with "
        "IMO (check digit), MMSI and Linked To parsed from the remarks.",
        check_specs=[dg.AssetCheckSpec("schema", asset=OFAC_SDN_KEY, blocking=True,
                                       description="Every snapshot parses and passes SdnEntries.")],
        automation_condition=DOWNSTREAM_CONDITION)
    def ofac_sdn(context: dg.AssetExecutionContext):
        entries, dates, failures = load_snapshots(project)
        record_failures(project.validation_dir, "schema-ofac_sdn", failures)
        yield dg.Output((entries, dates), data_version=dg.DataVersion(ofac_version(project)),
                        metadata={"snapshots": [f"{d:%Y-%m-%d}" for d in dates],
                                  "failures": len(failures), **frame_metadata(entries)})
        yield dg.AssetCheckResult(check_name="schema", passed=not failures,
                                  severity=dg.AssetCheckSeverity.ERROR,
                                  metadata={"failures": len(failures)})

    @dg.asset(
        key=OFAC_HISTORY_KEY, ins={"loaded": dg.AssetIn(OFAC_SDN_KEY)}, group_name="processed",
        kinds={"parquet", "csv"}, code_version=OFAC_CODE,
        description="processed/ofac_sdn: one row per SDN entry with its first and last "
        "snapshot, whether the latest still lists it, identifiers and links.",
        automation_condition=DOWNSTREAM_CONDITION)
    def ofac_history(context: dg.AssetExecutionContext, loaded):
        entries, dates = loaded
        return published(project, "ofac_sdn", sdn.history(entries, dates), snapshots=len(dates))

    @dg.asset(
        key=OFAC_CROSSCHECK_KEY,
        deps=[OFAC_HISTORY_KEY, processed_key("shipments"), processed_key("sanctions")],
        ins={"loaded": dg.AssetIn(OFAC_SDN_KEY)}, group_name="marts",
        kinds={"pandas", "parquet"}, code_version=OFAC_CODE,
        description="Every vessel, entity and person in the curated tables: whether and since "
        "when the SDN list has it, and mismatches (IMO, spelling, designation date).",
        automation_condition=DOWNSTREAM_CONDITION)
    def ofac_crosscheck(context: dg.AssetExecutionContext, loaded):
        _, dates = loaded
        history = read_processed(project, "ofac_sdn")
        targets = sdn.curated_targets(read_processed(project, "shipments"),
                                      read_processed(project, "sanctions"))
        frame = sdn.crosscheck(targets, history, dates)
        return published(project, "ofac_crosscheck", frame, snapshots=len(dates),
                         listed=int(frame["on_sdn"].sum()))

    return [observe_ofac, ofac_sdn, ofac_history, ofac_crosscheck]
