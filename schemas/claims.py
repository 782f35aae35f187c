"""What the two tables of claims share: who claims, when the claim was made and what
period it covers, how sure it is (by the rubric), and how a figure is bounded."""

from typing import Any

import pandas as pd
import pandera.pandas as pa

from schemas import fields, vocabularies
from schemas.rubric import allowed_grades
from schemas.rules import row_check

FIRST_DAY = pd.Timestamp("2022-01-01")


def claim_date() -> Any:
    return fields.date(
        "When the claimant made the claim (the statement, briefing or report, "
        "not a later article); running totals stand at this date."
    )


def claim_date_precision() -> Any:
    return fields.code(vocabularies.CLAIM_DATE_PRECISION, "How precisely the claim date is known.")


def period_start() -> Any:
    return fields.date(
        "First day of the period the claim covers, as far as a cited page states it.", nullable=True
    )


def period_end() -> Any:
    return fields.date(
        "Last day of the period the claim covers; empty for running totals "
        "(the claim date closes them) and where no page states it.",
        nullable=True,
    )


def period_precision() -> Any:
    return fields.code(
        vocabularies.DATE_PRECISION,
        "How precisely the period is known; given with a period.",
        nullable=True,
    )


def claimant() -> Any:
    return fields.text("Who asserts the claim (not the outlet that reports it).", max_length=160)


def claimant_country() -> Any:
    return fields.country(
        "ISO 3166-1 alpha-2 code of the claimant; EU for EU bodies; empty for multilateral bodies."
    )


def claimant_type() -> Any:
    return fields.code(vocabularies.CLAIMANT_TYPE, "Kind of claimant.")


def method() -> Any:
    return fields.code(vocabularies.METHOD, "How the claimant knows.")


def corroborated() -> Any:
    return pa.Field(
        description="true when a cited page shows an independent government confirming the claim."
    )


def confidence() -> Any:
    return fields.code(
        vocabularies.CONFIDENCE,
        "Confidence grade, as the rubric allows for "
        "the method, the kind of claimant and corroboration.",
    )


class ClaimChecks(pa.DataFrameModel):
    """The rules every claim obeys; the tables of claims inherit them."""

    @row_check(
        "claim_not_before_period",
        "Claim after its period starts",
        "The claim date is not before the start of the period it covers.",
        ("period_start", "claim_date"),
    )
    def claim_not_before_period(cls, df: pd.DataFrame) -> pd.Series:
        return (df["period_start"].isna() | (df["claim_date"] >= df["period_start"])).astype(bool)

    @row_check(
        "period_in_order",
        "Period in order",
        "period_end is not before period_start.",
        ("period_start", "period_end"),
    )
    def period_in_order(cls, df: pd.DataFrame) -> pd.Series:
        unknown = df["period_end"].isna() | df["period_start"].isna()
        return (unknown | (df["period_end"] >= df["period_start"])).astype(bool)

    @row_check(
        "precision_with_period",
        "Period precision",
        "period_precision is given exactly when a period date is.",
        ("period_start", "period_end", "period_precision"),
    )
    def precision_with_period(cls, df: pd.DataFrame) -> pd.Series:
        has_period = df["period_start"].notna() | df["period_end"].notna()
        return (has_period == df["period_precision"].notna()).astype(bool)

    @row_check(
        "since_2022",
        "Since 2022",
        "The claim is made, and its period starts, on or after 2022-01-01.",
        ("claim_date", "period_start"),
    )
    def since_2022(cls, df: pd.DataFrame) -> pd.Series:
        start_ok = df["period_start"].isna() | (df["period_start"] >= FIRST_DAY)
        return (start_ok & (df["claim_date"] >= FIRST_DAY)).astype(bool)

    @row_check(
        "confidence_by_rubric",
        "Confidence by the rubric",
        "The grade is one the rubric allows for this method, kind of claimant and "
        "corroboration (see the rubric below).",
        ("method", "claimant_type", "corroborated", "confidence"),
    )
    def confidence_by_rubric(cls, df: pd.DataFrame) -> pd.Series:
        rows = zip(
            df["method"], df["claimant_type"], df["corroborated"], df["confidence"], strict=True
        )
        return pd.Series(
            [c in allowed_grades(m, t, bool(k) if pd.notna(k) else False) for m, t, k, c in rows],
            index=df.index,
            dtype=bool,
        )


def bound_ok(low: pd.Series, high: pd.Series, bound: pd.Series) -> pd.Series:
    """Whether each figure's bounds fit its wording (see QUANTITY_BOUND)."""
    has_low, has_high = low.notna(), high.notna()
    equal = (low == high).fillna(False).astype(bool)
    below = (low < high).fillna(False).astype(bool)
    fits = pd.Series(False, index=low.index)
    fits |= bound.isin(["single", "about"]) & equal
    fits |= (bound == "range") & below
    fits |= (bound == "more_than") & has_low & ~has_high
    fits |= (bound == "up_to") & ~has_low & has_high
    fits |= bound.isna() & ~has_low & ~has_high
    return fits.astype(bool)
