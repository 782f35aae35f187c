"""The Frictionless Data Package descriptor (processed/datapackage.json), from the catalog.

Every published table is a tabular resource (its CSV) with its Table Schema: types,
descriptions, required, unique and allowed values, list fields with their delimiter,
primary keys and foreign keys. The package carries its licences, sources, version,
creation time and contributors, so `frictionless validate` checks the data against it.
"""

from importlib import metadata as package_metadata

from pipeline.sources.ofac.source import metadata as ofac_metadata
from schemas.catalog import TABLES, Table
from schemas.codebook import columns

NAME = "dprk-russia-military-aid"
TITLE = "DPRK military aid to Russia: shipments, sanctions, statements and sources"
DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
CONTRIBUTORS = [{"title": "DPRK-Russia aid open data contributors", "role": "author"}]


def version() -> str:
    try:
        return package_metadata.version("dprk-russia-aid")
    except package_metadata.PackageNotFoundError:
        return "0.0.0"


def _field(column) -> dict:
    field: dict = {"name": column.name, "type": column.type, "description": column.description}
    if column.type == "list":
        field |= {"delimiter": column.list_separator, "itemType": "string"}
    if column.type == "date":
        field["format"] = "%Y-%m-%d"
    constraints: dict = {}
    if column.required:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.vocabulary:
        constraints["enum"] = list(column.vocabulary)
    if constraints:
        field["constraints"] = constraints
    return field


def _foreign_keys(table: Table) -> list[dict]:
    keys = []
    for column in columns(table):
        if column.references and column.type != "list":
            resource, field = column.references.split(".")
            keys.append(
                {"fields": column.name, "reference": {"resource": resource, "fields": field}}
            )
    return keys


def resource(table: Table) -> dict:
    schema: dict = {
        "fields": [_field(c) for c in columns(table)],
        "primaryKey": list(table.primary_key),
    }
    if foreign := _foreign_keys(table):
        schema["foreignKeys"] = foreign
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": table.description,
        "schema": schema,
    }


def descriptor(created: str) -> dict:
    ofac = ofac_metadata()
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": "Sourced open data on North Korea's military aid to Russia since 2022: "
        "claimed transfers in both directions with their claimants, sanctions and their "
        "targets, official statements, value estimates, and every cited document.",
        "version": version(),
        "created": created,
        "licenses": [DATA_LICENCE],
        "contributors": CONTRIBUTORS,
        "sources": [
            {
                "title": "Public documents cited row by row (resource 'sources')",
                "path": "sources.csv",
            },
            {"title": ofac["title"], "path": ofac["url"]},
        ],
        "keywords": ["DPRK", "North Korea", "Russia", "arms transfers", "sanctions"],
        "resources": [resource(t) for t in TABLES.values()],
    }
