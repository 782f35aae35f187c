"""The failure page: built from an autoescaped template, with counts, rows in context,
file hashes and the history of validation runs."""

from bs4 import BeautifulSoup

from pipeline.io.failure_report import check_counts, load_failures, write_report
from pipeline.validation import validate_dataset
from tests.support import read_rows, write_rows


def _broken(raw_copy):
    path = raw_copy / "statements.csv"
    rows = read_rows(path)
    rows[0]["summary"] = "<script>alert(1)</script> said \u202ethe ministry"
    rows[1]["stance"] = "denail"
    write_rows(path, rows)
    return validate_dataset(raw_copy)


def test_page_escapes_values_and_shows_rows_hashes_counts_and_history(raw_copy, tmp_path):
    validation = _broken(raw_copy)
    folder = tmp_path / "validation"
    write_report(folder, validation, "2026-01-01T00:00:00Z", "run-1")
    write_report(folder, validation, "2026-01-02T00:00:00Z", "run-2")
    page = (folder / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("script") is None
    text = soup.get_text()
    assert "<script>alert(1)</script>" in text and "\u202e" not in text and "\\u202e" in text
    assert "run-2" in text and "2026-01-02T00:00:00Z" in text
    assert validation.file_hashes["raw/statements.csv"] in text
    assert len(soup.select("h2 + div table")[-1].select("tbody tr")) == 2  # two runs kept
    assert soup.find("tr", class_="failing").find("th").get_text() in {"summary", "stance"}
    assert [f["check"] for f in load_failures(folder)] == [f.check for f in validation.failures]


def test_counts_say_passed_failed_and_not_run(raw_copy):
    (raw_copy / "sources.csv").write_text("", encoding="utf-8")
    counts = {c.name: c for c in check_counts(validate_dataset(raw_copy))}
    assert counts["not_empty"].failed == 1
    assert counts["source_ids_resolve"].not_run == 5
    assert counts["isin"].passed == 4 and counts["isin"].not_run == 1
