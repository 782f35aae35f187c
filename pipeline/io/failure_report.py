"""The reviewers' failure report in processed/validation/: failures.csv, failures.json,
index.html (from failure_report.html.j2, autoescaped) and history.jsonl.

It says when and in which run the raw tables were checked, the SHA-256 of each raw file,
how many tables passed, failed or were not checked for each check, every failure with its
row shown in context, and the recent validation runs.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pandas as pd

from pipeline.io import writer
from pipeline.validation import Failure, Validation, printable, shown
from schemas.catalog import RAW_TABLES
from schemas.integrity import DATASET_CHECKS
from schemas.rules import RULES

HISTORY_KEPT = 30
COLUMNS = [
    "table",
    "file",
    "line",
    "row_id",
    "column",
    "check",
    "check_title",
    "value",
    "allowed",
    "suggestion",
    "rule_link",
]
TEMPLATE = Path(__file__).with_name("failure_report.html.j2")


@dataclass(frozen=True)
class CheckCount:
    name: str
    title: str
    passed: int
    failed: int
    not_run: int
    failures: int


def _table_checks(table) -> set[str]:
    schema = table.model.to_schema()
    names = {c.name for c in schema.checks}
    for column in schema.columns.values():
        names |= {c.name for c in column.checks}
        if not column.nullable:
            names.add("not_nullable")
        if column.unique:
            names.add("field_uniqueness")
    return {n for n in names if n in RULES}


def check_counts(validation: Validation) -> list[CheckCount]:
    """Per check: tables it passed, failed or could not run on, and its failures."""
    failing = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for f in validation.failures:
        failing[f.check].add(f.table)
        counts[f.check] += 1
    status: dict[str, dict[str, str]] = defaultdict(dict)
    for name, table in RAW_TABLES.items():
        readable = validation.frames.get(name) is not None
        for check in _table_checks(table):
            status[check][name] = (
                "failed" if name in failing[check] else "passed" if readable else "not run"
            )
    for dataset_check in DATASET_CHECKS:
        for name in dataset_check.needs:
            status[dataset_check.name][name] = (
                "not run"
                if dataset_check.name in validation.not_evaluated
                else "failed"
                if name in failing[dataset_check.name]
                else "passed"
            )
    for check, tables in failing.items():  # file-level checks fail before a table is read
        for name in tables:
            status[check][name] = "failed"
    out = []
    for check in sorted(status, key=lambda c: (-counts[c], RULES[c].title if c in RULES else c)):
        states = list(status[check].values())
        out.append(
            CheckCount(
                check,
                RULES[check].title if check in RULES else check,
                states.count("passed"),
                states.count("failed"),
                states.count("not run"),
                counts[check],
            )
        )
    return out


def row_in_context(validation: Validation, failure: Failure) -> list[tuple[str, str, bool]]:
    """(column, value, is the failing column) for the failing row, when it was read."""
    frame = validation.frames.get(failure.table)
    if frame is None or failure.line is None or failure.line not in frame.index:
        return []
    failing = set(failure.column.split(","))
    return [
        (column, printable(shown(value, 160)), column in failing)
        for column, value in frame.loc[failure.line].items()
    ]


def _history(folder: Path, entry: dict) -> list[dict]:
    path = folder / "history.jsonl"
    runs = []
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                runs.append(json.loads(line))
            except ValueError:
                continue
    runs = [*runs, entry][-HISTORY_KEPT:]
    writer.write_text(path, "".join(json.dumps(r, sort_keys=True) + "\n" for r in runs))
    return runs


def render_html(validation: Validation, checked_at: str, run_id: str, runs: list[dict]) -> str:
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(
        summary=validation.summary(),
        passed=validation.passed,
        checked_at=checked_at,
        run_id=run_id,
        hashes=validation.file_hashes,
        counts=check_counts(validation),
        failures=[
            (f, row_in_context(validation, f), printable(f.value)) for f in validation.failures
        ],
        not_evaluated=validation.not_evaluated,
        runs=list(reversed(runs)),
    )


def write_report(folder: Path, validation: Validation, checked_at: str, run_id: str) -> list[Path]:
    """Write the whole report; returns the files written."""
    rows = [f.as_dict() for f in validation.failures]
    frame = pd.DataFrame(rows, columns=COLUMNS).astype({"line": "Int64"})
    runs = _history(
        folder,
        {
            "checked_at": checked_at,
            "run_id": run_id,
            "failures": len(validation.failures),
            "tables_failing": len({f.table for f in validation.failures}),
            "files": validation.file_hashes,
        },
    )
    paths = [
        folder / "failures.csv",
        folder / "failures.json",
        folder / "index.html",
        folder / "history.jsonl",
    ]
    writer.write_csv(paths[0], frame)
    writer.write_json(
        paths[1],
        {
            "checked_at": checked_at,
            "run_id": run_id,
            "summary": validation.summary(),
            "failures": rows,
            "not_evaluated": validation.not_evaluated,
            "files": validation.file_hashes,
        },
    )
    writer.write_text(paths[2], render_html(validation, checked_at, run_id, runs))
    return paths


OFAC_FAILURES = "ofac.json"


def write_ofac_failures(folder: Path, failures: list[Failure], checked_at: str) -> Path:
    """The official list's failures, beside the curated tables' report."""
    path = folder / OFAC_FAILURES
    writer.write_json(path, {"checked_at": checked_at, "failures": [f.as_dict() for f in failures]})
    return path


def load_failures(folder: Path) -> list[dict]:
    """Every standing failure: the curated tables' and the official list's."""
    failures = []
    for name in ("failures.json", OFAC_FAILURES):
        path = folder / name
        if path.is_file():
            failures += json.loads(path.read_text(encoding="utf-8")).get("failures", [])
    return failures
