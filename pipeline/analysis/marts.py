"""The computed tables: one function per table of kind "link" or "analysis" in the
catalog, named after it and taking the tables it reads, in order. Pure functions.
"""

import pandas as pd

from pipeline.sources.ofac import match
from schemas.integrity import split_ids

# Headline measures: the report's key figures, each claimant's largest running total.
HEADLINES = [
    ("containers", "Shipping containers of munitions sent to Russia", "munitions", ("containers",)),
    ("shells", "Artillery shells sent to Russia", "munitions", ("shells", "rounds")),
    ("missiles", "Ballistic missiles sent to Russia", "ballistic_missiles", ("missiles",)),
    ("troops", "DPRK troops deployed for Russia", "troops", ("persons",)),
    ("casualties", "DPRK soldiers killed or wounded", "casualties", ("persons",)),
    ("oil", "Barrels of oil delivered to the DPRK", "petroleum", ("barrels",)),
]


def joined_ids(cells) -> str:
    """The distinct ids of some list cells, sorted and ';'-joined."""
    return ";".join(sorted({i for cell in cells for i in split_ids(cell)}))


def _month(dates: pd.Series) -> pd.Series:
    return dates.dt.to_period("M").dt.start_time


def citations(
    shipments: pd.DataFrame,
    sanctions: pd.DataFrame,
    statements: pd.DataFrame,
    value_estimates: pd.DataFrame,
) -> pd.DataFrame:
    rows = [
        {"table_name": name, "row_id": row_id, "source_id": source_id}
        for name, frame, key in (
            ("shipments", shipments, "shipment_id"),
            ("sanctions", sanctions, "sanction_id"),
            ("statements", statements, "statement_id"),
            ("value_estimates", value_estimates, "value_id"),
        )
        for row_id, cell in zip(frame[key], frame["source_ids"], strict=True)
        for source_id in split_ids(cell)
    ]
    return pd.DataFrame(rows, columns=["table_name", "row_id", "source_id"])


def transfers_by_month(shipments: pd.DataFrame) -> pd.DataFrame:
    frame = shipments.assign(month=_month(shipments["claim_date"]))
    out = frame.groupby(["month", "direction", "category"], as_index=False).agg(
        claims=("shipment_id", "count"),
        claimants=("claimant", "nunique"),
        source_ids=("source_ids", joined_ids),
    )
    return out.sort_values(["month", "direction", "category"], ignore_index=True)


def estimate_ranges(shipments: pd.DataFrame) -> pd.DataFrame:
    has_figure = shipments["quantity_low"].notna() | shipments["quantity_high"].notna()
    columns = [
        "shipment_id",
        "direction",
        "category",
        "item",
        "claimant",
        "claimant_country",
        "claimant_type",
        "claim_date",
        "period_start",
        "period_end",
        "quantity_low",
        "quantity_high",
        "quantity_bound",
        "quantity_unit",
        "quantity_scope",
        "method",
        "confidence",
        "source_ids",
    ]
    return shipments.loc[has_figure, columns].sort_values(
        ["category", "quantity_unit", "claim_date", "claimant"], ignore_index=True
    )


def _figure_text(low, high) -> str:
    if pd.isna(high):
        return f"more than {int(low):,}"
    return f"{int(low):,}" if low == high else f"{int(low):,} to {int(high):,}"


def headline_figures(shipments: pd.DataFrame) -> pd.DataFrame:
    """Per headline measure, the range spanned by each claimant's largest running total.

    Only figures whose scope is a running total ('total') count: period flows, single
    events and plans measure something else. Nothing is summed or averaged.
    """
    rows = []
    for figure, label, category, units in HEADLINES:
        claims = shipments[
            (shipments["category"] == category)
            & shipments["quantity_unit"].isin(units)
            & (shipments["quantity_scope"] == "total")
            & shipments["quantity_low"].notna()
        ]
        if claims.empty:
            continue
        claims = claims.assign(top=claims["quantity_high"].fillna(claims["quantity_low"]))
        best = (
            claims.sort_values(["top", "claim_date", "shipment_id"])
            .groupby("claimant", as_index=False)
            .tail(1)
            .sort_values(["top", "claimant"])
        )
        largest = best.iloc[-1]
        rows.append(
            {
                "figure": figure,
                "label": label,
                "unit": units[0],
                "low": int(best["quantity_low"].min()),
                "high": int(best["top"].max()),
                "high_open": bool(pd.isna(largest["quantity_high"])),
                "claimants": len(best),
                "claimant_figures": "; ".join(
                    f"{r.claimant}: {_figure_text(r.quantity_low, r.quantity_high)} "
                    f"({r.claim_date:%Y-%m-%d})"
                    for r in best.itertuples()
                ),
                "latest_claim": best["claim_date"].max(),
                "shipment_ids": ";".join(sorted(best["shipment_id"])),
                "source_ids": joined_ids(best["source_ids"]),
            }
        )
    return pd.DataFrame(rows)


def designations_by_authority_month(sanctions: pd.DataFrame) -> pd.DataFrame:
    designations = sanctions[sanctions["action"] == "designation"]
    frame = designations.assign(month=_month(designations["date"]))
    out = frame.groupby(["authority", "month", "target_type"], as_index=False).agg(
        designations=("sanction_id", "count"), source_ids=("source_ids", joined_ids)
    )
    return out.sort_values(["month", "authority", "target_type"], ignore_index=True)


def stances_by_actor(statements: pd.DataFrame) -> pd.DataFrame:
    frame = statements.assign(quarter=statements["date"].dt.to_period("Q").astype(str))
    out = frame.groupby(["actor", "quarter", "stance"], as_index=False).agg(
        statements=("statement_id", "count"), source_ids=("source_ids", joined_ids)
    )
    return out.sort_values(["actor", "quarter", "stance"], ignore_index=True)


def vessels(shipments: pd.DataFrame, sanctions: pd.DataFrame) -> pd.DataFrame:
    """Every named vessel with its claimed voyages and who sanctioned it, since when."""
    named = shipments[shipments["vessel_name"].notna()]
    claims = named.groupby("vessel_name").agg(
        shipment_claims=("shipment_id", "count"),
        first_claim=("claim_date", "min"),
        last_claim=("claim_date", "max"),
        claim_source_ids=("source_ids", joined_ids),
    )
    targets = sanctions[
        (sanctions["target_type"] == "vessel") & (sanctions["action"] == "designation")
    ]
    designated = targets.groupby("target_name").agg(
        designated_by=("authority", lambda s: ";".join(sorted(set(s)))),
        first_designation=("date", "min"),
        designation_source_ids=("source_ids", joined_ids),
    )
    out = claims.join(designated, how="outer").rename_axis("vessel_name").reset_index()
    out["shipment_claims"] = out["shipment_claims"].fillna(0).astype(int)
    return out.sort_values("vessel_name", ignore_index=True)


def ofac_crosscheck(
    shipments: pd.DataFrame,
    sanctions: pd.DataFrame,
    ofac_sdn: pd.DataFrame,
    ofac_snapshots: pd.DataFrame,
) -> pd.DataFrame:
    """Every curated vessel, entity and person checked against the SDN snapshots."""
    targets = match.curated_targets(shipments, sanctions)
    dates = [pd.Timestamp(d) for d in ofac_snapshots["snapshot"]]
    return match.crosscheck(targets, ofac_sdn, dates)
