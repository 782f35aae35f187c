"""The bad-input corpus: each case in cases.json turns the shipped raw tables into a broken
or hostile file, and names the exact failure it must produce.

Cases are operations on the current tables, not copies of them, so they follow the data as
it grows. Kinds:
- patch: set cells ({"row": i, "column": c, "value": v}; row 0 is file line 2);
- raw_cell: put raw bytes (hex) into a cell, unquoted, after writing the CSV;
- header: drop, add, rename or duplicate a column, or change the delimiter;
- file: empty, header_only, prefix (hex bytes), crlf, blank_line (after a row), ragged
  (a short row appended), huge_header (a header of N copies of one name);
- generated: huge_field, many_rows; symlink: the file is a link to a target.
"""

import csv
import io
import json
from pathlib import Path

from schemas.catalog import RAW_TABLES

HERE = Path(__file__).parent
CASES = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
MARKER = "\u2063MARK{}\u2063"  # replaced by raw bytes after the CSV is written


def _rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _csv(columns: list[str], rows: list[dict], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=columns, lineterminator="\n", delimiter=delimiter, extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _header(case: dict, columns: list[str], rows: list[dict]) -> str:
    change = case["header"]
    if "delimiter" in change:
        return _csv(columns, rows, change["delimiter"])
    if "drop" in change:
        return _csv([c for c in columns if c != change["drop"]], rows)
    if "add" in change:
        return _csv([*columns, change["add"]], [dict(r, **{change["add"]: ""}) for r in rows])
    if "rename" in change:
        old, new = change["rename"]
        renamed = [new if c == old else c for c in columns]
        return _csv(renamed, [dict(r, **{new: r[old]}) for r in rows])
    if "duplicate" in change:
        text = _csv(columns, rows)
        header, body = text.split("\n", 1)
        extra = [line + "," + line.split(",")[0] for line in body.splitlines()]
        return header + "," + change["duplicate"] + "\n" + "\n".join(extra) + "\n"
    raise ValueError(change)


def _file(case: dict, columns: list[str], rows: list[dict]) -> bytes:
    op = case["op"]
    text = _csv(columns, rows)
    if op == "empty":
        return b""
    if op == "header_only":
        return text.split("\n", 1)[0].encode() + b"\n"
    if op == "prefix":
        return bytes.fromhex(case["hex"]) + text.encode()
    if op == "crlf":
        return text.replace("\n", "\r\n").encode()
    if op == "blank_line":
        lines = text.split("\n")
        lines.insert(case["after_row"] + 2, "")
        return "\n".join(lines).encode()
    if op == "ragged":
        return (text + "STA-999,2024-01-01\n").encode()
    if op == "huge_header":
        return (",".join([case["name"]] * case["count"]) + "\n" + text.split("\n", 1)[1]).encode()
    raise ValueError(op)


def _generated(name: str, table: str, columns: list[str], rows: list[dict]) -> bytes:
    if name == "huge_field":
        column = RAW_TABLES[table].columns[-2]
        return _csv(columns, [dict(rows[0], **{column: "x" * 1_000_000}), *rows[1:]]).encode()
    if name == "many_rows":
        key = RAW_TABLES[table].key_column
        prefix = rows[0][key].split("-")[0]
        many = [dict(rows[i % len(rows)], **{key: f"{prefix}-{i:06d}"}) for i in range(100_000)]
        return _csv(columns, many).encode()
    raise ValueError(name)


def broken_bytes(case: dict, raw_dir: Path) -> bytes | None:
    """The case's file content (None for a symlink case, which links instead)."""
    table = RAW_TABLES[case["table"]]
    rows = _rows(raw_dir / table.raw_file)
    columns = table.columns
    kind = case["kind"]
    if kind == "patch":
        for change in case["patch"]:
            rows[change["row"]][change["column"]] = change["value"]
        return _csv(columns, rows).encode("utf-8")
    if kind == "raw_cell":
        cells = case["cells"]
        for number, cell in enumerate(cells):
            rows[cell["row"]][cell["column"]] = MARKER.format(number)
        data = _csv(columns, rows).encode("utf-8")
        for number, cell in enumerate(cells):
            data = data.replace(MARKER.format(number).encode("utf-8"), bytes.fromhex(cell["hex"]))
        return data
    if kind == "header":
        return _header(case, columns, rows).encode("utf-8")
    if kind == "file":
        return _file(case, columns, rows)
    if kind == "generated":
        return _generated(case["generator"], case["table"], columns, rows)
    if kind == "symlink":
        return None
    raise ValueError(kind)


def apply_case(case: dict, raw_dir: Path) -> Path:
    """Replace the case's table in raw_dir with its broken version; returns its path."""
    target = raw_dir / RAW_TABLES[case["table"]].raw_file
    data = broken_bytes(case, raw_dir)
    target.unlink()
    if data is None:
        target.symlink_to(case["target"])
    else:
        target.write_bytes(data)
    return target


def matches(failure: dict, expect: dict) -> bool:
    return all(
        expect[k] in str(failure[k]) if k == "value" else failure[k] == expect[k] for k in expect
    )
