"""The plain-Python baseline: the same work as a cold `make report`, with no orchestration:
validate the raw tables, publish them, compute every computed table, write DuckDB and the
Data Package, render the report. The comparison says what Dagster costs.

Usage: python bench/baseline.py PROJECT_ROOT
"""

import sys
from pathlib import Path

from pipeline.analysis import marts
from pipeline.defs.ofac import load, publish_ofac
from pipeline.defs.warehouse import write
from pipeline.project import Project
from pipeline.publish import tables
from pipeline.reporting.build_report import render_report
from pipeline.validation import validate_dataset
from schemas.catalog import TABLES, of_kind


def run(project: Project) -> None:
    validation = validate_dataset(project.raw_dir)
    if not validation.passed:
        raise SystemExit(validation.summary())
    for name, frame in validation.frames.items():
        tables.write(project.processed_dir, TABLES[name], frame.reset_index(drop=True))
    snapshots, failures = load(project)
    if failures:
        raise SystemExit(f"{len(failures)} failures in the official list")
    for name, frame in zip(("ofac_sdn", "ofac_snapshots"), publish_ofac(snapshots), strict=True):
        tables.write(project.processed_dir, TABLES[name], frame)
    for table in of_kind("link", "analysis"):
        inputs = [tables.read(project.processed_dir, TABLES[r]) for r in table.reads]
        frame = tables.conform(table, getattr(marts, table.name)(*inputs))
        tables.write(project.processed_dir, table, frame)
    write(project)
    render_report(
        project, {"built_at": "baseline", "code_version": "baseline", "data_versions": {}}
    )


if __name__ == "__main__":
    run(Project(Path(sys.argv[1]).resolve()))
