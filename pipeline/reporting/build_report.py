"""Render the report: write its generated inputs, render with quarto or the offline
renderer, and remember the tables it was built from (for the next "What changed")."""

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import render
from pipeline.analysis.changes import diff_snapshots
from pipeline.io import writer
from pipeline.project import Project
from pipeline.publish import tables
from pipeline.reporting.kit import GENERATED, csl_items, vega_header
from schemas.catalog import RAW_TABLES, TABLES

REPORT_QMD = "report.qmd"
PUBLISHED = "published-data"


@dataclass
class Rendered:
    renderer: str
    outputs: dict[str, Path]
    timings: dict[str, float] = field(default_factory=dict)


def quarto_available() -> bool:
    return shutil.which("quarto") is not None


def prepare_inputs(project: Project, build_info: dict) -> pd.DataFrame | None:
    """Write reports/_generated/: bibliography, Vega bundle, build stamp, what changed."""
    generated = project.reports_dir / GENERATED
    sources = tables.read(project.processed_dir, TABLES["sources"])
    writer.write_json(generated / "references.json", csl_items(sources))
    header = generated / "vega.html"
    bundle = vega_header()
    if not header.is_file() or header.read_text(encoding="utf-8") != bundle:
        writer.write_text(header, bundle)
    writer.write_json(generated / "build.json", build_info)
    changes = diff_snapshots(project.report_output_dir / PUBLISHED, project.processed_dir)
    writer.write_json(
        generated / "what_changed.json",
        None if changes is None else changes.to_dict(orient="records"),
    )
    return changes


def render_report(project: Project, build_info: dict) -> Rendered:
    prepare_inputs(project, build_info)
    qmd = project.reports_dir / REPORT_QMD
    env = {"DPRK_PROJECT_ROOT": str(project.root), "DPRK_PROCESSED_DIR": str(project.processed_dir)}
    if quarto_available():
        subprocess.run(
            ["quarto", "render", REPORT_QMD, "--output-dir", str(project.report_output_dir)],
            cwd=project.reports_dir,
            check=True,
            env={**os.environ, **env},
        )
        outputs = {s: project.report_output_dir / f"report.{s}" for s in ("html", "pdf")}
        for path in outputs.values():
            writer.publishable(path)
        result = Rendered("quarto", outputs)
    else:
        offline = render.render(qmd, project.report_output_dir, env=env)
        result = Rendered("offline", offline.outputs, offline.timings)
    remember_published(project)
    return result


def remember_published(project: Project) -> None:
    target = project.report_output_dir / PUBLISHED
    for name in RAW_TABLES:
        writer.write_bytes(
            target / f"{name}.parquet", (project.processed_dir / f"{name}.parquet").read_bytes()
        )
