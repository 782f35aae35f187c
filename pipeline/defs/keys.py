"""Every asset key, in one place, so definition modules need not import each other."""

import dagster as dg

from schemas.catalog import TABLES

REPORT_SOURCE_KEY = dg.AssetKey(["source", "report"])
OFAC_RAW_KEY = dg.AssetKey(["raw", "ofac"])
OFAC_VALIDATED_KEY = dg.AssetKey(["validated", "ofac_sdn"])
WAREHOUSE_KEY = dg.AssetKey(["processed", "warehouse"])
REPORT_KEY = dg.AssetKey(["report"])


def raw_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", table])


def validated_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["validated", table])


def processed_key(table: str) -> dg.AssetKey:
    """The asset that publishes a catalog table: marts/<name> for analysis tables,
    processed/<name> for the rest."""
    return dg.AssetKey(["marts" if TABLES[table].kind == "analysis" else "processed", table])
