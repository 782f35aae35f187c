"""The rendered report, parsed with a real HTML parser, and its PDF."""

import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from pipeline.publish import tables
from schemas.catalog import TABLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def soup(built_project):
    html = (built_project.report_output_dir / "report.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_citations_link_to_a_bibliography_of_every_source(built_project, soup):
    sources = tables.read(built_project.processed_dir, TABLES["sources"])
    entries = soup.select("#refs > div[id^=ref-]")
    assert {e["id"][4:] for e in entries} == set(sources["source_id"])
    links = soup.select('a[href^="#ref-"]')
    assert links and all(soup.find(id=a["href"][1:]) is not None for a in links)


def test_html_is_self_contained(soup):
    for tag in soup.find_all(["script", "img", "iframe", "link", "source", "video", "audio"]):
        for attr in ("src", "href"):
            value = tag.get(attr)
            if value and tag.name != "a":
                assert value.startswith(("data:", "#")), f"{tag.name} {attr}={value[:60]}"


def test_pdf_has_pages_and_a_title(built_project):
    reader = PdfReader(built_project.report_output_dir / "report.pdf")
    assert len(reader.pages) >= 5
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages[:2]))
    assert "North Korea" in text
