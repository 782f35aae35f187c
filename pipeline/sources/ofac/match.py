"""Match the curated vessels, entities and people against the SDN list: whether and since
when it lists each, and where the two disagree (IMO number, spelling, designation date)."""

import re
from difflib import SequenceMatcher
from typing import Any

import pandas as pd

from schemas.ofac import OfacCrosscheck


def normalise(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", " ", str(name).upper()).strip()


def curated_targets(shipments: pd.DataFrame, sanctions: pd.DataFrame) -> pd.DataFrame:
    """Vessels, entities and people named in the curated tables, with their US designation."""
    named = shipments[shipments["vessel_name"].notna()]
    rows = [
        {"name": n, "kind": "vessel", "curated_imo": imo, "table": "shipments"}
        for n, imo in zip(named["vessel_name"], named["vessel_imo"], strict=False)
    ]
    targets = sanctions[sanctions["target_type"].isin(["vessel", "entity", "individual"])]
    rows += [
        {"name": n, "kind": k, "curated_imo": imo, "table": "sanctions"}
        for n, k, imo in zip(
            targets["target_name"], targets["target_type"], targets["target_imo"], strict=True
        )
    ]
    frame = pd.DataFrame(rows).drop_duplicates("name", keep="first")
    us = sanctions[(sanctions["authority"] == "US") & (sanctions["action"] == "designation")]
    window_end = [_window_end(d, p) for d, p in zip(us["date"], us["date_precision"], strict=False)]
    us = (
        us.assign(window_end=window_end)
        .groupby("target_name")
        .agg(us_designated=("date", "min"), us_designated_by=("window_end", "min"))
    )
    return frame.merge(us, left_on="name", right_index=True, how="left")


def _window_end(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The last day a date of this precision can stand for."""
    offsets = {
        "month": pd.offsets.MonthEnd(0),
        "quarter": pd.offsets.QuarterEnd(0),
        "year": pd.offsets.YearEnd(0),
    }
    return date + offsets[precision] if precision in offsets else date


def crosscheck(
    targets: pd.DataFrame, entry_history: pd.DataFrame, snapshots: list[pd.Timestamp]
) -> pd.DataFrame:
    """For every curated target: whether and since when it is on the SDN list, and mismatches."""
    candidates = _candidates(entry_history)
    by_name: dict[str, Any] = {}
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
            if (
                isinstance(target.curated_imo, str)
                and entry.imo
                and target.curated_imo != entry.imo
            ):
                mismatches.append(f"IMO differs: curated {target.curated_imo}, SDN {entry.imo}")
            if pd.notna(target.us_designated_by):
                missed = [s for s in snapshots if target.us_designated_by <= s < entry.first_seen]
                if missed:
                    mismatches.append(
                        f"curated US designation ({target.us_designated:%Y-%m-%d}) is earlier than "
                        f"the first snapshot listing it ({entry.first_seen:%Y-%m-%d}); absent from "
                        f"{', '.join(f'{s:%Y-%m-%d}' for s in missed)}"
                    )
        rows.append(
            {
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
            }
        )
    out = pd.DataFrame(rows, columns=CROSSCHECK_COLUMNS)
    for column in ("curated_us_designation", "first_seen", "last_seen"):
        out[column] = pd.to_datetime(out[column])
    return out.sort_values(["on_sdn", "name"], ascending=[False, True], ignore_index=True)


CROSSCHECK_COLUMNS = list(OfacCrosscheck.to_schema().columns)


LEGAL_FORMS = {
    "LLC",
    "LTD",
    "LIMITED",
    "CO",
    "COMPANY",
    "INC",
    "JSC",
    "OOO",
    "AO",
    "PAO",
    "OAO",
    "ZAO",
    "CORP",
    "CORPORATION",
    "SRO",
    "S R O",
    "LLP",
    "PLC",
}


def _core(name: str) -> str:
    """A name without legal-form words, for matching 'X Company' to 'X COMPANY LLC'."""
    return " ".join(t for t in normalise(name).split() if t not in LEGAL_FORMS)


def _candidates(entry_history: pd.DataFrame) -> list[tuple]:
    """Each entry with its name normalised three ways, computed once per cross-check."""
    return [
        (row, normalise(row.name), _core(row.name), sorted(normalise(row.name).split()))
        for row in entry_history.itertuples()
    ]


def _closest(name: str, kind: str, candidates: list[tuple], threshold: float = 0.92):
    """The entry whose name differs only in spelling: word order for people, legal form or
    a close spelling for vessels and entities. Different people are never matched."""
    wanted, wanted_core, wanted_tokens = (
        normalise(name),
        _core(name),
        sorted(normalise(name).split()),
    )
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
