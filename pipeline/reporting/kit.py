"""Helpers the report's cells use: load processed tables, cite sources, show charts and tables.

Charts and tables display as MIME bundles, like any Jupyter object, so Quarto and the
offline renderer pick the same representation: interactive HTML (drawn by the Vega
bundle embedded once in the page) or static SVG for the PDF.
"""

import html
import json
import os
import re
from pathlib import Path
from typing import Any, cast

import altair as alt
import pandas as pd
import vl_convert as vlc

from pipeline.publish import tables
from schemas.catalog import TABLES

GENERATED = "_generated"
SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|@$~^\"'])")

INIT_SCRIPT = """
<script>
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".vega-chart").forEach(function (el) {
    var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    window.vegaEmbed(el, spec, {renderer: "svg", actions: false}).then(function () {
      el.dataset.rendered = "true";
    }).catch(function (err) { el.dataset.rendered = "error"; console.error(err); });
  });
});
</script>
"""


def processed_dir() -> Path:
    if os.environ.get("DPRK_PROCESSED_DIR"):
        return Path(os.environ["DPRK_PROCESSED_DIR"])
    return Path(os.environ.get("DPRK_PROJECT_ROOT", Path.cwd().parent)) / "processed"


def load(name: str) -> pd.DataFrame:
    return tables.read(processed_dir(), TABLES[name])


def load_all() -> dict[str, pd.DataFrame]:
    """Every published table, by name, in the pipeline's in-memory types."""
    return {name: load(name) for name in TABLES}


def ids(cells) -> list[str]:
    """Unique source ids from one or more semicolon-separated cells, sorted."""
    if isinstance(cells, str):
        cells = [cells]
    return sorted({i for cell in cells if isinstance(cell, str) for i in cell.split(";") if i})


def cite(cells) -> str:
    """A pandoc citation for the sources behind some rows: [@a; @b]."""
    keys = ids(cells)
    return "[" + "; ".join(f"@{k}" for k in keys) + "]" if keys else ""


def number(value) -> str:
    return f"{int(value):,}"


def value_range(low, high, open_ended: bool = False) -> str:
    """'1,000 to 2,000'; '1,000' for one figure; 'more than 1,000' for an open range."""
    if pd.isna(low):
        return "" if pd.isna(high) else f"up to {number(high)}"
    if pd.isna(high):
        return f"more than {number(low)}"
    more = "more than " if open_ended else ""
    return f"{more}{number(low)}" if low == high else f"{number(low)} to {more}{number(high)}"


def escape_markdown(text) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def safe_url(url: str) -> str | None:
    return url if isinstance(url, str) and SAFE_URL.match(url) else None


def _script_json(value) -> str:
    return json.dumps(value, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")


class Chart:
    """An Altair chart shown as a Vega-Embed div (HTML) or an SVG image (PDF)."""

    def __init__(self, chart: alt.TopLevelMixin, name: str):
        self.spec = chart.to_dict()
        self.name = re.sub(r"[^a-z0-9-]", "-", name.lower())

    def _repr_mimebundle_(self, include=None, exclude=None):
        spec_id = f"spec-{self.name}"
        div = (
            f'<div class="vega-chart" id="chart-{self.name}" data-spec="{spec_id}"></div>'
            f'<script type="application/json" id="{spec_id}">{_script_json(self.spec)}</script>'
        )
        return {
            "text/html": div,
            "image/svg+xml": vlc.vegalite_to_svg(self.spec),
            "text/plain": f"<chart {self.name}>",
        }


class Table:
    """A data frame shown as an escaped HTML table, or a markdown pipe table for the PDF."""

    def __init__(self, frame: pd.DataFrame, css_class: str = "data-table"):
        self.frame = frame
        self.css_class = css_class

    def _cell_html(self, value) -> str:
        if isinstance(value, Link):
            return value.html()
        if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
            return ""
        return html.escape(str(value), quote=True)

    def _cell_md(self, value) -> str:
        if isinstance(value, Link):
            return escape_markdown(value.text)
        if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
            return ""
        return escape_markdown(value).replace("\n", " ")

    def _repr_mimebundle_(self, include=None, exclude=None):
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in self.frame.columns)
        rows = "".join(
            "<tr>" + "".join(f"<td>{self._cell_html(v)}</td>" for v in row) + "</tr>"
            for row in self.frame.itertuples(index=False)
        )
        table_html = (
            f'<table class="{self.css_class}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
        md = [
            "| " + " | ".join(escape_markdown(c) for c in self.frame.columns) + " |",
            "|" + "---|" * len(self.frame.columns),
        ]
        md += [
            "| " + " | ".join(self._cell_md(v) for v in row) + " |"
            for row in self.frame.itertuples(index=False)
        ]
        return {
            "text/html": table_html,
            "text/markdown": "\n".join(md),
            "text/plain": self.frame.to_string(),
        }


class Link:
    """A hyperlink cell; anything but http(s) shows as plain text."""

    def __init__(self, text: str, url: str):
        self.text, self.url = text, safe_url(url)

    def html(self) -> str:
        text = html.escape(self.text)
        if not self.url:
            return text
        return f'<a href="{html.escape(self.url, quote=True)}" rel="noopener noreferrer">{text}</a>'


def csl_items(sources: pd.DataFrame) -> list[dict]:
    """CSL-JSON bibliography entries for pandoc/Quarto citeproc."""
    items = []
    for row in sources.itertuples(index=False):
        date = pd.Timestamp(row.published)
        item = {
            "id": row.source_id,
            "type": "webpage",
            "title": row.title,
            "author": [{"literal": row.publisher}],
            "container-title": row.publisher,
            "issued": {"date-parts": [[date.year, date.month, date.day]]},
            "language": row.language,
        }
        if safe_url(row.url):
            item["URL"] = row.url
        items.append(item)
    return items


def vega_header() -> str:
    """The Vega, Vega-Lite and Vega-Embed bundle plus the chart initialiser, as HTML."""
    bundle = cast(Any, vlc).javascript_bundle().replace("</script", "<\\/script")
    return f"<script>{bundle}</script>\n{INIT_SCRIPT}"
