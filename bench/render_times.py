"""Report render time, split into kernel start, cell execution and typesetting."""

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline import render
from pipeline.project import Project
from tests.project_copy import make_project_copy

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PARTS = [("kernel_start", "Jupyter kernel start"), ("execute", "cell execution"),
         ("typeset_html", "typesetting HTML (pandoc)"), ("typeset_pdf", "typesetting PDF (pandoc + typst)")]


def measure() -> dict[str, list[float]]:
    root = make_project_copy(Path(tempfile.mkdtemp(prefix="bench-render-")))
    env = {**os.environ, "DPRK_PROJECT_ROOT": str(root), "DAGSTER_HOME": str(root / ".dagster_home")}
    subprocess.run([sys.executable, "-m", "pipeline.build"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    project = Project(root)
    os.environ["DPRK_PROJECT_ROOT"] = str(root)
    timings = {key: [] for key, _ in PARTS}
    for _ in range(RUNS):
        result = render.render(project.reports_dir / "report.qmd", project.report_output_dir,
                               env={"DPRK_PROJECT_ROOT": str(root),
                                    "PYTHONPATH": str(ROOT)})
        for key in timings:
            timings[key].append(result.timings[key])
    return timings


def markdown() -> str:
    timings = measure()
    total = sum(statistics.median(v) for v in timings.values())
    lines = ["| step | median seconds | share |", "| --- | --- | --- |"]
    for key, label in PARTS:
        seconds = statistics.median(timings[key])
        lines.append(f"| {label} | {seconds:.2f} | {seconds / total:.0%} |")
    lines.append(f"| total (HTML and PDF are typeset in parallel, so the wall time is shorter) "
                 f"| {total:.2f} | 100% |")
    return "\n".join(lines)
