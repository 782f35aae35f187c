"""Observable source assets: one per raw table, plus the report's source files.

Each one's data version is the SHA-256 of its bytes, so re-saving identical bytes changes
nothing downstream. `changed_observations` is shared by the automation sensor and the
one-shot builder: it reports a new observation only when a version really changed.
"""

import dagster as dg
from dagster._core.definitions.data_version import DATA_VERSION_TAG

from pipeline.project import Project
from pipeline.sdn import snapshots_version
from pipeline.versions import file_version, files_version
from schemas import TABLES

REPORT_SOURCE_KEY = dg.AssetKey(["source", "report"])
OFAC_RAW_KEY = dg.AssetKey(["raw", "ofac"])


def raw_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", table])


def report_source_files(project: Project) -> list:
    reports = project.reports_dir
    return sorted(
        p for p in reports.rglob("*")
        if p.is_file() and p.suffix in {".qmd", ".yml", ".yaml", ".css", ".typ", ".bib"}
        and "_output" not in p.parts and ".quarto" not in p.parts
    )


def source_versions(project: Project) -> dict[dg.AssetKey, str]:
    versions = {raw_key(n): file_version(project.raw_dir / t.raw_file) for n, t in TABLES.items()}
    versions[OFAC_RAW_KEY] = snapshots_version(project.raw_dir / "ofac")
    versions[REPORT_SOURCE_KEY] = files_version(report_source_files(project))
    return versions


def build_source_assets(project: Project) -> list:
    assets = []
    for name, table in TABLES.items():
        path = project.raw_dir / table.raw_file

        @dg.observable_source_asset(
            key=raw_key(name),
            group_name="raw",
            description=f"raw/{table.raw_file}: {table.model.__doc__.splitlines()[0]}",
            metadata={"path": f"raw/{table.raw_file}"},
            tags={"dagster/kind/csv": ""},
        )
        def observe_raw(path=path) -> dg.DataVersion:
            return dg.DataVersion(file_version(path))

        assets.append(observe_raw)

    @dg.observable_source_asset(
        key=REPORT_SOURCE_KEY,
        group_name="raw",
        description="The report's source files in reports/ (.qmd, _quarto.yml, styles).",
        metadata={"path": "reports/"},
        tags={"dagster/kind/quarto": ""},
    )
    def observe_report_source() -> dg.DataVersion:
        return dg.DataVersion(files_version(report_source_files(project)))

    return assets + [observe_report_source]


def last_observed_version(instance: dg.DagsterInstance, key: dg.AssetKey) -> str | None:
    record = instance.get_latest_data_version_record(key, is_source=True)
    if record is None or record.asset_observation is None:
        return None
    return record.asset_observation.tags.get(DATA_VERSION_TAG)


def changed_observations(instance: dg.DagsterInstance, project: Project) -> list[dg.AssetObservation]:
    """Observations for the sources whose bytes differ from the last recorded version."""
    return [
        dg.AssetObservation(key, tags={DATA_VERSION_TAG: version}, metadata={"sha256": version})
        for key, version in source_versions(project).items()
        if version != last_observed_version(instance, key)
    ]
