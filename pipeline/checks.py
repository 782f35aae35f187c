"""Asset checks beyond each table's own schema check.

- integrity (blocking, ERROR): the cross-table rules of schemas/integrity.py, one result
  per table; any failure anywhere fails them all, because the rules span tables.
- single_source_headline (WARN): a headline figure backed by only one source.
"""

import dagster as dg
import pandas as pd

from pipeline.failure_report import record_failures
from pipeline.metadata import failure_markdown, markdown_table
from pipeline.project import Project
from pipeline.tables import ValidatedTable, validated_key
from pipeline.validation import integrity_failures
from schemas import TABLES

HEADLINE_UNITS = {"containers", "shells", "rounds", "missiles", "persons", "barrels"}


def build_integrity_check(project: Project):
    specs = [
        dg.AssetCheckSpec("integrity", asset=validated_key(name), blocking=True,
                          description="Cross-table rules: sources resolve and are cited, "
                          "vessel IMO numbers agree, shipment links resolve.")
        for name in TABLES
    ]

    @dg.multi_asset_check(
        name="integrity",
        specs=specs,
        can_subset=True,
        ins={name: dg.AssetIn(validated_key(name)) for name in TABLES},
    )
    def integrity(context: dg.AssetCheckExecutionContext, **tables: ValidatedTable):
        frames = {name: t.frame for name, t in tables.items()}
        if any(t.frame is None or t.failures for t in tables.values()):
            failures = []
            note = "not evaluated: a table failed its schema check"
        else:
            files = {name: f"raw/{TABLES[name].raw_file}" for name in TABLES}
            failures = integrity_failures(frames, files)
            note = f"{len(failures)} failure(s)"
        record_failures(project.validation_dir, "integrity", failures)
        for key in context.selected_asset_check_keys:
            yield dg.AssetCheckResult(
                asset_key=key.asset_key,
                check_name="integrity",
                passed=not failures and note.endswith("failure(s)"),
                severity=dg.AssetCheckSeverity.ERROR,
                metadata={"result": note, "failure_table": failure_markdown(failures)},
            )

    return integrity


def single_source_headlines(shipments: pd.DataFrame) -> pd.DataFrame:
    has_figure = shipments["quantity_low"].notna() | shipments["quantity_high"].notna()
    headline = shipments["quantity_unit"].isin(HEADLINE_UNITS) & has_figure
    single = shipments["source_ids"].str.count(";") == 0
    return shipments.loc[headline & single, ["shipment_id", "claimant", "item", "source_ids"]]


def build_warning_checks(project: Project) -> list:
    @dg.asset_check(
        asset=validated_key("shipments"),
        name="single_source_headline",
        blocking=False,
        description="Headline figures (containers, shells, missiles, troops, oil) should "
        "cite more than one source; this warns where they cite one.",
    )
    def single_source_headline(validated: ValidatedTable) -> dg.AssetCheckResult:
        if validated.frame is None:
            return dg.AssetCheckResult(passed=True, metadata={"result": "table did not parse"})
        rows = single_source_headlines(validated.frame)
        return dg.AssetCheckResult(
            passed=rows.empty,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                "single_source_rows": len(rows),
                "rows": dg.MetadataValue.md(markdown_table(rows, 200) if len(rows) else "none"),
            },
        )

    return [single_source_headline]
