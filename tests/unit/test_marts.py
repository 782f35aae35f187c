"""The computed tables: right numbers from small frames, never summed across claimants."""

import pandas as pd

from pipeline.analysis import marts
from pipeline.publish import tables
from pipeline.validation import validate_dataset
from schemas.catalog import TABLES, of_kind
from tests.support import RAW


def _shipments(rows):
    base = {
        "direction": "dprk_to_russia",
        "category": "munitions",
        "quantity_unit": "shells",
        "quantity_scope": "total",
        "period_start": pd.Timestamp("2023-01-01"),
        "source_ids": "a",
    }
    return pd.DataFrame([{**base, **r} for r in rows]).astype(
        {"quantity_low": "Int64", "quantity_high": "Int64"}
    )


def test_headline_takes_each_claimants_largest_running_total_only():
    frame = _shipments(
        [
            {
                "shipment_id": "SHP-001",
                "claimant": "A",
                "quantity_low": 1000,
                "quantity_high": 1000,
                "claim_date": pd.Timestamp("2023-06-01"),
            },
            {
                "shipment_id": "SHP-002",
                "claimant": "A",
                "quantity_low": 3000,
                "quantity_high": 3000,
                "claim_date": pd.Timestamp("2024-06-01"),
            },
            {
                "shipment_id": "SHP-003",
                "claimant": "B",
                "quantity_low": 2000,
                "quantity_high": None,
                "claim_date": pd.Timestamp("2024-01-01"),
            },
            {
                "shipment_id": "SHP-004",
                "claimant": "C",
                "quantity_low": 9_000_000,
                "quantity_high": 9_000_000,
                "claim_date": pd.Timestamp("2024-01-01"),
                "quantity_scope": "period",
            },
        ]
    )
    row = marts.headline_figures(frame).set_index("figure").loc["shells"]
    assert (row["low"], row["high"], row["claimants"]) == (2000, 3000, 2)
    assert row["shipment_ids"] == "SHP-002;SHP-003"


def test_citations_list_every_cited_source_once_per_row():
    frames = validate_dataset(RAW).frames
    out = marts.citations(
        frames["shipments"], frames["sanctions"], frames["statements"], frames["value_estimates"]
    )
    assert not out.duplicated().any()
    cited = {s for cell in frames["statements"]["source_ids"] for s in cell.split(";")}
    assert set(out.loc[out["table_name"] == "statements", "source_id"]) == cited


def test_every_computed_table_has_its_function_and_passes_its_model():
    frames = {n: f.reset_index(drop=True) for n, f in validate_dataset(RAW).frames.items()}
    empty = {
        "ofac_sdn": tables.conform(TABLES["ofac_sdn"], pd.DataFrame()),
        "ofac_snapshots": tables.conform(TABLES["ofac_snapshots"], pd.DataFrame()),
    }
    inputs = {**frames, **empty}
    for table in of_kind("link", "analysis"):
        out = getattr(marts, table.name)(*(inputs[r] for r in table.reads))
        table.model.validate(tables.conform(table, out))
