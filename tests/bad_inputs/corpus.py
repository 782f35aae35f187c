"""Apply a bad-input case from cases.json to a project's raw folder."""

import csv
import io
import json
from pathlib import Path

from schemas import TABLES

HERE = Path(__file__).parent
CASES = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))


def _rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _csv(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _generated(name: str, table: str, good: list[dict]) -> str:
    columns = TABLES[table].columns
    if name == "huge_field":
        rows = [dict(good[0], summary="x" * 1000000), *good[1:]]
        return _csv(columns, rows)
    if name == "many_rows":
        key = TABLES[table].primary_key
        rows = [dict(good[i % len(good)], **{key: f"STA-{i:06d}"}) for i in range(100_000)]
        return _csv(columns, rows)
    raise ValueError(name)


def apply_case(case: dict, raw_dir: Path) -> None:
    """Replace (or patch) the case's table in raw_dir."""
    table = case["table"]
    target = raw_dir / TABLES[table].raw_file
    kind = case["kind"]
    if kind == "file":
        target.write_bytes((HERE / case["file"]).read_bytes())
    elif kind == "patch":
        rows = _rows(target)
        for change in case["patch"]:
            rows[change["row"]][change["column"]] = change["value"]
        target.write_text(_csv(TABLES[table].columns, rows), encoding="utf-8")
    elif kind == "generated":
        target.write_text(_generated(case["generator"], table, _rows(target)), encoding="utf-8")
    elif kind == "symlink":
        target.unlink()
        target.symlink_to(case["target"])
    else:
        raise ValueError(kind)
