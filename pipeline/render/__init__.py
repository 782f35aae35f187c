"""The offline Quarto renderer: parse the .qmd, execute it with nbclient, typeset with pandoc.

Used when the `quarto` binary is not on PATH. It reads the same .qmd and _quarto.yml as
Quarto and writes the same two outputs: a self-contained HTML file and a PDF (via typst).
"""

import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import typeset
from .assemble import assemble
from .notebook import RenderError, execute
from .qmd import parse_qmd

__all__ = ["RenderError", "Rendered", "render"]


def _publish(source: Path, target: Path) -> None:
    """Move a finished file into place atomically, with the mode a new file gets."""
    mask = os.umask(0)
    os.umask(mask)
    source.chmod(0o666 & ~mask)
    with open(source, "rb") as f:
        os.fsync(f.fileno())
    os.replace(source, target)


@dataclass
class Rendered:
    outputs: dict[str, Path]
    timings: dict[str, float] = field(default_factory=dict)


def project_meta(folder: Path) -> dict:
    config = folder / "_quarto.yml"
    return yaml.safe_load(config.read_text(encoding="utf-8")) or {} if config.exists() else {}


def _format_options(meta: dict, name: str) -> dict:
    formats = meta.get("format", {}) or {}
    options = formats.get(name, {}) if isinstance(formats, dict) else {}
    return options if isinstance(options, dict) else {}


def _merge(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        out[key] = (
            _merge(out[key], value)
            if isinstance(value, dict) and isinstance(out.get(key), dict)
            else value
        )
    return out


def render(qmd: Path, out_dir: Path, env: dict | None = None) -> Rendered:
    """Render qmd to out_dir/<stem>.html and .pdf; outputs land in place only when both succeed."""
    folder = qmd.parent
    doc = parse_qmd(qmd.read_text(encoding="utf-8"))
    project = project_meta(folder)
    meta = _merge({k: v for k, v in project.items() if k != "project"}, doc.meta)
    doc.meta = meta
    timings = {}
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        run = execute(doc, str(folder))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    timings["kernel_start"] = run.kernel_start_seconds
    timings["execute"] = run.execute_seconds
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".render-") as scratch:
        tmp = Path(scratch)

        def html():
            started = time.perf_counter()
            text = typeset.to_html(
                assemble(doc, run, "html"), meta, _format_options(meta, "html"), folder
            )
            (tmp / f"{qmd.stem}.html").write_text(text, encoding="utf-8")
            timings["typeset_html"] = time.perf_counter() - started

        def pdf():
            started = time.perf_counter()
            markdown = assemble(doc, run, "typst", figure_dir=tmp / "figures")
            typeset.to_pdf(
                markdown, meta, _format_options(meta, "typst"), folder, tmp / f"{qmd.stem}.pdf"
            )
            timings["typeset_pdf"] = time.perf_counter() - started

        # Both typesetters spend most of their time in pandoc and typst, outside Python.
        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [pool.submit(html), pool.submit(pdf)]:
                future.result()
        outputs = {}
        for suffix in ("html", "pdf"):
            target = out_dir / f"{qmd.stem}.{suffix}"
            _publish(tmp / target.name, target)
            outputs[suffix] = target
    return Rendered(outputs, timings)
