"""Read a raw table strictly and validate it: pure functions, no Dagster.

The reader keeps every row's line number as the frame's index, types each value by the
schema's declared dtype (never guessing), and reports every problem as a Failure rather
than dropping or coercing anything.
"""

import csv
import io
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from schemas import TABLES, Table
from schemas.integrity import check_integrity
from schemas.messages import DATAFRAME_CHECK_COLUMNS, check_name, message_for

MAX_ROWS = 20_000
MAX_FIELD_CHARS = 2_000_000
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
INTEGER = re.compile(r"-?\d+")
BOOLEANS = {"true": True, "false": False}


def describe(failure: dict) -> str:
    """One line for a reviewer: file:line column C: check value 'v': message."""
    where = f"{failure['file']}:{failure['line']}" if failure["line"] else failure["file"]
    column = f" column {failure['column']}" if failure["column"] else ""
    value = f" value {failure['value']!r}" if failure["value"] not in ("", None) else ""
    return f"{where}{column}: {failure['check']}{value}: {failure['message']}"


@dataclass(frozen=True)
class Failure:
    table: str
    file: str
    line: int | None
    column: str
    check: str
    value: str
    message: str

    def describe(self) -> str:
        return describe(self.as_dict())

    def as_dict(self) -> dict:
        return asdict(self)


def _failure(table: Table, file: str, line, column, check, value="") -> Failure:
    return Failure(table.name, file, line, column, check_name(check), _shown(value),
                   message_for(check))


def _shown(value, limit: int = 200) -> str:
    if isinstance(value, pd.Timestamp) and not pd.isna(value):
        value = value.date().isoformat()
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"


def _position(data: bytes, offset: int, columns: list[str]) -> tuple[int, str]:
    """Line number and column name of a byte offset (columns counted by commas)."""
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    index = data.count(b",", line_start, offset)
    column = columns[index] if line > 1 and index < len(columns) else ""
    return line, column


def _decode(table: Table, shown: str, data: bytes):
    """The file's text, or the first encoding-level failure with its line and column."""
    def fail(offset, check, value):
        line, column = _position(data, offset, table.columns)
        return None, [_failure(table, shown, line, column, check, value)]

    if not data.strip():
        return None, [_failure(table, shown, 1, "", "not_empty", f"{len(data)} bytes")]
    if data.startswith(b"\xef\xbb\xbf"):
        return fail(0, "no_bom", "EF BB BF")
    if b"\x00" in data:
        return fail(data.index(b"\x00"), "no_nul", "\\x00")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return fail(err.start, "utf8", f"byte 0x{data[err.start:err.start + 1].hex()}")
    if b"\r" in data:
        return fail(data.index(b"\r"), "lf_line_ends", "\\r\\n")
    return text, []


def _check_header(table: Table, shown: str, header: list[str]) -> list[Failure]:
    expected = table.columns
    if header == expected:
        return []
    failures = []
    if len(header) == 1 and any(d in header[0] for d in ";\t|"):
        return [_failure(table, shown, 1, "", "header", f"{header[0]} (wrong delimiter? use commas)")]
    for col in sorted({c for c in header if header.count(c) > 1}):
        failures.append(_failure(table, shown, 1, col, "header", f"duplicated column {col}"))
    for col in expected:
        if col not in header:
            failures.append(_failure(table, shown, 1, col, "header", f"missing column {col}"))
    for col in header:
        if col not in expected:
            failures.append(_failure(table, shown, 1, col, "header", f"unexpected column {col}"))
    if not failures:
        failures.append(_failure(table, shown, 1, "", "header", "columns out of order: " + ",".join(header)))
    return failures


def _typed(table: Table, shown: str, lines: list[int], rows: list[list[str]]):
    """Turn the text cells into the schema's dtypes; a value that does not parse is a Failure."""
    failures = []
    columns = {}
    for position, (name, column) in enumerate(table.model.to_schema().columns.items()):
        cells = [row[position] for row in rows]
        dtype = str(column.dtype)
        parsed = []
        for line, cell in zip(lines, cells):
            value, check = _parse_cell(cell, dtype)
            if check:
                failures.append(_failure(table, shown, line, name, check, cell))
            parsed.append(value)
        columns[name] = _series(parsed, dtype, lines)
    return pd.DataFrame(columns, index=pd.Index(lines, name="line")), failures


def _parse_cell(cell: str, dtype: str):
    if cell == "":
        return None, None
    if dtype.startswith("datetime64"):
        if not ISO_DATE.fullmatch(cell):
            return None, "iso_date"
        try:
            return pd.Timestamp(cell), None
        except ValueError:
            return None, "iso_date"
    if dtype == "Int64":
        return (int(cell), None) if INTEGER.fullmatch(cell) else (None, "integer")
    if dtype == "bool":
        return (BOOLEANS[cell], None) if cell in BOOLEANS else (None, "boolean")
    return cell, None


def _series(values: list, dtype: str, lines: list[int]) -> pd.Series:
    index = pd.Index(lines, name="line")
    if dtype.startswith("datetime64"):
        return pd.Series(pd.to_datetime(values), index=index).astype(dtype)
    if dtype == "bool":
        # A missing boolean stays visible to the schema as a null in an object column.
        if any(v is None for v in values):
            return pd.Series(values, index=index, dtype=object)
        return pd.Series(values, index=index, dtype=bool)
    return pd.Series(values, index=index, dtype=dtype if dtype == "Int64" else "str")


def read_table(table: Table, path: Path, shown: str | None = None):
    """Read one raw CSV into a typed frame indexed by line number, plus its failures."""
    shown = shown or path.name
    if path.is_symlink() or (path.exists() and not path.is_file()):
        target = os.readlink(path) if path.is_symlink() else "not a file"
        return None, [_failure(table, shown, 1, "", "regular_file", target)]
    if not path.exists():
        return None, [_failure(table, shown, 1, "", "file_exists", "missing")]
    text, failures = _decode(table, shown, path.read_bytes())
    if text is None:
        return None, failures
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    lines, rows, start = [], [], 1
    try:
        header = next(reader)
        failures += _check_header(table, shown, header)
        if failures:
            return None, failures
        start = reader.line_num + 1
        for row in reader:
            if not row:
                failures.append(_failure(table, shown, start, "", "blank_line"))
            elif len(row) != len(header):
                failures.append(_failure(table, shown, start, "", "field_count",
                                         f"{len(row)} fields, expected {len(header)}"))
            else:
                lines.append(start)
                rows.append(row)
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                failures.append(_failure(table, shown, start - 1, "", "max_rows",
                                         f"more than {MAX_ROWS} rows"))
                return None, failures
    except csv.Error as err:
        failures.append(_failure(table, shown, start, "", "csv_syntax",
                                 f"{err} (record starting on line {start})"))
        return None, failures
    if not rows and not failures:
        failures.append(_failure(table, shown, 2, "", "has_rows", "header only"))
    frame, type_failures = _typed(table, shown, lines, rows)
    return frame, failures + type_failures


def validate_frame(table: Table, frame: pd.DataFrame, shown: str) -> list[Failure]:
    """Run the table's Pandera schema lazily and turn every failure case into a Failure."""
    try:
        table.model.validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
    failures, seen = [], set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        check = check_name(check) if check_name(check) in DATAFRAME_CHECK_COLUMNS else check
        line = None if pd.isna(case.index) else int(case.index)
        if case.schema_context == "DataFrameSchema" and check in DATAFRAME_CHECK_COLUMNS:
            columns = DATAFRAME_CHECK_COLUMNS[check]
            key = (line, check)
            if key in seen:
                continue
            seen.add(key)
            value = ", ".join(f"{c}={_shown(frame.at[line, c])}" for c in columns)
            failures.append(_failure(table, shown, line, ",".join(columns), check, value))
        else:
            failures.append(_failure(table, shown, line, str(case.column), check, case.failure_case))
    return failures


def _without_repeats(failures: list[Failure]) -> list[Failure]:
    """A value the reader could not parse also fails the schema as null: report it once."""
    unparsed = {(f.line, f.column) for f in failures if f.check in ("iso_date", "integer", "boolean")}
    unparsed_columns = {column for _, column in unparsed}
    return [
        f for f in failures
        if not (f.check == "not_nullable" and (f.line, f.column) in unparsed)
        # an unparsed boolean leaves the column as objects, which fails the dtype check too
        and not (f.check.startswith("dtype(") and f.column in unparsed_columns)
    ]


def load_table(table: Table, path: Path, shown: str | None = None):
    """Read and validate one table: (typed frame, failures)."""
    shown = shown or f"raw/{path.name}"
    frame, failures = read_table(table, path, shown)
    if frame is not None:
        failures += validate_frame(table, frame, shown)
    return frame, _without_repeats(failures)


def integrity_failures(frames: dict[str, pd.DataFrame], files: dict[str, str]) -> list[Failure]:
    return [
        Failure(f["table"], files[f["table"]], f["line"], f["column"], f["check"],
                _shown(f["value"]), message_for(f["check"]))
        for f in check_integrity(frames)
    ]


def load_all(raw_dir: Path):
    """Every table read and validated, plus cross-table integrity when all tables parse."""
    frames, failures, files = {}, [], {}
    for name, table in TABLES.items():
        files[name] = f"raw/{table.raw_file}"
        frame, table_failures = load_table(table, raw_dir / table.raw_file, files[name])
        frames[name] = frame
        failures += table_failures
    if all(f is not None for f in frames.values()):
        failures += integrity_failures(frames, files)
    return frames, failures
