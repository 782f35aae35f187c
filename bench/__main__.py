"""`make bench`: time the pipeline as users feel it and write bench/results.md.

Not part of `make test`. Every timing is the median of several fresh processes running
exactly what users run (`python -m pipeline`, `python -m pipeline.validation`), so machine
noise shows as spread, not as bias. Scaled tables are synthetic copies of the real rows with
new ids, labelled as such and never mixed into raw/.
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

from bench.synthetic import ofac_snapshots, scale_tables
from tests.support import ROOT, make_project

RESULTS = ROOT / "bench" / "results.md"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def timed(args: list[str], root: Path) -> tuple[float, str]:
    env = {**os.environ, "DAGSTER_HOME": str(root / ".dagster_home")}
    env.pop("DPRK_PROJECT_ROOT", None)
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if process.returncode not in (0,):
        raise RuntimeError(process.stdout + process.stderr)
    return elapsed, process.stdout


def built_count(output: str) -> int:
    match = re.search(r"^Built (\d+) asset", output, re.M)
    return int(match.group(1)) if match else 0


def fresh(prepare=None) -> Path:
    root = make_project(Path(tempfile.mkdtemp(prefix="bench-")))
    if prepare:
        prepare(root)
    return root


def median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (runs: {', '.join(f'{v:.2f}' for v in values)})"


def measure() -> dict:
    rows: dict[str, list] = {
        k: [] for k in ("cold", "baseline", "noop", "one", "validate", "scaled", "ofac50")
    }
    counts: dict[str, list] = {"noop": [], "one": []}
    for _ in range(RUNS):
        root = fresh()
        rows["cold"].append(timed(["-m", "pipeline"], root)[0])
        seconds, out = timed(["-m", "pipeline"], root)
        rows["noop"].append(seconds)
        counts["noop"].append(built_count(out))
        path = root / "raw" / "statements.csv"
        path.write_text(path.read_text().replace("Nebenzia said", "Nebenzia stated", 1))
        seconds, out = timed(["-m", "pipeline"], root)
        rows["one"].append(seconds)
        counts["one"].append(built_count(out))
        rows["validate"].append(timed(["-m", "pipeline.validation"], root)[0])
        shutil.rmtree(root)
        root = fresh()
        rows["baseline"].append(timed([str(ROOT / "bench" / "baseline.py"), str(root)], root)[0])
        shutil.rmtree(root)
        root = fresh(lambda r: scale_tables(r / "raw", 10))
        rows["scaled"].append(timed(["-m", "pipeline"], root)[0])
        shutil.rmtree(root)
        root = fresh(lambda r: ofac_snapshots(r / "raw" / "ofac", 50))
        rows["ofac50"].append(timed(["-m", "pipeline"], root)[0])
        shutil.rmtree(root)
    return {"times": rows, "counts": counts}


def report(result: dict) -> str:
    t, c = result["times"], result["counts"]
    med = {name: statistics.median(values) for name, values in t.items()}
    cold, baseline = med["cold"], med["baseline"]

    def yes(ok: bool) -> str:
        return "yes" if ok else "no"

    rows = [
        (
            "cold `make report`",
            "cold",
            "within 1.3x the baseline",
            f"{yes(cold <= 1.3 * baseline)} ({cold / baseline:.2f}x)",
        ),
        ("plain script doing the same work (bench/baseline.py)", "baseline", "", ""),
        (
            f"no-op `make report` ({max(c['noop'])} assets built)",
            "noop",
            "under 0.25 of cold, 0 assets",
            f"{yes(med['noop'] < 0.25 * cold and max(c['noop']) == 0)} "
            f"({med['noop'] / cold:.2f} of cold)",
        ),
        (
            f"one table changed (statements; {max(c['one'])} assets built)",
            "one",
            "under 0.6 of cold",
            f"{yes(med['one'] < 0.6 * cold)} ({med['one'] / cold:.2f} of cold)",
        ),
        (
            "`make validate` on the shipped tables",
            "validate",
            "under 2 s",
            yes(med["validate"] < 2),
        ),
        (
            "cold build, raw tables scaled 10x with synthetic rows",
            "scaled",
            "",
            f"{med['scaled'] / cold:.2f}x the shipped size",
        ),
        (
            "cold build with 50 OFAC snapshots",
            "ofac50",
            "",
            f"{med['ofac50'] / cold:.2f}x without snapshots",
        ),
    ]
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {time.strftime('%Y-%m-%d')}: medians of {RUNS} fresh "
        f"processes each, on this machine ({os.cpu_count()} cores).",
        "",
        "| measurement | median | target | met |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {label} | {median(t[key])} | {target} | {met} |" for label, key, target, met in rows
    ]
    return "\n".join([*lines, ""])


def main() -> int:
    text = report(measure())
    notes = ROOT / "bench" / "notes.md"
    if notes.is_file():
        text += "\n" + notes.read_text(encoding="utf-8")
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
