"""The reviewers' failure report: processed/validation/failures.{csv,json} and index.html.

Each check writes its own part (parts/<name>.json, possibly empty); the report is then
rebuilt from all parts, so re-validating one table never loses another table's failures.
"""

import html
import json
from pathlib import Path

import pandas as pd

from pipeline import publish
from pipeline.validation import Failure, describe

COLUMNS = ["table", "file", "line", "column", "check", "value", "message"]


def record_failures(validation_dir: Path, part: str, failures: list[Failure]) -> list[dict]:
    """Store one check's failures and rebuild the whole report; returns every failure."""
    publish.write_json(validation_dir / "parts" / f"{part}.json", [f.as_dict() for f in failures])
    return rebuild(validation_dir)


def load_parts(validation_dir: Path) -> list[dict]:
    rows = []
    for part in sorted((validation_dir / "parts").glob("*.json")):
        rows += json.loads(part.read_text(encoding="utf-8"))
    return sorted(rows, key=lambda r: (r["file"], r["line"] or 0, r["column"], r["check"]))


def rebuild(validation_dir: Path) -> list[dict]:
    rows = load_parts(validation_dir)
    frame = pd.DataFrame(rows, columns=COLUMNS).astype({"line": "Int64"})
    publish.write_csv(validation_dir / "failures.csv", frame)
    publish.write_json(validation_dir / "failures.json", rows)
    publish.write_text(validation_dir / "index.html", render_html(rows))
    return rows


def render_html(rows: list[dict]) -> str:
    esc = lambda v: html.escape("" if v is None else str(v), quote=True)  # noqa: E731
    if rows:
        lead = f"<p class='bad'>{len(rows)} failure(s). The last good outputs were kept.</p>"
    else:
        lead = "<p class='good'>Every check passed.</p>"
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(r[c])}</td>" for c in COLUMNS) + "</tr>" for r in rows
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        "<title>Validation failures</title><style>body{font-family:sans-serif;margin:2em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
        "vertical-align:top}.bad{color:#a00}.good{color:#070}</style></head><body>"
        f"<h1>Validation failures</h1>{lead}<table><thead><tr>"
        + "".join(f"<th>{c}</th>" for c in COLUMNS)
        + f"</tr></thead><tbody>{body}</tbody></table></body></html>\n"
    )


def summary_lines(rows: list[dict], limit: int = 40) -> list[str]:
    lines = [f"  {describe(r)}" for r in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"  ... and {len(rows) - limit} more (see processed/validation/failures.csv)")
    return lines
