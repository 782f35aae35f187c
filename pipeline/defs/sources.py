"""Observable source assets: each curated raw table, the OFAC snapshots, and the report's
source files. A data version is the SHA-256 of the bytes, so re-saving identical bytes
changes nothing downstream. `changed_observations` is shared by the builder and the sensor:
it records a new observation only when a version really changed."""

from pathlib import Path

import dagster as dg

from pipeline.defs.keys import OFAC_RAW_KEY, REPORT_SOURCE_KEY, raw_key
from pipeline.project import Project
from pipeline.rebuild import DATA_VERSION
from pipeline.sources.ofac.source import provenance_path, snapshot_files
from pipeline.versions import file_version, files_version
from schemas.catalog import RAW_TABLES

REPORT_SUFFIXES = {".qmd", ".yml", ".yaml", ".css", ".typ", ".bib", ".csl", ".json", ".html"}
GENERATED_PARTS = {"_output", "_generated", ".quarto"}


def report_source_files(project: Project) -> list[Path]:
    """The files under reports/ a render reads: the .qmd, _quarto.yml, styles, templates."""
    return sorted(
        p
        for p in project.reports_dir.rglob("*")
        if p.is_file()
        and p.suffix in REPORT_SUFFIXES
        and not GENERATED_PARTS & set(p.relative_to(project.reports_dir).parts)
    )


def ofac_files(project: Project) -> list[Path]:
    files = snapshot_files(project.ofac_dir)
    return files + [provenance_path(p) for p in files if provenance_path(p).is_file()]


def source_versions(project: Project) -> dict[dg.AssetKey, str]:
    versions = {
        raw_key(n): file_version(project.raw_dir / t.raw_file) for n, t in RAW_TABLES.items()
    }
    versions[OFAC_RAW_KEY] = files_version(ofac_files(project), project.ofac_dir)
    versions[REPORT_SOURCE_KEY] = files_version(report_source_files(project), project.reports_dir)
    return versions


def build(project: Project) -> list[dg.SourceAsset]:
    def observable(key: dg.AssetKey, description: str, kind: str):
        @dg.observable_source_asset(
            key=key, group_name="raw", description=description, tags={f"dagster/kind/{kind}": ""}
        )
        def observe() -> dg.DataVersion:
            return dg.DataVersion(source_versions(project)[key])

        return observe

    assets = [
        observable(raw_key(name), f"raw/{t.raw_file}: {t.description}", "csv")
        for name, t in RAW_TABLES.items()
    ]
    assets.append(
        observable(
            OFAC_RAW_KEY,
            "raw/ofac/sdn-YYYY-MM-DD.csv: OFAC SDN snapshots "
            "(with their provenance records), if any.",
            "csv",
        )
    )
    assets.append(
        observable(
            REPORT_SOURCE_KEY,
            "The report's sources under reports/ (.qmd, _quarto.yml, styles).",
            "quarto",
        )
    )
    return assets


def last_observed(instance: dg.DagsterInstance, key: dg.AssetKey) -> str | None:
    records = instance.fetch_observations(key, limit=1).records
    observation = records[0].asset_observation if records else None
    return (observation.tags or {}).get(DATA_VERSION) if observation else None


def changed_observations(
    instance: dg.DagsterInstance, project: Project
) -> list[dg.AssetObservation]:
    """Observations for the sources whose bytes differ from the last recorded version."""
    return [
        dg.AssetObservation(key, tags={DATA_VERSION: version}, metadata={"sha256": version})
        for key, version in source_versions(project).items()
        if version != last_observed(instance, key)
    ]
