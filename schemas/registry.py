"""The one registry of tables: adding a table is one entry here."""

from dataclasses import dataclass

import pandera.pandas as pa

from schemas.sanctions import Sanctions
from schemas.shipments import Shipments
from schemas.sources import Sources
from schemas.statements import Statements


@dataclass(frozen=True)
class Table:
    name: str
    model: type[pa.DataFrameModel]
    primary_key: str

    @property
    def raw_file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return list(self.model.to_schema().columns)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("sources", Sources, "source_id"),
        Table("shipments", Shipments, "shipment_id"),
        Table("sanctions", Sanctions, "sanction_id"),
        Table("statements", Statements, "statement_id"),
    )
}
