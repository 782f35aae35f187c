"""The one catalog of tables: the curated raw tables and every table the pipeline publishes.

Each entry names the table, its model, key and kind, and (for computed tables) which tables
it reads. The reader, the assets, the warehouse, the Data Package, the codebook and the
report's inputs are all derived from this list; adding a table is one entry here.
"""

import inspect
from dataclasses import dataclass
from typing import Literal

import pandera.pandas as pa

from schemas import ofac, published
from schemas.sanctions import Sanctions
from schemas.shipments import Shipments
from schemas.sources import Sources
from schemas.statements import Statements
from schemas.value_estimates import ValueEstimates

Kind = Literal["curated", "link", "analysis", "official"]
KIND_TITLES = {
    "curated": "Curated tables (raw/, typed in by hand, each row citing its sources)",
    "link": "Link tables (derived from the curated tables)",
    "analysis": "Analysis tables (computed for the report)",
    "official": "The official list (OFAC's SDN snapshots in raw/ofac/)",
}


@dataclass(frozen=True)
class Table:
    name: str
    model: type[pa.DataFrameModel]
    primary_key: tuple[str, ...]
    kind: Kind
    reads: tuple[str, ...] = ()

    @property
    def raw_file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return list(self.model.to_schema().columns)

    @property
    def description(self) -> str:
        return inspect.cleandoc(self.model.__doc__ or "").split("\n\n")[0].replace("\n", " ")

    @property
    def key_column(self) -> str:
        """The column that names a row to a reviewer (the id of a curated table)."""
        return self.primary_key[0]


CURATED = ("sources", "shipments", "sanctions", "statements", "value_estimates")

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("sources", Sources, ("source_id",), "curated"),
        Table("shipments", Shipments, ("shipment_id",), "curated"),
        Table("sanctions", Sanctions, ("sanction_id",), "curated"),
        Table("statements", Statements, ("statement_id",), "curated"),
        Table("value_estimates", ValueEstimates, ("value_id",), "curated"),
        Table(
            "citations",
            published.Citations,
            ("table_name", "row_id", "source_id"),
            "link",
            reads=("shipments", "sanctions", "statements", "value_estimates"),
        ),
        Table(
            "transfers_by_month",
            published.TransfersByMonth,
            ("month", "direction", "category"),
            "analysis",
            reads=("shipments",),
        ),
        Table(
            "estimate_ranges",
            published.EstimateRanges,
            ("shipment_id",),
            "analysis",
            reads=("shipments",),
        ),
        Table(
            "headline_figures",
            published.HeadlineFigures,
            ("figure",),
            "analysis",
            reads=("shipments",),
        ),
        Table(
            "designations_by_authority_month",
            published.DesignationsByAuthorityMonth,
            ("authority", "month", "target_type"),
            "analysis",
            reads=("sanctions",),
        ),
        Table(
            "stances_by_actor",
            published.StancesByActor,
            ("actor", "quarter", "stance"),
            "analysis",
            reads=("statements",),
        ),
        Table(
            "vessels",
            published.Vessels,
            ("vessel_name",),
            "analysis",
            reads=("shipments", "sanctions"),
        ),
        Table("ofac_snapshots", ofac.OfacSnapshots, ("snapshot",), "official"),
        Table("ofac_sdn", ofac.OfacSdn, ("ent_num",), "official"),
        Table(
            "ofac_crosscheck",
            ofac.OfacCrosscheck,
            ("name",),
            "analysis",
            reads=("shipments", "sanctions", "ofac_sdn", "ofac_snapshots"),
        ),
    )
}
RAW_TABLES = {name: TABLES[name] for name in CURATED}


def of_kind(*kinds: Kind) -> list[Table]:
    return [t for t in TABLES.values() if t.kind in kinds]
