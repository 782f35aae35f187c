"""One DuckDB database with every table and view, and a Frictionless datapackage.json."""

import dagster as dg
import duckdb
import pandas as pd

from pipeline import publish
from pipeline.automation import DOWNSTREAM_CONDITION
from pipeline.marts import MARTS, mart_key
from pipeline.project import Project
from pipeline.tables import processed_key
from pipeline.versions import code_version, files_version
from schemas import TABLES
from schemas.codebook import table_schema

DATABASE = "dprk_russia.duckdb"
WAREHOUSE_KEY = dg.AssetKey(["processed", "warehouse"])
WAREHOUSE_CODE = code_version("pipeline/warehouse.py", "pipeline/publish.py", "schemas/codebook.py")

VIEWS = {
    "citations": """
        select 'shipments' as table_name, shipment_id as row_id, unnest(string_split(source_ids, ';')) as source_id from shipments
        union all select 'sanctions', sanction_id, unnest(string_split(source_ids, ';')) from sanctions
        union all select 'statements', statement_id, unnest(string_split(source_ids, ';')) from statements
    """,
    "cited_sources": """
        select c.table_name, c.row_id, s.* from citations c join sources s using (source_id)
    """,
}


def _frictionless_type(dtype) -> str:
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    return "string"


def datapackage(project: Project) -> dict:
    resources = [
        {"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
         "encoding": "utf-8", "description": (t.model.__doc__ or "").strip().splitlines()[0],
         "schema": table_schema(t)}
        for name, t in TABLES.items()
    ]
    derived = {m.name: m.description for m in MARTS} | OFAC_TABLES
    for name, description in derived.items():
        frame = pd.read_parquet(project.processed_dir / f"{name}.parquet")
        resources.append({
            "name": name, "path": f"{name}.csv", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": description,
            "schema": {"fields": [{"name": c, "type": _frictionless_type(frame[c].dtype)}
                                  for c in frame.columns]},
        })
    return {
        "name": "dprk-russia-military-aid",
        "title": "DPRK military aid to Russia: shipments, sanctions, statements",
        "profile": "tabular-data-package",
        "resources": resources,
    }


def write_database(project: Project, names: list[str]) -> None:
    target = project.processed_dir / DATABASE
    with publish.atomic_path(target) as tmp:
        tmp.unlink()  # DuckDB creates the file itself
        with duckdb.connect(str(tmp)) as con:
            for name in names:
                path = (project.processed_dir / f"{name}.parquet").as_posix()
                con.execute(f"create table {name} as select * from read_parquet(?)", [path])
            for view, sql in VIEWS.items():
                con.execute(f"create view {view} as {sql}")


OFAC_TABLES = {"ofac_sdn": "SDN entries of the DPRK and Russia programmes across snapshots.",
               "ofac_crosscheck": "Curated vessels, entities and people checked against the SDN list."}


def build_warehouse_asset(project: Project):
    from pipeline.ofac import OFAC_CROSSCHECK_KEY, OFAC_HISTORY_KEY

    names = list(TABLES) + [m.name for m in MARTS] + list(OFAC_TABLES)

    @dg.asset(
        key=WAREHOUSE_KEY,
        deps=[processed_key(n) for n in TABLES] + [mart_key(m.name) for m in MARTS]
        + [OFAC_HISTORY_KEY, OFAC_CROSSCHECK_KEY],
        group_name="processed",
        kinds={"duckdb", "json"},
        code_version=WAREHOUSE_CODE,
        description=f"processed/{DATABASE} (every table and mart, plus views "
        f"{', '.join(VIEWS)}) and processed/datapackage.json generated from the schemas.",
        automation_condition=DOWNSTREAM_CONDITION,
    )
    def warehouse(context: dg.AssetExecutionContext):
        write_database(project, names)
        publish.write_json(project.processed_dir / "datapackage.json", datapackage(project))
        inputs = [project.processed_dir / f"{n}.csv" for n in names]
        return dg.MaterializeResult(
            data_version=dg.DataVersion(files_version(inputs)),
            metadata={"tables": names, "views": list(VIEWS)},
        )

    return warehouse
