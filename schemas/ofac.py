"""Models of OFAC's SDN list as the project reads it: entries per snapshot, the snapshots
themselves, each entry's history across them, and the cross-check of the curated tables.

Text from the official list is input like any other: it gets the same text rules as the
curated tables, so nothing in it can be read as markup anywhere it is shown.
"""

from typing import ClassVar

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import fields
from schemas.published import Output
from schemas.rules import register
from schemas.vocabularies import vocabulary

SDN_TYPE = vocabulary(
    {
        "individual": ("Individual", "A person."),
        "entity": ("Entity", "A company or organisation (OFAC leaves the type empty for these)."),
        "vessel": ("Vessel", "A ship."),
        "aircraft": ("Aircraft", "An aircraft."),
    }
)
TARGET_KIND = vocabulary(
    {
        "vessel": ("Vessel", "A ship named in shipments or sanctions."),
        "entity": ("Entity", "A company or organisation named in sanctions."),
        "individual": ("Individual", "A person named in sanctions."),
    }
)


register(
    "snapshot_name",
    "Snapshot name",
    "Snapshot files are named sdn-YYYY-MM-DD.csv after a real calendar date, one per date.",
    "file",
)
register(
    "snapshot_not_empty",
    "Snapshot has entries",
    "A snapshot holds OFAC's entries; an empty file is not a list with no entries.",
    "file",
)
register(
    "snapshot_complete",
    "Snapshot complete",
    "A snapshot keeps at least half as many DPRK and Russia entries as the one before it "
    "(fewer means a truncated or wrong file).",
    "file",
)
register(
    "sdn_field_count", "SDN field count", "12 fields per entry, as OFAC publishes them.", "row"
)


def _text(description: str, *, nullable: bool = True, max_length: int = 2000):
    return fields.text(description, nullable=nullable, max_length=max_length)


class _Entry(Output):
    ent_num: Series[pd.Int64Dtype] = pa.Field(description="OFAC's unique entry number.", ge=1)
    name: Series[str] = _text("SDN_Name as published.", nullable=False, max_length=350)
    sdn_type: Series[str] = fields.code(SDN_TYPE, "SDN_Type; empty in the file means entity.")
    programs: Series[str] = fields.derived_ids("Sanctions programmes of the entry.")
    title: Series[str] = _text("Title (for individuals).")
    call_sign: Series[str] = _text("Call_Sign (for vessels).")
    vessel_type: Series[str] = _text("Vess_type (for vessels).")
    tonnage: Series[str] = _text("Tonnage as published.")
    grt: Series[str] = _text("Gross registered tonnage as published.")
    vessel_flag: Series[str] = _text("Vess_flag (for vessels).")
    vessel_owner: Series[str] = _text("Vess_owner (for vessels).")
    remarks: Series[str] = _text("Remarks as published.", max_length=20_000)
    imo: Series[str] = fields.derived("IMO number parsed from the remarks.", matches=r"\d{7}")
    imo_check_digit_ok: Series[pd.BooleanDtype] = fields.derived(
        "Whether that IMO number's check digit is valid (OFAC also labels some companies' "
        "registration numbers this way); empty without IMO."
    )
    mmsi: Series[str] = fields.derived("MMSI parsed from the remarks.", matches=r"\d{9}")
    linked_to: Series[str] = fields.derived_ids("Names after 'Linked To:' in the remarks.")
    mentions_dprk: Series[bool] = fields.derived(
        "Whether the entry names North Korea (programme, flag or remarks).", nullable=False
    )


class SdnEntries(_Entry):
    """Entries of one SDN snapshot in the DPRK and Russia programmes, one row per entry."""

    snapshot: Series[pa.DateTime] = fields.date("Date of the snapshot, from its file name.")
    line: Series[pd.Int64Dtype] = fields.derived(
        "Line of the entry in the snapshot file.", nullable=False
    )

    class Config:
        unique: ClassVar[list[str]] = ["snapshot", "ent_num"]


class OfacSnapshots(Output):
    """The SDN snapshots read, with where and when each was fetched."""

    snapshot: Series[pa.DateTime] = fields.derived("Date of the snapshot.", nullable=False)
    file: Series[str] = fields.derived("File under raw/ofac/.", nullable=False)
    sha256: Series[str] = fields.derived(
        "SHA-256 of the file.", nullable=False, matches=r"[0-9a-f]{64}"
    )
    entries: Series[pd.Int64Dtype] = fields.derived(
        "Entries kept (DPRK and Russia programmes).", nullable=False
    )
    url: Series[str] = fields.derived(
        "Where the file was downloaded from (empty when placed by hand)."
    )
    fetched_at: Series[str] = fields.derived("When it was downloaded (UTC, ISO 8601).")


class OfacSdn(_Entry):
    """SDN entries of the DPRK and Russia programmes across snapshots: first and last
    snapshot listing each, and whether the latest still does."""

    first_seen: Series[pa.DateTime] = fields.derived(
        "First snapshot listing the entry.", nullable=False
    )
    last_seen: Series[pa.DateTime] = fields.derived("Last snapshot listing it.", nullable=False)
    in_latest: Series[bool] = fields.derived(
        "Whether the latest snapshot lists it.", nullable=False
    )
    delisted_after: Series[pa.DateTime] = fields.derived(
        "First snapshot that no longer lists it (empty while listed)."
    )


class OfacCrosscheck(Output):
    """Curated vessels, entities and people checked against the SDN list."""

    name: Series[str] = fields.derived("Name as in the curated tables.", nullable=False)
    kind: Series[str] = fields.code(TARGET_KIND, "Kind of target.")
    curated_in: Series[str] = fields.derived("Curated table naming it.", nullable=False)
    curated_imo: Series[str] = fields.derived("IMO number in the curated tables.")
    curated_us_designation: Series[pa.DateTime] = fields.derived(
        "Earliest US designation date in the curated sanctions table."
    )
    on_sdn: Series[bool] = fields.derived("Whether a snapshot lists it.", nullable=False)
    matched_by: Series[str] = fields.derived(
        "How the entry was matched (name, similar name, name with surname first)."
    )
    sdn_name: Series[str] = fields.derived("Name on the SDN list.")
    sdn_ent_num: Series[pd.Int64Dtype] = fields.derived("Its entry number.")
    sdn_programs: Series[str] = fields.derived_ids("Its programmes.")
    sdn_imo: Series[str] = fields.derived("Its IMO number.")
    first_seen: Series[pa.DateTime] = fields.derived("First snapshot listing it.")
    last_seen: Series[pa.DateTime] = fields.derived("Last snapshot listing it.")
    in_latest: Series[pd.BooleanDtype] = fields.derived("Whether the latest snapshot lists it.")
    mismatch: Series[str] = fields.derived("Differences from the curated data.")
