"""Synthetic inputs for the benchmarks, never mixed with the real data: the curated tables
scaled by copying every row under new ids (each copy citing its own copied sources), and a
run of OFAC snapshots made from the real ones (or the synthetic fixtures) under new dates."""

import shutil
from datetime import date, timedelta
from pathlib import Path

from schemas.catalog import RAW_TABLES
from tests.support import ROOT, SHARED_OFAC, read_rows, write_rows


def scale_tables(raw_dir: Path, factor: int) -> None:
    for name, table in RAW_TABLES.items():
        path = raw_dir / table.raw_file
        rows = read_rows(path)
        key = table.key_column
        copies = []
        for n in range(1, factor):
            for row in rows:
                copy = dict(row)
                copy[key] = (
                    f"{row[key]}-synthetic{n}"
                    if name == "sources"
                    else f"{row[key].split('-')[0]}-{n}{row[key].split('-')[1]}"
                )
                if "source_ids" in copy:
                    copy["source_ids"] = ";".join(
                        f"{s}-synthetic{n}" for s in row["source_ids"].split(";")
                    )
                if name == "sources":
                    copy["url"] = f"{row['url'].rstrip('/')}#synthetic{n}"
                if copy.get("shipment_ids"):
                    copy["shipment_ids"] = ";".join(
                        f"{s.split('-')[0]}-{n}{s.split('-')[1]}"
                        for s in row["shipment_ids"].split(";")
                    )
                copies.append(copy)
        write_rows(path, rows + copies)


def ofac_snapshots(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(SHARED_OFAC.glob("sdn-*.csv")) or sorted(
        (ROOT / "tests" / "fixtures" / "ofac").glob("synthetic-sdn-*.csv")
    )
    day = date(2022, 1, 3)
    for i in range(count):
        source = sources[min(i * len(sources) // count, len(sources) - 1)]
        shutil.copyfile(source, folder / f"sdn-{day.isoformat()}.csv")
        day += timedelta(days=7)
