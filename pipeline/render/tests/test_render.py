"""The offline Quarto renderer: each supported Quarto feature, on a small .qmd."""

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pipeline.render import render
from pipeline.render.qmd import QmdError, parse_qmd

FIXTURE = Path(__file__).parent / "fixtures"


def test_parse_cell_options_and_front_matter():
    doc = parse_qmd(
        '---\ntitle: "T"\n---\n\ntext\n\n```{python}\n#| label: fig-a\n'
        '#| fig-cap: "Cap"\nx = 1\n```\n'
    )
    assert doc.meta == {"title": "T"}
    cell = doc.blocks[1]
    assert cell.options == {"label": "fig-a", "fig-cap": "Cap"} and cell.source == "x = 1"


def test_unclosed_cell_is_an_error_naming_the_line():
    with pytest.raises(QmdError, match="line 3"):
        parse_qmd("text\n\n```{python}\nx = 1\n")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("features")
    shutil.copytree(FIXTURE, folder, dirs_exist_ok=True)
    result = render(folder / "features.qmd", folder / "_output")
    html = result.outputs["html"].read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser"), result


def test_inline_expressions_are_evaluated(rendered):
    soup, _ = rendered
    assert "Inline value: 42." in soup.get_text()


def test_figure_and_table_captions_are_numbered_and_cross_referenced(rendered):
    soup, _ = rendered
    figure = soup.find(id="fig-bars")
    assert figure is not None and "Figure 1: Bars of a small chart." in figure.get_text()
    assert "Table 1: A small table." in soup.find(id="tbl-small").get_text()
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links["Figure 1"] == "#fig-bars" and links["Table 1"] == "#tbl-small"
    assert links["Section one"] == "#sec-one"


def test_callouts_get_their_class_and_title(rendered):
    soup, _ = rendered
    warning = soup.select_one(".callout.callout-warning")
    note = soup.select_one(".callout.callout-note")
    assert "Warning" in warning.get_text() and "Custom title" in note.get_text()


def test_citations_resolve_to_the_bibliography(rendered):
    soup, _ = rendered
    assert soup.find(id="ref-doc-one") is not None
    assert soup.select_one('a[href="#ref-doc-one"]') is not None


def test_cell_options_echo_include_and_asis(rendered):
    soup, _ = rendered
    text = soup.get_text()
    assert "print(value)" in text and "computed in a cell" in text
    assert "hidden output" not in text and 'value = "computed' not in text
    assert soup.find("strong", string="asis markdown") is not None


def test_table_cells_are_escaped(rendered):
    soup, _ = rendered
    assert soup.find("b", string="bold?") is None
    assert "<b>bold?</b>" in soup.select_one("table").get_text()


def test_pdf_is_written(rendered):
    _, result = rendered
    assert result.outputs["pdf"].read_bytes().startswith(b"%PDF")
    assert set(result.timings) == {"kernel_start", "execute", "typeset_html", "typeset_pdf"}


@pytest.mark.skipif(
    shutil.which("quarto") is None,
    reason="quarto is not on PATH (its PyPI package "
    "cannot fetch its binary here); the offline renderer is tested instead",
)
def test_real_quarto_renders_the_same_features(tmp_path):
    import subprocess

    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    subprocess.run(["quarto", "render", "features.qmd", "--to", "html"], cwd=tmp_path, check=True)
    soup = BeautifulSoup((tmp_path / "features.html").read_text(), "html.parser")
    assert "Inline value: 42." in soup.get_text()
    assert soup.find(id="fig-bars") is not None


def test_the_renderer_imports_nothing_else_from_the_project():
    import ast

    for path in Path(__file__).parents[1].glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom) and not node.level
                    else []
                )
            )
            assert not [n for n in names if n.split(".")[0] in ("pipeline", "schemas")], path
