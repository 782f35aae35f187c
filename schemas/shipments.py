import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import fields, vocabularies
from schemas.rules import row_check

FIRST_DAY = pd.Timestamp("2022-01-01")
ALLOWED_PAIRS = {f"dprk_to_russia|{c}" for c in vocabularies.CATEGORY_DPRK_TO_RUSSIA} | {
    f"russia_to_dprk|{c}" for c in vocabularies.CATEGORY_RUSSIA_TO_DPRK
}


class Shipments(pa.DataFrameModel):
    """One row per claimed transfer between the DPRK and Russia, per claimant.

    Conflicting estimates of the same flow are separate rows, each with its claimant.
    """

    shipment_id: Series[str] = fields.identifier(fields.SHIPMENT_ID, "Stable row id.")
    direction: Series[str] = fields.code(vocabularies.DIRECTION, "Which way the transfer goes.")
    date_start: Series[pa.DateTime] = fields.date(
        "First day of the period the claim covers (2022 or later)."
    )
    date_end: Series[pa.DateTime] = fields.date(
        "Last day of the period the claim covers; for cumulative totals, the date of the claim."
    )
    date_precision: Series[str] = fields.code(
        vocabularies.DATE_PRECISION, "How precisely the period is known."
    )
    category: Series[str] = fields.code(
        vocabularies.CATEGORY, "Kind of transfer; must fit the direction."
    )
    item: Series[str] = fields.text("What is transferred, e.g. '152 mm artillery shells'.")
    quantity_low: Series[pd.Int64Dtype] = fields.quantity(
        "Lower bound of the claimed quantity; empty when no figure is given."
    )
    quantity_high: Series[pd.Int64Dtype] = fields.quantity(
        "Upper bound of the claimed quantity; equals quantity_low for a single figure, "
        "empty for an open-ended 'more than'."
    )
    quantity_unit: Series[str] = fields.code(
        vocabularies.QUANTITY_UNIT,
        "Unit of the quantity; required when a quantity is given.",
        nullable=True,
    )
    quantity_scope: Series[str] = fields.code(
        vocabularies.QUANTITY_SCOPE,
        "What the figure counts: a running total, part of one, a period, one event, or a plan; "
        "required when a quantity is given.",
        nullable=True,
    )
    is_estimate: Series[pd.BooleanDtype] = pa.Field(
        description="true unless the figure is an officially reported exact count."
    )
    route_mode: Series[str] = fields.code(
        vocabularies.ROUTE_MODE, "How the goods or people travel."
    )
    origin: Series[str] = fields.text("Place of departure, e.g. 'Rajin port'.", nullable=True)
    destination: Series[str] = fields.text("Place of arrival, e.g. 'Dunai'.", nullable=True)
    vessel_name: Series[str] = pa.Field(
        description="Name of the ship, upper case, when the row is about a named vessel.",
        nullable=True,
        matches=r"[A-Z0-9][A-Z0-9 .\-]*",
    )
    vessel_imo: Series[str] = fields.imo("IMO number of the ship (7 digits, valid check digit).")
    claimant: Series[str] = fields.text("Who asserts the claim.", max_length=120)
    claimant_country: Series[str] = fields.country(
        "ISO 3166-1 alpha-2 code of the claimant; EU for EU bodies; empty for multilateral bodies."
    )
    method: Series[str] = fields.code(vocabularies.METHOD, "How the claimant knows.")
    confidence: Series[str] = fields.code(
        vocabularies.CONFIDENCE, "Confidence grade under the documented rubric."
    )
    evidence_note: Series[str] = fields.note("What the sources say, in the project's own words.")
    source_ids: Series[str] = fields.source_ids()

    class Config:
        strict = True
        ordered = True

    @row_check(
        "low_le_high",
        "Low at most high",
        "quantity_low is not greater than quantity_high.",
        ("quantity_low", "quantity_high"),
    )
    def low_le_high(cls, df: pd.DataFrame) -> pd.Series:
        return (df["quantity_low"] <= df["quantity_high"]).fillna(True).astype(bool)

    @row_check(
        "end_on_or_after_start",
        "Period in order",
        "date_end is not before date_start.",
        ("date_start", "date_end"),
    )
    def end_on_or_after_start(cls, df: pd.DataFrame) -> pd.Series:
        unknown = df["date_end"].isna() | df["date_start"].isna()
        return (unknown | (df["date_end"] >= df["date_start"])).astype(bool)

    @row_check("since_2022", "Since 2022", "date_start is on or after 2022-01-01.", ("date_start",))
    def since_2022(cls, df: pd.DataFrame) -> pd.Series:
        return (df["date_start"].isna() | (df["date_start"] >= FIRST_DAY)).astype(bool)

    @row_check(
        "category_fits_direction",
        "Category fits direction",
        "The category is one of those listed for the direction.",
        ("direction", "category"),
    )
    def category_fits_direction(cls, df: pd.DataFrame) -> pd.Series:
        return (df["direction"] + "|" + df["category"]).isin(ALLOWED_PAIRS).astype(bool)

    @row_check(
        "unit_with_quantity",
        "Unit and scope with a figure",
        "quantity_unit and quantity_scope are given whenever a quantity is.",
        ("quantity_unit", "quantity_scope"),
    )
    def unit_with_quantity(cls, df: pd.DataFrame) -> pd.Series:
        has_quantity = df["quantity_low"].notna() | df["quantity_high"].notna()
        described = df["quantity_unit"].notna() & df["quantity_scope"].notna()
        return (~has_quantity | described).astype(bool)

    @row_check(
        "imo_with_vessel",
        "IMO with a vessel",
        "vessel_imo is given only with vessel_name.",
        ("vessel_name", "vessel_imo"),
    )
    def imo_with_vessel(cls, df: pd.DataFrame) -> pd.Series:
        return (df["vessel_imo"].isna() | df["vessel_name"].notna()).astype(bool)
