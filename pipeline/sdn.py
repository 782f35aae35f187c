"""OFAC's legacy sdn.csv: parse snapshots, keep the DPRK and Russia programmes, track each
entry across snapshots, and cross-check the curated tables against it. Pure functions.

The real files have no header, ASCII/Latin-1 text with CRLF line ends, '-0- ' for empty,
several programmes in one cell joined by '] [', IMO/MMSI and 'Linked To:' inside the
remarks, and a DOS end-of-file byte (0x1A) after the last line.
"""

import csv
import io
import re
from difflib import SequenceMatcher
from pathlib import Path

import pandas as pd

from schemas.checks import imo_is_valid

COLUMNS = ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type",
           "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"]
FILE_NAME = re.compile(r"^sdn-(\d{4}-\d{2}-\d{2})\.csv$")
KEPT_PROGRAMMES = re.compile(r"^(DPRK|RUSSIA-EO14024)")
IMO = re.compile(r"Vessel Registration Identification IMO (\d{7})\b")
MMSI = re.compile(r"\bMMSI (\d{9})\b")
LINKED = re.compile(r"Linked To: ([^;]+)")
DPRK_WORDS = re.compile(r"Korea, North|North Korea|DPRK|Democratic People's Republic of Korea", re.I)
EMPTY = "-0-"


class SdnFormatError(ValueError):
    pass


def snapshot_files(ofac_dir: Path) -> list[Path]:
    return sorted(ofac_dir.glob("sdn*.csv")) if ofac_dir.is_dir() else []


def snapshots_version(ofac_dir: Path) -> str:
    """One data version for all snapshots; a fixed word when there are none."""
    from pipeline.versions import files_version

    files = snapshot_files(ofac_dir)
    return files_version(files) if files else "no-snapshots"


def snapshot_date(path: Path) -> pd.Timestamp:
    match = FILE_NAME.match(path.name)
    if not match:
        raise SdnFormatError(f"{path.name}: snapshot files must be named sdn-YYYY-MM-DD.csv")
    return pd.Timestamp(match.group(1))


def _clean(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", EMPTY) else value


def read_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes().rstrip(b"\x1a").rstrip(b"\r\n")
    text = data.decode("latin-1")  # a superset of ASCII: never fails, never guesses
    rows, reader = [], csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            if row and len(row) != len(COLUMNS):
                raise SdnFormatError(f"{path.name}:{reader.line_num}: {len(row)} fields, "
                                     f"expected {len(COLUMNS)}")
            if row:
                rows.append(row)
    except csv.Error as err:  # a NUL byte, or quotes that never close
        raise SdnFormatError(f"{path.name}:{reader.line_num}: {err}") from err
    return rows


def parse_snapshot(path: Path) -> pd.DataFrame:
    """The DPRK- and Russia-programme entries of one snapshot."""
    date = snapshot_date(path)
    records = []
    for row in read_rows(path):
        cells = dict(zip(COLUMNS, (_clean(c) for c in row)))
        programs = [p.strip("[] ") for p in (cells["Program"] or "").split("] [")]
        if not any(KEPT_PROGRAMMES.match(p) for p in programs):
            continue
        remarks = cells["Remarks"]
        imo = IMO.search(remarks or "")
        mmsi = MMSI.search(remarks or "")
        text = " ".join(filter(None, [remarks, cells["Vess_flag"], " ".join(programs)]))
        records.append({
            "snapshot": date,
            "ent_num": int(cells["ent_num"]),
            "name": cells["SDN_Name"],
            "sdn_type": cells["SDN_Type"] or "entity",
            "programs": ";".join(programs),
            "vessel_type": cells["Vess_type"],
            "vessel_flag": cells["Vess_flag"],
            "imo": imo.group(1) if imo else None,
            "imo_check_digit_ok": imo_is_valid(imo.group(1)) if imo else None,
            "mmsi": mmsi.group(1) if mmsi else None,
            "linked_to": ";".join(m.strip().rstrip(".") for m in LINKED.findall(remarks or "")) or None,
            "mentions_dprk": bool(DPRK_WORDS.search(text)),
            "remarks": remarks,
        })
    return to_frame(records)


def to_frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=ENTRY_COLUMNS)
    return frame.astype({
        "snapshot": "datetime64[ns]", "ent_num": "Int64", "imo_check_digit_ok": "boolean",
        "mentions_dprk": bool,
        **{c: "str" for c in ENTRY_COLUMNS if c not in
           ("snapshot", "ent_num", "imo_check_digit_ok", "mentions_dprk")},
    })


ENTRY_COLUMNS = ["snapshot", "ent_num", "name", "sdn_type", "programs", "vessel_type",
                 "vessel_flag", "imo", "imo_check_digit_ok", "mmsi", "linked_to",
                 "mentions_dprk", "remarks"]


def normalise(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", " ", str(name).upper()).strip()


def history(entries: pd.DataFrame, snapshots: list[pd.Timestamp]) -> pd.DataFrame:
    """Per entry: first and last snapshot listing it, and whether the latest still does."""
    columns = ["ent_num", "name", "sdn_type", "programs", "imo", "mmsi", "linked_to",
               "mentions_dprk", "first_seen", "last_seen", "in_latest", "delisted_after"]
    if entries.empty:
        return pd.DataFrame(columns=columns)
    latest = max(snapshots)
    ordered = sorted(snapshots)
    grouped = entries.sort_values("snapshot").groupby("ent_num")
    out = grouped.last()[["name", "sdn_type", "programs", "imo", "mmsi", "linked_to", "mentions_dprk"]]
    out["first_seen"] = grouped["snapshot"].min()
    out["last_seen"] = grouped["snapshot"].max()
    out["in_latest"] = out["last_seen"] == latest
    out["delisted_after"] = [
        None if seen == latest else next(s for s in ordered if s > seen) for seen in out["last_seen"]
    ]
    out["delisted_after"] = pd.to_datetime(out["delisted_after"])
    return out.reset_index()[columns]


def curated_targets(shipments: pd.DataFrame, sanctions: pd.DataFrame) -> pd.DataFrame:
    """Vessels, entities and people named in the curated tables, with their US designation."""
    named = shipments[shipments["vessel_name"].notna()]
    rows = [{"name": n, "kind": "vessel", "curated_imo": imo, "table": "shipments"}
            for n, imo in zip(named["vessel_name"], named["vessel_imo"])]
    targets = sanctions[sanctions["target_type"].isin(["vessel", "entity", "individual"])]
    rows += [{"name": n, "kind": k, "curated_imo": imo, "table": "sanctions"}
             for n, k, imo in zip(targets["target_name"], targets["target_type"], targets["target_imo"])]
    frame = pd.DataFrame(rows).drop_duplicates("name", keep="first")
    us = sanctions[(sanctions["authority"] == "US") & (sanctions["action"] == "designation")]
    window_end = [_window_end(d, p) for d, p in zip(us["date"], us["date_precision"])]
    us = us.assign(window_end=window_end).groupby("target_name").agg(
        us_designated=("date", "min"), us_designated_by=("window_end", "min"))
    return frame.merge(us, left_on="name", right_index=True, how="left")


def _window_end(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The last day a date of this precision can stand for."""
    offsets = {"month": pd.offsets.MonthEnd(0), "quarter": pd.offsets.QuarterEnd(0),
               "year": pd.offsets.YearEnd(0)}
    return date + offsets[precision] if precision in offsets else date


def crosscheck(targets: pd.DataFrame, entry_history: pd.DataFrame,
               snapshots: list[pd.Timestamp]) -> pd.DataFrame:
    """For every curated target: whether and since when it is on the SDN list, and mismatches."""
    candidates = _candidates(entry_history)
    by_name = {}
    for row, normalised, _, _ in candidates:
        by_name.setdefault(normalised, row)
    rows = []
    for target in targets.itertuples():
        entry, how = by_name.get(normalise(target.name)), "name"
        if entry is None:
            entry, how = _closest(target.name, target.kind, candidates), "similar name"
            if entry is not None and target.kind == "individual":
                how = "name (surname first)"
        mismatches = []
        if entry is not None:
            if how == "similar name":
                mismatches.append(f"name spelled differently: SDN lists '{entry.name}'")
            if isinstance(target.curated_imo, str) and entry.imo and target.curated_imo != entry.imo:
                mismatches.append(f"IMO differs: curated {target.curated_imo}, SDN {entry.imo}")
            if pd.notna(target.us_designated_by):
                missed = [s for s in snapshots if target.us_designated_by <= s < entry.first_seen]
                if missed:
                    mismatches.append(
                        f"curated US designation ({target.us_designated:%Y-%m-%d}) is earlier than "
                        f"the first snapshot listing it ({entry.first_seen:%Y-%m-%d}); absent from "
                        f"{', '.join(f'{s:%Y-%m-%d}' for s in missed)}")
        rows.append({
            "name": target.name,
            "kind": target.kind,
            "curated_in": target.table,
            "curated_imo": target.curated_imo,
            "curated_us_designation": target.us_designated,
            "on_sdn": entry is not None,
            "matched_by": how if entry is not None else None,
            "sdn_name": entry.name if entry is not None else None,
            "sdn_ent_num": entry.ent_num if entry is not None else None,
            "sdn_programs": entry.programs if entry is not None else None,
            "sdn_imo": entry.imo if entry is not None else None,
            "first_seen": entry.first_seen if entry is not None else None,
            "last_seen": entry.last_seen if entry is not None else None,
            "in_latest": entry.in_latest if entry is not None else None,
            "mismatch": "; ".join(mismatches) or None,
        })
    out = pd.DataFrame(rows, columns=CROSSCHECK_COLUMNS)
    for column in ("curated_us_designation", "first_seen", "last_seen"):
        out[column] = pd.to_datetime(out[column])
    return out.sort_values(["on_sdn", "name"], ascending=[False, True], ignore_index=True)


CROSSCHECK_COLUMNS = ["name", "kind", "curated_in", "curated_imo", "curated_us_designation",
                      "on_sdn", "matched_by", "sdn_name", "sdn_ent_num", "sdn_programs", "sdn_imo",
                      "first_seen", "last_seen", "in_latest", "mismatch"]


LEGAL_FORMS = {"LLC", "LTD", "LIMITED", "CO", "COMPANY", "INC", "JSC", "OOO", "AO", "PAO",
               "OAO", "ZAO", "CORP", "CORPORATION", "SRO", "S R O", "LLP", "PLC"}


def _core(name: str) -> str:
    """A name without legal-form words, for matching 'X Company' to 'X COMPANY LLC'."""
    return " ".join(t for t in normalise(name).split() if t not in LEGAL_FORMS)


def _candidates(entry_history: pd.DataFrame) -> list[tuple]:
    """Each entry with its name normalised three ways, computed once per cross-check."""
    return [(row, normalise(row.name), _core(row.name), sorted(normalise(row.name).split()))
            for row in entry_history.itertuples()]


def _closest(name: str, kind: str, candidates: list[tuple], threshold: float = 0.92):
    """The entry whose name differs only in spelling: word order for people, legal form or
    a close spelling for vessels and entities. Different people are never matched."""
    wanted, wanted_core, wanted_tokens = normalise(name), _core(name), sorted(normalise(name).split())
    best, best_score = None, threshold
    matcher = SequenceMatcher(None, "", wanted)  # caches the wanted side across candidates
    for row, candidate, core, tokens in candidates:
        if kind == "individual":
            if wanted_tokens == tokens:
                return row  # OFAC writes 'SURNAME, Given names'
            continue
        if wanted_core and wanted_core == core:
            return row
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
            continue
        score = matcher.ratio()
        if score >= best_score:
            best, best_score = row, score
    return best
