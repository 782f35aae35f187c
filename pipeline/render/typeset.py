"""Typeset assembled markdown with pandoc (HTML) and pandoc's typst writer + typst (PDF)."""

import tempfile
from pathlib import Path

import pypandoc
import typst
import yaml

# Keys that are Quarto's own and mean nothing (or something else) to pandoc.
QUARTO_ONLY = {"format", "execute", "jupyter", "engine", "project", "crossref", "filters"}


def pandoc_meta(meta: dict, cwd: Path) -> str:
    kept = {k: v for k, v in meta.items() if k not in QUARTO_ONLY}
    if kept.get("bibliography"):
        kept["bibliography"] = [str(cwd / b) for b in _as_list(kept["bibliography"])]
    return "---\n" + yaml.safe_dump(kept, sort_keys=True, allow_unicode=True) + "---\n\n"


# Paths are made absolute instead of using pypandoc's cworkdir, which changes the whole
# process's working directory and so cannot be used from two threads at once.


def _citation_args(meta: dict) -> list[str]:
    return ["--citeproc"] if meta.get("bibliography") else []


def to_html(markdown: str, meta: dict, options: dict, cwd: Path) -> str:
    args = [
        "--standalone",
        "--embed-resources",
        "--section-divs",
        "--wrap=none",
        f"--resource-path={cwd}",
        "--metadata=link-citations:true",
        *_citation_args(meta),
    ]
    if options.get("toc"):
        args.append("--toc")
    for css in _as_list(options.get("css")):
        args.append(f"--css={cwd / css}")
    for header in _as_list(options.get("include-in-header")):
        args.append(f"--include-in-header={cwd / header}")
    return pypandoc.convert_text(
        pandoc_meta(meta, cwd) + markdown, "html5", format="markdown", extra_args=args
    )


def to_pdf(markdown: str, meta: dict, options: dict, cwd: Path, target: Path) -> None:
    args = ["--standalone", "--wrap=none", f"--resource-path={cwd}", *_citation_args(meta)]
    if options.get("toc"):
        args.append("--toc")
    source = pypandoc.convert_text(
        pandoc_meta(meta, cwd) + markdown, "typst", format="markdown", extra_args=args
    )
    with tempfile.TemporaryDirectory(dir=cwd) as tmp:
        typ = Path(tmp) / "report.typ"
        typ.write_text(source, encoding="utf-8")
        target.write_bytes(typst.compile(str(typ), root="/"))


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
