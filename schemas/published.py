"""Models of the tables the pipeline computes and publishes beside the curated ones.

They type the outputs (so an empty table still has its columns and types), document every
column in the codebook, the Data Package and DuckDB, and validate what the pipeline writes.
"""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import fields, vocabularies

SOURCES = "sources.source_id"
SHIPMENTS = "shipments.shipment_id"


class Output(pa.DataFrameModel):
    class Config:
        strict = True
        ordered = True


class Citations(Output):
    """One row per citation: which row of which curated table cites which source."""

    table_name: Series[str] = fields.derived(
        "The citing table.",
        nullable=False,
        isin=["shipments", "sanctions", "statements", "value_estimates"],
    )
    row_id: Series[str] = fields.derived("The citing row's id.", nullable=False)
    source_id: Series[str] = fields.derived("The cited source.", nullable=False, references=SOURCES)


class TransfersByMonth(Output):
    """Claims per month, direction and category (by the month the claimed period starts)."""

    month: Series[pa.DateTime] = fields.derived("First day of the month.", nullable=False)
    direction: Series[str] = fields.code(vocabularies.DIRECTION, "Which way the transfer goes.")
    category: Series[str] = fields.code(vocabularies.CATEGORY, "Kind of transfer.")
    claims: Series[pd.Int64Dtype] = fields.derived("Rows of shipments.", nullable=False)
    claimants: Series[pd.Int64Dtype] = fields.derived("Distinct claimants.", nullable=False)
    source_ids: Series[str] = fields.derived_ids("Sources of those rows.", references=SOURCES)


class EstimateRanges(Output):
    """Every claim that gives a figure, with claimant, claim date, period, method and sources."""

    shipment_id: Series[str] = fields.derived("The claim.", nullable=False, references=SHIPMENTS)
    direction: Series[str] = fields.code(vocabularies.DIRECTION, "Which way the transfer goes.")
    category: Series[str] = fields.code(vocabularies.CATEGORY, "Kind of transfer.")
    item: Series[str] = fields.derived("What is transferred.", nullable=False)
    claimant: Series[str] = fields.derived("Who asserts the claim.", nullable=False)
    claimant_country: Series[str] = fields.derived("Claimant's country code.")
    claimant_type: Series[str] = fields.code(vocabularies.CLAIMANT_TYPE, "Kind of claimant.")
    claim_date: Series[pa.DateTime] = fields.derived("When the claim was made.", nullable=False)
    period_start: Series[pa.DateTime] = fields.derived("Start of the claimed period.")
    period_end: Series[pa.DateTime] = fields.derived("End of the claimed period.")
    quantity_low: Series[pd.Int64Dtype] = fields.derived("Lower bound.")
    quantity_high: Series[pd.Int64Dtype] = fields.derived("Upper bound.")
    quantity_bound: Series[str] = fields.code(
        vocabularies.QUANTITY_BOUND, "Wording.", nullable=True
    )
    quantity_unit: Series[str] = fields.code(vocabularies.QUANTITY_UNIT, "Unit.", nullable=True)
    quantity_scope: Series[str] = fields.code(vocabularies.QUANTITY_SCOPE, "Scope.", nullable=True)
    method: Series[str] = fields.code(vocabularies.METHOD, "How the claimant knows.")
    confidence: Series[str] = fields.code(vocabularies.CONFIDENCE, "Confidence grade.")
    source_ids: Series[str] = fields.derived_ids("Sources of the claim.", references=SOURCES)


class HeadlineFigures(Output):
    """Key figures: each claimant's largest running total, per measure."""

    figure: Series[str] = fields.derived("Measure.", nullable=False)
    label: Series[str] = fields.derived("What the measure counts.", nullable=False)
    unit: Series[str] = fields.derived("Unit.", nullable=False)
    low: Series[pd.Int64Dtype] = fields.derived("Smallest of the claimants' largest totals.")
    high: Series[pd.Int64Dtype] = fields.derived("Largest of the claimants' largest totals.")
    high_open: Series[bool] = fields.derived(
        "Whether the largest is a 'more than' figure.", nullable=False
    )
    claimants: Series[pd.Int64Dtype] = fields.derived("Claimants with a running total.")
    claimant_figures: Series[str] = fields.derived("Each claimant's figure and date.")
    latest_claim: Series[pa.DateTime] = fields.derived("Date of the latest claim.")
    shipment_ids: Series[str] = fields.derived_ids(
        "The rows behind the figures.", references=SHIPMENTS
    )
    source_ids: Series[str] = fields.derived_ids("Their sources.", references=SOURCES)


class DesignationsByAuthorityMonth(Output):
    """Designations per authority, month and target type."""

    authority: Series[str] = fields.code(vocabularies.AUTHORITY, "Who designated.")
    month: Series[pa.DateTime] = fields.derived("First day of the month.", nullable=False)
    target_type: Series[str] = fields.code(vocabularies.TARGET_TYPE, "Kind of target.")
    designations: Series[pd.Int64Dtype] = fields.derived("Rows of sanctions.", nullable=False)
    source_ids: Series[str] = fields.derived_ids("Their sources.", references=SOURCES)


class StancesByActor(Output):
    """Statements per actor, quarter and stance."""

    actor: Series[str] = fields.derived("Who spoke.", nullable=False)
    quarter: Series[str] = fields.derived("Quarter, e.g. 2024Q4.", nullable=False)
    stance: Series[str] = fields.code(vocabularies.STANCE, "What the statements do.")
    statements: Series[pd.Int64Dtype] = fields.derived("Rows of statements.", nullable=False)
    source_ids: Series[str] = fields.derived_ids("Their sources.", references=SOURCES)


class Vessels(Output):
    """Named vessels with their claimed voyages and sanction status."""

    vessel_name: Series[str] = fields.derived("Name of the ship.", nullable=False)
    shipment_claims: Series[pd.Int64Dtype] = fields.derived("Claims naming it.", nullable=False)
    first_claim: Series[pa.DateTime] = fields.derived("Earliest claim date.")
    last_claim: Series[pa.DateTime] = fields.derived("Latest claim date.")
    claim_source_ids: Series[str] = fields.derived_ids("Sources of the claims.", references=SOURCES)
    designated_by: Series[str] = fields.derived_ids("Authorities that designated it.")
    first_designation: Series[pa.DateTime] = fields.derived("Earliest designation.")
    designation_source_ids: Series[str] = fields.derived_ids(
        "Sources of the designations.", references=SOURCES
    )
