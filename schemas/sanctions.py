import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import fields, vocabularies
from schemas.rules import row_check


class Sanctions(pa.DataFrameModel):
    """UN resolutions, the monitoring track, and national designations tied to the transfers."""

    sanction_id: Series[str] = fields.identifier(fields.SANCTION_ID, "Stable row id.")
    date: Series[pa.DateTime] = fields.date(
        "Date the action was taken or announced; the first day of the period when only "
        "the month or year is known."
    )
    date_precision: Series[str] = fields.code(
        vocabularies.DATE_PRECISION, "How precisely the date is known."
    )
    authority: Series[str] = fields.code(vocabularies.AUTHORITY, "Who took the action.")
    authority_body: Series[str] = fields.text(
        "The body within the authority, e.g. 'US Department of the Treasury (OFAC)'.",
        max_length=120,
    )
    instrument: Series[str] = fields.text(
        "Legal instrument or programme, e.g. 'UNSCR 2270 (2016)', 'Executive Order 14024'; "
        "empty when the sources do not name it.",
        nullable=True,
    )
    action: Series[str] = fields.code(vocabularies.SANCTION_ACTION, "Kind of action.")
    target_type: Series[str] = fields.code(vocabularies.TARGET_TYPE, "Kind of target.")
    target_name: Series[str] = fields.text(
        "Name of the target, vessels in upper case; empty only when target_type is none.",
        nullable=True,
        max_length=200,
    )
    target_imo: Series[str] = fields.imo("IMO number when the target is a ship.")
    target_identifier: Series[str] = fields.text(
        "Other identifiers stated by the authority (registration, passport).", nullable=True
    )
    reason: Series[str] = fields.note("What the action bans or why the target was chosen.")
    shipment_ids: Series[str] = fields.id_list(
        fields.SHIPMENT_ID,
        "The shipments rows (shipment_id values) about the same vessel or entity.",
        nullable=True,
        references="shipments.shipment_id",
    )
    source_ids: Series[str] = fields.source_ids()

    class Config:
        strict = True
        ordered = True

    @row_check(
        "imo_only_for_vessels",
        "IMO only for vessels",
        "target_imo is given only when target_type is vessel.",
        ("target_type", "target_imo"),
    )
    def imo_only_for_vessels(cls, df: pd.DataFrame) -> pd.Series:
        return (df["target_imo"].isna() | (df["target_type"] == "vessel")).astype(bool)

    @row_check(
        "target_named",
        "Target named",
        "target_name is given unless target_type is none.",
        ("target_type", "target_name"),
    )
    def target_named(cls, df: pd.DataFrame) -> pd.Series:
        return (df["target_name"].notna() | (df["target_type"] == "none")).astype(bool)

    @row_check(
        "dated_to_the_day",
        "Dated to the day",
        "Resolutions, vetoes, mandate ends, establishments and reports carry the exact day "
        "they were adopted or released.",
        ("action", "date_precision"),
    )
    def dated_to_the_day(cls, df: pd.DataFrame) -> pd.Series:
        exact = df["action"].isin(vocabularies.DATED_ACTIONS)
        return (~exact | (df["date_precision"] == "day")).astype(bool)
