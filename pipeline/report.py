"""The report asset: prepare generated inputs, render with quarto (or the offline renderer),
then remember the tables this report was built from, for the next "What changed"."""

import json
import os
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline import publish, render
from pipeline.automation import DOWNSTREAM_CONDITION
from pipeline.changes import diff_snapshots
from pipeline.marts import MARTS, mart_key
from pipeline.ofac import OFAC_CROSSCHECK_KEY, OFAC_HISTORY_KEY
from pipeline.project import Project
from pipeline.report_kit import GENERATED, csl_items, vega_header
from pipeline.sources import REPORT_SOURCE_KEY, report_source_files, source_versions
from pipeline.tables import processed_key
from pipeline.versions import code_version, files_version
from pipeline.warehouse import WAREHOUSE_KEY
from schemas import TABLES

REPORT_KEY = dg.AssetKey(["report"])
REPORT_QMD = "report.qmd"
PUBLISHED = "published-data"
RENDER_CODE = ("pipeline/render", "pipeline/report.py", "pipeline/report_kit.py",
               "pipeline/changes.py")


def report_code_version(project: Project) -> str:
    """Derived from the report sources and the code that renders them."""
    sources = files_version(report_source_files(project))
    return f"{code_version(*RENDER_CODE)[:8]}{sources[:8]}"


def quarto_available() -> bool:
    return shutil.which("quarto") is not None


def prepare_inputs(project: Project, build_info: dict) -> pd.DataFrame | None:
    """Write reports/_generated/: bibliography, Vega bundle, build stamp, what changed."""
    generated = project.reports_dir / GENERATED
    sources = pd.read_parquet(project.processed_dir / "sources.parquet")
    publish.write_json(generated / "references.json", csl_items(sources))
    header = generated / "vega.html"
    if not header.exists():
        publish.write_text(header, vega_header())
    publish.write_json(generated / "build.json", build_info)
    changes = diff_snapshots(project.report_output_dir / PUBLISHED, project.processed_dir)
    publish.write_json(generated / "what_changed.json",
                       None if changes is None else changes.to_dict(orient="records"))
    return changes


def render_report(project: Project) -> dict:
    qmd = project.reports_dir / REPORT_QMD
    # The kernel runs in reports/; make sure it imports this project's code.
    path = os.pathsep.join(filter(None, [str(project.root), os.environ.get("PYTHONPATH")]))
    env = {"DPRK_PROJECT_ROOT": str(project.root), "PYTHONPATH": path,
           "DPRK_PROCESSED_DIR": str(project.processed_dir)}
    if quarto_available():
        subprocess.run(["quarto", "render", REPORT_QMD, "--output-dir",
                        str(project.report_output_dir)], cwd=project.reports_dir, check=True,
                       env={**os.environ, **env})
        outputs = {s: project.report_output_dir / f"report.{s}" for s in ("html", "pdf")}
        return {"renderer": "quarto", "outputs": outputs, "timings": {}}
    result = render.render(qmd, project.report_output_dir, env=env)
    return {"renderer": "offline", "outputs": result.outputs, "timings": result.timings}


def remember_published(project: Project) -> None:
    target = project.report_output_dir / PUBLISHED
    for name in TABLES:
        publish.write_bytes(target / f"{name}.parquet",
                            (project.processed_dir / f"{name}.parquet").read_bytes())


def build_report_asset(project: Project):
    @dg.asset(
        key=REPORT_KEY,
        deps=[WAREHOUSE_KEY, REPORT_SOURCE_KEY, *(processed_key(t) for t in TABLES),
              *(mart_key(m.name) for m in MARTS), OFAC_HISTORY_KEY, OFAC_CROSSCHECK_KEY],
        group_name="report",
        kinds={"quarto", "html", "pdf"},
        code_version=report_code_version(project),
        description="reports/_output/report.html (self-contained) and report.pdf, rendered "
        "from reports/report.qmd with quarto when on PATH, else the offline renderer.",
        automation_condition=DOWNSTREAM_CONDITION,
    )
    def report(context: dg.AssetExecutionContext):
        versions = source_versions(project)
        build_info = {
            "built_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "code_version": report_code_version(project),
            "data_versions": {k.path[-1]: v[:12] for k, v in versions.items()
                              if k.path[0] == "raw"},
        }
        changes = prepare_inputs(project, build_info)
        rendered = render_report(project)
        remember_published(project)
        html = rendered["outputs"]["html"]
        return dg.MaterializeResult(
            data_version=dg.DataVersion(files_version([html])[:16]),
            metadata={
                "renderer": rendered["renderer"],
                "html": project.shown(html),
                "pdf": project.shown(rendered["outputs"]["pdf"]),
                "changes": "first build" if changes is None else len(changes),
                **{f"seconds_{k}": round(v, 3) for k, v in rendered["timings"].items()},
            },
        )

    return report


def read_build_info(reports_dir: Path) -> dict:
    return json.loads((reports_dir / GENERATED / "build.json").read_text(encoding="utf-8"))
