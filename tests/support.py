"""Helpers the tests share: project copies, raw-table edits, the builder as users run it."""

import contextlib
import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
REPORT_SOURCES = ["reports/report.qmd", "reports/_quarto.yml", "reports/styles"]
CODE = ["pipeline", "schemas"]
SHARED_OFAC = ROOT.parent / "shared" / "data" / "ofac"
# What an edit of one statements row rebuilds: the validation step (it checks the tables
# together), the statements chain, the tables that read statements, the warehouse, the report.
STATEMENTS_CHAIN = {
    "validated/sources",
    "validated/shipments",
    "validated/sanctions",
    "validated/statements",
    "validated/value_estimates",
    "processed/statements",
    "processed/citations",
    "marts/stances_by_actor",
    "processed/warehouse",
    "report",
}


def read_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_rows(path: Path, rows: list[dict], fieldnames: list[str] | None = None) -> None:
    fieldnames = fieldnames or list(rows[0])
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_cell(path: Path, row: int, column: str, value: str) -> None:
    rows = read_rows(path)
    rows[row][column] = value
    write_rows(path, rows)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(
            source, target, ignore=shutil.ignore_patterns("__pycache__", "_output", "_generated")
        )
    else:
        shutil.copyfile(source, target)


def make_project(target: Path, with_code: bool = False) -> Path:
    """A project folder: the raw tables and report sources (and the code, when a test
    edits code), with an empty processed/."""
    for rel in ["raw", *REPORT_SOURCES, *(CODE if with_code else [])]:
        _copy(ROOT / rel, target / rel)
    (target / "processed").mkdir(exist_ok=True)
    return target


@contextlib.contextmanager
def project_env(root: Path, **extra: str):
    """DAGSTER_HOME and the project root pointed at a copy, restored afterwards."""
    names = ["DAGSTER_HOME", "DPRK_PROJECT_ROOT", *extra]
    saved = {k: os.environ.get(k) for k in names}
    os.environ["DAGSTER_HOME"] = str(root / ".dagster_home")
    os.environ["DPRK_PROJECT_ROOT"] = str(root)
    os.environ.update(extra)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_builder(
    root: Path, *args: str, code: Path | None = None, env: dict | None = None, timeout: int = 600
) -> subprocess.CompletedProcess:
    """`make report`'s entry point in a fresh process, as a user runs it."""
    environment = {**os.environ, "DAGSTER_HOME": str(root / ".dagster_home"), **(env or {})}
    environment.pop("DPRK_PROJECT_ROOT", None)
    if code is not None:
        environment["PYTHONPATH"] = str(code)
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "--root", str(root), *args],
        cwd=code or root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def built(output: str) -> set[str]:
    """The assets a build says it materialized."""
    match = re.search(r"^Built \d+ assets?: (.*)\.$", output, re.M)
    return set(match.group(1).split(", ")) if match else set()


def snapshot_files(folder: Path, skip: tuple[str, ...] = ("validation",)) -> dict[str, bytes]:
    """Every file below folder (except skipped subfolders) by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part in skip for part in p.relative_to(folder).parts)
    }
