"""Validate the curated raw tables: every check, every failure, in one pass. No Dagster.

`validate_dataset` reads each raw file once, runs its Pandera model, then the cross-table
rules over whatever could be parsed, and explains every failure to a reviewer: table,
file:line, the row's id, column, the check's human name, the value, and what is allowed
(the allowed values with a "did you mean", or the rule in plain words, with a link to the
rule in the codebook). The Dagster assets, `make report` and `make validate` all call it.
"""

import difflib
import hashlib
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from pipeline.io.reader import Problem, read_table
from schemas import file_format, integrity  # noqa: F401  (register their rules)
from schemas.catalog import RAW_TABLES, Table
from schemas.checks import invisible_characters
from schemas.rules import RULES, rule_for

SHOWN_CHARACTERS = 200
SHOWN_VALUES = 12


def printable(text: str) -> str:
    """Text safe for a terminal or a log line: every control, format or separator character
    (which could erase, reorder or fake a line) is shown as an escape instead."""
    if not invisible_characters(text):
        return text
    return "".join(
        c
        if not invisible_characters(c)
        else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        for c in text
    )


def shown(value, limit: int = SHOWN_CHARACTERS) -> str:
    if isinstance(value, pd.Timestamp) and not pd.isna(value):
        value = value.date().isoformat()
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text):,} characters)"


@dataclass(frozen=True)
class Failure:
    table: str
    file: str
    line: int | None
    row_id: str | None
    column: str
    check: str
    check_title: str
    value: str
    allowed: str
    suggestion: str | None = None
    rule_link: str = ""

    def as_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        """One line for a reviewer's terminal, with every character made visible."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        row = f" [{self.row_id}]" if self.row_id else ""
        column = f" {self.column}" if self.column else ""
        value = f" {self.value!r}" if self.value != "" else ""
        hint = f"; did you mean {self.suggestion!r}?" if self.suggestion else ""
        return printable(
            f"{where}{row}{column}: {self.check_title}{value}: {self.allowed.rstrip('.')}{hint}"
        )


@dataclass
class Validation:
    """The outcome of validating the curated tables."""

    frames: dict[str, pd.DataFrame | None]
    failures: list[Failure]
    not_evaluated: list[str] = field(default_factory=list)  # checks that could not run
    file_hashes: dict[str, str] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.failures

    def failures_of(self, table: str) -> list[Failure]:
        return [f for f in self.failures if f.table == table]

    def not_evaluated_for(self, table: str) -> list[str]:
        """Cross-table checks on this table that could not run (a table they need is unreadable)."""
        return [
            c.name
            for c in integrity.DATASET_CHECKS
            if c.name in self.not_evaluated and table in c.needs
        ]

    def table_passed(self, table: str) -> bool:
        """Read, and every check on it ran and passed: only then may it be published."""
        return (
            self.frames.get(table) is not None
            and not self.failures_of(table)
            and not self.not_evaluated_for(table)
        )

    def summary(self) -> str:
        """'3 failures in 3 tables: 1 Allowed value, 1 Cited source exists, ...'."""
        if not self.failures:
            return "Every check passed."
        tables = len({f.table for f in self.failures})
        by_check = Counter(f.check_title for f in self.failures)
        checks = ", ".join(f"{n} {title}" for title, n in by_check.most_common())
        return (
            f"{len(self.failures)} failure{'s' * (len(self.failures) != 1)} in {tables} "
            f"table{'s' * (tables != 1)}: {checks}"
        )


def _vocabulary(table: Table, column: str) -> dict | None:
    columns = table.model.to_schema().columns
    if column not in columns:
        return None
    return (columns[column].metadata or {}).get("vocabulary")


def _closest(value: str, candidates) -> str | None:
    match = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.75)
    return match[0] if match else None


def _allowed(
    table: Table, check: str, column: str, value: str, candidates: tuple[str, ...] = ()
) -> tuple[str, str | None]:
    """What the check allows, in words, and a near miss it may have meant."""
    name = check.split("(", 1)[0]
    vocabulary = _vocabulary(table, column) if name == "isin" else None
    if vocabulary:
        values = list(vocabulary)
        more = len(values) - SHOWN_VALUES
        listed = ", ".join(values[:SHOWN_VALUES]) + (f" (and {more} more)" if more > 0 else "")
        return f"allowed values are {listed}", _closest(value, values)
    argument = check[len(name) + 1 : -1] if "(" in check else ""
    if name == "str_length" and argument:
        low, high = (part.strip() for part in argument.split(",")[:2])
        return f"text of {low} to {high} characters", None
    if name in ("matches", "id_list") and argument:
        return f"{RULES[name].requires} (form: {argument})", None
    rule = rule_for(name)
    suggestion = _closest(value, candidates) if candidates else None
    return (rule.requires if rule else f"passes {check}"), suggestion


def explain(
    table: Table,
    file: str,
    problem: Problem,
    frame: pd.DataFrame | None,
    candidates: tuple[str, ...] = (),
) -> Failure:
    name = problem.check.split("(", 1)[0]
    rule = rule_for(name)
    row_id = problem.row_id
    key = table.key_column
    if row_id is None and frame is not None and problem.line in frame.index and key in frame:
        found = frame.at[problem.line, key]
        row_id = None if pd.isna(found) else str(found)
    allowed, suggestion = _allowed(table, problem.check, problem.column, problem.value, candidates)
    return Failure(
        table.name,
        file,
        problem.line,
        row_id,
        problem.column,
        name,
        rule.title if rule else name,
        shown(problem.value),
        allowed,
        suggestion,
        rule.link if rule else "",
    )


def schema_problems(table: Table, frame: pd.DataFrame) -> list[Problem]:
    """Run the table's Pandera model lazily; every failure case becomes a Problem."""
    try:
        table.model.validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
    problems, seen = [], set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        rule = rule_for(check)
        line = None if pd.isna(case.index) else int(case.index)
        if rule is not None and rule.scope == "row":
            if (line, rule.name) in seen:
                continue
            seen.add((line, rule.name))
            value = ", ".join(f"{c}={shown(frame.at[line, c])}" for c in rule.columns)
            problems.append(Problem(line, ",".join(rule.columns), rule.name, value))
        else:
            problems.append(Problem(line, str(case.column), check, shown(case.failure_case)))
    return problems


def _without_repeats(problems: list[Problem]) -> list[Problem]:
    """One answer per error: a value the reader could not parse is empty in the frame, so
    the schema would also call it missing; and a row check over a cell that already failed
    its own check (an unknown category does not fit its direction either) says nothing new."""
    unparsed = {
        (p.line, p.column) for p in problems if p.check in ("iso_date", "integer", "boolean")
    }
    failed_cells = {
        (p.line, p.column) for p in problems if getattr(rule_for(p.check), "scope", "") != "row"
    }

    def repeats(p: Problem) -> bool:
        if p.check == "not_nullable" and (p.line, p.column) in unparsed:
            return True
        rule = rule_for(p.check)
        return bool(
            rule
            and rule.scope == "row"
            and rule.columns
            and any((p.line, c) in failed_cells for c in rule.columns)
        )

    return [p for p in problems if not repeats(p)]


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def validate_dataset(raw_dir: Path, shown_dir: str = "raw") -> Validation:
    """Read and check every curated table, then the cross-table rules on what parsed."""
    frames: dict[str, pd.DataFrame | None] = {}
    failures: list[Failure] = []
    hashes = {}
    for name, table in RAW_TABLES.items():
        path = raw_dir / table.raw_file
        file = f"{shown_dir}/{table.raw_file}"
        hashes[file] = file_hash(path)
        parsed = read_table(table, path)
        problems = parsed.problems
        if parsed.frame is not None:
            problems = _without_repeats(problems + schema_problems(table, parsed.frame))
        frames[name] = parsed.frame
        failures += [explain(table, file, p, parsed.frame) for p in problems]
    readable = {name: frame for name, frame in frames.items() if frame is not None}
    cross, not_evaluated = integrity.check_dataset(readable)
    for f in cross:
        table = RAW_TABLES[f.table]
        problem = Problem(f.line, f.column, f.check, f.value)
        failures.append(
            explain(table, f"{shown_dir}/{table.raw_file}", problem, frames[f.table], f.candidates)
        )
    failures.sort(key=lambda f: (f.file, f.line or 0, f.column, f.check))
    return Validation(frames, failures, not_evaluated, hashes)


def report_lines(validation: Validation, limit: int = 50) -> list[str]:
    """The summary first, then one line per failure."""
    lines = [validation.summary()]
    lines += [f"  {f.describe()}" for f in validation.failures[:limit]]
    if len(validation.failures) > limit:
        lines.append(
            f"  ... and {len(validation.failures) - limit} more "
            "(see processed/validation/index.html)"
        )
    if validation.not_evaluated:
        lines.append(
            "Not evaluated (a table they need could not be read): "
            + ", ".join(validation.not_evaluated)
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """`make validate`: the schemas and cross-table checks on raw/, nothing else."""
    from pipeline.project import Project

    project = Project.from_args(argv if argv is not None else sys.argv[1:], prog="make validate")
    validation = validate_dataset(project.raw_dir)
    for line in report_lines(validation, limit=len(validation.failures)):
        print(line)
    return 0 if validation.passed else 1


if __name__ == "__main__":
    sys.exit(main())
