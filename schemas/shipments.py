import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import claims, fields, vocabularies
from schemas.rules import row_check

ALLOWED_PAIRS = {f"dprk_to_russia|{c}" for c in vocabularies.CATEGORY_DPRK_TO_RUSSIA} | {
    f"russia_to_dprk|{c}" for c in vocabularies.CATEGORY_RUSSIA_TO_DPRK
}


class Shipments(claims.ClaimChecks):
    """One row per claimed transfer between the DPRK and Russia, per claimant and claim.

    Conflicting estimates of the same flow are separate rows, each with its claimant and
    the date the claim was made; figures are never summed or averaged.
    """

    shipment_id: Series[str] = fields.identifier(fields.SHIPMENT_ID, "Stable row id.")
    direction: Series[str] = fields.code(vocabularies.DIRECTION, "Which way the transfer goes.")
    category: Series[str] = fields.code(
        vocabularies.CATEGORY, "Kind of transfer; must fit the direction."
    )
    item: Series[str] = fields.text("What is transferred, e.g. '152 mm artillery shells'.")
    quantity_low: Series[pd.Int64Dtype] = fields.quantity(
        "Lower bound of the claimed figure; empty with no figure or an 'up to'."
    )
    quantity_high: Series[pd.Int64Dtype] = fields.quantity(
        "Upper bound of the claimed figure; equals quantity_low for one figure, empty for a "
        "'more than'."
    )
    quantity_bound: Series[str] = fields.code(
        vocabularies.QUANTITY_BOUND,
        "How the source words the figure; given with a figure.",
        nullable=True,
    )
    quantity_unit: Series[str] = fields.code(
        vocabularies.QUANTITY_UNIT, "Unit of the figure; given with a figure.", nullable=True
    )
    quantity_scope: Series[str] = fields.code(
        vocabularies.QUANTITY_SCOPE,
        "What the figure counts: a running total, part of one, a period, one event, or a "
        "plan; given with a figure.",
        nullable=True,
    )
    is_estimate: Series[pd.BooleanDtype] = pa.Field(
        description="true unless the figure is an officially reported exact count."
    )
    claim_date: Series[pa.DateTime] = claims.claim_date()
    claim_date_precision: Series[str] = claims.claim_date_precision()
    period_start: Series[pa.DateTime] = claims.period_start()
    period_end: Series[pa.DateTime] = claims.period_end()
    period_precision: Series[str] = claims.period_precision()
    route_mode: Series[str] = fields.code(
        vocabularies.ROUTE_MODE, "How the goods or people travel."
    )
    origin: Series[str] = fields.text("Place of departure as a cited page names it.", nullable=True)
    destination: Series[str] = fields.text(
        "Place of arrival as a cited page names it.", nullable=True
    )
    vessel_name: Series[str] = pa.Field(
        description="Name of the ship, upper case, when a cited page names one.",
        nullable=True,
        matches=r"[A-Z0-9][A-Z0-9 .\-]*",
    )
    vessel_imo: Series[str] = fields.imo("IMO number of the ship (7 digits, valid check digit).")
    claimant: Series[str] = claims.claimant()
    claimant_country: Series[str] = claims.claimant_country()
    claimant_type: Series[str] = claims.claimant_type()
    method: Series[str] = claims.method()
    corroborated: Series[pd.BooleanDtype] = claims.corroborated()
    confidence: Series[str] = claims.confidence()
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
        "bound_fits_figures",
        "Figure and wording agree",
        "quantity_bound fits the bounds: single and about have low = high, range has "
        "low < high, more_than has only low, up_to only high, no figure no bound.",
        ("quantity_low", "quantity_high", "quantity_bound"),
    )
    def bound_fits_figures(cls, df: pd.DataFrame) -> pd.Series:
        return claims.bound_ok(df["quantity_low"], df["quantity_high"], df["quantity_bound"])

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
        "quantity_unit and quantity_scope are given whenever a figure is, and only then.",
        ("quantity_unit", "quantity_scope"),
    )
    def unit_with_quantity(cls, df: pd.DataFrame) -> pd.Series:
        has_figure = df["quantity_low"].notna() | df["quantity_high"].notna()
        described = df["quantity_unit"].notna() & df["quantity_scope"].notna()
        return (has_figure == described).astype(bool)

    @row_check(
        "imo_with_vessel",
        "IMO with a vessel",
        "vessel_imo is given only with vessel_name.",
        ("vessel_name", "vessel_imo"),
    )
    def imo_with_vessel(cls, df: pd.DataFrame) -> pd.Series:
        return (df["vessel_imo"].isna() | df["vessel_name"].notna()).astype(bool)
