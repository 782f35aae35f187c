"""What changed since the last published report: rows added, removed, or revised (which fields)."""

from pathlib import Path

import pandas as pd

from pipeline.publish import tables
from schemas.catalog import RAW_TABLES

COLUMNS = ["table", "row_id", "change", "fields"]


def _comparable(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    return frame.astype("string").fillna("").set_index(key)


def diff_table(name: str, previous: pd.DataFrame, current: pd.DataFrame) -> list[dict]:
    key = RAW_TABLES[name].key_column
    old, new = _comparable(previous, key), _comparable(current, key)
    rows = [
        {"table": name, "row_id": i, "change": "added", "fields": ""}
        for i in new.index.difference(old.index)
    ]
    rows += [
        {"table": name, "row_id": i, "change": "removed", "fields": ""}
        for i in old.index.difference(new.index)
    ]
    shared_columns = [c for c in new.columns if c in old.columns]
    for row_id in new.index.intersection(old.index):
        changed = [c for c in shared_columns if old.at[row_id, c] != new.at[row_id, c]]
        if changed:
            rows.append(
                {"table": name, "row_id": row_id, "change": "revised", "fields": ";".join(changed)}
            )
    return rows


def diff_snapshots(previous_dir: Path, current_dir: Path) -> pd.DataFrame | None:
    """None on a first build (no previous snapshot); else one row per change."""
    if not all((previous_dir / f"{n}.parquet").exists() for n in RAW_TABLES):
        return None
    rows = []
    for name, table in RAW_TABLES.items():
        rows += diff_table(name, tables.read(previous_dir, table), tables.read(current_dir, table))
    return pd.DataFrame(rows, columns=COLUMNS).sort_values(["table", "row_id"], ignore_index=True)
