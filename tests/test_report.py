"""The rendered report, parsed with a real HTML parser and checked against processed/."""

import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from pipeline.report import prepare_inputs, read_build_info, render_report
from pipeline.report_kit import value_range

pytestmark = pytest.mark.slow

SECTIONS = ["sec-key-figures", "sec-kind", "sec-how-much", "sec-routes", "sec-returns", "sec-ofac",
            "sec-why", "sec-sanctions", "sec-statements", "sec-quality", "sec-changes",
            "sec-methods", "sec-bibliography"]


@pytest.fixture(scope="module")
def html(built_project):
    return (built_project.report_output_dir / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def soup(html):
    return BeautifulSoup(html, "html.parser")


def processed(project, name):
    return pd.read_parquet(project.processed_dir / f"{name}.parquet")


def test_every_section_is_present(soup):
    for section in SECTIONS:
        assert soup.find(id=section) is not None, section


def test_at_least_six_charts_each_with_a_spec_and_sources(soup):
    charts = soup.select("div.vega-chart")
    assert len(charts) >= 6
    for chart in charts:
        assert soup.find(id=chart["data-spec"]) is not None
        figure = chart.find_parent(class_="quarto-figure")
        if figure is not None and chart["id"] != "chart-publishers":
            assert figure.find(string=re.compile("Sources:")), chart["id"]


def test_key_figures_equal_values_computed_from_processed(built_project, soup):
    headlines = processed(built_project, "headline_figures")
    text = soup.find(id="sec-key-figures").get_text(" ", strip=True)
    assert len(headlines) == 6
    for row in headlines.itertuples():
        expected = f"{value_range(row.low, row.high, row.high_open)} {row.unit} ({row.claimants} claimants)"
        assert expected in text, expected
    counts = (f"{len(processed(built_project, 'shipments'))} claims about transfers, "
              f"{len(processed(built_project, 'sanctions'))} sanctions actions and "
              f"{len(processed(built_project, 'statements'))} statements")
    assert counts in text


def test_citations_link_to_a_bibliography_of_every_source(built_project, soup):
    sources = processed(built_project, "sources")
    entries = soup.select("#refs > div[id^=ref-]")
    assert {e["id"][4:] for e in entries} == set(sources["source_id"])
    links = soup.select('a[href^="#ref-"]')
    assert links
    assert all(soup.find(id=a["href"][1:]) is not None for a in links)


def test_html_is_self_contained(soup):
    for tag in soup.find_all(["script", "img", "iframe", "link", "source", "video", "audio"]):
        for attr in ("src", "href"):
            value = tag.get(attr)
            if value and tag.name != "a":
                assert value.startswith(("data:", "#")), f"{tag.name} {attr}={value[:60]}"
    assert any("vegaEmbed" in (s.string or "") for s in soup.find_all("script"))


def test_only_http_links_in_the_report(soup):
    for a in soup.find_all("a", href=True):
        assert a["href"].startswith(("http://", "https://", "#")), a["href"]


def test_build_stamp_names_data_and_code_versions(built_project, soup):
    stamp = soup.find(id="build-stamp").get_text()
    info = read_build_info(built_project.reports_dir)
    assert info["code_version"] in stamp and info["built_at"] in stamp
    for name, version in info["data_versions"].items():
        assert f"{name} {version}" in stamp


def test_first_build_says_so(soup):
    assert "first build" in soup.find(id="sec-changes").get_text()


def test_pdf_has_pages_title_and_a_key_figure(built_project):
    reader = PdfReader(built_project.report_output_dir / "report.pdf")
    assert len(reader.pages) >= 5
    text = " ".join(page.extract_text() for page in reader.pages[:4])
    text = re.sub(r"\s+", " ", text)
    assert "North Korea" in text and "military aid to Russia" in text
    containers = processed(built_project, "headline_figures").set_index("figure").loc["containers"]
    assert f"{int(containers.high):,}" in text


def _without_stamp(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    soup.find(id="build-stamp").decompose()
    return str(soup)


def test_rendering_twice_gives_identical_html_apart_from_the_stamp(built_project, html):
    info = dict(read_build_info(built_project.reports_dir), built_at="2000-01-01T00:00:00Z")
    prepare_inputs(built_project, info)
    (built_project.report_output_dir / "published-data").rename(
        built_project.report_output_dir / "published-data.kept")
    try:
        prepare_inputs(built_project, info)  # again a first build, like the original render
        again = render_report(built_project)["outputs"]["html"].read_text(encoding="utf-8")
    finally:
        (built_project.report_output_dir / "published-data.kept").rename(
            built_project.report_output_dir / "published-data")
    assert "2000-01-01T00:00:00Z" in again
    assert _without_stamp(again) == _without_stamp(html)


def test_without_a_snapshot_the_report_says_no_official_list(soup):
    assert "No official list was provided" in soup.find(id="sec-ofac").get_text()
    assert soup.find(id="tbl-ofac") is None
