"""The asset checks on each validated table, evaluated in the same step as the table.

- schema (blocking, ERROR): every row passes the table's Pandera model.
- integrity (blocking, ERROR): the cross-table rules of schemas/integrity.py over the
  current raw tables; any failure anywhere fails it for every table, since the rules span
  tables.
- single_source_headline (WARN, shipments only): a headline figure citing one source.

Evaluating them inside the table's own step means no run, manual or automated, can
publish a table without them.
"""

import dagster as dg
import pandas as pd

from pipeline.failure_report import record_failures
from pipeline.metadata import failure_markdown, markdown_table
from pipeline.project import Project
from pipeline.validation import Failure, integrity_failures, load_table
from schemas import TABLES, Table

HEADLINE_UNITS = {"containers", "shells", "rounds", "missiles", "persons", "barrels"}


def single_source_headlines(shipments: pd.DataFrame) -> pd.DataFrame:
    has_figure = shipments["quantity_low"].notna() | shipments["quantity_high"].notna()
    headline = shipments["quantity_unit"].isin(HEADLINE_UNITS) & has_figure
    single = shipments["source_ids"].str.count(";") == 0
    return shipments.loc[headline & single, ["shipment_id", "claimant", "item", "source_ids"]]


def check_specs(table: Table, key: dg.AssetKey) -> list[dg.AssetCheckSpec]:
    specs = [
        dg.AssetCheckSpec("schema", asset=key, blocking=True,
                          description=f"Every row passes the {table.model.__name__} schema."),
        dg.AssetCheckSpec("integrity", asset=key, blocking=True,
                          description="Cross-table rules: sources resolve and are cited, vessel "
                          "IMO numbers agree, shipment links resolve."),
    ]
    if table.name == "shipments":
        specs.append(dg.AssetCheckSpec(
            "single_source_headline", asset=key, blocking=False,
            description="Headline figures (containers, shells, missiles, troops, oil) should "
            "cite more than one source."))
    return specs


def integrity_result(project: Project, frames: dict) -> dg.AssetCheckResult:
    broken = [name for name, frame in frames.items() if frame is None]
    if broken:
        failures: list[Failure] = []
        note = "not evaluated: " + ", ".join(f"raw/{TABLES[n].raw_file}" for n in broken) + \
            " fail their schema"
    else:
        files = {name: f"raw/{TABLES[name].raw_file}" for name in TABLES}
        failures = integrity_failures(frames, files)
        note = f"{len(failures)} failure(s)"
    record_failures(project.validation_dir, "integrity", failures)
    return dg.AssetCheckResult(
        check_name="integrity", passed=not broken and not failures,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"result": note, "failure_table": failure_markdown(failures)})


def evaluate(project: Project, table: Table, frame, failures) -> list[dg.AssetCheckResult]:
    results = [dg.AssetCheckResult(
        check_name="schema", passed=not failures, severity=dg.AssetCheckSeverity.ERROR,
        metadata={"failures": len(failures), "failure_table": failure_markdown(failures)})]
    frames = {}
    for name, other in TABLES.items():
        if name == table.name:
            frames[name] = None if failures else frame
        else:
            other_frame, other_failures = load_table(other, project.raw_dir / other.raw_file)
            frames[name] = None if other_failures else other_frame
    results.append(integrity_result(project, frames))
    if table.name == "shipments":
        rows = single_source_headlines(frame) if frame is not None else pd.DataFrame()
        results.append(dg.AssetCheckResult(
            check_name="single_source_headline", passed=rows.empty,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={"single_source_rows": len(rows),
                      "rows": dg.MetadataValue.md(markdown_table(rows, 200) if len(rows) else "none")}))
    return results
