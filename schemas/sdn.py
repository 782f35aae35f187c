import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import fields

SDN_TYPES = {
    "individual": "A person.",
    "entity": "A company or organisation (OFAC leaves the type empty for these).",
    "vessel": "A ship.",
    "aircraft": "An aircraft.",
}


class SdnEntries(pa.DataFrameModel):
    """Entries of OFAC's SDN list (legacy sdn.csv) in the DPRK and Russia programmes, one
    row per entry per snapshot, with identifiers parsed out of the remarks."""

    snapshot: Series[pa.DateTime] = fields.date("Date of the snapshot, from its file name.")
    ent_num: Series[pd.Int64Dtype] = pa.Field(description="OFAC's unique entry number.", ge=1)
    name: Series[str] = pa.Field(description="SDN_Name as published.", str_length={"min_value": 1})
    sdn_type: Series[str] = fields.code(SDN_TYPES, "SDN_Type; empty in the file means entity.")
    programs: Series[str] = pa.Field(description="Sanctions programmes, separated by ';'.")
    vessel_type: Series[str] = pa.Field(description="Vess_type for vessels.", nullable=True)
    vessel_flag: Series[str] = pa.Field(description="Vess_flag for vessels.", nullable=True)
    imo: Series[str] = pa.Field(description="IMO number parsed from the remarks.",
                                nullable=True, matches=r"\d{7}")
    imo_check_digit_ok: Series[pd.BooleanDtype] = pa.Field(
        description="Whether the IMO number's check digit is valid (empty without IMO).",
        nullable=True)
    mmsi: Series[str] = pa.Field(description="MMSI parsed from the remarks.", nullable=True,
                                 matches=r"\d{9}")
    linked_to: Series[str] = pa.Field(
        description="Names after 'Linked To:' in the remarks, separated by ';'.", nullable=True)
    mentions_dprk: Series[bool] = pa.Field(
        description="Whether the entry names North Korea (programme, flag or remarks).")
    remarks: Series[str] = pa.Field(description="Remarks as published.", nullable=True)

    class Config:
        strict = True
        ordered = True
        unique = ["snapshot", "ent_num"]
