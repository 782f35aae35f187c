"""Checks that span tables: citations resolve and are used, vessels agree, links resolve.

Each check takes the parsed tables (indexed by file line) and returns one
`DatasetFailure` per offending cell. A table that could not be parsed is absent from the
mapping; a check that needs it is then not evaluated, and `evaluable` says so.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd

from schemas.fields import LIST_SEPARATOR
from schemas.rules import register

CITING_TABLES = ("shipments", "sanctions", "statements", "value_estimates")
Tables = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class DatasetFailure:
    table: str
    line: int
    column: str
    check: str
    value: str
    candidates: tuple[str, ...] = ()  # known values a near miss may have meant


@dataclass(frozen=True)
class DatasetCheck:
    name: str
    needs: tuple[str, ...]
    run: Callable[[Tables], Iterator[DatasetFailure]]


DATASET_CHECKS: list[DatasetCheck] = []


def dataset_check(name: str, title: str, requires: str, needs: tuple[str, ...]):
    register(name, title, requires, "dataset")

    def decorate(function: Callable[[Tables], Iterator[DatasetFailure]]):
        DATASET_CHECKS.append(DatasetCheck(name, needs, function))
        return function

    return decorate


def split_ids(cell) -> list[str]:
    """The ids of one list cell (';'-separated in the raw files)."""
    return [] if cell is None or pd.isna(cell) else str(cell).split(LIST_SEPARATOR)


@dataset_check(
    "source_ids_resolve",
    "Cited source exists",
    "Every cited source_id is a row of sources.csv.",
    ("sources", *CITING_TABLES),
)
def source_ids_resolve(tables: Tables) -> Iterator[DatasetFailure]:
    known = tuple(tables["sources"]["source_id"].dropna())
    known_set = set(known)
    for name in CITING_TABLES:
        for line, cell in tables[name]["source_ids"].items():
            for sid in split_ids(cell):
                if sid not in known_set:
                    yield DatasetFailure(name, line, "source_ids", "source_ids_resolve", sid, known)


@dataset_check(
    "source_is_cited",
    "Source cited",
    "Every source in sources.csv is cited by at least one row of another table.",
    ("sources", *CITING_TABLES),
)
def source_is_cited(tables: Tables) -> Iterator[DatasetFailure]:
    cited = {
        sid
        for name in CITING_TABLES
        for cell in tables[name]["source_ids"]
        for sid in split_ids(cell)
    }
    for line, sid in tables["sources"]["source_id"].items():
        if pd.notna(sid) and sid not in cited:
            yield DatasetFailure("sources", line, "source_id", "source_is_cited", sid)


@dataset_check(
    "vessel_imo_consistent",
    "One IMO number per vessel",
    "A vessel has the same IMO number wherever it appears.",
    ("shipments", "sanctions"),
)
def vessel_imo_consistent(tables: Tables) -> Iterator[DatasetFailure]:
    sanctions = tables["sanctions"]
    sightings = [
        ("shipments", "vessel_name", "vessel_imo", tables["shipments"]),
        ("sanctions", "target_name", "target_imo", sanctions[sanctions["target_type"] == "vessel"]),
    ]
    imos: dict[str, set] = defaultdict(set)
    for _, name_col, imo_col, frame in sightings:
        for name, imo in zip(frame[name_col], frame[imo_col], strict=True):
            if pd.notna(name) and pd.notna(imo):
                imos[name].add(imo)
    conflicting = {name for name, found in imos.items() if len(found) > 1}
    for table, name_col, imo_col, frame in sightings:
        for line, name, imo in zip(frame.index, frame[name_col], frame[imo_col], strict=True):
            if name in conflicting and pd.notna(imo):
                yield DatasetFailure(
                    table, line, imo_col, "vessel_imo_consistent", f"{name}: {imo}"
                )


@dataset_check(
    "shipment_links_resolve",
    "Linked shipment exists",
    "Every shipment_id linked from sanctions is a row of shipments.csv.",
    ("shipments", "sanctions"),
)
def shipment_links_resolve(tables: Tables) -> Iterator[DatasetFailure]:
    known = tuple(tables["shipments"]["shipment_id"].dropna())
    known_set = set(known)
    for line, cell in tables["sanctions"]["shipment_ids"].items():
        for sid in split_ids(cell):
            if sid not in known_set:
                yield DatasetFailure(
                    "sanctions", line, "shipment_ids", "shipment_links_resolve", sid, known
                )


def check_dataset(tables: Tables) -> tuple[list[DatasetFailure], list[str]]:
    """Every cross-table failure over the tables that parsed, and the checks not evaluated
    because a table they need could not be read."""
    failures, skipped = [], []
    for check in DATASET_CHECKS:
        if all(name in tables for name in check.needs):
            failures += list(check.run(tables))
        else:
            skipped.append(check.name)
    return failures, skipped
