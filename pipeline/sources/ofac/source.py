"""The official list's metadata (source.yaml beside this file) and its snapshot files."""

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import yaml

# Matched without regard to case, so SDN-2024-05-03.CSV is read like sdn-2024-05-03.csv.
SNAPSHOT_NAME = re.compile(r"^sdn-(\d{4})-(\d{2})-(\d{2})\.csv$", re.IGNORECASE)
CANDIDATE = re.compile(r"^sdn.*\.csv$", re.IGNORECASE)
PROVENANCE_SUFFIX = ".provenance.json"


@cache
def metadata() -> dict:
    return yaml.safe_load(Path(__file__).with_suffix(".yaml").read_text(encoding="utf-8"))


def snapshot_files(ofac_dir: Path) -> list[Path]:
    """Every file in raw/ofac/ that looks like a snapshot (sdn*.csv, any case)."""
    if not ofac_dir.is_dir():
        return []
    return sorted(p for p in ofac_dir.iterdir() if CANDIDATE.match(p.name))


def snapshot_date(path: Path) -> date:
    """The snapshot's date from its name; ValueError with the reason when it has none."""
    match = SNAPSHOT_NAME.match(path.name)
    if not match:
        raise ValueError("snapshot files are named sdn-YYYY-MM-DD.csv")
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError as err:
        raise ValueError(f"{'-'.join(match.groups())} is not a calendar date ({err})") from err


def provenance_path(snapshot: Path) -> Path:
    return snapshot.with_name(snapshot.name + PROVENANCE_SUFFIX)


def provenance(snapshot: Path) -> dict:
    """Where and when a snapshot was fetched, if `make fetch-sanctions` recorded it."""
    path = provenance_path(snapshot)
    if not path.is_file():
        return {}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}
    return record if isinstance(record, dict) else {}
