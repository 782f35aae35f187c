"""The plain-Python baseline: the same work as the pipeline's cold build, with no
orchestration: read and validate the raw tables, write Parquet and CSV, compute the marts,
write the DuckDB database and datapackage, render the report.

Usage: python bench/baseline.py PROJECT_ROOT
"""

import sys
from pathlib import Path

from pipeline import publish
from pipeline.marts import MARTS, read_processed
from pipeline.project import Project
from pipeline.report import prepare_inputs, render_report
from pipeline.validation import load_all
from pipeline.warehouse import datapackage, write_database
from schemas import TABLES


def run(project: Project) -> None:
    frames, failures = load_all(project.raw_dir)
    if failures:
        raise SystemExit(f"{len(failures)} validation failures")
    for name, frame in frames.items():
        publish.write_table(project.processed_dir, name, frame.reset_index(drop=True))
    for mart in MARTS:
        frame = mart.compute(*(read_processed(project, t) for t in mart.reads))
        publish.write_table(project.processed_dir, mart.name, frame)
    from pipeline import sdn

    empty = sdn.to_frame([])
    publish.write_table(project.processed_dir, "ofac_sdn", sdn.history(empty, []))
    targets = sdn.curated_targets(read_processed(project, "shipments"),
                                  read_processed(project, "sanctions"))
    publish.write_table(project.processed_dir, "ofac_crosscheck", sdn.crosscheck(targets, sdn.history(empty, []), []))
    write_database(project, [*TABLES, *(m.name for m in MARTS), "ofac_sdn", "ofac_crosscheck"])
    publish.write_json(project.processed_dir / "datapackage.json", datapackage(project))
    prepare_inputs(project, {"built_at": "baseline", "code_version": "baseline", "data_versions": {}})
    render_report(project)


if __name__ == "__main__":
    run(Project(Path(sys.argv[1]).resolve()))
