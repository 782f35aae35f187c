"""Checks that span tables. Each returns failures as dicts with the same keys as
schema failures: table, line, column, check, value."""

from collections import defaultdict

import pandas as pd

CITING_TABLES = ("shipments", "sanctions", "statements")
CHECKS = {
    "source_ids_resolve": "Every cited source_id exists in sources.csv.",
    "source_is_cited": "Every source in sources.csv is cited by at least one row.",
    "vessel_imo_consistent": "A vessel has the same IMO number wherever it appears.",
    "shipment_links_resolve": "Every shipment_id linked from sanctions exists in shipments.",
}


def _ids(cell) -> list[str]:
    return [] if pd.isna(cell) else str(cell).split(";")


def _failure(table, line, column, check, value):
    return {"table": table, "line": int(line), "column": column, "check": check, "value": value}


def source_ids_resolve(tables: dict[str, pd.DataFrame]) -> list[dict]:
    known = set(tables["sources"]["source_id"])
    return [
        _failure(name, line, "source_ids", "source_ids_resolve", sid)
        for name in CITING_TABLES
        for line, cell in tables[name]["source_ids"].items()
        for sid in _ids(cell)
        if sid not in known
    ]


def source_is_cited(tables: dict[str, pd.DataFrame]) -> list[dict]:
    cited = {sid for name in CITING_TABLES for c in tables[name]["source_ids"] for sid in _ids(c)}
    return [
        _failure("sources", line, "source_id", "source_is_cited", sid)
        for line, sid in tables["sources"]["source_id"].items()
        if sid not in cited
    ]


def vessel_imo_consistent(tables: dict[str, pd.DataFrame]) -> list[dict]:
    sightings = [
        ("shipments", "vessel_name", "vessel_imo", tables["shipments"]),
        ("sanctions", "target_name", "target_imo", tables["sanctions"].query("target_type == 'vessel'")),
    ]
    imos_by_vessel: dict[str, set] = defaultdict(set)
    for _, name_col, imo_col, frame in sightings:
        for name, imo in zip(frame[name_col], frame[imo_col]):
            if pd.notna(name) and pd.notna(imo):
                imos_by_vessel[name].add(imo)
    conflicting = {name for name, imos in imos_by_vessel.items() if len(imos) > 1}
    return [
        _failure(table, line, imo_col, "vessel_imo_consistent", f"{name}: {imo}")
        for table, name_col, imo_col, frame in sightings
        for line, name, imo in zip(frame.index, frame[name_col], frame[imo_col])
        if name in conflicting and pd.notna(imo)
    ]


def shipment_links_resolve(tables: dict[str, pd.DataFrame]) -> list[dict]:
    known = set(tables["shipments"]["shipment_id"])
    return [
        _failure("sanctions", line, "shipment_ids", "shipment_links_resolve", sid)
        for line, cell in tables["sanctions"]["shipment_ids"].items()
        for sid in _ids(cell)
        if sid not in known
    ]


def check_integrity(tables: dict[str, pd.DataFrame]) -> list[dict]:
    """All cross-table failures; tables are indexed by their file line numbers."""
    return [f for check in (source_ids_resolve, source_is_cited, vessel_imo_consistent,
                            shipment_links_resolve) for f in check(tables)]
