"""Turn executed cells into pandoc markdown for one output format, the way Quarto would.

Supported Quarto features: cell options (echo, output, include, label, fig-cap, tbl-cap),
figure and table captions, cross-references (@fig-, @tbl-, @sec-), callouts
(.callout-note/-tip/-warning/-important/-caution), inline `{python}` expressions, and
citations (left to pandoc's citeproc).
"""

import base64
import hashlib
import re
from pathlib import Path

from .notebook import INLINE, Execution
from .qmd import Cell, Document, Markdown

MIME_ORDER = {
    "html": ["text/html", "image/svg+xml", "image/png", "text/markdown", "text/plain"],
    "typst": ["image/svg+xml", "image/png", "text/markdown", "text/plain"],
}
CALLOUT = re.compile(
    r"^(:::+)\s*\{\.callout-(note|tip|warning|important|caution)([^}]*)\}\s*$", re.M
)
CROSSREF = re.compile(r"@((?:fig|tbl|sec)-[A-Za-z0-9_-]+)")
SECTION = re.compile(r"^#+\s+(.*?)\s*\{#(sec-[A-Za-z0-9_-]+)[^}]*\}\s*$", re.M)
KINDS = {"fig": "Figure", "tbl": "Table"}


def _option(cell: Cell, meta: dict, name: str, default):
    execute = meta.get("execute", {}) or {}
    return cell.options.get(name, execute.get(name, default))


def crossref_targets(doc: Document) -> dict[str, str]:
    """Label -> display text ('Figure 2', 'Table 1', or a section's title)."""
    targets: dict[str, str] = {}
    counts: dict[str, int] = {}
    for block in doc.blocks:
        if isinstance(block, Cell) and block.label:
            prefix = block.label.split("-", 1)[0]
            if prefix in KINDS:
                counts[prefix] = counts.get(prefix, 0) + 1
                targets[block.label] = f"{KINDS[prefix]} {counts[prefix]}"
        elif isinstance(block, Markdown):
            for title, ident in SECTION.findall(block.text):
                targets[ident] = title
    return targets


def _resolve_refs(text: str, targets: dict[str, str]) -> str:
    def replace(match):
        label = match.group(1)
        if label not in targets:
            raise ValueError(f"unresolved cross-reference @{label}")
        return f"[{targets[label]}](#{label})"

    return CROSSREF.sub(replace, text)


def _callouts(text: str) -> str:
    def replace(match):
        fence, kind, rest = match.groups()
        title = re.search(r'title="([^"]*)"', rest)
        heading = title.group(1) if title else kind.capitalize()
        return f"{fence} {{.callout .callout-{kind}}}\n\n**{heading}**\n"

    return CALLOUT.sub(replace, text)


def _output_markdown(output, fmt: str, asis: bool, figure_dir: Path | None) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        text = output.get("text", "")
        return text if asis else f"```\n{text.rstrip()}\n```"
    if kind == "error":
        raise RuntimeError("\n".join(output.get("traceback", [])))
    data = output.get("data", {})
    for mime in MIME_ORDER[fmt]:
        if mime not in data:
            continue
        value = data[mime]
        value = "".join(value) if isinstance(value, list) else value
        if mime == "text/html":
            return f"```{{=html}}\n{value}\n```"
        if mime in ("image/svg+xml", "image/png"):
            return _image(value, mime, fmt, figure_dir)
        if mime == "text/markdown" or asis:
            return value
        return f"```\n{value}\n```"
    return ""


def _image(value: str, mime: str, fmt: str, figure_dir: Path | None) -> str:
    raw = value.encode("utf-8") if mime == "image/svg+xml" else base64.b64decode(value)
    suffix = ".svg" if mime == "image/svg+xml" else ".png"
    if fmt == "typst" and figure_dir is not None:
        figure_dir.mkdir(parents=True, exist_ok=True)
        path = figure_dir / (hashlib.sha256(raw).hexdigest()[:16] + suffix)
        path.write_bytes(raw)
        return f"![]({path.as_posix()}){{width=100%}}"
    encoded = base64.b64encode(raw).decode("ascii")
    return f"![](data:{mime};base64,{encoded})"


def _next_from(values):
    return lambda _match: next(values)


def assemble(doc: Document, run: Execution, fmt: str, figure_dir: Path | None = None) -> str:
    targets = crossref_targets(doc)
    parts = []
    for block in doc.blocks:
        if isinstance(block, Markdown):
            text = block.text
            values = iter(run.inline.get(id(block), []))
            text = INLINE.sub(_next_from(values), text)
            parts.append(_resolve_refs(_callouts(text), targets))
            continue
        if not _option(block, doc.meta, "include", True):
            continue
        chunks = []
        if _option(block, doc.meta, "echo", False):
            chunks.append(f"```python\n{block.source}\n```")
        output = _option(block, doc.meta, "output", True)
        if output:
            chunks += [
                _output_markdown(o, fmt, output == "asis", figure_dir)
                for o in run.outputs.get(id(block), [])
            ]
        body = "\n\n".join(c for c in chunks if c)
        label = block.label
        caption = block.options.get("fig-cap") or block.options.get("tbl-cap")
        if label and label in targets and caption and body:
            caption_text = f"{targets[label]}: {_resolve_refs(caption, targets)}"
            if label.startswith("tbl-"):
                body = f"::: {{.caption}}\n{caption_text}\n:::\n\n{body}"
            else:
                body = f"{body}\n\n::: {{.caption}}\n{caption_text}\n:::"
            kind = "quarto-figure" if label.startswith("fig-") else "quarto-table"
            body = f"::: {{#{label} .{kind}}}\n\n{body}\n\n:::"
        parts.append(body)
    return "\n\n".join(parts)
