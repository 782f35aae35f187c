"""Read a raw CSV table strictly: keep each row's line number, type each value by the
schema's declared type (never guessing), and report every problem instead of dropping or
coercing anything. Pure functions; the cost is linear in the size of the file.
"""

import csv
import io
import os
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from schemas.catalog import Table
from schemas.file_format import (
    BOOLEANS,
    INT64_MAX,
    INTEGER,
    ISO_DATE,
    MAX_COLUMNS,
    MAX_FIELD_CHARS,
    MAX_ROWS,
)


@dataclass(frozen=True)
class Problem:
    """What the reader found wrong, before it is explained to a reviewer."""

    line: int | None
    column: str
    check: str
    value: str = ""
    row_id: str | None = None


@dataclass
class Parsed:
    frame: pd.DataFrame | None  # indexed by file line; None when the file cannot be read
    problems: list[Problem]


def _position(data: bytes, offset: int, columns: list[str]) -> tuple[int, str]:
    """Line number and column name of a byte offset (columns counted by commas)."""
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    index = data.count(b",", line_start, offset)
    column = columns[index] if line > 1 and index < len(columns) else ""
    return line, column


def decode(data: bytes, columns: list[str]) -> tuple[str | None, list[Problem]]:
    """The file's text, or the first encoding-level problem with its line and column."""

    def fail(offset: int, check: str, value: str) -> tuple[None, list[Problem]]:
        line, column = _position(data, offset, columns)
        return None, [Problem(line, column, check, value)]

    if not data.strip():
        return None, [Problem(1, "", "not_empty", f"{len(data)} bytes")]
    if data.startswith(b"\xef\xbb\xbf"):
        return fail(0, "no_bom", "EF BB BF")
    if b"\x00" in data:
        return fail(data.index(b"\x00"), "no_nul", "\\x00")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return fail(err.start, "utf8", f"byte 0x{data[err.start : err.start + 1].hex()}")
    if b"\r" in data:
        return fail(data.index(b"\r"), "lf_line_ends", "\\r\\n")
    return text, []


def check_header(header: list[str], expected: list[str]) -> list[Problem]:
    if header == expected:
        return []
    if len(header) > MAX_COLUMNS:
        return [Problem(1, "", "header", f"{len(header):,} columns (a table has {len(expected)})")]
    if len(header) == 1 and any(d in header[0] for d in ";\t|"):
        return [Problem(1, "", "header", f"{header[0]} (wrong delimiter? use commas)")]
    counts = Counter(header)
    wanted = set(expected)
    problems = [
        Problem(1, col, "header", f"duplicated column {col}")
        for col in sorted(c for c, n in counts.items() if n > 1)
    ]
    problems += [
        Problem(1, col, "header", f"missing column {col}") for col in expected if col not in counts
    ]
    problems += [
        Problem(1, col, "header", f"unexpected column {col}")
        for col in dict.fromkeys(header)
        if col not in wanted
    ]
    if not problems:
        problems.append(Problem(1, "", "header", "columns out of order: " + ",".join(header)))
    return problems


def parse_cell(cell: str, kind: str):
    """(typed value, failed check or None) for one raw cell of a column of this kind."""
    if cell == "":
        return None, None
    if kind == "date":
        if not ISO_DATE.fullmatch(cell):
            return None, "iso_date"
        try:
            return np.datetime64(date.fromisoformat(cell), "s"), None
        except ValueError:
            return None, "iso_date"
    if kind == "integer":
        if not INTEGER.fullmatch(cell) or abs(int(cell)) > INT64_MAX:
            return None, "integer"
        return int(cell), None
    if kind == "boolean":
        return (BOOLEANS[cell], None) if cell in BOOLEANS else (None, "boolean")
    return cell, None


def column_kind(dtype) -> str:
    name = str(dtype)
    if name.startswith("datetime64"):
        return "date"
    return {"Int64": "integer", "boolean": "boolean", "bool": "boolean"}.get(name, "text")


def _series(values: list, kind: str, index: pd.Index) -> pd.Series:
    if kind == "date":
        array = np.array(
            [np.datetime64("NaT", "s") if v is None else v for v in values], dtype="datetime64[s]"
        )
        return pd.Series(array, index=index)
    dtype = {"integer": "Int64", "boolean": "boolean"}.get(kind, "str")
    return pd.Series(values, index=index, dtype=dtype)


def type_rows(table: Table, lines: list[int], rows: list[list[str]]):
    """The text cells as a frame of the schema's types; a value that does not parse is a
    problem (and an empty cell in the frame)."""
    problems = []
    index = pd.Index(lines, name="line")
    columns = {}
    for position, (name, column) in enumerate(table.model.to_schema().columns.items()):
        kind = column_kind(column.dtype)
        parsed = []
        for line, row in zip(lines, rows, strict=True):
            value, check = parse_cell(row[position], kind)
            if check:
                problems.append(Problem(line, name, check, row[position], row[0] or None))
            parsed.append(value)
        columns[name] = _series(parsed, kind, index)
    return pd.DataFrame(columns, index=index), problems


def read_table(table: Table, path: Path) -> Parsed:
    """Read one raw CSV into a typed frame indexed by line number, with its problems."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        target = os.readlink(path) if path.is_symlink() else "not a file"
        return Parsed(None, [Problem(1, "", "regular_file", target)])
    if not path.exists():
        return Parsed(None, [Problem(1, "", "file_exists", "missing")])
    text, problems = decode(path.read_bytes(), table.columns)
    if text is None:
        return Parsed(None, problems)
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    lines: list[int] = []
    rows: list[list[str]] = []
    start = 1
    try:
        header = next(reader)
        problems += check_header(header, table.columns)
        if problems:
            return Parsed(None, problems)
        start = reader.line_num + 1
        for row in reader:
            if not row:
                problems.append(Problem(start, "", "blank_line"))
            elif len(row) != len(header):
                problems.append(
                    Problem(
                        start,
                        "",
                        "field_count",
                        f"{len(row)} fields, expected {len(header)}",
                        row[0] or None,
                    )
                )
            else:
                lines.append(start)
                rows.append(row)
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                problems.append(Problem(start - 1, "", "max_rows", f"more than {MAX_ROWS:,} rows"))
                return Parsed(None, problems)
    except csv.Error as err:
        problems.append(
            Problem(start, "", "csv_syntax", f"{err} (record starting on line {start})")
        )
        return Parsed(None, problems)
    if not rows and not problems:
        return Parsed(None, [Problem(2, "", "has_rows", "header only")])
    frame, type_problems = type_rows(table, lines, rows)
    return Parsed(frame, problems + type_problems)
