"""Analysis tables the report reads: pure functions of the processed tables, and their assets.

Each mart states which processed tables it reads, so a change to one raw table rebuilds
only the marts that depend on it.
"""

from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg
import pandas as pd

from pipeline.automation import DOWNSTREAM_CONDITION
from pipeline.metadata import published
from pipeline.project import Project
from pipeline.tables import processed_key
from pipeline.versions import code_version

MARTS_CODE = code_version("pipeline/marts.py", "pipeline/publish.py", "pipeline/metadata.py")

# Headline measures: the report's key figures, each shown as a range across claimants.
HEADLINES = [
    ("containers", "Shipping containers of munitions sent to Russia", "munitions", ("containers",)),
    ("shells", "Artillery shells sent to Russia", "munitions", ("shells", "rounds")),
    ("missiles", "Ballistic missiles sent to Russia", "ballistic_missiles", ("missiles",)),
    ("troops", "DPRK troops deployed for Russia", "troops", ("persons",)),
    ("casualties", "DPRK soldiers killed or wounded", "casualties", ("persons",)),
    ("oil", "Barrels of oil delivered to the DPRK", "petroleum", ("barrels",)),
]


def _ids(series: pd.Series) -> str:
    return ";".join(sorted({i for cell in series.dropna() for i in cell.split(";")}))


def _month(dates: pd.Series) -> pd.Series:
    return dates.dt.to_period("M").dt.start_time


def transfers_by_month(shipments: pd.DataFrame) -> pd.DataFrame:
    frame = shipments.assign(month=_month(shipments["date_start"]))
    out = frame.groupby(["month", "direction", "category"], as_index=False).agg(
        claims=("shipment_id", "count"),
        claimants=("claimant", "nunique"),
        source_ids=("source_ids", _ids),
    )
    return out.sort_values(["month", "direction", "category"], ignore_index=True)


def estimate_ranges(shipments: pd.DataFrame) -> pd.DataFrame:
    has_figure = shipments["quantity_low"].notna() | shipments["quantity_high"].notna()
    columns = ["shipment_id", "direction", "category", "item", "claimant", "claimant_country",
               "date_start", "date_end", "quantity_low", "quantity_high", "quantity_unit",
               "method", "confidence", "source_ids"]
    return (shipments.loc[has_figure, columns]
            .sort_values(["category", "quantity_unit", "date_end", "claimant"], ignore_index=True))


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
        claims = shipments[(shipments["category"] == category)
                           & shipments["quantity_unit"].isin(units)
                           & (shipments["quantity_scope"] == "total")
                           & shipments["quantity_low"].notna()]
        if claims.empty:
            continue
        claims = claims.assign(top=claims["quantity_high"].fillna(claims["quantity_low"]))
        best = (claims.sort_values(["top", "date_end", "shipment_id"])
                .groupby("claimant", as_index=False).tail(1)
                .sort_values(["top", "claimant"]))
        largest = best.iloc[-1]
        rows.append({
            "figure": figure,
            "label": label,
            "unit": units[0],
            "low": int(best["quantity_low"].min()),
            "high": int(best["top"].max()),
            "high_open": bool(pd.isna(largest["quantity_high"])),
            "claimants": len(best),
            "claimant_figures": "; ".join(
                f"{r.claimant}: {_figure_text(r.quantity_low, r.quantity_high)} "
                f"({r.date_end:%Y-%m-%d})" for r in best.itertuples()),
            "latest_claim": best["date_end"].max(),
            "shipment_ids": ";".join(sorted(best["shipment_id"])),
            "source_ids": _ids(best["source_ids"]),
        })
    return pd.DataFrame(rows)


def designations_by_authority_month(sanctions: pd.DataFrame) -> pd.DataFrame:
    designations = sanctions[sanctions["action"] == "designation"]
    frame = designations.assign(month=_month(designations["date"]))
    out = frame.groupby(["authority", "month", "target_type"], as_index=False).agg(
        designations=("sanction_id", "count"), source_ids=("source_ids", _ids))
    return out.sort_values(["month", "authority", "target_type"], ignore_index=True)


def stances_by_actor(statements: pd.DataFrame) -> pd.DataFrame:
    frame = statements.assign(quarter=statements["date"].dt.to_period("Q").astype(str))
    out = frame.groupby(["actor", "quarter", "stance"], as_index=False).agg(
        statements=("statement_id", "count"), source_ids=("source_ids", _ids))
    return out.sort_values(["actor", "quarter", "stance"], ignore_index=True)


def vessels(shipments: pd.DataFrame, sanctions: pd.DataFrame) -> pd.DataFrame:
    """Every named vessel with its claimed voyages and who sanctioned it, since when."""
    named = shipments[shipments["vessel_name"].notna()]
    claims = named.groupby("vessel_name").agg(
        shipment_claims=("shipment_id", "count"),
        first_claim=("date_start", "min"),
        last_claim=("date_end", "max"),
        claim_source_ids=("source_ids", _ids),
    )
    targets = sanctions[(sanctions["target_type"] == "vessel") & (sanctions["action"] == "designation")]
    designated = targets.groupby("target_name").agg(
        designated_by=("authority", lambda s: ";".join(sorted(set(s)))),
        first_designation=("date", "min"),
        designation_source_ids=("source_ids", _ids),
    )
    out = claims.join(designated, how="outer").rename_axis("vessel_name").reset_index()
    out["shipment_claims"] = out["shipment_claims"].fillna(0).astype(int)
    return out.sort_values("vessel_name", ignore_index=True)


@dataclass(frozen=True)
class Mart:
    name: str
    reads: tuple[str, ...]
    compute: Callable[..., pd.DataFrame]
    description: str


MARTS = [
    Mart("transfers_by_month", ("shipments",), transfers_by_month,
         "Claims per month, direction and category (by the month the claimed period starts)."),
    Mart("estimate_ranges", ("shipments",), estimate_ranges,
         "Every claim that gives a figure, with claimant, period, method and sources."),
    Mart("headline_figures", ("shipments",), headline_figures,
         "Key figures: the range spanned by each claimant's largest running total, per measure."),
    Mart("designations_by_authority_month", ("sanctions",), designations_by_authority_month,
         "Designations per authority, month and target type."),
    Mart("stances_by_actor", ("statements",), stances_by_actor,
         "Statements per actor, quarter and stance."),
    Mart("vessels", ("shipments", "sanctions"), vessels,
         "Named vessels with their claimed voyages and sanction status."),
]


def mart_key(name: str) -> dg.AssetKey:
    return dg.AssetKey(["marts", name])


def read_processed(project: Project, table: str) -> pd.DataFrame:
    return pd.read_parquet(project.processed_dir / f"{table}.parquet")


def build_mart_asset(project: Project, mart: Mart):
    @dg.asset(
        key=mart_key(mart.name),
        deps=[processed_key(t) for t in mart.reads],
        group_name="marts",
        kinds={"pandas", "parquet"},
        code_version=MARTS_CODE,
        description=mart.description,
        automation_condition=DOWNSTREAM_CONDITION,
    )
    def mart_asset(context: dg.AssetExecutionContext):
        return published(project, mart.name,
                         mart.compute(*(read_processed(project, t) for t in mart.reads)))

    return mart_asset


def build_mart_assets(project: Project) -> list:
    return [build_mart_asset(project, mart) for mart in MARTS]
