"""Parse OFAC's legacy sdn.csv snapshots: keep the DPRK and Russia programmes, keep every
field the file has, and number each entry by its line in the file.

The real files have no header, ASCII/Latin-1 text with CRLF line ends, '-0- ' for empty,
several programmes in one cell joined by '] [', IMO/MMSI and 'Linked To:' inside the
remarks, and a DOS end-of-file byte (0x1A) after the last line. Anything else wrong with
a snapshot (empty, truncated, an unreadable entry number, a name that is not a date) is a
Problem with its file line, never a crash and never a silent change to the list.
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.io.reader import Problem
from pipeline.sources.ofac.source import provenance, snapshot_date, snapshot_files
from schemas.catalog import Table
from schemas.checks import imo_is_valid
from schemas.file_format import INT64_MAX
from schemas.ofac import SdnEntries

COLUMNS = [
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
]
KEPT_PROGRAMMES = re.compile(r"^(DPRK|RUSSIA-EO14024)")
IMO = re.compile(r"Vessel Registration Identification IMO (\d{7})\b")
MMSI = re.compile(r"\bMMSI (\d{9})\b")
LINKED = re.compile(r"Linked To: ([^;]+)")
DPRK_WORDS = re.compile(
    r"Korea, North|North Korea|DPRK|Democratic People's Republic of Korea", re.I
)
EMPTY = "-0-"
ENTRIES = Table("ofac_entries", SdnEntries, ("snapshot", "ent_num"), "official")
SHRINK_LIMIT = 0.5  # a snapshot keeping under half the previous one's entries is suspect


@dataclass
class Snapshot:
    path: Path
    shown: str
    date: date | None
    entries: pd.DataFrame | None
    problems: list[Problem]


def _clean(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", EMPTY) else value


def _rows(data: bytes) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """(file line, fields) of every entry; a malformed file is a Problem at its line."""
    text = data.rstrip(b"\x1a").decode("latin-1")  # a superset of ASCII: never fails
    rows, problems = [], []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for row in reader:
            if row and any(cell.strip() for cell in row):
                if len(row) != len(COLUMNS):
                    problems.append(
                        Problem(
                            start,
                            "",
                            "sdn_field_count",
                            f"{len(row)} fields, expected {len(COLUMNS)}",
                        )
                    )
                else:
                    rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as err:  # a NUL byte, or quotes that never close
        problems.append(
            Problem(start, "", "csv_syntax", f"{err} (record starting on line {start})")
        )
    return rows, problems


def _entry(line: int, row: list[str], snapshot: date) -> tuple[dict | None, Problem | None]:
    cells = dict(zip(COLUMNS, (_clean(c) for c in row), strict=True))
    programs = [p.strip("[] ") for p in (cells["Program"] or "").split("] [")]
    if not any(KEPT_PROGRAMMES.match(p) for p in programs):
        return None, None
    number = cells["ent_num"] or ""
    if not re.fullmatch(r"\d+", number) or int(number) > INT64_MAX:
        return None, Problem(line, "ent_num", "integer", number)
    remarks = cells["Remarks"]
    imo = IMO.search(remarks or "")
    mmsi = MMSI.search(remarks or "")
    text = " ".join(filter(None, [remarks, cells["Vess_flag"], " ".join(programs)]))
    linked = ";".join(m.strip().rstrip(".") for m in LINKED.findall(remarks or ""))
    return {
        "ent_num": int(number),
        "name": cells["SDN_Name"],
        "sdn_type": cells["SDN_Type"] or "entity",
        "programs": ";".join(programs),
        "title": cells["Title"],
        "call_sign": cells["Call_Sign"],
        "vessel_type": cells["Vess_type"],
        "tonnage": cells["Tonnage"],
        "grt": cells["GRT"],
        "vessel_flag": cells["Vess_flag"],
        "vessel_owner": cells["Vess_owner"],
        "remarks": remarks,
        "imo": imo.group(1) if imo else None,
        "imo_check_digit_ok": imo_is_valid(imo.group(1)) if imo else None,
        "mmsi": mmsi.group(1) if mmsi else None,
        "linked_to": linked or None,
        "mentions_dprk": bool(DPRK_WORDS.search(text)),
        "snapshot": pd.Timestamp(snapshot),
        "line": line,
    }, None


def to_frame(records: list[dict]) -> pd.DataFrame:
    columns = list(SdnEntries.to_schema().columns)
    frame = pd.DataFrame.from_records(records, columns=columns)
    types = {
        "ent_num": "Int64",
        "line": "Int64",
        "imo_check_digit_ok": "boolean",
        "mentions_dprk": bool,
        "snapshot": "datetime64[s]",
    }
    return frame.astype({c: types.get(c, "str") for c in columns}).set_axis(
        pd.Index(frame["line"].astype("Int64"), name="line")
    )


def read_snapshot(path: Path, shown: str) -> Snapshot:
    """One snapshot file: its date, its kept entries (indexed by file line), its problems."""
    if path.is_symlink() or not path.is_file():
        return Snapshot(path, shown, None, None, [Problem(1, "", "regular_file", path.name)])
    try:
        day = snapshot_date(path)
    except ValueError as err:
        return Snapshot(
            path, shown, None, None, [Problem(None, "", "snapshot_name", f"{path.name}: {err}")]
        )
    data = path.read_bytes()
    rows, problems = _rows(data)
    if not rows and not problems:
        problems.append(Problem(1, "", "snapshot_not_empty", f"{len(data)} bytes, no entries"))
    records = []
    for line, row in rows:
        record, problem = _entry(line, row, day)
        if problem:
            problems.append(problem)
        elif record:
            records.append(record)
    return Snapshot(path, shown, day, to_frame(records), problems)


def read_snapshots(ofac_dir: Path, shown) -> list[Snapshot]:
    """Every snapshot in raw/ofac/, oldest first, with the problems of each, including
    two files for one date and a snapshot that lost most of the previous one's entries."""
    snapshots = [read_snapshot(p, shown(p)) for p in snapshot_files(ofac_dir)]
    dated = sorted((s for s in snapshots if s.date), key=lambda s: (s.date, s.shown))
    previous: Snapshot | None = None
    for snapshot in dated:
        if previous is not None and previous.date == snapshot.date:
            snapshot.problems.append(
                Problem(
                    None,
                    "",
                    "snapshot_name",
                    f"{snapshot.path.name}: a second snapshot for "
                    f"{snapshot.date} (also {previous.path.name})",
                )
            )
        elif (
            previous is not None
            and previous.entries is not None
            and snapshot.entries is not None
            and not snapshot.problems
            and len(snapshot.entries) < SHRINK_LIMIT * len(previous.entries)
        ):
            snapshot.problems.append(
                Problem(
                    None,
                    "",
                    "snapshot_complete",
                    f"{len(snapshot.entries):,} entries kept, {len(previous.entries):,} in "
                    f"{previous.path.name}",
                )
            )
        previous = snapshot
    undated = [s for s in snapshots if not s.date]
    return dated + undated


def snapshot_table(snapshots: list[Snapshot], file_hash) -> pd.DataFrame:
    """The ofac_snapshots table: each snapshot read, with its provenance record."""
    rows = []
    for s in snapshots:
        record = provenance(s.path)
        rows.append(
            {
                "snapshot": pd.Timestamp(s.date),
                "file": s.shown,
                "sha256": file_hash(s.path),
                "entries": 0 if s.entries is None else len(s.entries),
                "url": record.get("url"),
                "fetched_at": record.get("fetched_at"),
            }
        )
    frame = pd.DataFrame(
        rows, columns=["snapshot", "file", "sha256", "entries", "url", "fetched_at"]
    )
    return frame.astype(
        {
            "snapshot": "datetime64[s]",
            "entries": "Int64",
            "file": "str",
            "sha256": "str",
            "url": "str",
            "fetched_at": "str",
        }
    )


ENTRY_FIELDS = [
    "ent_num",
    "name",
    "sdn_type",
    "programs",
    "title",
    "call_sign",
    "vessel_type",
    "tonnage",
    "grt",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "imo",
    "imo_check_digit_ok",
    "mmsi",
    "linked_to",
    "mentions_dprk",
]


def history(entries: pd.DataFrame, snapshots: list[date]) -> pd.DataFrame:
    """Per entry (fields as in the latest snapshot listing it): first and last snapshot
    listing it, whether the latest still does, and the first snapshot without it."""
    columns = [*ENTRY_FIELDS, "first_seen", "last_seen", "in_latest", "delisted_after"]
    if entries.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    ordered = sorted(pd.Timestamp(s) for s in snapshots)
    latest = ordered[-1]
    grouped = entries.sort_values("snapshot").groupby("ent_num")
    out = grouped.last()[ENTRY_FIELDS[1:]]
    out["first_seen"] = grouped["snapshot"].min()
    out["last_seen"] = grouped["snapshot"].max()
    out["in_latest"] = out["last_seen"] == latest
    out["delisted_after"] = pd.to_datetime(
        pd.Series(
            [
                pd.NaT if seen == latest else next(s for s in ordered if s > seen)
                for seen in out["last_seen"]
            ],
            index=out.index,
        )
    )
    return out.reset_index()[columns]
