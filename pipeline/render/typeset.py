"""Typeset assembled markdown with pandoc (HTML) and pandoc's typst writer + typst (PDF)."""

import tempfile
from pathlib import Path

import pypandoc
import typst
import yaml

# Keys that are Quarto's own and mean nothing (or something else) to pandoc.
QUARTO_ONLY = {"format", "execute", "jupyter", "engine", "project", "crossref", "filters"}


def pandoc_meta(meta: dict) -> str:
    kept = {k: v for k, v in meta.items() if k not in QUARTO_ONLY}
    return "---\n" + yaml.safe_dump(kept, sort_keys=True, allow_unicode=True) + "---\n\n"


def _citation_args(meta: dict) -> list[str]:
    return ["--citeproc"] if meta.get("bibliography") else []


def to_html(markdown: str, meta: dict, options: dict, cwd: Path) -> str:
    args = ["--standalone", "--embed-resources", "--section-divs", "--wrap=none",
            "--metadata=link-citations:true", *_citation_args(meta)]
    if options.get("toc"):
        args.append("--toc")
    for css in _as_list(options.get("css")):
        args.append(f"--css={css}")
    for header in _as_list(options.get("include-in-header")):
        args.append(f"--include-in-header={header}")
    return pypandoc.convert_text(pandoc_meta(meta) + markdown, "html5", format="markdown",
                                 extra_args=args, cworkdir=str(cwd))


def to_pdf(markdown: str, meta: dict, options: dict, cwd: Path, target: Path) -> None:
    args = ["--standalone", "--wrap=none", *_citation_args(meta)]
    if options.get("toc"):
        args.append("--toc")
    source = pypandoc.convert_text(pandoc_meta(meta) + markdown, "typst", format="markdown",
                                   extra_args=args, cworkdir=str(cwd))
    with tempfile.TemporaryDirectory(dir=cwd) as tmp:
        typ = Path(tmp) / "report.typ"
        typ.write_text(source, encoding="utf-8")
        target.write_bytes(typst.compile(str(typ), root="/"))


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
