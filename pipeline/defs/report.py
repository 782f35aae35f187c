"""report: reports/_output/report.html (self-contained) and report.pdf, rendered from
reports/report.qmd with `quarto` when it is on PATH, else with the offline renderer."""

from datetime import UTC, datetime

import dagster as dg

from pipeline.defs.keys import REPORT_KEY, REPORT_SOURCE_KEY, WAREHOUSE_KEY, processed_key, raw_key
from pipeline.defs.results import declared_outputs, output_hashes
from pipeline.defs.sources import source_versions
from pipeline.project import Project
from pipeline.render.qmd import Cell, parse_qmd
from pipeline.reporting import build_report
from pipeline.versions import (
    code_version,
    code_version_of,
    file_version,
    imported_modules,
    module_file,
)
from schemas.catalog import RAW_TABLES, TABLES


def report_code_version(project: Project) -> str:
    """The code that renders the report and the project modules its cells import."""
    qmd = project.reports_dir / build_report.REPORT_QMD
    cells = (
        [b.source for b in parse_qmd(qmd.read_text(encoding="utf-8")).blocks if isinstance(b, Cell)]
        if qmd.is_file()
        else []
    )
    cell_modules = set().union(*(imported_modules(c) for c in cells)) if cells else set()
    modules = [module_file(m) for m in sorted(cell_modules)]
    own = code_version_of(build)
    return code_version([m for m in modules if m is not None])[:8] + own[:8]


def build(project: Project) -> list:
    outputs = [project.report_output_dir / "report.html", project.report_output_dir / "report.pdf"]

    @dg.asset(
        key=REPORT_KEY,
        deps=[WAREHOUSE_KEY, REPORT_SOURCE_KEY, *(processed_key(t) for t in TABLES)],
        group_name="report",
        kinds={"quarto", "html", "pdf"},
        code_version=report_code_version(project),
        description="reports/_output/report.html (self-contained) and report.pdf, rendered "
        "from reports/report.qmd with quarto when on PATH, else the offline renderer.",
        metadata=declared_outputs(*outputs),
    )
    def report(context: dg.AssetExecutionContext):
        versions = source_versions(project)
        build_info = {
            "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "code_version": report_code_version(project),
            "data_versions": {name: versions[raw_key(name)] for name in RAW_TABLES},
        }
        rendered = build_report.render_report(project, build_info)
        written = list(rendered.outputs.values())
        return dg.MaterializeResult(
            data_version=dg.DataVersion(file_version(rendered.outputs["html"])),
            metadata={
                "renderer": rendered.renderer,
                "html": project.shown(rendered.outputs["html"]),
                "pdf": project.shown(rendered.outputs["pdf"]),
                **{f"seconds_{k}": round(v, 3) for k, v in rendered.timings.items()},
                **output_hashes(written),
            },
        )

    return [report]
