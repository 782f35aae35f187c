"""`make bench`: time the pipeline as users feel it and write bench/results.md.

Not part of `make test`. Each measurement is the median of several runs of a fresh
process (what `make report` starts), so machine noise shows up as spread, not as bias.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import ofac_import, render_times, validation
from tests.project_copy import make_project_copy

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.md"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def _run(args: list[str], root: Path) -> tuple[float, str]:
    env = {**os.environ, "DPRK_PROJECT_ROOT": str(root), "DAGSTER_HOME": str(root / ".dagster_home")}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(proc.stdout + proc.stderr)
    return elapsed, proc.stdout


def fresh_copy() -> Path:
    return make_project_copy(Path(tempfile.mkdtemp(prefix="bench-")))


def materialized(output: str) -> int:
    match = re.search(r"Materialized (\d+) asset", output)
    return int(match.group(1)) if match else 0


def build_times() -> dict:
    cold, baseline, noop, one_table, noop_counts, one_counts = [], [], [], [], [], []
    for _ in range(RUNS):
        root = fresh_copy()
        seconds, _ = _run(["-m", "pipeline"], root)
        cold.append(seconds)
        seconds, out = _run(["-m", "pipeline"], root)
        noop.append(seconds)
        noop_counts.append(materialized(out))
        path = root / "raw" / "statements.csv"
        path.write_text(path.read_text().replace("Nebenzia said", "Nebenzia stated", 1))
        seconds, out = _run(["-m", "pipeline"], root)
        one_table.append(seconds)
        one_counts.append(materialized(out))
        shutil.rmtree(root)
        root = fresh_copy()
        seconds, _ = _run(["bench/baseline.py", str(root)], root)
        baseline.append(seconds)
        shutil.rmtree(root)
    return {"cold": cold, "baseline": baseline, "noop": noop, "one_table": one_table,
            "noop_materialized": noop_counts, "one_table_materialized": one_counts}


def median(values) -> float:
    return statistics.median(values)


def builds_markdown(t: dict) -> str:
    cold, base = median(t["cold"]), median(t["baseline"])
    rows = [
        ("Cold build (`make report`, empty processed/ and Dagster home)", cold, "",
         "within 1.3x of the baseline", cold / base <= 1.3),
        ("Plain Python baseline, same work, no orchestration", base, "1.00 (reference)", "", None),
        ("No-op build (nothing changed)", median(t["noop"]),
         f"{median(t['noop']) / cold:.2f} of cold; {max(t['noop_materialized'])} assets materialized",
         "under 0.25 of cold, 0 assets", median(t["noop"]) / cold < 0.25 and max(t["noop_materialized"]) == 0),
        ("One table changed (statements)", median(t["one_table"]),
         f"{median(t['one_table']) / cold:.2f} of cold; {max(t['one_table_materialized'])} assets materialized",
         "under 0.60 of cold", median(t["one_table"]) / cold < 0.6),
    ]
    lines = ["| measurement | median seconds | ratio | target | met |", "| --- | --- | --- | --- | --- |"]
    for name, seconds, ratio, target, met in rows:
        ratio = ratio or f"{seconds / base:.2f} of baseline"
        lines.append(f"| {name} | {seconds:.2f} | {ratio} | {target} | {'' if met is None else ('yes' if met else 'no')} |")
    return "\n".join(lines)


def main() -> int:
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    builds = build_times()
    sections = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {started}; {RUNS} runs per measurement, medians. "
        f"Machine: {os.cpu_count()} cores. Each build is a fresh `python -m pipeline` "
        "process, the command behind `make report`.",
        "",
        "## Builds",
        "",
        builds_markdown(builds),
        "",
        "## Validation throughput (synthetic shipments, labelled synthetic, never mixed with the real data)",
        "",
        validation.markdown(),
        "",
        "## OFAC SDN import",
        "",
        ofac_import.markdown(),
        "",
        "## Report rendering (offline renderer)",
        "",
        render_times.markdown(),
        "",
        (ROOT / "bench" / "optimisations.md").read_text(),
    ]
    RESULTS.write_text("\n".join(sections))
    print(RESULTS.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
