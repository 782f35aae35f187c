import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import claims, fields, vocabularies
from schemas.rules import row_check

VALUE_ID = r"VAL-\d{3,}"


class ValueEstimates(claims.ClaimChecks):
    """One row per estimate of the money: what the arms and troops are worth, what the DPRK
    earns, what Russia gives in value, official trade figures.

    Amounts are in the currency the claimant used, never converted; each estimate is its
    own row with its claimant, period and what it counts.
    """

    value_id: Series[str] = fields.identifier(VALUE_ID, "Stable row id.")
    direction: Series[str] = fields.code(vocabularies.VALUE_DIRECTION, "Which way the value goes.")
    measure: Series[str] = fields.code(vocabularies.VALUE_MEASURE, "What the amount measures.")
    what_counts: Series[str] = fields.text("What exactly the amount counts, as the source says.")
    amount_low: Series[pd.Int64Dtype] = fields.quantity(
        "Lower bound of the amount in whole currency units; empty for an 'up to' or no figure."
    )
    amount_high: Series[pd.Int64Dtype] = fields.quantity(
        "Upper bound of the amount; equals amount_low for one figure, empty for a 'more than'."
    )
    amount_bound: Series[str] = fields.code(
        vocabularies.QUANTITY_BOUND,
        "How the source words the amount; given with an amount.",
        nullable=True,
    )
    currency: Series[str] = pa.Field(
        description="ISO 4217 code of the currency the claimant used (never converted).",
        iso_currency=True,
    )
    basis: Series[str] = fields.code(vocabularies.VALUE_BASIS, "What the amount is per.")
    claim_date: Series[pa.DateTime] = claims.claim_date()
    claim_date_precision: Series[str] = claims.claim_date_precision()
    period_start: Series[pa.DateTime] = claims.period_start()
    period_end: Series[pa.DateTime] = claims.period_end()
    period_precision: Series[str] = claims.period_precision()
    claimant: Series[str] = claims.claimant()
    claimant_country: Series[str] = claims.claimant_country()
    claimant_type: Series[str] = claims.claimant_type()
    method: Series[str] = claims.method()
    corroborated: Series[pd.BooleanDtype] = claims.corroborated()
    confidence: Series[str] = claims.confidence()
    note: Series[str] = fields.note("What the sources say, in the project's own words.")
    source_ids: Series[str] = fields.source_ids()

    class Config:
        strict = True
        ordered = True

    @row_check(
        "amount_bound_fits",
        "Amount and wording agree",
        "amount_bound fits the bounds, as for quantities.",
        ("amount_low", "amount_high", "amount_bound"),
    )
    def amount_bound_fits(cls, df: pd.DataFrame) -> pd.Series:
        return claims.bound_ok(df["amount_low"], df["amount_high"], df["amount_bound"])
